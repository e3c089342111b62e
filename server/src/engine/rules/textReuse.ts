// Text reuse: more than half of this report's prose sentences stand word for word (years, unit
// name and punctuation aside) in the same unit's previous-year report. Evaluators deduct points
// above a 50 % 重复率. Compared through the summaries' sentence fingerprints (reuse.ts).
import { tr } from '../names';
import { sharedSentences } from '../reuse';
import { previousYearReport, summarizeModel } from '../summary';
import { fileLabel } from './carryover';
import type { RelatedReport, ReportSummary } from '../types';
import { defineRule } from './rule';

/** Reported above this share of this report's sentences. */
export const REUSE_THRESHOLD = 0.5;
/** A report with fewer counted sentences than this is not measured (too little prose to say). */
export const MIN_SENTENCES = 5;

/** How much of a report's prose stands in the same unit's previous-year report. */
export interface TextReuseShare {
  /** This report's counted sentences, and how many of them last year's report has too. */
  sentences: number;
  shared: number;
  /** shared / sentences, in whole percent (rounded down). */
  percent: number;
  previous: RelatedReport;
}

/**
 * The share of `self`'s sentences found in its unit's previous-year report among `related`, or
 * undefined when there is no such report or too little prose to say. The rule reports it above
 * REUSE_THRESHOLD; the CLI's page shows it for every report.
 */
export function textReuseShare(self: ReportSummary, related: readonly RelatedReport[]): TextReuseShare | undefined {
  const previous = previousYearReport(self, related);
  const mine = self.sentences;
  const theirs = previous?.summary.sentences;
  if (!previous || !mine || !theirs || mine.length < MIN_SENTENCES || theirs.length === 0) return undefined;
  const shared = sharedSentences(mine, theirs);
  return { sentences: mine.length, shared, percent: Math.floor((shared / mine.length) * 100), previous };
}

export const textReuse = defineRule({
  meta: {
    id: 'text-reuse',
    severity: 'information',
    title: { 'zh-CN': '与上一年度报告文字重复', en: 'Text repeated from last year' },
    summary: {
      'zh-CN': '本报告一半以上的句子与同一单位上一年度报告相同（重复率，不计年份、单位名称和标点）',
      en: "more than half of this report's sentences are the same as in the same unit's report of the previous year (years, unit name and punctuation aside)",
    },
    description: {
      'zh-CN':
        '本报告正文（不含表格）的句子中，与同一单位上一年度报告相同的句子超过一半时提示，并给出所占百分比。比较时不计年份、单位名称、空格和标点，其他数字照常比较；很短的句子（如标题、“无。”）不计。评估中重复率超过 50% 通常扣分。',
      en: "Information when more than half of the sentences of this report's prose (tables left out) are the same as in the same unit's report of the previous year, with the percentage. Years, the unit name, spaces and punctuation are ignored; other numbers count; very short sentences (headings, 「无。」) are not counted. Evaluators usually deduct points above 50 %.",
    },
  },
  check(ctx) {
    const { locale } = ctx;
    if (ctx.related.length === 0) return [];
    const reuse = textReuseShare(summarizeModel(ctx.model), ctx.related);
    if (!reuse || reuse.shared <= reuse.sentences * REUSE_THRESHOLD) return [];
    const { percent, shared, sentences, previous: prev } = reuse;
    const file = fileLabel(prev.uri);
    const range = ctx.model.title?.range ?? { start: 0, end: 0 };
    const start = { line: 0, character: 0 };
    return [
      {
        message: tr(
          locale,
          `与上一年度报告（${file}）相同的句子占 ${percent}%（${shared}/${sentences} 句），重复率超过 50%`,
          `${percent}% of the sentences are the same as in last year's report (${file}) (${shared} of ${sentences}): more than 50 % repeated`,
        ),
        range,
        related: [
          { uri: prev.uri, location: { start, end: start }, range: { start: 0, end: 0 }, message: tr(locale, `${prev.summary.year} 年度报告`, `${prev.summary.year} report`) },
        ],
      },
    ];
  },
});
