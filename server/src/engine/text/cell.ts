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
export const NO_CELLS: readonly Cell[] = Object.freeze([]);

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
 * A cell's text read as a number: its normalised text (half-width, no spaces or thousands
 * separators), or undefined when it is not one. Plain ASCII digits — almost every table cell —
 * are their own normalised text; nothing is allocated for them.
 */
function numberText(raw: string): string | undefined {
  if (isPlainDigits(raw)) return raw;
  if (!mayBeNumber(raw)) return undefined;
  const h = toHalfWidth(raw).replace(/[\s\u3000]+/g, '');
  if (NUMBER.test(h)) return h;
  if (GROUPED.test(h)) return h.replace(/,/g, '');
  return undefined;
}

/** What a cell's text holds, and for a number its normalised text. */
export function classify(raw: string): { kind: CellKind; num?: string } {
  if (raw === '') return { kind: 'blank' };
  const num = numberText(raw);
  if (num !== undefined) return { kind: 'number', num };
  return { kind: isPlaceholder(raw) ? 'blank' : 'text' };
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
  if (raw === '') return { start, end, raw, kind: 'blank', num: undefined };
  const num = numberText(raw);
  if (num !== undefined) return { start, end, raw, kind: 'number', num };
  return { start, end, raw, kind: isPlaceholder(raw) ? 'blank' : 'text', num: undefined };
}

/** A zero-length blank cell at `offset` (a column a row has no cell in). */
export const blankCell = (offset: number): Cell => ({ start: offset, end: offset, raw: '', kind: 'blank', num: undefined });
