// X2 (F2021): 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数, per row.
// Often legitimately off after a clean-up of old documents: information, phrased as a question.
import { tr } from '../names';
import { previousYearReport, summarizeModel } from '../summary';
import type { RawFinding } from './rule';
import { defineRule } from './rule';
import { fileLabel, relatedCell } from './carryover';

const ROW_EN: Record<string, string> = { 规章: 'rules (规章)', 行政规范性文件: 'normative documents (行政规范性文件)' };

export const validCountContinuity = defineRule({
  meta: {
    id: 'valid-count-continuity',
    severity: 'information',
    title: { 'zh-CN': '现行有效件数与上年不衔接', en: 'Valid documents do not follow from last year' },
    summary: { 'zh-CN': '2021 版：现行有效件数 ≠ 上年的 + 本年制发 − 本年废止（以问题形式提示）', en: 'F2021: valid documents ≠ last year\'s + issued − repealed (asked as a question)' },
    description: {
      'zh-CN': '2021 版格式：本年“现行有效件数”通常等于同一单位上一年度报告的现行有效件数加本年制发件数、减本年废止件数。清理文件后可能合理地不相等，所以只作提示，请核对。',
      en: "2021 format: this year's valid documents usually equal last year's, plus those issued, minus those repealed this year. After a clean-up this can legitimately differ: information only, please check.",
    },
  },
  check(ctx) {
    const { locale } = ctx;
    if (ctx.related.length === 0) return [];
    const self = summarizeModel(ctx.model);
    const prev = previousYearReport(self, ctx.related);
    if (!prev || self.version !== 'F2021' || prev.summary.version !== 'F2021') return [];
    const file = fileLabel(prev.uri);
    const out: RawFinding[] = [];
    for (const row of self.documents) {
      const before = prev.summary.documents.find((d) => d.row === row.row)?.valid;
      const { issued, repealed, valid } = row;
      if (before?.value === undefined || issued?.value === undefined || repealed?.value === undefined || valid?.value === undefined) continue;
      const expected = before.value + issued.value - repealed.value;
      if (expected === valid.value) continue;
      const rowEn = ROW_EN[row.row] ?? row.row;
      out.push({
        message: tr(
          locale,
          `${row.row}·现行有效件数为 ${valid.value}；上一年度报告（${file}）为 ${before.value}，加本年制发 ${issued.value}、减本年废止 ${repealed.value} 应为 ${expected}。是否清理过文件，或哪个数填错了？`,
          `${rowEn} · valid documents: ${valid.value}; last year's report (${file}) has ${before.value}, plus ${issued.value} issued, minus ${repealed.value} repealed gives ${expected}. Were documents cleaned up, or is a figure wrong?`,
        ),
        range: valid.range,
        related: [relatedCell(prev, before.location, before.range, tr(locale, `${prev.summary.year} 年度报告：${row.row}·现行有效件数`, `${prev.summary.year} report: ${rowEn} · valid documents`))],
      });
    }
    return out;
  },
});
