// Tab and pipe (Markdown) rows: cells parted by a separator — TAB as Word's copy gives them, `|`
// or `｜` as Markdown and web pages write them. Empty cells are kept (a merged cell stays an empty
// cell at each position it covers), so a cell's place is its index in the row.
import type { Cell } from '../cell';
import { blankCell, cellOf } from '../cell';
import type { Line } from '../lines';
import { isSpaceCode, labelKey } from '../normalize';
import type { HeaderCell, PositionedCell, RowGeometry } from '../positions';
import { mayLabelColumn } from '../positions';

/** `/[|｜]\s*$/.test(t)` read from the end (the regex tried every position from the start). */
function endsWithPipe(t: string): boolean {
  let i = t.length;
  while (i > 0 && isSpaceCode(t.charCodeAt(i - 1))) i--;
  return i > 0 && (t.charCodeAt(i - 1) === 0x7c || t.charCodeAt(i - 1) === 0xff5c);
}

/**
 * Split at tabs, or at | and ｜ (`pipes`); keeps empty cells (merged cells become empty cells).
 * One pass over the line: each cell is trimmed and its digits recognised as the characters go
 * by, so a plain count is sliced once and never looked at again (this runs for every cell of
 * every table line on every keystroke; see docs/performance.md).
 */
export function splitSeparated(line: Line, pipes: boolean): Cell[] {
  const t = line.text;
  const base = line.start;
  const n = t.length;
  const cells: Cell[] = [];
  let s = -1; // first non-space character of the current cell
  let e = 0; // after its last non-space character
  let digits = true; // only ASCII digits so far
  for (let i = 0; i <= n; i++) {
    const c = i < n ? t.charCodeAt(i) : -1;
    if (c === -1 || (pipes ? c === 0x7c || c === 0xff5c : c === 0x09)) {
      if (s < 0) cells.push({ start: base + i, end: base + i, raw: '', kind: 'blank', num: undefined });
      else if (digits) {
        const raw = t.slice(s, e);
        cells.push({ start: base + s, end: base + e, raw, kind: 'number', num: raw });
      } else cells.push(cellOf(t.slice(s, e), base + s, base + e));
      s = -1;
      digits = true;
      continue;
    }
    if (isSpaceCode(c)) {
      // Space inside a cell (`0 9`) is not a plain count; cellOf reads it (a trailing space too).
      if (s >= 0) digits = false;
      continue;
    }
    if (s < 0) s = i;
    e = i + 1;
    if (c < 0x30 || c > 0x39) digits = false;
  }
  if (pipes) {
    // `| a | b |`: the empty cells outside the outer pipes are not cells.
    if (cells.length > 1 && cells[0].raw === '' && /^\s*[|｜]/.test(t)) cells.shift();
    if (cells.length > 1 && cells[cells.length - 1].raw === '' && endsWithPipe(t)) cells.pop();
  }
  return cells;
}

/** The geometry of a separated row: each value at its cell index in `all` (the row's cells). */
export function separatedGeometry(line: Line, all: readonly Cell[], label: readonly Cell[], values: readonly Cell[]): RowGeometry {
  const lastLabel = label.length ? label[label.length - 1] : undefined;
  // The values are usually the line's last cells, in order: looked for from where the last one was.
  let from = 0;
  const indexOf = (cell: Cell): number => {
    for (let k = 0; k < all.length; k++) {
      const i = (from + k) % all.length;
      if (all[i].start === cell.start && all[i].end === cell.end) return (from = i);
    }
    return -1;
  };
  const positioned: PositionedCell[] = [];
  for (const cell of values) {
    const i = indexOf(cell);
    if (i >= 0) positioned.push({ cell, at: { from: i, to: i } });
  }
  from = 0;
  return {
    values: positioned,
    labelEnd: lastLabel ? indexOf(lastLabel) : -Infinity,
    extent: all.length - 1,
    blankAt: () => blankCell(line.end),
  };
}

/** The labelled cells of a separated header row: each cell at its index. */
export function separatedHeaderCells(all: readonly Cell[]): HeaderCell[] {
  // Column labels are short: a longer cell (the 勾稽关系 corner, a title) names no column.
  return all.map((c, i) => ({ key: mayLabelColumn(c.raw) ? labelKey(c.raw) : '', at: { from: i, to: i } }));
}
