// Blanks as real tables use them (spec §6, last paragraph; blankZeros.ts): a table that writes no 0
// reads its blanks as 0, a table that writes its zeros reads only its wholly blank rows as 0, a
// blank total whose parts are written is missing (filled in), and cell-blank says so once per table.
import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, fixAll } from '../../server/src/engine';
import type { Analysis, Finding } from '../../server/src/engine';
import { buildEquations } from '../../server/src/engine/equations';
import type { T3Row } from '../../server/src/engine/template';
import { solve } from '../../server/src/engine/solve';
import type { Cell } from '../../server/src/engine/text/cells';
import { ARITHMETIC, edited, errors, reals, seeds } from './fixtures';

const byName = (list: { name: string; text: string }[], prefix: string) => list.find((f) => f.name.startsWith(prefix))!.text;
const gwh = byName(reals, '2022_gwh');
const gwhBlank = byName(edited, '2022_gwh-blank-for-zero');
const scj = byName(reals, '2021_scj');

const ids = (a: Analysis, id: string) => a.findings.filter((f) => f.ruleId === id);
/** The table-level findings of cell-blank (blanks read as 0). */
const tableLevel = (a: Analysis) => ids(a, 'cell-blank').filter((f) => /按 0 参与勾稽校验/.test(f.message));
/** Every equation holds (none violated, none unknown). */
function everyEquationHolds(text: string): boolean {
  const sol = solve(buildEquations(analyze(text).report));
  return sol.states.length > 0 && sol.states.every((s) => s.residual === 0);
}
const t3cell = (a: Analysis, row: T3Row, col: number): Cell => a.report.table3!.rows.get(row)!.cells[col];
/** The line of `text` starting with `label` (after its leading tabs). */
const lineWith = (text: string, label: string) => text.split('\n').find((l) => l.replace(/^\t+/, '').startsWith(label))!;

describe('blank-for-zero table (edited/2022_gwh-blank-for-zero: every 0 of tables 三/四 blank, outcome rows’ 总计 empty)', () => {
  const a = analyze(gwhBlank);

  it('is read whole: no table-incomplete, no table-row-shape, no error', () => {
    expect(ids(a, 'table-incomplete')).toEqual([]);
    expect(ids(a, 'table-row-shape')).toEqual([]);
    expect(errors(a)).toEqual([]);
  });

  it('says once that the blanks of tables 三 and 四 stand for 0 (one finding for the report), with a suggestion to write the zeros', () => {
    const once = tableLevel(a);
    expect(once.map((f) => f.message)).toEqual([expect.stringMatching(/^第三、四部分统计表以空白代替 0（共 170 处），按 0 参与勾稽校验；模板要求填 0$/)]);
    expect(once[0].fix).toBeUndefined();
    expect(once[0].suggestions![0].edits.length).toBe(170);
    expect(once[0].suggestions![0].edits.every((e) => e.newText === '0')).toBe(true);
    // English too.
    expect(ids(analyze(gwhBlank, { locale: 'en' }), 'cell-blank').filter((f) => /read as 0 for the totals/.test(f.message)).map((f) => f.message)).toEqual([
      'The section III and section IV tables leave their zeros blank (170 cells); they are read as 0 for the totals. The template asks for 0',
    ]);
  });

  it('the empty 总计 of each outcome row with numbers is a missing total: its own finding, filled in by a determined fix', () => {
    const original = analyze(gwh);
    const cellFindings = ids(a, 'cell-blank').filter((f) => !tableLevel(a).includes(f));
    const filled: string[] = [];
    for (const [key, row] of original.report.table3!.rows) {
      const total = row.cells[6].num!;
      const blank = t3cell(a, key, 6);
      if (blank.kind !== 'blank') continue;
      const f = cellFindings.find((x) => x.range.start === blank.start);
      if (total === '0') {
        expect(f, key).toBeUndefined(); // a zero row: its blank 总计 is 0 with the rest
        continue;
      }
      expect(f?.fix?.edits, key).toEqual([{ start: blank.start, end: blank.start, newText: total }]);
      filled.push(key);
    }
    expect(filled.length).toBe(6);
    expect(cellFindings.length).toBe(6);
  });

  it('fix-all fills exactly those totals: no error left, every equation holds, the zeros stay blank', () => {
    const fixed = fixAll(gwhBlank);
    expect(fixed.applied).toBe(6);
    expect(fixed.edits.every((e) => e.start === e.end && /^\d+$/.test(e.newText))).toBe(true);
    expect(errors(analyze(fixed.text))).toEqual([]);
    expect(everyEquationHolds(fixed.text)).toBe(true);
    expect(tableLevel(analyze(fixed.text)).length).toBe(1);
  });

  it('a number left out of a blank-for-zero table is located where two equations cross, and filled in', () => {
    // 一、本年新收 · 商业企业 2 → blank: its row total (16) and the column's balance both miss 2.
    const line = lineWith(gwhBlank, '一、本年新收');
    const text = gwhBlank.replace(line, line.replace('\t14\t2\t', '\t14\t\t'));
    const b = analyze(text);
    const cell = t3cell(b, 'new', 1);
    expect(cell.kind).toBe('blank');
    const errs = errors(b);
    expect(errs.length).toBe(1);
    expect(errs[0].message).toMatch(/商业企业 应为 2：.*此处为空白（按 0 计）/);
    expect(errs[0].fix).toMatchObject({ kind: 'fill-blank', edits: [{ start: cell.start, end: cell.start, newText: '2' }] });
    expect(fixAll(text).text).toBe(fixAll(gwhBlank).text);
  });

  it('hover and the table view read the same values (a blank read as 0 counts in the formulas)', () => {
    const eqs = buildEquations(a.report);
    const h2 = eqs.find((e) => e.id === 'H2:new')!;
    const sol = solve(eqs);
    expect(sol.states.find((s) => s.eq === h2)!.residual).toBe(0);
    expect(h2.parts.filter((p) => p.zero).length).toBe(4);
  });
});

describe('wholly blank rows inside a table that writes its zeros', () => {
  it('real/2021_scj: the blank （六）2 and 3 (a merged value cell) are 0, so H3 exists; one finding names the group whose numbers were merged', () => {
    const a = analyze(scj);
    expect(a.report.table3!.rows.has('r6.2') && a.report.table3!.rows.has('r6.3')).toBe(true);
    expect(buildEquations(a.report).filter((e) => e.kind === 'column-total').length).toBe(7);
    const once = tableLevel(a);
    expect(once.length).toBe(1);
    expect(once[0].message).toBe('第三部分统计表「（六）其他处理」的数字只填在 3 个子项中的一行（合并单元格），其余 2 行整行空白（共 14 处），按 0 参与勾稽校验；模板要求每行填写，空白处填 0');
    expect(once[0].related.length).toBe(2);
    expect(ids(a, 'cell-blank').length).toBe(1);
    expect(errors(a)).toEqual([]);
    expect(fixAll(scj).text).toBe(scj);
  });

  it('a lost row (blank while the column totals count it) is not 0 where a written equation says otherwise: filled in from the columns', () => {
    // real/2022_gwh: （一）予以公开 is 5 0 0 0 0 0 5; blank it wholly.
    const line = lineWith(gwh, '三、本年度办理结果');
    const lost = gwh.replace(line, line.replace(/\t5\t0\t0\t0\t0\t0\t5$/, '\t\t\t\t\t\t\t'));
    expect(lost).not.toBe(gwh);
    const a = analyze(lost);
    expect(errors(a)).toEqual([]);
    const fixes = ids(a, 'cell-blank').filter((f) => f.fix);
    // 自然人 and 总计: their columns' （七）总计 need 5; the other four agree with 0.
    expect(fixes.map((f) => f.fix!.edits[0].newText)).toEqual(['5', '5']);
    expect(tableLevel(a)[0].message).toMatch(/共 5 处/);
    // Fix-all: the two numbers first; then the row is no longer wholly blank and its blanks are unknowns the columns fix at 0.
    expect(fixAll(lost).text).toBe(gwh);
  });

  it('a stray blank in a row with numbers stays an unknown (the template asks for 0): its own finding and fill-in, no table-level one', () => {
    for (const seed of seeds) {
      const a0 = analyze(seed.text);
      const cell = t3cell(a0, 'r2', 2);
      const text = applyEdits(seed.text, [{ start: cell.start, end: cell.end, newText: '' }]);
      const a = analyze(text);
      expect(tableLevel(a), seed.name).toEqual([]);
      const blank = t3cell(a, 'r2', 2); // in a pipe row the empty cell sits at its closing pipe
      const f = ids(a, 'cell-blank').find((x) => x.range.start === blank.start);
      expect(f?.fix?.edits, seed.name).toEqual([{ start: blank.start, end: blank.end, newText: cell.raw }]);
      expect(t3cell(analyze(fixAll(text).text), 'r2', 2).raw, seed.name).toBe(cell.raw);
    }
  });
});

describe('every fixture: the reading of blanks never breaks an equation that held', () => {
  for (const f of [...seeds, ...reals, ...edited]) {
    it(f.name, () => {
      const a = analyze(f.text);
      const arithmetic = a.findings.filter((x: Finding) => ARITHMETIC.has(x.ruleId));
      // Only the reports published with errors (2024_jjf, 2025_nyn) have arithmetic findings.
      if (!/2024_jjf|2025_nyn/.test(f.name)) expect(arithmetic.map((x) => x.message), f.name).toEqual([]);
      expect(tableLevel(a).length, f.name).toBeLessThanOrEqual(2);
    });
  }
});
