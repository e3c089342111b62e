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

/** languageId a client may give to a document to force checking even if it does not look like a report. */
export const REPORT_LANGUAGE_ID = 'zfxxgk-report';

/** initializationOptions understood by the server. */
export interface InitializationOptions {
  /** 'zh-CN' | 'en' (or any 'en*' / 'zh*' tag); overrides InitializeParams.locale. */
  locale?: string;
}
