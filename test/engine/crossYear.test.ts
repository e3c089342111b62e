// carryover and valid-count-continuity: two copies of a seed as consecutive years of one unit.
import { describe, expect, it } from 'vitest';
import { analyze, summarize, type Analysis, type RelatedReport } from '../../server/src/engine';
import { changeCell } from '../helpers/seeds';
import { huaian, seeds } from './fixtures';

const seed000 = seeds[0].text; // 辛店镇 2023: 行政规范性文件 1 0 1
const seed004 = seeds[4].text; // 宝丰县人民政府办公室 2023: 四、结转下年度继续办理 4 (自然人, 总计)

const asYear = (text: string, from: number, to: number) => text.replace(`${from} 年政府信息公开工作`, `${to} 年政府信息公开工作`);
const related = (uri: string, text: string): RelatedReport => ({ uri, summary: summarize(text) });
const only = (a: Analysis, id: string) => a.findings.filter((f) => f.ruleId === id);

describe('summarize', () => {
  it('identifies the unit and year from the title, and reads the carry-over rows with positions', () => {
    const s = summarize(seed004);
    expect([s.unitText, s.year, s.version]).toEqual(['宝丰县人民政府办公室', 2023, 'F2021']);
    expect(s.forward!.map((c) => c.value)).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(s.carried!.map((c) => c.value)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const lines = seed004.split('\n');
    const { start } = s.forward![0].location;
    expect(lines[start.line].startsWith('四、结转下年度继续办理')).toBe(true);
    expect(lines[start.line].slice(start.character, start.character + 1)).toBe('4');
    expect(summarize(huaian.text).unitText).toBe('淮安市人民政府');
    expect(summarize(seeds[2].text).unit).toBeUndefined(); // no title: the unit is unknown, never guessed
  });
});

describe('carryover', () => {
  const lastYearUri = 'file:///reports/%E5%AE%9D%E4%B8%B02022.txt';
  const lastYear = related(lastYearUri, asYear(seed004, 2023, 2022)); // carried forward 4

  it("warns on each column where 二、上年结转 differs from last year's 四、结转下年度, with related info in the other file", () => {
    const a = analyze(seed004, { related: [lastYear] });
    const found = only(a, 'carryover');
    expect(found.map((f) => f.message)).toEqual([
      '二、上年结转·自然人 为 0，但上一年度报告（宝丰2022.txt）的 四、结转下年度继续办理·自然人 为 4',
      '二、上年结转·总计 为 0，但上一年度报告（宝丰2022.txt）的 四、结转下年度继续办理·总计 为 4',
    ]);
    const carried = a.report.table3!.rows.get('carried')!;
    expect(found[0].range).toEqual({ start: carried.cells[0].start, end: carried.cells[0].end });
    expect(found[0].severity).toBe('warning');
    const rel = found[0].related[0];
    expect(rel.uri).toBe(lastYearUri);
    expect(rel.location).toEqual(lastYear.summary.forward![0].location);
    expect(rel.message).toBe('2022 年度报告：四、结转下年度继续办理·自然人');
  });

  it('is silent when this year carries over what last year carried forward (the tables still add up)', () => {
    let text = changeCell(seed004, '二、上年结转', 0, '4').text;
    text = changeCell(text, '二、上年结转', 6, '4').text;
    text = changeCell(text, '四、结转下年度', 0, '8').text;
    text = changeCell(text, '四、结转下年度', 6, '8').text;
    text = text.replace('剩余 4 件转结', '剩余 8 件转结'); // else prose-table rightly objects
    const a = analyze(text, { related: [lastYear] });
    expect(a.findings.filter((f) => f.severity !== 'information').map((f) => f.ruleId)).toEqual([]);
  });

  it('compares only with the previous year of the same unit', () => {
    for (const other of [
      related('file:///a.txt', asYear(seed004, 2023, 2021)), // two years back
      related('file:///b.txt', seed004), // same year
      related('file:///c.txt', asYear(seed004, 2023, 2022).replace('宝丰县人民政府办公室', '鲁山县人民政府办公室')),
      related('file:///d.txt', asYear(seed000, 2023, 2022)), // another unit
    ]) {
      expect(only(analyze(seed004, { related: [other] }), 'carryover')).toEqual([]);
    }
    expect(only(analyze(seed004), 'carryover')).toEqual([]);
  });

  it('is silent when two copies of last year disagree (which one is right is a guess)', () => {
    const other = changeCell(asYear(seed004, 2023, 2022), '四、结转下年度', 0, '3').text;
    expect(only(analyze(seed004, { related: [lastYear, related('file:///copy.txt', other)] }), 'carryover')).toEqual([]);
  });

  it('speaks English with locale en', () => {
    const [f] = only(analyze(seed004, { related: [lastYear], locale: 'en' }), 'carryover');
    expect(f.message).toBe("II. carried over · natural persons is 0, but last year's report (宝丰2022.txt) carried forward 4 (IV · natural persons)");
  });
});

describe('valid-count-continuity', () => {
  const lastYear = related('file:///x/2022.txt', asYear(seed000, 2023, 2022)); // 行政规范性文件: valid 1

  it('asks when 现行有效件数 ≠ last year + 本年制发 − 本年废止 (1 ≠ 1 + 1 − 0)', () => {
    const a = analyze(seed000, { related: [lastYear] });
    const found = only(a, 'valid-count-continuity');
    expect(found.map((f) => f.message)).toEqual([
      '行政规范性文件·现行有效件数为 1；上一年度报告（2022.txt）为 1，加本年制发 1、减本年废止 0 应为 2。是否清理过文件，或哪个数填错了？',
    ]);
    expect(found[0].severity).toBe('information');
    const row = a.report.table2!.rows.find((r) => r.label === '行政规范性文件')!;
    expect(found[0].range).toEqual({ start: row.cells[2]!.start, end: row.cells[2]!.end });
    expect(found[0].related[0].uri).toBe('file:///x/2022.txt');
  });

  it('is silent when the counts follow on', () => {
    const lines = seed000.split('\n');
    const i = lines.findIndex((l) => l.startsWith('行政规范性文件'));
    lines[i] = '行政规范性文件\t1\t0\t2';
    expect(only(analyze(lines.join('\n'), { related: [lastYear] }), 'valid-count-continuity')).toEqual([]);
  });

  it('applies to the 2021 format only (seed 002 is F2019)', () => {
    const s002 = seeds[2].text;
    expect(only(analyze(s002, { related: [related('file:///y.txt', s002)] }), 'valid-count-continuity')).toEqual([]);
  });
});
