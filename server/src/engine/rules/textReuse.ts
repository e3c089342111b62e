// Text reuse: more than half of this report's prose sentences stand word for word (years, unit
// name and punctuation aside) in the same unit's previous-year report. Evaluators deduct points
// above a 50 % 重复率. Compared through the summaries' sentence fingerprints (reuse.ts).
import { tr } from '../names';
import { sharedSentences } from '../reuse';
import { previousYearReport, summarizeModel } from '../summary';
import { fileLabel } from './carryover';
import { defineRule } from './rule';

/** Reported above this share of this report's sentences. */
export const REUSE_THRESHOLD = 0.5;
/** A report with fewer counted sentences than this is not measured (too little prose to say). */
export const MIN_SENTENCES = 5;

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
    const self = summarizeModel(ctx.model);
    const prev = previousYearReport(self, ctx.related);
    const mine = self.sentences;
    const theirs = prev?.summary.sentences;
    if (!prev || !mine || !theirs || mine.length < MIN_SENTENCES || theirs.length === 0) return [];
    const shared = sharedSentences(mine, theirs);
    if (shared <= mine.length * REUSE_THRESHOLD) return [];
    const percent = Math.floor((shared / mine.length) * 100);
    const file = fileLabel(prev.uri);
    const range = ctx.model.title?.range ?? { start: 0, end: 0 };
    const start = { line: 0, character: 0 };
    return [
      {
        message: tr(
          locale,
          `与上一年度报告（${file}）相同的句子占 ${percent}%（${shared}/${mine.length} 句），重复率超过 50%`,
          `${percent}% of the sentences are the same as in last year's report (${file}) (${shared} of ${mine.length}): more than 50 % repeated`,
        ),
        range,
        related: [
          { uri: prev.uri, location: { start, end: start }, range: { start: 0, end: 0 }, message: tr(locale, `${prev.summary.year} 年度报告`, `${prev.summary.year} report`) },
        ],
      },
    ];
  },
});
