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
  | 'year-mismatch';

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
}
