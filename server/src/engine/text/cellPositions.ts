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

/**
 * The display columns each cell covers in its line, for cells in the order of the line: one walk
 * of the line, not one from its start per cell (pdftotext lines are long).
 */
function displaySpans(line: Line, cells: readonly Cell[]): Span[] {
  const spans: Span[] = [];
  let offset = 0;
  let column = 0;
  for (const cell of cells) {
    const start = cell.start - line.start;
    if (start < offset) {
      // Out of order (never for the splitters' cells): measured from the line's start.
      offset = 0;
      column = 0;
    }
    column += displayWidth(line.text, offset, start, column);
    const width = Math.max(1, displayWidth(line.text, start, cell.end - line.start, column));
    spans.push({ from: column, to: column + width - 1 });
    offset = start;
  }
  return spans;
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
  let at = offsetAtColumn(t, column);
  // Text stands at the column (a label running into it): the value goes after that text, never
  // into it (before: inserted inside the label, again each round of fix-all).
  while (at < t.length && !isSpaceCode(t.charCodeAt(at))) at++;
  if (at >= t.length) return { ...blankCell(line.end), fill: { start: line.end, end: line.end, before: 1 } };
  let from = at;
  while (from > 0 && isSpaceCode(t.charCodeAt(from - 1))) from--;
  let to = at;
  while (to < t.length && isSpaceCode(t.charCodeAt(to))) to++;
  // One space kept after the text on the left and one before the text on the right, so the value
  // is glued to neither (before: a column starting just after a label wrote `label5`).
  const lo = from > 0 ? from + 1 : from;
  const hi = to < t.length ? to - 1 : to;
  if (lo > hi) return { ...blankCell(line.start + from), fill: { start: line.start + from, end: line.start + from, before: 1 } };
  const pos = Math.min(Math.max(at, lo), hi);
  return { ...blankCell(line.start + pos), fill: { start: line.start + lo, end: line.start + hi, before: pos - lo } };
}

/** The geometry of a row whose label and values are all on `line`. */
export function lineRowGeometry(line: Line, label: readonly Cell[], values: readonly Cell[]): RowGeometry {
  const lastLabel = label.length ? label[label.length - 1] : undefined;
  if (line.layout === 'space') {
    const spans = displaySpans(line, lastLabel ? [lastLabel, ...values] : values);
    const at = lastLabel ? spans.slice(1) : spans;
    return {
      values: values.map((cell, i) => ({ cell, at: at[i] })),
      labelEnd: lastLabel ? spans[0].to : -Infinity,
      extent: Infinity,
      blankAt: (span) => blankInSpaces(line, span.from + 1),
    };
  }
  const all = splitCells(line);
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

/** The geometry of a row whose values came one per line after its label: their order is all there is. */
export function orderRowGeometry(labelLine: Line, values: readonly Cell[]): RowGeometry {
  return {
    values: values.map((cell, i) => ({ cell, at: { from: i, to: i } })),
    labelEnd: -Infinity,
    extent: Infinity,
    blankAt: () => blankCell(labelLine.end),
  };
}

/** The longest column label, with its spaces (`法律 服务 机构`, `其他 结 果`), and some room. */
const MAX_HEADER_LABEL = 16;

/** The first characters of the column labels of tables 三 and 四 (自然人 商业企业 … 总计; 结果维持 … 尚未审结). */
const COLUMN_LABEL_FIRST = '自商科社法其总结尚';

/** Could this cell's text be a column label? Short, and starting as one does (without building its key). */
function mayLabelColumn(raw: string): boolean {
  return raw.length > 0 && raw.length <= MAX_HEADER_LABEL && COLUMN_LABEL_FIRST.includes(raw[0]);
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
    // Column labels are short: a longer cell (the 勾稽关系 corner, a title) names no column.
    return splitCells(line).map((c, i) => ({ key: mayLabelColumn(c.raw) ? labelKey(c.raw) : '', at: { from: i, to: i } }));
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
    if (i - start <= MAX_HEADER_LABEL) out.push({ key: labelKey(t.slice(start, i)), at: span(start, i) });
    if (words.length > 1) for (const [a, b] of words) if (b - a <= MAX_HEADER_LABEL) out.push({ key: labelKey(t.slice(a, b)), at: span(a, b) });
  }
  return out;
}
