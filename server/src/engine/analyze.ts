// text → model → equations → solution → findings. Pure and total: never throws on any input.
import { buildEquations } from './equations';
import type { ReportModel } from './model';
import { parseReport } from './parse/report';
import { looksLikeReport } from './looksLikeReport';
import { ALL_RULES } from './rules/registry';
import type { RuleContext } from './rules/rule';
import { solve } from './solve';
import type { AnalyzeOptions, Finding, Locale } from './types';

export interface Analysis {
  text: string;
  locale: Locale;
  isReport: boolean;
  report: ReportModel;
  findings: Finding[];
  /** Rule checks that threw (a bug, not the user's fault): reported, never fatal. */
  internalErrors: string[];
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const locale: Locale = options.locale ?? 'zh-CN';
  const report = parseReport(text);
  const equations = buildEquations(report);
  const solution = solve(equations);
  const ctx: RuleContext = { text, model: report, locale, equations, solution, related: options.related ?? [] };
  const findings: Finding[] = [];
  const internalErrors: string[] = [];
  for (const rule of ALL_RULES) {
    const setting = options.rules?.[rule.meta.id];
    if (setting === 'off') continue;
    try {
      for (const f of rule.check(ctx)) findings.push({ ruleId: rule.meta.id, severity: setting ?? rule.meta.severity, ...f });
    } catch (e) {
      internalErrors.push(`${rule.meta.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { text, locale, isReport: looksLikeReport(text), report, findings, internalErrors };
}
