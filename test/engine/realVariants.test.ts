// Real-world variants the checker must take in its stride: table-二 cell values per column
// (cell-invalid), every section-title variant of the spec, and the F2021/F2019 mix of seed 003.
import { describe, expect, it } from 'vitest';
import { analyze, applyEdits } from '../../server/src/engine';
import { seeds } from './fixtures';

describe('cell-invalid, table 二, per column', () => {
  const f2019 = seeds[2].text; // 2020 report, 2019 format
  const f2021 = seeds[4].text;
  const t2cell = (text: string, label: string, col: number) => analyze(text).report.table2!.rows.find((r) => r.label === label)!.cells[col]!;
  const put = (text: string, c: { start: number; end: number }, v: string) => applyEdits(text, [{ start: c.start, end: c.end, newText: v }]);
  const invalid = (text: string) => analyze(text).findings.filter((f) => f.ruleId === 'cell-invalid');

  it.each([
    // [text, label, column, value, valid?]
    ['F2019 上一年项目数量', 'f2019', '行政许可', 0, '-2', false],
    ['F2019 上一年项目数量', 'f2019', '行政许可', 0, '3.5', false],
    ['F2019 本年增/减', 'f2019', '行政许可', 1, '-3', true],
    ['F2019 本年增/减', 'f2019', '行政许可', 1, '+2', true],
    ['F2019 本年增/减', 'f2019', '行政许可', 1, '1.5', false],
    ['F2019 处理决定数量', 'f2019', '行政许可', 2, '１２', true],
    ['F2019 采购总金额 (free text with a unit)', 'f2019', '政府集中采购', 1, '251000元', true],
    ['F2021 本年制发件数', 'f2021', '行政规范性文件', 0, '-1', false],
    ['F2021 现行有效件数', 'f2021', '行政规范性文件', 2, '1,114', true],
    ['F2021 本年收费金额', 'f2021', '行政事业性收费', 0, '24252.311082', true],
    ['F2021 本年收费金额', 'f2021', '行政事业性收费', 0, '-5', false],
    ['F2021 本年处理决定数量', 'f2021', '行政许可', 0, '多项', false],
  ] as const)('%s: %s %s[%i] = %s', (_what, which, label, col, value, valid) => {
    const text = which === 'f2019' ? f2019 : f2021;
    const c = t2cell(text, label, col);
    const changed = put(text, c, value);
    const f = invalid(changed);
    if (valid) expect(f).toEqual([]);
    else {
      expect(f.length).toBe(1);
      expect(f[0].severity).toBe('error');
      expect(changed.slice(f[0].range.start, f[0].range.end)).toBe(value);
    }
  });
});

describe('section-title: every variant in the spec', () => {
  const text = seeds[4].text;
  const a = analyze(text);
  it.each([
    ['四、政府信息公开行政复议和行政诉讼情况', 3],
    ['四、因政府信息公开工作被申请行政复议提起行政诉讼情况', 3], // real: excerpt 2022-06
    ['四、政府信息公开行政法复议、行政诉讼情况', 3], // the typo
    ['五、存在的主要问题和改进措施', 4],
  ])('%s → warning, fixed to the canonical title', (variant, i) => {
    const h = a.report.sections[i as number].heading;
    const changed = text.slice(0, h.start) + variant + text.slice(h.end);
    const f = analyze(changed).findings.filter((x) => x.ruleId === 'section-title');
    expect(f.length).toBe(1);
    expect(changed.slice(f[0].range.start, f[0].range.end)).toBe(variant);
    expect(applyEdits(changed, f[0].fix!.edits)).toBe(text);
  });
});

describe('template-version: a F2021 report whose （六）其他处理 has no three sub-rows', () => {
  it('seed 004 with its three 其他处理 sub-rows folded into one (as in seed 003) is a mix', () => {
    const seed = seeds[4].text;
    const lines = seed.split('\n');
    const at = lines.findIndex((l) => l.includes('其他处理'));
    // Three sub-rows: 1.… on the group's line, 2.…, 3.其他; then （七）总计.
    expect(lines[at + 2].startsWith('3.其他')).toBe(true);
    expect(lines[at + 3].startsWith('(七) 总计')).toBe(true);
    const folded = [...lines.slice(0, at), '(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\t', ...lines.slice(at + 3)].join('\n');
    const a = analyze(folded);
    const f = a.findings.filter((x) => x.ruleId === 'template-version');
    expect(f.length).toBe(1);
    expect(f[0].message).toContain('两版混用');
    expect(a.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('is silent on the consistent F2021 seeds that have the three sub-rows', () => {
    for (const i of [0, 1, 4]) expect(analyze(seeds[i].text).findings.filter((x) => x.ruleId === 'template-version')).toEqual([]);
  });
});
