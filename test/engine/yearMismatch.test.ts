// year-mismatch: the title, the statistics period and the opening text name the same year;
// `202020年` (a real typo) is not a year. Built from the seeds and a real excerpt, edited.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine';
import { huaian, reals, seeds } from './fixtures';

const yearFindings = (text: string, locale: 'zh-CN' | 'en' = 'zh-CN') => analyze(text, { locale }).findings.filter((f) => f.ruleId === 'year-mismatch');

/** Replaces the n-th (0-based) occurrence of `what` in `text`; returns the text and the offset. */
function replaceNth(text: string, what: string, n: number, by: string): { text: string; at: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(what, at + 1);
    if (at < 0) throw new Error(`no occurrence #${n} of ${what}`);
  }
  return { text: text.slice(0, at) + by + text.slice(at + what.length), at };
}

describe('year-mismatch', () => {
  it.each([...seeds, huaian].map((s) => [s.name, s.text]))('%s: silent on a consistent report', (_name, text) => {
    expect(yearFindings(text)).toEqual([]);
  });

  it('the real typo 202020年 in a statistics period (excerpt 2020-04) is a warning on it', () => {
    const text = reals.find((r) => r.name === 'excerpt-2020-04.txt')!.text;
    const f = yearFindings(text);
    expect(f.length).toBe(1);
    expect(f[0].severity).toBe('warning');
    expect(text.slice(f[0].range.start, f[0].range.end)).toBe('202020');
    expect(f[0].message).toBe('「202020年」不是有效的年份');
  });

  it('seed 002: the period ending in another year is a warning on that year', () => {
    const seed = seeds[2].text;
    expect(seed).toContain('统计期限自2020年1月1日至2020年12月31日');
    const { text, at } = replaceNth(seed, '至2020年12月31日', 0, '至2021年12月31日');
    const f = yearFindings(text);
    expect(f.length).toBe(1);
    expect(f[0].range).toEqual({ start: at + 1, end: at + 5 });
    expect(f[0].message).toBe('统计期限截止的年份 2021 与报告其他地方的年份 2020 不一致');
  });

  it('seed 000: a title year left over from last year is outvoted by the opening text', () => {
    const seed = seeds[0].text;
    const { text, at } = replaceNth(seed, '辛店镇 2023 年', 0, '辛店镇 2022 年');
    const f = yearFindings(text);
    expect(f.length).toBe(1);
    expect(text.slice(f[0].range.start, f[0].range.end)).toBe('2022');
    expect(f[0].range.start).toBe(at + '辛店镇 '.length);
    expect(f[0].message).toContain('标题中的年份 2022');
    expect(f[0].related.length).toBeGreaterThanOrEqual(2);
    expect(f[0].related.every((r) => text.slice(r.range.start, r.range.end) === '2023')).toBe(true);
  });

  it('seed 000: a sentence of section 一 starting with the wrong year is a warning on it (also in English)', () => {
    const { text, at } = replaceNth(seeds[0].text, '2023 年，', 1, '2022 年，');
    const f = yearFindings(text);
    expect(f.map((x) => x.range.start)).toEqual([at]);
    expect(f[0].message).toContain('正文中的年份 2022');
    expect(yearFindings(text, 'en')[0].message).toBe('The year in the text, 2022, disagrees with 2023 elsewhere in the report');
  });

  it('next year\'s plans in section 五 are not a mismatch', () => {
    const seed = seeds[0].text;
    const five = seed.indexOf('五、存在的主要问题及改进情况');
    expect(five).toBeGreaterThan(0);
    const end = seed.indexOf('\n', five);
    const text = seed.slice(0, end + 1) + '2024年，我镇将进一步规范政府信息公开工作。\n' + seed.slice(end + 1);
    expect(yearFindings(text)).toEqual([]);
  });
});
