// Public types of the pure engine. No fs, no LSP connection, no vscode here.
// All ranges are UTF-16 offsets into the original text (what TextDocument.positionAt expects).
import type { TemplateVersion } from './template';

export type Locale = 'zh-CN' | 'en';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface OffsetRange {
  start: number;
  end: number;
}

export interface OffsetEdit extends OffsetRange {
  newText: string;
}

export type FixKind = 'set-cell' | 'fill-blank' | 'recompute-total' | 'insert-section' | 'canonical-title';

export interface Fix {
  /** Title shown in the quick-fix menu, already localised. */
  title: string;
  kind: FixKind;
  edits: OffsetEdit[];
}

export interface RelatedInfo {
  range: OffsetRange;
  message: string;
  /** Set when the place is in another file: its uri, and the range there as LSP positions. */
  uri?: string;
  location?: LineRange;
}

/** A range as 0-based line / UTF-16 character positions (what LSP sends). */
export interface LineRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** What a rule says of a place in the text (Finding, less its rule and severity). */
export interface FindingBody {
  /** Localised message. */
  message: string;
  range: OffsetRange;
  related: RelatedInfo[];
  /** The one determined, safe fix (used by quick fix as preferred and by fix-all). */
  fix?: Fix;
  /** Alternatives that involve a guess: offered in the menu, never applied by fix-all. */
  suggestions?: Fix[];
}


/** Another file's report, as a summary (plain data: the front end summarises it with `summarize`). */
export interface RelatedReport {
  uri: string;
  summary: ReportSummary;
}

// A report in a few plain values (made by summary.ts `summarize`), for the cross-file rules.

export interface SummaryCell {
  /** The cell's value when it is a non-negative integer; undefined for blank / invalid cells. */
  value?: number;
  range: OffsetRange;
  location: LineRange;
}

export interface DocumentCounts {
  /** 规章 or 行政规范性文件 (F2021 第二十条第（一）项). */
  row: string;
  issued?: SummaryCell;
  repealed?: SummaryCell;
  valid?: SummaryCell;
}

export interface ReportSummary {
  /** Unit name as a matching key (no spaces or punctuation), from the title; undefined if unknown. */
  unit?: string;
  /** The unit name as written, for messages. */
  unitText?: string;
  year?: number;
  /** The version the tables' labels show (undefined when they show none). */
  version?: TemplateVersion;
  /** Table 三: 二、上年结转 and 四、结转下年度继续办理, 7 columns each. */
  carried?: SummaryCell[];
  forward?: SummaryCell[];
  /** Table 二, F2021 第二十条第（一）项 rows. */
  documents: DocumentCounts[];
  /**
   * The prose as a fingerprint (reuse.ts `proseFingerprint`): a 32-bit hash of each normalised
   * sentence (no years, unit name or punctuation; table lines and short lines left out), sorted.
   * For `text-reuse`; absent in summaries made before it existed.
   */
  sentences?: number[];
}

