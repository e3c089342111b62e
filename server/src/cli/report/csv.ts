// `--format csv`: one row per finding, for Excel. UTF-8 with a BOM (so Excel reads Chinese as
// UTF-8), CRLF line ends and RFC 4180 quoting (a field with a comma, quote or line break is quoted,
// quotes doubled). A file that could not be checked is one row saying so.
import type { Locale } from '../../engine';
import type { FileRecord } from './record';
import { reportStrings } from './strings';

export const BOM = '\uFEFF';

/** One RFC 4180 field. */
export function csvField(value: string | number | undefined): string {
  const s = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (fields: readonly (string | number | undefined)[]): string => fields.map(csvField).join(',') + '\r\n';

/** The header row (with the BOM before it): written first, then `csvRows` of each file as it is checked. */
export function csvHeader(locale: Locale): string {
  return BOM + csvRow(reportStrings(locale).csvHeader);
}

export function csvRows(r: FileRecord, locale: Locale): string {
  const s = reportStrings(locale);
  if (!r.checked) return csvRow([r.file, r.unit, r.year, '', s.csvUnchecked, '', '', r.why, '']);
  return r.findings
    .map((f) => csvRow([r.file, r.unit, r.year, f.rule, s.severity[f.severity], f.line, f.column, f.message, f.place]))
    .join('');
}
