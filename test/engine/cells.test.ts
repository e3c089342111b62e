import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, fixAll } from '../../server/src/engine';
import { errors, seeds } from './fixtures';

const seed = seeds[4].text; // 宝丰县 2023: non-zero numbers in table 三
const model = analyze(seed).report;
const cell = (row: string, col: number) => model.table3!.rows.get(row as never)!.cells[col];
const put = (c: { start: number; end: number }, s: string) => applyEdits(seed, [{ start: c.start, end: c.end, newText: s }]);

describe('cell-blank', () => {
  it('a blank leaf cell determined by its row total is a warning with a fill fix that restores it', () => {
    const c = cell('r4.1', 0); // 2
    const text = put(c, '');
    const a = analyze(text);
    const f = a.findings.filter((x) => x.ruleId === 'cell-blank');
    expect(f.length).toBe(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].message).toContain('应为 2');
    expect(errors(a)).toEqual([]); // a blank is an unknown, not a wrong 0
    expect(fixAll(text).text).toBe(seed);
  });

  it.each(['/', '—', '-'])('“%s” counts as blank, not as 0', (mark) => {
    const text = put(cell('r1', 0), mark);
    const a = analyze(text);
    expect(a.findings.map((x) => x.ruleId)).toEqual(['cell-blank']);
    expect(fixAll(text).text).toBe(seed);
  });

  it('two blanks on one row, each determined by its column: fix-all fills both', () => {
    // r4.1's label cells and its length leave it one place on the header's columns.
    const text = applyEdits(seed, [
      { start: cell('r4.1', 0).start, end: cell('r4.1', 0).end, newText: '' },
      { start: cell('r4.1', 3).start, end: cell('r4.1', 3).end, newText: '' },
    ]);
    const a = analyze(text);
    expect(a.findings.filter((x) => x.ruleId === 'cell-blank').length).toBe(2);
    expect(errors(a)).toEqual([]);
    expect(fixAll(text).text).toBe(seed);
  });

  it('blanks at both ends of a tab row: which column is blank is ambiguous, so it is said, not guessed', () => {
    const text = applyEdits(seed, [
      { start: cell('r1', 0).start, end: cell('r1', 0).end, newText: '' },
      { start: cell('r1', 6).start, end: cell('r1', 6).end, newText: '' },
    ]);
    const a = analyze(text);
    const shape = a.findings.filter((x) => x.ruleId === 'table-row-shape');
    expect(shape.length).toBe(1);
    expect(shape[0].message).toContain('无法确定');
    expect(errors(a)).toEqual([]);
    expect(fixAll(text).text).toBe(text);
  });

  it('a blank first cell of a row that Word shifted: the row fits the header one way only, so the blank is placed', () => {
    // The seed's rows sit as written or shifted by one (merged label cells); r1 with 自然人 blank
    // fits both ways (its trailing empty cell could be 总计) — said, not guessed.
    const text = put(cell('r1', 0), '');
    const a = analyze(text);
    expect(a.findings.filter((x) => x.ruleId === 'table-row-shape').map((f) => f.message)).toEqual([expect.stringContaining('无法确定')]);
    expect(fixAll(text).text).toBe(text);
  });
});

describe('cell-invalid', () => {
  it.each([['abc'], ['1.5'], ['-1']])('“%s” in a count cell is an error with the value the totals require', (bad) => {
    const text = put(cell('r1', 0), bad);
    const a = analyze(text);
    const f = a.findings.filter((x) => x.ruleId === 'cell-invalid');
    expect(f.length).toBe(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].message).toContain(`「${bad}」`);
    expect(f[0].message).toContain('应为 1');
    expect(text.slice(f[0].range.start, f[0].range.end)).toBe(bad);
    expect(fixAll(text).text).toBe(seed);
  });

  it('table 二: counts must be whole numbers, money may have decimals, 本年增/减 may be negative', () => {
    const t2 = model.table2!.rows;
    const fee = t2.find((r) => r.label === '行政事业性收费')!.cells[0]!;
    expect(analyze(put(fee, '24252.311082')).findings).toEqual([]);
    const count = t2.find((r) => r.label === '行政规范性文件')!.cells[0]!;
    expect(analyze(put(count, '6.5')).findings.map((f) => f.ruleId)).toEqual(['cell-invalid']);
    const f2019 = analyze(seeds[2].text).report;
    const delta = f2019.table2!.rows.find((r) => r.label === '行政许可')!.cells[1]!;
    const t = seeds[2].text;
    const withNeg = t.slice(0, delta.start) + '-3' + t.slice(delta.end);
    expect(analyze(withNeg).findings.filter((f) => f.ruleId === 'cell-invalid')).toEqual([]);
  });
});

describe('several wrong cells', () => {
  it('two wrong cells: each violated equation is reported on its total, nothing is guessed into fix-all', () => {
    const text = applyEdits(seed, [
      { start: cell('r1', 0).start, end: cell('r1', 0).end, newText: '4' },
      { start: cell('r4.1', 0).start, end: cell('r4.1', 0).end, newText: '5' },
    ]);
    const a = analyze(text);
    const errs = errors(a);
    expect(errs.length).toBeGreaterThanOrEqual(3);
    // Every error sits on a total cell (the 总计 column or the （七）总计 row).
    const totals = new Set([...model.table3!.rows.values()].map((r) => r.cells[6].start));
    for (const c of model.table3!.rows.get('total')!.cells) totals.add(c.start);
    for (const e of errs) expect(totals.has(e.range.start), e.message).toBe(true);
    // Fix-all only recomputes totals whose change breaks nothing that holds; the text stays checkable.
    const fixed = fixAll(text);
    expect(fixAll(fixed.text).applied).toBe(0);
  });

  it('the issue example: （七）总计·自然人 says 20 while the outcome rows add up to 26', () => {
    const text = put(cell('total', 0), '20');
    const f = errors(analyze(text));
    expect(f.length).toBe(1);
    expect(f[0].ruleId).toBe('column-total');
    expect(f[0].message).toMatch(/^（七）总计·自然人 应为 3：各办理结果之和为 3，.*此处为 20$/);
  });
});

describe('template-version', () => {
  it('a 2020 report on the 2021 template is warned', () => {
    const text = seeds[4].text.replace('2023 年政府信息公开工作 年度报告', '2020 年政府信息公开工作 年度报告');
    const f = analyze(text).findings.filter((x) => x.ruleId === 'template-version');
    expect(f.length).toBe(1);
    expect(f[0].message).toContain('2020 年度报告应使用2019 版格式');
  });

  it('a 2023 report on the 2019 template is warned', () => {
    const text = seeds[2].text.replace(/2020年/g, '2023年');
    const a = analyze(text);
    expect(a.report.year?.value).toBe(2023);
    expect(a.findings.filter((x) => x.ruleId === 'template-version').length).toBe(1);
  });
});

describe('options, locale and odd input', () => {
  it('English messages when the locale is en', () => {
    const text = put(cell('total', 0), '20');
    const f = errors(analyze(text, { locale: 'en' }))[0];
    expect(f.message).toBe('(VII) total · natural persons should be 3: the outcome rows add up to 3; I + II − IV is 3; the row total 3 implies 3; it is 20');
  });

  it('a rule set to off disappears; severity can be overridden', () => {
    const text = put(cell('total', 0), '20');
    expect(analyze(text, { rules: { 'column-total': 'off' } }).findings.filter((f) => f.ruleId === 'column-total')).toEqual([]);
    expect(analyze(text, { rules: { 'column-total': 'warning' } }).findings.find((f) => f.ruleId === 'column-total')!.severity).toBe('warning');
  });

  it('CRLF text gives the same findings at the same cells', () => {
    const crlf = seed.replace(/\n/g, '\r\n');
    const m = analyze(crlf).report;
    const c = m.table3!.rows.get('r1')!.cells[0];
    const text = crlf.slice(0, c.start) + '9' + crlf.slice(c.end);
    const f = errors(analyze(text));
    expect(f.length).toBe(1);
    expect(f[0].range.start).toBe(c.start);
    expect(fixAll(text).text).toBe(crlf);
  });

  it('ordinary text is not a report; empty and binary-looking input never throw', () => {
    expect(analyze('会议纪要\n今天讨论了三件事。\n一、天气\n二、午饭\n').isReport).toBe(false);
    for (const t of ['', '\u0000\u0001\ufffd', '\t\t\t\n|||\n', '一、\n二、\n三、']) expect(() => analyze(t)).not.toThrow();
  });

  it('fix-all is idempotent on every seed (nothing fixable on a consistent report)', () => {
    for (const s of seeds) expect(fixAll(s.text)).toEqual({ text: s.text, applied: 0, edits: [] });
  });
});

describe('looksLikeReport', () => {
  it('a notice that only mentions the annual report is not a report', () => {
    expect(analyze('关于报送2023年政府信息公开工作年度报告的通知\n\n各单位：请于1月31日前报送政府信息公开年报。\n').isReport).toBe(false);
  });
  it('a draft with its title and first heading is a report', () => {
    expect(analyze('某镇2024年政府信息公开工作年度报告\n\n一、总体情况\n').isReport).toBe(true);
  });
});

describe('fix-all edits', () => {
  it('touch only the cells they fix, as edits on the original text', () => {
    const text = applyEdits(seed, [
      { start: cell('r1', 3).start, end: cell('r1', 3).end, newText: '4' },
      { start: cell('r4.1', 0).start, end: cell('r4.1', 0).end, newText: '' },
    ]);
    const r = fixAll(text);
    expect(r.text).toBe(seed);
    expect(r.edits.map((e) => [text.slice(e.start, e.end), e.newText])).toEqual([['4', '0'], ['', '2']]);
  });
});
