// A table cell: its original-offset range, its text and what kind of value it holds. Every
// layout's splitter (text/layouts/) makes its cells here, so a cell is classified one way.
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

/** The cell of text[from..to) (trimmed), at offset `base` of the document. */
export function makeCell(text: string, from: number, to: number, base: number): Cell {
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
export function cellOf(raw: string, start: number, end: number): Cell {
  const kind = classifyKind(raw);
  return { start, end, raw, kind, num: classifiedNum };
}

/** A zero-length blank cell at `offset` (a column a row has no cell in). */
export const blankCell = (offset: number): Cell => ({ start: offset, end: offset, raw: '', kind: 'blank', num: undefined });
