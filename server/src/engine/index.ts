// The engine's public surface. Everything here is pure: (text, options) → plain data,
// (document, analysis) → LSP-shaped data. Server and CLI call only these.
export type {
  Locale,
  Severity,
  SeveritySetting,
  OffsetRange,
  OffsetEdit,
  Fix,
  FixKind,
  RelatedInfo,
  RelatedReport,
  LineRange,
} from './types';
export type { Finding, AnalyzeOptions } from './finding';
export type { RuleId } from './rules/registry';
export type { ReportSummary, SummaryCell } from './summary';
export { summarize, summarizeModel, previousYearReports } from './summary';
export type { Analysis } from './analyze';
export { analyze } from './analyze';
export { prepareText, preparedSummary } from './prepared';
export type { PreparedText } from './prepared';
export { looksLikeReport } from './looksLikeReport';
export { RULES, ruleIds } from './rules/registry';
export { textReuseShare, type TextReuseShare } from './rules/textReuse';
export type { RuleMeta } from './rules/registry';
export { toDiagnostics } from './features/diagnostics';
export type { DiagnosticOptions } from './features/diagnostics';
export { documentSymbols } from './features/symbols';
export { codeActions, FIX_ALL_KIND, toTextEdits } from './features/codeActions';
export { hover } from './features/hover';
export { fixAll, applyEdits } from './features/fixAll';
export { tableView } from './features/tableView';
export type { TableViewModel, TableView, TableViewCell, TableViewRow, TableViewLabel, EquationView, CellState } from './features/tableViewModel';
export { codeLenses } from './features/codeLens';
export type { CodeLensOptions } from './features/codeLens';
export { foldingRanges } from './features/folding';
export { completions } from './features/completion';
export { newReport, invalidReportYear, NEW_REPORT_MIN_YEAR, NEW_REPORT_MAX_YEAR } from './features/newReport';
export type { NewReport, NewReportOptions } from './features/newReport';
export { scanDisableComments, disableNextLineComment } from './disableComments';
