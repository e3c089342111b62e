// The report's year: one reader (parse/years.ts readReportYear) for the model, the summary and
// the year-mismatch rule. A report without a year in its title takes it from its statistics
// period in every wording the rule reads (统计期限自…, 统计期限为…, 统计时限为…, 统计时间…).
import { describe, expect, it } from 'vitest';
import { analyze, summarize } from '../../server/src/engine';
import { readReportYear } from '../../server/src/engine/parse/years';
import { reals, seeds } from './fixtures';

const seed000 = seeds.find((s) => s.name.startsWith('000_'))!.text;
const TITLE = '辛店镇 2023 年政府信息公开工作年度报告';

/** Seed 000 (a 2023 report) without its title, with `period` as the first line of section 一. */
function untitledWith(period: string): string {
  expect(seed000).toContain(TITLE);
  return seed000.replace(TITLE, '').replace('一、总体情况\n', `一、总体情况\n${period}\n`);
}

describe('the report year', () => {
  it.each([
    '本报告统计时限为2023年1月1日至2023年12月31日止。',
    '本报告统计期限为2023年1月1日至12月31日。',
    '本报告统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。',
    '本报告统计时间为2023年1月1日-2023年12月31日。',
  ])('no year in the title: the statistics period "%s" gives 2023 to the model and the summary', (period) => {
    const text = untitledWith(period);
    const a = analyze(text);
    expect(a.report.title).toBeUndefined();
    expect(a.report.year?.value).toBe(2023);
    expect(a.report.year?.source).toBe('period');
    const y = a.report.year!;
    expect(text.slice(y.range.start, y.range.end)).toBe('2023');
    expect(summarize(text).year).toBe(2023);
    // The rule reads the same period and finds nothing to complain about.
    expect(a.findings.filter((f) => f.ruleId === 'year-mismatch')).toEqual([]);
  });

  it('the title year wins over the period', () => {
    const text = `某镇2024年政府信息公开工作年度报告\n一、总体情况\n本报告统计时限为2023年1月1日至2023年12月31日。\n`;
    const y = readReportYear(text, { text: '某镇2024年政府信息公开工作年度报告', range: { start: 0, end: 19 } });
    expect(y).toEqual({ value: 2024, range: { start: 2, end: 6 }, source: 'title' });
  });

  it('without a title or a period, a sentence naming the report gives the year', () => {
    const text = '一、总体情况\n现将本单位2022年度政府信息公开工作年度报告公布如下。\n';
    expect(readReportYear(text, undefined)?.value).toBe(2022);
    expect(readReportYear(text, undefined)?.source).toBe('body');
  });

  it('nothing that names a year: no year', () => {
    expect(readReportYear('一、总体情况\n本报告统计数据截至年底。\n', undefined)).toBeUndefined();
  });

  it('real/2024_jjf.txt (统计时限为2024年…): its year is 2024 in the model and the summary', () => {
    const text = reals.find((r) => r.name === '2024_jjf.txt')!.text;
    expect(analyze(text).report.year?.value).toBe(2024);
    expect(summarize(text).year).toBe(2024);
  });
});
