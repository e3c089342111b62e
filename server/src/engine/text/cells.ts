// One line → cells, each with its own original-offset range (content trimmed).
import type { Line } from './lines';
import { isSpaceCode, toHalfWidth } from './normalize';

export type CellKind = 'number' | 'blank' | 'text';

export interface Cell {
  /** Trimmed content range (for an empty cell: a zero-length range at the separator). */
  start: number;
  end: number;
  raw: string;
  kind: CellKind;
  /** Normalised numeric text (half-width, separators removed) when kind is 'number'. */
  num?: string;
  /**
   * A blank the reader made for a column that fixed-width text left empty (its range: where a
   * value would start). A value written there replaces `start..end` (the spaces around the column,
   * or nothing at the line's end) with `before` spaces, the value, and spaces up to the same
   * length, so the other columns stay where they are.
   */
  fill?: { start: number; end: number; before: number };
}

/** The shared empty list of cells (frozen: never mutated). */
export const NO_CELLS: Cell[] = Object.freeze([]) as unknown as Cell[];

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLACEHOLDER = /^(?:[\/／\\]|[-－—–―]{1,2}|—{2}|无|空)$/;

/** PLACEHOLDER.test(raw.trim()); a placeholder is one or two characters, so a longer text that
 * starts and ends with non-space (every cell the splitters make: labels, prose) is not trimmed. */
function isPlaceholder(raw: string): boolean {
  const n = raw.length;
  if (n > 2 && !isSpaceCode(raw.charCodeAt(0)) && !isSpaceCode(raw.charCodeAt(n - 1))) return false;
  return PLACEHOLDER.test(raw.trim());
}

/**
 * Could `raw` be a number? It needs a digit (ASCII or full-width), and every other character must
 * be one NUMBER / GROUPED allow after toHalfWidth (+ - . ,) or whitespace (removed). A line of
 * prose fails at its first Chinese character, without the regexes below.
 */
function mayBeNumber(raw: string): boolean {
  let digit = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) digit = true;
    else if (!(c === 0x2b || c === 0x2c || c === 0x2d || c === 0x2e || (c >= 0xff0b && c <= 0xff0e) || isSpaceCode(c))) return false;
  }
  return digit;
}

/** Only ASCII digits (the common case of a table cell). */
function isPlainDigits(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return raw.length > 0;
}

/**
 * The kind of a cell's text; for a number, its normalised text is left in `classifiedNum` (no
 * result object per cell: this runs for every cell of every line on every analysis).
 */
let classifiedNum: string | undefined;
function classifyKind(raw: string): CellKind {
  classifiedNum = undefined;
  if (raw === '') return 'blank';
  if (isPlainDigits(raw)) {
    classifiedNum = raw;
    return 'number';
  }
  if (!mayBeNumber(raw)) return isPlaceholder(raw) ? 'blank' : 'text';
  const h = toHalfWidth(raw).replace(/[\s\u3000]+/g, '');
  if (NUMBER.test(h)) {
    classifiedNum = h;
    return 'number';
  }
  if (GROUPED.test(h)) {
    classifiedNum = h.replace(/,/g, '');
    return 'number';
  }
  if (isPlaceholder(raw)) return 'blank';
  return 'text';
}

export function classify(raw: string): { kind: CellKind; num?: string } {
  const kind = classifyKind(raw);
  return classifiedNum === undefined ? { kind } : { kind, num: classifiedNum };
}

function makeCell(text: string, from: number, to: number, base: number): Cell {
  let s = from;
  let e = to;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return cellOf(text.slice(s, e), base + s, base + e);
}

/**
 * A cell with the fields of classify(raw). Every cell has the same five fields in the same order
 * (`num` undefined unless it is a number), so V8 sees one object shape wherever cells are read.
 */
function cellOf(raw: string, start: number, end: number): Cell {
  const kind = classifyKind(raw);
  return { start, end, raw, kind, num: classifiedNum };
}

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
 * every table line; a separator predicate per character, then a trim, slice and classify per
 * cell, was most of the parser's time).
 */
function splitSeparated(line: Line, pipes: boolean): Cell[] {
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
 * whose last character (before trailing space) cannot end a number or blank mark — so splitSpace
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
function splitSpace(line: Line): Cell[] {
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

// The parser asks for the same line's cells several times in a row (rowCells, then t3RowCells):
// remember the last answer. Lines and cells are never mutated, so sharing them is safe.
let lastLine: Line | undefined;
let lastCells: Cell[] = [];

/** The cells of a line, split as its layout says (the same array each time: callers only read it). */
export function splitCells(line: Line): Cell[] {
  if (line === lastLine) return lastCells;
  const cells = splitCellsUncached(line);
  lastLine = line;
  lastCells = cells;
  return cells;
}

/**
 * No table row is this long (the widest, table 四's, is a few hundred characters). A longer line
 * is one text cell: splitting a 5 MB line of `1 2 3 …` into millions of cells took seconds.
 */
export const MAX_ROW_CHARS = 10000;

function splitCellsUncached(line: Line): Cell[] {
  if (line.text.length > MAX_ROW_CHARS) {
    let s = 0;
    let e = line.text.length;
    while (s < e && isSpaceCode(line.text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(line.text.charCodeAt(e - 1))) e--;
    return [{ start: line.start + s, end: line.start + e, raw: line.text.slice(s, e), kind: 'text', num: undefined }];
  }
  const layout = line.layout;
  if (layout === 'tab') return splitSeparated(line, false);
  if (layout === 'pipe') return splitSeparated(line, true);
  return splitSpace(line);
}
