// Real layouts: one cell per line (with or without `|`), wrapped headers, pipe tables with filler
// cells, web-portal debris, pdftotext. Every excerpt is read as far as it goes (tables 二/三/四 rows
// with their cells' original ranges), gives no false arithmetic error, and reports what is missing.
// Glued rows (`规范性文件898989`) give table-unparsed and are never split by guess.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../server/src/engine';
import { analyze, applyEdits, fixAll } from '../../server/src/engine';
import { ARITHMETIC, huaian, reals, seeds } from './fixtures';

const excerpt = (name: string) => reals.find((r) => r.name === name)!.text;
const ids = (a: Analysis, id: string) => a.findings.filter((f) => f.ruleId === id);

interface Expected {
  /** Sections found (0 = 一). */
  sections: number[];
  /** Table-二 rows read, as "label:cells". */
  t2: string[];
  /** Table-三 rows read; undefined when there is no table 三 at all. */
  t3?: number;
  t4?: string;
  title?: string;
  year?: number;
}

const Z7 = '0,0,0,0,0,0,0';
const EXCERPTS: Record<string, Expected> = {
  'excerpt-2019-01.txt': { sections: [0, 1, 2, 3], t2: ['规章:0,,'], t3: 0 },
  'excerpt-2020-02.txt': {
    sections: [0, 1],
    t2: ['规章:0,0,0', '规范性文件:5,5,5', '行政许可:0,0,0', '其他对外管理服务事项:0,0,0', '行政处罚:0,0,0', '行政强制:0,0,0', '行政事业性收费:0,0', '政府集中采购:1,8040'],
    title: '中村乡2020年政府信息公开工作年度报告',
    year: 2020,
  },
  'excerpt-2020-03.txt': {
    sections: [0, 1, 2],
    t2: ['规章:0,0,0', '规范性文件:0,0,0', '行政许可:0,0,0', '其他对外管理服务事项:0,0,0', '行政处罚:0,0,0', '行政强制:0,0,0', '行政事业性收费:0,0', '政府集中采购:0,0'],
    t3: 5,
    title: '大五里镇2020年政府信息公开工作年度报告',
    year: 2020,
  },
  'excerpt-2020-04.txt': {
    sections: [0, 1],
    t2: ['规章:0,0,0', '规范性文件:0,0,0', '行政许可:0,0,0', '其他对外管理服务事项:0,0,0', '行政处罚:0,0,0', '行政强制:0,0,0'],
    title: '中埠镇人民政府2020年政府信息公开工作年度报告',
    year: 2020,
  },
  'excerpt-2020-05.txt': { sections: [3, 4], t2: [], t4: Array(15).fill('0').join(' ') },
  'excerpt-2022-06.txt': { sections: [3, 4], t2: [], t4: Array(15).fill('0').join(' '), title: '威海市文登区信访局2022年政府信息公开工作年度报告', year: 2022 },
  'excerpt-2022-07.txt': { sections: [0, 1], t2: ['规章:0,0,0'] },
  'excerpt-2022-08.txt': { sections: [0], t2: [] },
  'excerpt-2022-09.txt': { sections: [0], t2: [], title: '重庆市人民政府外事办公室2022年政府信息公开工作年度报告', year: 2022 },
  'excerpt-2022-10.txt': { sections: [0, 1], t2: ['规章:0,0,0', '行政规范性文件:0,0,0', '行政许可:0'], year: 2022 },
  'excerpt-2022-11.txt': { sections: [0], t2: [], year: 2022 },
  'excerpt-2022-12.txt': { sections: [0, 1], t2: ['规章:0,0,0', '行政规范性文件:4,0,4', '行政许可:0', '行政处罚:0', '行政强制:0'], year: 2022 },
  'excerpt-2023-13.txt': { sections: [0, 1, 2], t2: ['规章:0,0,6', '行政规范性文件:0,0,0', '行政许可:0', '行政处罚:0', '行政强制:0', '行政事业性收费:0'], t3: 9 },
  'excerpt-2024-14.txt': { sections: [0, 1, 2], t2: ['规章:0,0,0', '行政规范性文件:0,0,0', '行政许可:0', '行政处罚:0', '行政强制:0', '行政事业性收费:0'], t3: 10 },
  'excerpt-2024-15.txt': { sections: [0], t2: [] },
  'excerpt-2024-16.txt': { sections: [0, 1, 2], t2: ['规章:0,0,0', '行政规范性文件:5,1,25', '行政许可:0', '行政处罚:0', '行政强制:0', '行政事业性收费:0'], t3: 10 },
};

describe('every real excerpt', () => {
  it('is listed here (a new excerpt needs its expectations)', () => {
    expect(reals.filter((r) => r.name.startsWith('excerpt-')).map((r) => r.name).sort()).toEqual(Object.keys(EXCERPTS).sort());
  });

  it.each(Object.entries(EXCERPTS))('%s: read as far as it goes, no arithmetic error, what is missing is reported', (name, want) => {
    const text = excerpt(name);
    const a = analyze(text);
    expect(a.internalErrors).toEqual([]);
    expect(a.findings.filter((f) => ARITHMETIC.has(f.ruleId))).toEqual([]);
    expect(a.findings.filter((f) => f.severity === 'error' && !['section-missing', 'table-missing'].includes(f.ruleId))).toEqual([]);
    expect(ids(a, 'table-unparsed')).toEqual([]); // no fixture has glued cells
    const m = a.report;
    expect(m.sections.map((s) => s.index)).toEqual(want.sections);
    expect((m.table2?.rows ?? []).map((r) => `${r.label}:${r.cells.map((c) => c?.raw ?? '').join(',')}`)).toEqual(want.t2);
    expect(m.table3?.rows.size).toBe(want.t3);
    expect(m.table4?.cells.map((c) => c.raw).join(' ')).toBe(want.t4);
    if (want.title) expect(m.title?.text).toBe(want.title);
    if (want.year) expect(m.year?.value).toBe(want.year);
    // Every cell that was read points at its own number in the original text.
    for (const r of m.table2?.rows ?? []) for (const c of r.cells) if (c) expect(text.slice(c.start, c.end)).toBe(c.raw);
    for (const r of m.table3?.rows.values() ?? []) for (const c of r.cells) expect(text.slice(c.start, c.end)).toBe(c.raw);
    // Cut off: every one of the six sections that is not there is named.
    const missing = ids(a, 'section-missing').length;
    expect(missing).toBe(6 - new Set(want.sections).size);
  });

  it('table 三 values of the pipe excerpt 2024-16 are read into the right columns', () => {
    const rows = analyze(excerpt('excerpt-2024-16.txt')).report.table3!.rows;
    expect(rows.get('new')!.cells.map((c) => c.raw).join(',')).toBe('58,7,0,0,1,0,66');
    expect(rows.get('r2')!.cells.map((c) => c.raw).join(',')).toBe('16,1,0,0,0,0,17');
  });

  it('one cell per line: the table-三 rows of 2020-03, 2023-13 and 2024-14 are all read with 7 cells', () => {
    for (const name of ['excerpt-2020-03.txt', 'excerpt-2023-13.txt', 'excerpt-2024-14.txt']) {
      const rows = [...analyze(excerpt(name)).report.table3!.rows.values()];
      expect(rows.map((r) => r.key).slice(0, 5), name).toEqual(['new', 'carried', 'r1', 'r2', 'r3.1']);
      for (const r of rows) expect(r.cells.map((c) => c.raw).join(','), `${name} ${r.key}`).toBe(Z7);
    }
  });
});

describe('one cell per line: a changed number is found', () => {
  it.each(['excerpt-2020-03.txt', 'excerpt-2023-13.txt', 'excerpt-2024-14.txt'])('%s: a row total changed → row-total error on that cell; the excerpt stops before （七）总计, so one equation names it: a suggestion, not a fix', (name) => {
    const text = excerpt(name);
    const c = analyze(text).report.table3!.rows.get('r1')!.cells[6];
    const broken = applyEdits(text, [{ start: c.start, end: c.end, newText: '3' }]);
    const errs = analyze(broken).findings.filter((f) => f.severity === 'error' && ARITHMETIC.has(f.ruleId));
    expect(errs.length).toBe(1);
    expect(errs[0].ruleId).toBe('row-total');
    expect(errs[0].range).toEqual({ start: c.start, end: c.start + 1 });
    expect(errs[0].fix).toBeUndefined();
    expect(applyEdits(broken, errs[0].suggestions![0].edits)).toBe(text);
    expect(fixAll(broken).text).toBe(broken);
  });

  it('excerpt 2023-13: a changed 自然人 cell breaks its row total, and the cell is among the related places', () => {
    const text = excerpt('excerpt-2023-13.txt');
    const c = analyze(text).report.table3!.rows.get('carried')!.cells[0];
    const broken = applyEdits(text, [{ start: c.start, end: c.end, newText: '4' }]);
    const errs = analyze(broken).findings.filter((f) => f.severity === 'error' && ARITHMETIC.has(f.ruleId));
    expect(errs.map((f) => f.ruleId)).toEqual(['row-total']);
    expect(errs[0].related.some((r) => r.range.start === c.start)).toBe(true);
  });
});

describe('table-unparsed', () => {
  it('a pipe row whose label runs into its numbers (excerpt 2022-12 edited) is a warning, never split', () => {
    const text = excerpt('excerpt-2022-12.txt').replace('行政规范性文件 | 4 | 0 | 4 |', '行政规范性文件404');
    const a = analyze(text);
    const f = ids(a, 'table-unparsed');
    expect(f.length).toBe(1);
    expect(f[0].severity).toBe('warning');
    expect(text.slice(f[0].range.start, f[0].range.end)).toBe('行政规范性文件404');
    expect(f[0].message).toContain('无法可靠地拆分');
    expect(f[0].fix).toBeUndefined();
    expect(a.report.table2!.rows.map((r) => r.label)).not.toContain('行政规范性文件');
    expect(ids(a, 'cell-invalid')).toEqual([]);
  });

  it('one cell per line with the numbers glued onto the label (excerpt 2020-02 edited): 规范性文件555', () => {
    const original = excerpt('excerpt-2020-02.txt');
    const text = original.replace(/规范性文件\n\n 5\n\n5\n\n 5/, '规范性文件555');
    expect(text).not.toBe(original);
    const f = ids(analyze(text), 'table-unparsed');
    expect(f.map((x) => text.slice(x.range.start, x.range.end))).toEqual(['规范性文件555']);
  });

  it('seed 004, a tab row 1.属于国家秘密0: left out of the arithmetic, no error, no guess', () => {
    const seed = seeds[4].text;
    const text = seed.replace('1.属于国家秘密\t', '1.属于国家秘密');
    const a = analyze(text);
    expect(ids(a, 'table-unparsed').length).toBe(1);
    expect(a.report.table3!.rows.has('r3.1')).toBe(false);
    expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(fixAll(text).text).toBe(text);
  });

  it('seed 004, two numbers in one tab cell ("1 0"): table-unparsed on that cell', () => {
    const seed = seeds[4].text;
    const r1 = analyze(seed).report.table3!.rows.get('r1')!;
    const [a0, a1] = r1.cells;
    const text = applyEdits(seed, [{ start: a0.start, end: a1.end, newText: `${a0.raw} ${a1.raw}` }]);
    const a = analyze(text);
    const f = ids(a, 'table-unparsed');
    expect(f.length).toBe(1);
    expect(text.slice(f[0].range.start, f[0].range.end)).toBe('1 0');
    expect(f[0].message).toContain('几个数连在一起');
    expect(a.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('huaian (pdftotext): a label glued to its first number is a warning; the rest of the table still checks', () => {
    const text = huaian.text.replace('1.属于国家秘密            2', '1.属于国家秘密2');
    expect(text).not.toBe(huaian.text);
    const a = analyze(text);
    expect(ids(a, 'table-unparsed').length).toBe(1);
    expect(a.report.table3!.rows.size).toBe(24);
    expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // A wrong cell elsewhere is still found.
    const c = a.report.table3!.rows.get('new')!.cells[0];
    const broken = applyEdits(text, [{ start: c.start, end: c.end, newText: String(Number(c.num) + 1) }]);
    expect(analyze(broken).findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  });

  it('is silent on the seeds and the huaian report', () => {
    for (const { text } of [...seeds, huaian]) expect(ids(analyze(text), 'table-unparsed')).toEqual([]);
  });
});
