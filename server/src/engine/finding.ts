// A finding as analyze() reports it, and the options of an analysis: the two public types that
// name rules by id (RuleId comes from the rule registry, so they cannot live in types.ts, which
// every rule reads).
import type { RuleId } from './rules/registry';
import type { FindingBody, Locale, RelatedReport, Severity, SeveritySetting } from './types';

export interface Finding extends FindingBody {
  ruleId: RuleId;
  severity: Severity;
}

export interface AnalyzeOptions {
  locale?: Locale;
  /** Per-rule severity override; 'off' drops the rule's findings. */
  rules?: Partial<Record<RuleId, SeveritySetting>>;
  /** Other reports (e.g. last year's of the same unit) for the cross-file rules; see summary.ts. */
  related?: RelatedReport[];
}
