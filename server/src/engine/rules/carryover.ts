// X1: this year's 二、上年结转 = last year's 四、结转下年度继续办理 (same unit), per column.
import { colName, tr } from '../names';
import { previousYearReport, summarizeModel } from '../summary';
import type { LineRange, OffsetRange, RelatedInfo, RelatedReport } from '../types';
import type { RawFinding } from './rule';
import { defineRule } from './rule';

/** 「淮安市2023.txt」 from a uri, for messages. */
export function fileLabel(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Related information pointing at a cell of another file. */
export function relatedCell(other: RelatedReport, location: LineRange, range: OffsetRange, message: string): RelatedInfo {
  return { uri: other.uri, location, range, message };
}

export const carryover = defineRule({
  meta: {
    id: 'carryover',
    severity: 'warning',
    title: { 'zh-CN': '上年结转与上一年报告不符', en: 'Carry-over differs from last year' },
    summary: { 'zh-CN': '上年结转 ≠ 同一单位上一年报告的结转下年度（上一年报告在同一文件夹中，或一并交给命令行）', en: '上年结转 ≠ last year\'s 结转下年度 for the same unit (last year\'s report in the same folder, or given to the CLI too)' },
    description: {
      'zh-CN': '本年“二、上年结转政府信息公开申请数量”应等于同一单位上一年度报告的“四、结转下年度继续办理”（逐列比较）。上一年度报告须在同一文件夹或工作区中，或同时交给命令行检查。',
      en: "This year's II (carried over from last year) must equal IV (carried forward to next year) in the same unit's report of the previous year, column by column. Last year's report must be in the same folder or workspace, or given to the command line too.",
    },
  },
  check(ctx) {
    const { locale } = ctx;
    if (ctx.related.length === 0) return [];
    const self = summarizeModel(ctx.model);
    const prev = previousYearReport(self, ctx.related);
    if (!prev || !self.carried || !prev.summary.forward) return [];
    const file = fileLabel(prev.uri);
    const out: RawFinding[] = [];
    self.carried.forEach((cell, col) => {
      const before = prev.summary.forward![col];
      if (cell.value === undefined || before.value === undefined || cell.value === before.value) return;
      const column = colName(col, locale);
      out.push({
        message: tr(
          locale,
          `二、上年结转·${column} 为 ${cell.value}，但上一年度报告（${file}）的 四、结转下年度继续办理·${column} 为 ${before.value}`,
          `II. carried over · ${column} is ${cell.value}, but last year's report (${file}) carried forward ${before.value} (IV · ${column})`,
        ),
        range: cell.range,
        related: [
          relatedCell(prev, before.location, before.range, tr(locale, `${prev.summary.year} 年度报告：四、结转下年度继续办理·${column}`, `${prev.summary.year} report: IV. carried forward · ${column}`)),
        ],
      });
    });
    return out;
  },
});
