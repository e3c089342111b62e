// Acceptance: change any one table-三 cell of a seed → one error on exactly that cell, saying the
// right value; fix-all restores the original text byte for byte. A changed table-四 总计 → one error
// on it whose suggestion (not a determined fix: one equation per cell) restores the text.
import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, fixAll } from '../../server/src/engine';
import { errors, huaian, seeds } from './fixtures';

function edited(text: string, start: number, end: number, value: string): string {
  return applyEdits(text, [{ start, end, newText: value }]);
}

describe.each([...seeds, huaian].map((s) => [s.name, s.text] as const))('%s', (_name, original) => {
  const model = analyze(original).report;
  const t3cells = [...model.table3!.rows.values()].flatMap((row) => row.cells.map((cell, col) => ({ row: row.key, col, cell })));
  const t4totals = [4, 9, 14].map((col) => ({ row: 't4', col, cell: model.table4!.cells[col] }));

  it('has every number cell of table 三 (25 or 23 rows × 7)', () => {
    expect(t3cells.length).toBeGreaterThanOrEqual(23 * 7);
    expect(t3cells.every((c) => c.cell.kind === 'number')).toBe(true);
  });

  for (const delta of [1, 7]) {
    it(`table 三, every cell +${delta}: one error on that cell, a determined fix restores the text`, () => {
      for (const { row, col, cell } of t3cells) {
        const was = Number(cell.num);
        const now = String(was + delta);
        const text = edited(original, cell.start, cell.end, now);
        const a = analyze(text);
        const errs = errors(a);
        const where = `${row}/${col}`;
        expect(errs.length, where).toBe(1);
        expect(errs[0].range, where).toEqual({ start: cell.start, end: cell.start + now.length });
        expect(errs[0].message, where).toMatch(new RegExp(`应为 ${was}`));
        // Every table-三 cell lies on two equations (row and column, or row and balance): pinned.
        expect(errs[0].fix?.edits, where).toEqual([{ start: cell.start, end: cell.start + now.length, newText: String(was) }]);
        const fixed = fixAll(text);
        expect(fixed.text === original, where).toBe(true);
        expect(applyEdits(text, fixed.edits) === original, where).toBe(true);
      }
    });

    it(`table 四, every 总计 +${delta}: one error on that cell, a suggestion (never applied by fix-all) restores the text`, () => {
      for (const { row, col, cell } of t4totals) {
        const was = Number(cell.num);
        const now = String(was + delta);
        const text = edited(original, cell.start, cell.end, now);
        const errs = errors(analyze(text));
        const where = `${row}/${col}`;
        expect(errs.length, where).toBe(1);
        expect(errs[0].range, where).toEqual({ start: cell.start, end: cell.start + now.length });
        expect(errs[0].message, where).toMatch(new RegExp(`应为 ${was}`));
        // One equation per cell names a group of five cells, not a cell: no determined fix.
        expect(errs[0].fix, where).toBeUndefined();
        expect(errs[0].suggestions?.length, where).toBe(1);
        expect(applyEdits(text, errs[0].suggestions![0].edits) === original, where).toBe(true);
        expect(fixAll(text).text === text, where).toBe(true);
      }
    });
  }

  it('a located cell points only at what explains it: the totals of the equations crossing there (at most three)', () => {
    const { cell } = t3cells.find((c) => c.row === 'r1' && c.col === 0)!;
    const a = analyze(edited(original, cell.start, cell.end, String(Number(cell.num) + 2)));
    const f = errors(a)[0];
    expect(f.ruleId).toBe('row-total');
    // The row's 总计 and the column's （七）总计 — not every cell of both equations (was ~29).
    const t3 = a.report.table3!;
    const rowTotal = t3.rows.get('r1')!.cells[6];
    const colTotal = t3.rows.get('total')!.cells[0];
    expect(f.related.map((r) => r.range)).toEqual([
      { start: rowTotal.start, end: rowTotal.end },
      { start: colTotal.start, end: colTotal.end },
    ]);
    expect(f.related.map((r) => r.message)).toEqual([`本行总计为 ${rowTotal.raw}`, `本列（七）总计为 ${colTotal.raw}`]);
    // Every cell: one to three places; a total located points at its parts, never at itself alone.
    for (const { row, col, cell: c } of t3cells) {
      const g = errors(analyze(edited(original, c.start, c.end, String(Number(c.num) + 1))))[0];
      expect(g.related.length, `${row}/${col}`).toBeGreaterThanOrEqual(1);
      expect(g.related.length, `${row}/${col}`).toBeLessThanOrEqual(3);
      expect(g.related.some((r) => r.range.start === c.start && r.range.end === c.end + (String(Number(c.num) + 1).length - c.raw.length)), `${row}/${col}`).toBe(false);
    }
  });
});
