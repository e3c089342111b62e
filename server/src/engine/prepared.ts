// The parse of a text, made once and shared: the editor summarises a document for the cross-file
// lookup (its unit and year decide which other reports are related) before analysing it against
// those reports; both read this one parse instead of parsing the text twice per keystroke.
import { scanDisableComments, type DisableComments } from './disableComments';
import { looksLikeReport } from './looksLikeReport';
import type { ReportModel } from './model';
import { parseReport } from './parse/report';
import { summarizeModel, type ReportSummary } from './summary';

export interface PreparedText {
  text: string;
  /** Disable comments found in `text`, and the text with them masked by spaces (same offsets). */
  disable: DisableComments;
  /** The model of the masked text (never mutated by the rules). */
  report: ReportModel;
}

export function prepareText(text: string): PreparedText {
  const disable = scanDisableComments(text);
  return { text, disable, report: parseReport(disable.masked) };
}

/**
 * `summarize(text)` when `looksLikeReport(text)`, else undefined — from the prepared parse (the
 * lines are reused when no disable comment changed them).
 */
export function preparedSummary(p: PreparedText): ReportSummary | undefined {
  const looks = p.disable.masked === p.text ? looksLikeReport(p.text, p.report.lines) : looksLikeReport(p.text);
  return looks ? summarizeModel(p.report) : undefined;
}
