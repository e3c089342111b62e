// What a rule is: metadata, a default severity, and a check over the analysis context.
import type { Equation } from '../equations';
import type { ReportModel } from '../model';
import type { Solution } from '../solve';
import type { FindingBody, Locale, RelatedReport, Severity } from '../types';

/** A text in both languages. */
export interface RuleText {
  'zh-CN': string;
  en: string;
}

/**
 * Everything said about a rule, stated here once: the settings, the rule tables of README.md,
 * README.vsix.md and docs/rules/README.md and the manifest's descriptions are generated from it
 * (scripts/rule-tables.mjs; a test fails when they are out of step).
 */
export interface RuleMeta<Id extends string = string> {
  id: Id;
  severity: Severity;
  title: RuleText;
  description: RuleText;
  /** One line for the rule tables and the setting's description. */
  summary: RuleText;
  /** What its one-click fix does, for the rule table of docs/rules (absent: none). */
  fix?: RuleText;
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
export type RawFinding = FindingBody;

export interface Rule<Id extends string = string> {
  meta: RuleMeta<Id>;
  check(ctx: RuleContext): RawFinding[];
}

/** A rule, keeping its id as a literal type (rules/registry.ts derives `RuleId` from the rules). */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
