// A report in a few plain values — who, which year, and the figures another year's report is
// compared with (X1 carry-over, X2 valid documents) — each with its range, so a finding in one
// file can point at the cell in the other. Plain JSON data: the front ends summarise files and
// pass the summaries back in as `AnalyzeOptions.related`.
import type { ReportModel } from './model';
import { scanDisableComments } from './disableComments';
import { parseReport } from './parse/report';
import { proseFingerprint } from './reuse';
import type { Cell } from './text/cells';
import { lineIndexAt, type Line } from './text/lines';
import { compact, labelKey } from './text/normalize';
import type { TemplateVersion } from './template';
import { T3_NCOLS } from './template';
import type { LineRange, OffsetRange, RelatedReport, ReportSummary, SummaryCell, DocumentCounts } from './types';

export type { DocumentCounts, ReportSummary, SummaryCell } from './types';

const SEPARATORS = /[:：>＞\-－—|｜]/;
const YEAR = /(?:19|20)\d{2}年度?/;
const SUFFIX = /政府信息公开.*$/;

/** The unit part of a title: 「淮安市人民政府 2024 年政府信息公开工作年度报告」 → 淮安市人民政府. */
export function unitOfTitle(title: string): string | undefined {
  const s = compact(title.replace(/[#*]/g, ''));
  const m = YEAR.exec(s);
  let unit = '';
  if (m) {
    unit = s.slice(0, m.index);
    if (labelKey(unit) === '') unit = s.slice(m.index + m[0].length).replace(SUFFIX, '');
  } else {
    unit = s.replace(SUFFIX, '');
  }
  const parts = unit.split(SEPARATORS);
  unit = parts[parts.length - 1];
  return labelKey(unit) === '' ? undefined : unit;
}

function lineRangeOf(lines: Line[], r: OffsetRange): LineRange {
  const pos = (offset: number) => {
    const lo = lineIndexAt(lines, offset);
    return { line: lo, character: Math.min(offset, lines[lo].end) - lines[lo].start };
  };
  return { start: pos(r.start), end: pos(r.end) };
}

function cellOf(lines: Line[], cell: Cell | undefined): SummaryCell | undefined {
  if (!cell) return undefined;
  const range = { start: cell.start, end: cell.end };
  const n = cell.kind === 'number' && /^\+?\d+$/.test(cell.num!) ? Number(cell.num) : undefined;
  return { value: n !== undefined && Number.isSafeInteger(n) ? n : undefined, range, location: lineRangeOf(lines, range) };
}

/** One summary per parsed model (the cross-file rules each ask for it): goes with the model. */
const summaries = new WeakMap<ReportModel, ReportSummary>();

export function summarizeModel(model: ReportModel): ReportSummary {
  let s = summaries.get(model);
  if (!s) summaries.set(model, (s = summarizeNew(model)));
  return s;
}

function summarizeNew(model: ReportModel): ReportSummary {
  const unitText = model.title ? unitOfTitle(model.title.text) : undefined;
  const row = (key: 'carried' | 'forward') => {
    const r = model.table3?.rows.get(key);
    return r && r.cells.length === T3_NCOLS ? r.cells.map((c) => cellOf(model.lines, c)!) : undefined;
  };
  const documents: DocumentCounts[] = [];
  for (const r of model.table2?.rows ?? []) {
    if (r.sub.item !== '一' || !r.sub.columns.includes('现行有效件数')) continue;
    const at = (column: string) => cellOf(model.lines, r.cells[r.sub.columns.indexOf(column)]);
    documents.push({ row: r.label, issued: at('本年制发件数'), repealed: at('本年废止件数'), valid: at('现行有效件数') });
  }
  const unit = unitText ? labelKey(unitText) : undefined;
  return {
    unit,
    unitText,
    year: model.year?.value,
    version: model.version.detected,
    carried: row('carried'),
    forward: row('forward'),
    documents,
    sentences: proseFingerprint(model, unit),
  };
}

/** Summarise a report's text (front ends call this on other files). */
export function summarize(text: string): ReportSummary {
  return summarizeModel(parseReport(scanDisableComments(text).masked));
}

/**
 * The reports among `related` that are last year's report of the same unit as `self`.
 * Several with different figures (copies that disagree) are all returned: callers decide.
 */
export function previousYearReports(self: ReportSummary, related: readonly RelatedReport[]): RelatedReport[] {
  if (!self.unit || self.year === undefined) return [];
  return related.filter((r) => r.summary.unit === self.unit && r.summary.year === self.year! - 1);
}

/** The one previous-year report to compare with, or undefined when none or several disagree. */
export function previousYearReport(self: ReportSummary, related: readonly RelatedReport[]): RelatedReport | undefined {
  const found = previousYearReports(self, related);
  if (found.length === 0) return undefined;
  const values = (r: RelatedReport) =>
    JSON.stringify([r.summary.forward?.map((c) => c.value), r.summary.documents.map((d) => [d.row, d.valid?.value])]);
  const first = values(found[0]);
  return found.every((r) => values(r) === first) ? found[0] : undefined;
}
