// What every reader gives back: the report as the text the engine reads, and for each stretch of
// that text the place in the source file it came from (a Word table cell or paragraph, an HTML
// element, a PDF page). Plain data: the CLI prints places, the server sends them to the client.

/** A place in the source file. Numbers are 1-based, as a person counts them. */
export type SourcePlace =
  /** A paragraph of the body (Word) or a block element (HTML), counted among the paragraphs. */
  | { kind: 'paragraph'; paragraph: number; sourceLine?: number }
  /** A table cell: the n-th table of the document, its row, its column on the table's grid. */
  | { kind: 'cell'; table: number; row: number; column: number; sourceLine?: number }
  /** A page of a PDF. */
  | { kind: 'page'; page: number };

/** A stretch [start, end) of the converted text and where it came from. */
export interface PlaceSpan {
  start: number;
  end: number;
  place: SourcePlace;
}

export type SourceFormat = 'docx' | 'html' | 'pdf';

export interface Converted {
  format: SourceFormat;
  /** The report text: paragraphs one per line, table rows TAB-separated (Word, HTML) or laid out in columns (PDF). */
  text: string;
  /** Sorted by start, not overlapping; text between spans (line breaks, TABs) has no place of its own. */
  places: PlaceSpan[];
}

/** Why a file could not be read as a report. */
export type ReadProblem =
  | { kind: 'corrupt'; format: SourceFormat; why: string }
  | { kind: 'not-docx' }
  | { kind: 'old-word' }
  | { kind: 'wps' }
  | { kind: 'scanned-pdf'; pages: number }
  | { kind: 'password-pdf' }
  | { kind: 'too-large'; bytes: number; limit: number };

export type ReadResult = { ok: true; converted: Converted } | { ok: false; problem: ReadProblem };
