// Fixed-width text (pdftotext -layout, hand-aligned text): cells parted by runs of spaces, a row's
// label first and its numbers after it. Empty cells leave no trace but spaces, so a cell's place
// is its display column (CJK two wide, text/displayWidth.ts), and a blank the reader makes for an
// empty column knows the spaces a value may take (Cell.fill).
import type { Cell } from '../cell';
import { blankCell, cellOf, makeCell } from '../cell';
import { displayWidth, offsetAtColumn } from '../displayWidth';
import type { Line } from '../lines';
import { isSpaceCode, labelKey } from '../normalize';
import type { HeaderCell, RowGeometry, Span } from '../positions';
import { MAX_HEADER_LABEL } from '../positions';

/**
 * Can this character be part of a number or a blank mark (/ ／ \\ - － — – ―)? A token with any
 * other character is text for classify() (无 and 空 are blank marks that end the numbers too).
 */
function mayTrail(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || (c >= 0xff0b && c <= 0xff19) || (c >= 0x2b && c <= 0x2f) || c === 0x5c ||
    c === 0x2013 || c === 0x2014 || c === 0x2015
  );
}

/**
 * Would splitCells(line) give one text cell and nothing else? True for a whitespace-layout line
 * whose last character (before trailing space) cannot end a number or blank mark — so splitFixedWidth
 * stops at its last token — and that is longer than the placeholders 无 / 空 (which are blank
 * cells, not text). Answered without making the cell.
 */
export function isProseRow(line: Line): boolean {
  if (line.layout !== 'space') return false;
  const t = line.text;
  let e = t.length;
  while (e > 0 && isSpaceCode(t.charCodeAt(e - 1))) e--;
  return e - line.indent > 2 && !mayTrail(t.charCodeAt(e - 1));
}

/**
 * Whitespace layout (pdftotext, web text): the label is everything before the trailing run of
 * number-like tokens; each trailing token is a cell.
 */
export function splitFixedWidth(line: Line): Cell[] {
  const t = line.text;
  // Tokens are runs of non-space characters; walk them from the right (prose lines stop at once).
  const trailing: Cell[] = [];
  let labelEnd = -1;
  let i = t.length;
  while (i > 0) {
    while (i > 0 && isSpaceCode(t.charCodeAt(i - 1))) i--;
    if (i === 0) break;
    const e = i;
    let text = false;
    for (; i > 0; i--) {
      const code = t.charCodeAt(i - 1);
      if (isSpaceCode(code)) break;
      if (!mayTrail(code)) {
        text = true; // the token is text (or 无/空): the label ends here, its start is not needed
        break;
      }
    }
    if (text) {
      labelEnd = e;
      break;
    }
    const c = cellOf(t.slice(i, e), line.start + i, line.start + e);
    if (c.kind === 'number' || (c.kind === 'blank' && c.raw !== '无' && c.raw !== '空')) {
      trailing.push(c);
    } else {
      labelEnd = e;
      break;
    }
  }
  const cells: Cell[] = [];
  if (labelEnd >= 0) cells.push(makeCell(t, Math.min(line.indent, labelEnd), labelEnd, line.start));
  for (let j = trailing.length - 1; j >= 0; j--) cells.push(trailing[j]);
  return cells;
}

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

/** The geometry of a fixed-width row: each value at its display columns. */
export function fixedWidthGeometry(line: Line, label: readonly Cell[], values: readonly Cell[]): RowGeometry {
  const lastLabel = label.length ? label[label.length - 1] : undefined;
  const spans = displaySpans(line, lastLabel ? [lastLabel, ...values] : values);
  const at = lastLabel ? spans.slice(1) : spans;
  return {
    values: values.map((cell, i) => ({ cell, at: at[i] })),
    labelEnd: lastLabel ? spans[0].to : -Infinity,
    extent: Infinity,
    blankAt: (span) => blankInSpaces(line, span.from + 1),
  };
}

/**
 * The labelled cells of a fixed-width header line: each phrase (words parted by single spaces, as
 * in `商业 企业`; runs of two or more spaces part columns), and each word of a phrase on its own
 * too (pdftotext puts several column headers one space apart).
 */
export function fixedWidthHeaderCells(line: Line): HeaderCell[] {
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
