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

  it('a located cell carries related information on the cells of each violated equation', () => {
    const { cell } = t3cells.find((c) => c.row === 'r1' && c.col === 0)!;
    const a = analyze(edited(original, cell.start, cell.end, String(Number(cell.num) + 2)));
    const f = errors(a)[0];
    expect(f.ruleId).toBe('row-total');
    // row total (6 cells + total) and column total (leaves + total) of 自然人
    expect(f.related.length).toBeGreaterThanOrEqual(7 + 20);
    expect(f.related.some((r) => r.range.start === cell.start)).toBe(true);
  });
});
