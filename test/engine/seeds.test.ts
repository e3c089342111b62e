import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine';
import { ARITHMETIC, errors, huaian, reals, seeds } from './fixtures';

describe('the five consistent seeds', () => {
  it.each(seeds.map((s) => [s.name, s.text]))('%s: no error, six sections in order, all three tables read', (_name, text) => {
    const a = analyze(text);
    expect(errors(a).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(a.isReport).toBe(true);
    expect(a.report.sections.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(a.report.table2?.rows.length).toBeGreaterThanOrEqual(6);
    expect(a.report.table3?.rows.size).toBeGreaterThanOrEqual(23);
    expect(a.report.table4?.cells).toHaveLength(15);
  });

  it('never takes the table-三 rows 一、…四、 for sections', () => {
    for (const { text } of seeds) {
      const a = analyze(text);
      const t3 = a.report.table3!;
      for (const s of a.report.sections) expect(s.range.start < t3.range.start || s.range.start > t3.range.end).toBe(true);
      expect(a.report.table3!.rows.has('forward')).toBe(true);
    }
  });

  it('reads the year and template version of each seed', () => {
    const got = seeds.map(({ text }) => {
      const a = analyze(text);
      return [a.report.year?.value, a.report.version.detected];
    });
    expect(got).toEqual([
      [2023, 'F2021'],
      [2024, 'F2021'],
      [2020, 'F2019'],
      [2023, 'F2021'],
      [2023, 'F2021'],
    ]);
  });

  it('seed 002: rows with one number too many are read right-aligned and reported as warnings', () => {
    const a = analyze(seeds[2].text);
    const shape = a.findings.filter((f) => f.ruleId === 'table-row-shape');
    expect(shape.length).toBe(3);
    expect(shape.every((f) => f.severity === 'warning')).toBe(true);
    expect(a.report.table3!.rows.get('r6')!.cells.map((c) => c.raw)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
  });

  it('seed 003: a 2021 report with a single （六）其他处理 row is a mix of versions (warning)', () => {
    const a = analyze(seeds[3].text);
    expect(a.findings.filter((f) => f.ruleId === 'template-version').map((f) => f.severity)).toEqual(['warning']);
  });
});

/** An arithmetic error a published report really carries: the rule, the cell, the value written and the value its equation wants. */
interface RealError {
  rule: string;
  /** The cell as the message names it: row · column. */
  cell: string;
  written: string;
  expected: number;
}

/**
 * The real published errors (fixtures README), checked by reading the tables:
 * 2024_jjf: 一 and （四）1 say 3 (自然人 and 总计), the whole （七）总计 row says 0.
 * 2025_nyn: 一 says 1 (自然人) with 总计 0; （一）予以公开 is 0 throughout with 总计 6; （四）1 says 1
 * with 总计 0; （七）总计 says 1 with 总计 0, while the outcome rows' 总计 add up to 6.
 */
const REAL_ERRORS: Record<string, RealError[]> = {
  '2024_jjf.txt': [
    { rule: 'column-total', cell: '（七）总计·自然人', written: '0', expected: 3 },
    { rule: 'column-total', cell: '（七）总计·总计', written: '0', expected: 3 },
  ],
  '2025_nyn.txt': [
    { rule: 'row-total', cell: '一、本年新收政府信息公开申请数量·总计', written: '0', expected: 1 },
    { rule: 'row-total', cell: '（一）予以公开·总计', written: '6', expected: 0 },
    { rule: 'row-total', cell: '1.本机关不掌握相关政府信息·总计', written: '0', expected: 1 },
    { rule: 'row-total', cell: '（七）总计·总计', written: '0', expected: 1 },
    { rule: 'column-total', cell: '（七）总计·总计', written: '0', expected: 6 },
  ],
};

/** Other findings those errors bring: the balance of a column whose （七）总计 is wrong (2024_jjf: 自然人, 总计). */
const REAL_CONSEQUENCES: Record<string, RegExp> = {
  '2024_jjf.txt': /^(?:自然人|总计) 列/,
};

describe('real excerpts and the pdftotext report', () => {
  const clean = reals.filter((r) => !(r.name in REAL_ERRORS));
  it.each(clean.map((r) => [r.name, r.text]))('%s: no arithmetic error', (_name, text) => {
    const a = analyze(text);
    expect(a.findings.filter((f) => ARITHMETIC.has(f.ruleId) && f.severity === 'error')).toEqual([]);
    expect(a.internalErrors).toEqual([]);
  });

  it.each(Object.keys(REAL_ERRORS))('%s: its real published arithmetic errors, and no other', (name) => {
    const text = reals.find((r) => r.name === name)!.text;
    const a = analyze(text);
    expect(a.internalErrors).toEqual([]);
    const arithmetic = a.findings.filter((f) => ARITHMETIC.has(f.ruleId));
    for (const e of REAL_ERRORS[name]) {
      const wants = new RegExp(`应为\\s*${e.expected}(?!\\d)`); // the value the equation wants, as the message says it
      const found = arithmetic.filter((f) => f.ruleId === e.rule && f.message.includes(e.cell) && wants.test(f.message));
      expect(found.length, `${e.rule} ${e.cell} = ${e.expected}`).toBe(1);
      expect(found[0].severity).toBe('error');
      expect(text.slice(found[0].range.start, found[0].range.end), `${e.cell} as published`).toBe(e.written);
    }
    // Nothing else: each arithmetic finding is one of the real errors or a consequence of one.
    const expected = (f: (typeof arithmetic)[number]) =>
      REAL_ERRORS[name].some((e) => f.ruleId === e.rule && f.message.includes(e.cell)) ||
      (f.ruleId === 'balance' && (REAL_CONSEQUENCES[name]?.test(f.message) ?? false));
    expect(arithmetic.filter((f) => !expected(f)).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});

describe('the pdftotext -layout report (huaian 2024)', () => {
  it('reads every table: all 25 rows of table 三, table 四, table 二; zero findings', () => {
    const a = analyze(huaian.text);
    expect(a.report.table3!.rows.size).toBe(25);
    expect(a.report.table4!.cells.map((c) => c.raw).join(' ')).toBe('72 64 178 37 351 13 4 8 1 26 12 1 1 6 20');
    expect(a.report.table2!.rows.length).toBe(6);
    expect(a.findings.map((f) => f.message)).toEqual([]);
  });
});
