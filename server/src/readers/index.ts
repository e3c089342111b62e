// The readers: a file's name and bytes → the report text the engine reads, with a map back to
// the source (types.ts). One module per format; none touches the file system, so the CLI and the
// language server share them.
import { readDocx } from './docx';
import { readHtml } from './html';
import { readPdf } from './pdf';
import type { ReadResult, SourceFormat } from './types';

export type { Converted, PlaceSpan, ReadProblem, ReadResult, SourceFormat, SourcePlace } from './types';
export { describePlace, placeAt } from './places';
export { readDocx } from './docx';
export { readHtml, readHtmlText } from './html';
export { readPdf } from './pdf';

/** What a file's extension says it holds: a format a reader converts, an old format we explain, or text. */
export type SourceKind = SourceFormat | 'old-word' | 'wps' | 'text';

const KINDS: Record<string, SourceKind> = {
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.doc': 'old-word',
  '.wps': 'wps',
};

/** The kind of `fileName` by its extension (case-insensitive); everything else is text. */
export function sourceKind(fileName: string): SourceKind {
  const dot = fileName.lastIndexOf('.');
  const ext = dot >= 0 ? fileName.slice(dot).toLowerCase() : '';
  return KINDS[ext] ?? 'text';
}

/** The extensions whose files a reader converts into report text (.docx .html .htm .pdf). */
export const CONVERTED_EXTENSIONS: readonly string[] = Object.keys(KINDS).filter((ext) => KINDS[ext] === 'docx' || KINDS[ext] === 'html' || KINDS[ext] === 'pdf');

/** The largest source file read (a report's .docx is tens of KB, its PDF a few MB). */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

/** Converts a source file (by its name's extension). Never throws: a problem is a result. */
export async function readSource(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  const kind = sourceKind(fileName);
  if (bytes.length > MAX_SOURCE_BYTES) return { ok: false, problem: { kind: 'too-large', bytes: bytes.length, limit: MAX_SOURCE_BYTES } };
  try {
    switch (kind) {
      case 'docx':
        return readDocx(bytes);
      case 'html':
        return readHtml(bytes);
      case 'pdf':
        return await readPdf(bytes);
      case 'old-word':
        return { ok: false, problem: { kind: 'old-word' } };
      case 'wps':
        return { ok: false, problem: { kind: 'wps' } };
      case 'text':
        return { ok: false, problem: { kind: 'corrupt', format: 'docx', why: `${fileName} is not a .docx, .html or .pdf file` } };
    }
  } catch (err) {
    const format: SourceFormat = kind === 'pdf' || kind === 'html' ? kind : 'docx';
    return { ok: false, problem: { kind: 'corrupt', format, why: (err as Error).message } };
  }
}
