// Public types of the pure engine. No fs, no LSP connection, no vscode here.
// All ranges are UTF-16 offsets into the original text (what TextDocument.positionAt expects).

export type Locale = 'zh-CN' | 'en';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export type RuleId =
  | 'section-missing'
  | 'section-order'
  | 'section-duplicate'
  | 'section-title'
  | 'table-missing'
  | 'table-row-shape'
  | 'cell-invalid'
  | 'cell-blank'
  | 'row-total'
  | 'column-total'
  | 'balance'
  | 'group-total'
  | 'template-version'
  | 'table-unparsed'
  | 'table-incomplete'
  | 'year-mismatch'
  | 'prose-table'
  | 'carryover'
  | 'valid-count-continuity';

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

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** Localised message. */
  message: string;
  range: OffsetRange;
  related: RelatedInfo[];
  /** The one determined, safe fix (used by quick fix as preferred and by fix-all). */
  fix?: Fix;
  /** Alternatives that involve a guess: offered in the menu, never applied by fix-all. */
  suggestions?: Fix[];
}

export interface AnalyzeOptions {
  locale?: Locale;
  /** Per-rule severity override; 'off' drops the rule's findings. */
  rules?: Partial<Record<RuleId, SeveritySetting>>;
  /** Other reports (e.g. last year's of the same unit) for the cross-file rules; see summary.ts. */
  related?: RelatedReport[];
}

/** Another file's report, as a summary (plain data: the front end summarises it with `summarize`). */
export interface RelatedReport {
  uri: string;
  summary: import('./summary').ReportSummary;
}
