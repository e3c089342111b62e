// What the batch outputs (`--format html`, `--format csv`) take of one checked file: a plain-data
// record — the summary fields, each finding's essentials and, only for a file with errors or
// warnings, its table view model without ranges — made as the file is checked, so its analysis and
// document go at once. The csv rows and the page's details are written from it straight away
// (batch.ts); what stays in memory until the end is its `ReportRow`: the summary fields and counts.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as engine from '../../engine';

/** 1 error, 2 warning, 3 information, 4 hint (LSP DiagnosticSeverity). */
export type SeverityNumber = 1 | 2 | 3 | 4;

export interface FindingRecord {
  rule: string;
  severity: SeverityNumber;
  /** 1-based line and column (UTF-16), as the text output prints them. */
  line: number;
  column: number;
  message: string;
  /** Word / web page / PDF file: the place in it (表2 第5行 第3列, 第12段, 第2页). */
  place?: string;
}

/** How this year's 上年结转 compares with last year's report of the same unit. */
export type CarryoverState =
  /** No previous-year report of the unit among the inputs. */
  | 'none'
  /** Several copies of last year's report that disagree: not compared. */
  | 'ambiguous'
  | 'ok'
  | 'mismatch';

export interface FileRecord {
  file: string;
  /** False: the file could not be read or checked (`why` says why). */
  checked: boolean;
  why?: string;
  unit?: string;
  year?: number;
  /** The template the tables follow (from their labels), when they show one. */
  template?: 'F2019' | 'F2021';
  errors: number;
  warnings: number;
  /** Information and hints. */
  notes: number;
  carryover: CarryoverState;
  /** The previous-year report compared with (its file name), for `ok` / `mismatch`. */
  previousFile?: string;
  /** carryover findings on this file. */
  carryoverFindings: number;
  /** Share of its prose sentences found in last year's report of the unit (text-reuse), in %. */
  reuse?: number;
  findings: FindingRecord[];
  /** Tables 二/三/四 as the editor's preview draws them; only for a file with errors or warnings. */
  tables?: engine.TableViewModel;
}

/** What the page's reports table and rule counts need of a file (its details are written out already). */
export type ReportRow = Omit<FileRecord, 'findings' | 'tables'> & {
  /** Findings and errors per rule. */
  rules: Record<string, { findings: number; errors: number }>;
};

export function reportRow(r: FileRecord): ReportRow {
  const { findings, tables: _tables, ...rest } = r;
  const rules: ReportRow['rules'] = {};
  for (const f of findings) {
    const c = (rules[f.rule] ??= { findings: 0, errors: 0 });
    c.findings++;
    if (f.severity === 1) c.errors++;
  }
  return { ...rest, rules };
}

export type ReportStatus = 'pass' | 'errors' | 'warnings' | 'unchecked';

export function statusOf(r: Pick<FileRecord, 'checked' | 'errors' | 'warnings'>): ReportStatus {
  if (!r.checked) return 'unchecked';
  if (r.errors) return 'errors';
  if (r.warnings) return 'warnings';
  return 'pass';
}

export interface RecordInput {
  file: string;
  summary: engine.ReportSummary;
  analysis: engine.Analysis;
  doc: TextDocument;
  /** The diagnostics as shown (after --quiet), in output order. */
  diagnostics: readonly Diagnostic[];
  /** The previous-year reports the file was checked against (AnalyzeOptions.related). */
  related: readonly engine.RelatedReport[];
  /** A source file: the place of a diagnostic in it. */
  placeOf?: (d: Diagnostic) => string;
  /** Keep the table view model (html; csv has no use for it). */
  withTables: boolean;
}

const baseName = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

export function fileRecord(i: RecordInput): FileRecord {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  let carryoverFindings = 0;
  const findings: FindingRecord[] = [];
  for (const d of i.diagnostics) {
    const severity = (d.severity ?? 1) as SeverityNumber;
    if (severity === 1) errors++;
    else if (severity === 2) warnings++;
    else notes++;
    const rule = String(d.code ?? '');
    if (rule === 'carryover') carryoverFindings++;
    findings.push({
      rule,
      severity,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      message: d.message.replace(/\s*\r?\n\s*/g, ' '),
      ...(i.placeOf ? { place: i.placeOf(d) } : {}),
    });
  }
  const previous = engine.previousYearReports(i.summary, i.related);
  const first = previous[0];
  const agree = previous.length > 0 && previous.every((r) => sameForward(r, first));
  const carryover: CarryoverState = previous.length === 0 ? 'none' : !agree ? 'ambiguous' : carryoverFindings ? 'mismatch' : 'ok';
  const record: FileRecord = {
    file: i.file,
    checked: true,
    unit: i.summary.unitText,
    year: i.summary.year,
    template: i.analysis.report.version.detected,
    errors,
    warnings,
    notes,
    carryover,
    carryoverFindings,
    findings,
  };
  if (agree) record.previousFile = baseName(first.uri);
  const reuse = engine.textReuseShare(i.summary, i.related);
  if (reuse) record.reuse = reuse.percent;
  if (i.withTables && errors + warnings > 0) record.tables = compactTables(engine.tableView(i.doc, i.analysis));
  return record;
}

/** Whether two copies of last year's report give the same figures (engine.previousYearReport's test). */
function sameForward(a: engine.RelatedReport, b: engine.RelatedReport): boolean {
  const values = (r: engine.RelatedReport) =>
    JSON.stringify([r.summary.forward?.map((c) => c.value), r.summary.documents.map((d) => [d.row, d.valid?.value])]);
  return values(a) === values(b);
}

/** The table view model without what a page needs no more (ranges, uri): a smaller record. */
function compactTables(m: engine.TableViewModel): engine.TableViewModel {
  for (const t of m.tables) for (const r of t.rows) for (const c of r.cells) delete c.range;
  return { ...m, uri: '' };
}

/** A file that could not be read or checked: a row with its reason, status 未检查. */
export function uncheckedRecord(file: string, why: string): FileRecord {
  return { file, checked: false, why, errors: 0, warnings: 0, notes: 0, carryover: 'none', carryoverFindings: 0, findings: [] };
}
