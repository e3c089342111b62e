// What a rule is: metadata, a default severity, and a check over the analysis context.
import type { Equation } from '../equations';
import type { ReportModel } from '../model';
import type { Solution } from '../solve';
import type { Finding, Locale, RelatedReport, RuleId, Severity } from '../types';

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  title: { 'zh-CN': string; en: string };
  description: { 'zh-CN': string; en: string };
}

export interface RuleContext {
  text: string;
  model: ReportModel;
  locale: Locale;
  equations: Equation[];
  solution: Solution;
  /** Other files' reports (AnalyzeOptions.related), for the cross-file rules. */
  related: RelatedReport[];
}

/** A finding before the rule's id and configured severity are attached. */
export type RawFinding = Omit<Finding, 'ruleId' | 'severity'>;

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RawFinding[];
}
