// Where a row's cells sit, in the units its layout lines columns up by: the cell index of a tab
// or pipe row; the display column (CJK characters two wide) of fixed-width text, as pdftotext
// -layout writes it; the order of the values in one-cell-per-line text. parse/grid.ts places
// rows on a table's columns by these positions.
import type { Cell } from './cells';
import { splitCells } from './cells';
import { displayWidth, offsetAtColumn } from './displayWidth';
import type { Line } from './lines';
import { isSpaceCode, labelKey } from './normalize';

/** An interval of layout units, both ends included: a cell index (from = to) or display columns. */
export interface Span {
  from: number;
  to: number;
}

/** A cell of a row with where it sits in the layout. */
export interface PositionedCell {
  cell: Cell;
  at: Span;
}

/** A data row as the reader found it: its value cells (blanks included where the layout has them) and where its label ends. */
export interface RowGeometry {
  values: PositionedCell[];
  /** Layout position of the label's last character (−∞ when the row has no label cell). */
  labelEnd: number;
  /** The row's last position: a tab or pipe row has no cell past its last one (∞ where unknown). */
  extent: number;
  /** A blank cell for a column the row has no cell in (zero-length, where the column would be). */
  blankAt(span: Span): Cell;
}

/** How positions are counted: cell indexes (tab, pipe), display columns (space), or value order (one cell per line). */
export type PositionUnits = 'index' | 'display' | 'order';

export const unitsOf = (line: Line): PositionUnits => (line.layout === 'space' ? 'display' : 'index');

/** The display columns a cell covers in its line. */
function displaySpan(line: Line, cell: Cell): Span {
  const from = displayWidth(line.text, 0, cell.start - line.start);
  const width = Math.max(1, displayWidth(line.text, cell.start - line.start, cell.end - line.start));
  return { from, to: from + width - 1 };
}

/** A zero-length blank cell at `offset`. */
const blankCell = (offset: number): Cell => ({ start: offset, end: offset, raw: '', kind: 'blank', num: undefined });

/**
 * A blank for a fixed-width column that starts at display column `column`: at that column, or at
 * the line's end when the line stops before it; a value written there takes the spaces around
 * the column (one kept on each side) and moves no other column (Cell.fill).
 */
function blankInSpaces(line: Line, column: number): Cell {
  const t = line.text;
  const width = displayWidth(t);
  if (width <= column) return { ...blankCell(line.end), fill: { start: line.end, end: line.end, before: Math.max(2, column - width) } };
  const at = offsetAtColumn(t, column);
  if (!isSpaceCode(t.charCodeAt(at))) return blankCell(line.start + at);
  let from = at;
  while (from > 0 && isSpaceCode(t.charCodeAt(from - 1))) from--;
  let to = at;
  while (to < t.length && isSpaceCode(t.charCodeAt(to))) to++;
  const start = Math.min(at, from + 1);
  const end = Math.max(at, to - 1);
  return { ...blankCell(line.start + at), fill: { start: line.start + start, end: line.start + end, before: at - start } };
}

/** The geometry of a row whose label and values are all on `line`. */
export function lineRowGeometry(line: Line, label: readonly Cell[], values: readonly Cell[]): RowGeometry {
  const lastLabel = label.length ? label[label.length - 1] : undefined;
  if (line.layout === 'space') {
    return {
      values: values.map((cell) => ({ cell, at: displaySpan(line, cell) })),
      labelEnd: lastLabel ? displaySpan(line, lastLabel).to : -Infinity,
      extent: Infinity,
      blankAt: (span) => blankInSpaces(line, span.from + 1),
    };
  }
  const all = splitCells(line);
  const indexOf = (cell: Cell): number => {
    for (let i = 0; i < all.length; i++) if (all[i].start === cell.start && all[i].end === cell.end) return i;
    return -1;
  };
  const positioned: PositionedCell[] = [];
  for (const cell of values) {
    const i = indexOf(cell);
    if (i >= 0) positioned.push({ cell, at: { from: i, to: i } });
  }
  return {
    values: positioned,
    labelEnd: lastLabel ? indexOf(lastLabel) : -Infinity,
    extent: all.length - 1,
    blankAt: () => blankCell(line.end),
  };
}

/** The geometry of a row whose values came one per line after its label: their order is all there is. */
export function orderRowGeometry(labelLine: Line, values: readonly Cell[]): RowGeometry {
  return {
    values: values.map((cell, i) => ({ cell, at: { from: i, to: i } })),
    labelEnd: -Infinity,
    extent: Infinity,
    blankAt: () => blankCell(labelLine.end),
  };
}

/** A header cell: its label key and where it sits. */
export interface HeaderCell {
  key: string;
  at: Span;
}

/**
 * The labelled cells of a header line. Tab and pipe: each cell. Fixed-width: each phrase (words
 * parted by single spaces, as in `商业 企业`; runs of two or more spaces part columns), and each
 * word of a phrase on its own too (pdftotext puts several column headers one space apart).
 */
export function headerCells(line: Line): HeaderCell[] {
  if (line.layout !== 'space') {
    return splitCells(line).map((c, i) => ({ key: labelKey(c.raw), at: { from: i, to: i } }));
  }
  const out: HeaderCell[] = [];
  const t = line.text;
  let i = 0;
  while (i < t.length) {
    while (i < t.length && isSpaceCode(t.charCodeAt(i))) i++;
    if (i >= t.length) break;
    const start = i;
    const words: [number, number][] = [];
    for (;;) {
      const w = i;
      while (i < t.length && !isSpaceCode(t.charCodeAt(i))) i++;
      words.push([w, i]);
      // One space (not two, not a tab) continues the phrase.
      if (i + 1 < t.length && t.charCodeAt(i) === 0x20 && !isSpaceCode(t.charCodeAt(i + 1))) i++;
      else break;
    }
    const span = (a: number, b: number): Span => {
      const from = displayWidth(t, 0, a);
      return { from, to: from + Math.max(1, displayWidth(t, a, b)) - 1 };
    };
    out.push({ key: labelKey(t.slice(start, i)), at: span(start, i) });
    if (words.length > 1) for (const [a, b] of words) out.push({ key: labelKey(t.slice(a, b)), at: span(a, b) });
  }
  return out;
}
