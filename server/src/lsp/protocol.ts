// Custom protocol between the zfxxgk language server and its clients (the VS Code extension,
// tests, other editors). Plain data only: the client may import this file.

/** Request `zfxxgk/fixAllEdits`: the text edits that fix every determined problem of a document. */
export const FIX_ALL_EDITS_REQUEST = 'zfxxgk/fixAllEdits';
export interface FixAllEditsParams {
  uri: string;
}
// Result: TextEdit[] ([] for an unknown or non-report document, or nothing to fix).

/**
 * Command `zfxxgk.applyFixAll` (workspace/executeCommand, arguments: [uri] or [{ uri }]):
 * the server computes the fix-all edits and applies them with workspace/applyEdit.
 * Result: ApplyFixAllResult.
 */
export const APPLY_FIX_ALL_COMMAND = 'zfxxgk.applyFixAll';
export interface ApplyFixAllResult {
  /** Number of fixes applied (0 when there was nothing to fix or the client rejected the edit). */
  applied: number;
  /** Number of text edits sent to the client. */
  edits: number;
  /** Set when the client refused the workspace edit (e.g. the document changed meanwhile). */
  rejected?: string;
}

/** Notification `zfxxgk/status` (server → client), sent after each analysis that produced diagnostics. */
export const STATUS_NOTIFICATION = 'zfxxgk/status';
export interface StatusParams {
  uri: string;
  /** Document version the counts belong to. */
  version: number;
  /** True when the document is treated as an annual report (looks like one, or languageId 'zfxxgk-report'). */
  isReport: boolean;
  /** Counts of all problems found (before the zfxxgk.maxProblems cap). */
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Problems found but not shown because of zfxxgk.maxProblems. */
  hidden: number;
}

/**
 * Request `zfxxgk/tableView` (client → server): tables 二, 三, 四 of an open report as grids for
 * the table preview (cells with ranges and states, equations with ✓/✗). Result: TableViewModel,
 * or null for an unknown document or one that is not a report.
 */
export const TABLE_VIEW_REQUEST = 'zfxxgk/tableView';
export interface TableViewParams {
  uri: string;
}
export type { TableViewModel, TableView, TableViewCell, TableViewRow, TableViewLabel, EquationView, CellState } from '../engine/features/tableViewModel';

/** languageId a client may give to a document to force checking even if it does not look like a report. */
export const REPORT_LANGUAGE_ID = 'zfxxgk-report';

/** initializationOptions understood by the server. */
export interface InitializationOptions {
  /** 'zh-CN' | 'en' (or any 'en*' / 'zh*' tag); overrides InitializeParams.locale. */
  locale?: string;
}

/**
 * Request `zfxxgk/newReport` (client → server): the complete draft of a new report for a unit and
 * a report year (template version by year: ≥ 2021 → F2021, else F2019). The draft checks clean.
 * An invalid year is answered with an InvalidParams error whose message says what to enter.
 */
export const NEW_REPORT_REQUEST = 'zfxxgk/newReport';
export interface NewReportParams {
  /** The unit's name as it starts the title, e.g. 某某县人民政府办公室. */
  unit: string;
  /** Report year, an integer in NEW_REPORT_YEARS. */
  year: number;
  /** Line break of the draft; default '\n'. */
  eol?: '\n' | '\r\n';
}
export interface NewReportResult {
  text: string;
  title: string;
  /** Template version of the tables: 'F2019' | 'F2021'. */
  version: string;
}
/** Report years a draft can be made for (the engine checks the same bounds). */
export const NEW_REPORT_YEARS = { min: 2019, max: 2099 } as const;

/**
 * Word, web page and PDF files (issue 13). Request `zfxxgk/convert` (client → server): the server
 * reads the file at `uri` (a file: URI) and converts it with the readers. Never an error reply: a
 * file that cannot be read is `{ ok: false, message }`, the readers' sentence in the server's locale.
 */
export const CONVERT_REQUEST = 'zfxxgk/convert';
export interface ConvertParams {
  uri: string;
}
export type ConvertResult = { ok: true; text: string; format: 'docx' | 'html' | 'pdf' } | { ok: false; message: string };

/**
 * The scheme of a converted file's text as the VS Code client shows it (read-only): the source
 * file's path, its URI in the query. Quick fixes are not offered there (the text cannot be
 * edited); the client's 另存为文本草稿 saves it as a .txt where they are.
 */
export const CONVERTED_SCHEME = 'zfxxgk-converted';
