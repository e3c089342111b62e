// text → model → equations → solution → findings. Pure and total: never throws on any input.
import { suppression } from './disableComments';
import type { Equation } from './equation';
import { buildEquations } from './equations';
import type { ReportModel } from './model';
import { looksLikeReport } from './looksLikeReport';
import { prepareText, type PreparedText } from './prepared';
import { ALL_RULES } from './rules/registry';
import type { RuleContext } from './rules/rule';
import { solve, type Solution } from './solve';
import type { AnalyzeOptions, Finding } from './finding';
import type { Locale } from './types';

export interface Analysis {
  text: string;
  locale: Locale;
  isReport: boolean;
  report: ReportModel;
  findings: Finding[];
  /** The 勾稽关系 of the report's tables and their solution, as the rules read them (hover and the
   * table view read them here too, never rebuilding them). */
  equations: Equation[];
  solution: Solution;
  /** Rule checks that threw (a bug, not the user's fault): reported, never fatal. */
  internalErrors: string[];
}

/** `prepared`: the parse of this same text made earlier (prepared.ts), used instead of parsing again. */
export function analyze(text: string, options: AnalyzeOptions = {}, prepared?: PreparedText): Analysis {
  const locale: Locale = options.locale ?? 'zh-CN';
  // Disable comments are masked with spaces (offsets unchanged): the parser and rules never see them.
  const { disable, report } = prepared && prepared.text === text ? prepared : prepareText(text);
  const { directives, masked } = disable;
  const equations = buildEquations(report);
  const solution = solve(equations);
  const ctx: RuleContext = { text: masked, model: report, locale, equations, solution, related: options.related ?? [] };
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
  const kept = directives.length ? withoutSilenced(findings, report, suppression(directives, report.lines.map((l) => l.text))) : findings;
  return { text, locale, isReport: looksLikeReport(masked, report.lines), report, findings: kept, equations, solution, internalErrors };
}

/** Findings not silenced by a disable comment (a finding belongs to the line it starts on). */
function withoutSilenced(findings: Finding[], report: ReportModel, silenced: ReturnType<typeof suppression>): Finding[] {
  const lines = report.lines;
  let li = 0;
  return findings.filter((f) => {
    // findings are sorted by start: walk the lines forward.
    while (li + 1 < lines.length && lines[li + 1].start <= f.range.start) li++;
    return !silenced(f.ruleId, li);
  });
}
