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

describe('real excerpts and the pdftotext report', () => {
  it.each(reals.map((r) => [r.name, r.text]))('%s: no arithmetic error', (_name, text) => {
    const a = analyze(text);
    expect(a.findings.filter((f) => ARITHMETIC.has(f.ruleId) && f.severity === 'error')).toEqual([]);
    expect(a.internalErrors).toEqual([]);
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
