// Shared shape of a fix that rewrites one number cell, in the style of the cell it replaces.
import type { CellRef } from '../equations';
import { cellName, tr } from '../names';
import type { Cell } from '../text/cells';
import type { Fix, FixKind, Locale, OffsetEdit, OffsetRange } from '../types';

/** How a cell writes its digits: ASCII, or full-width (０-９). */
export type DigitStyle = 'ascii' | 'full-width';

/**
 * A fix writing `value` into the cell of `ref`. The edit replaces only the cell's content (its
 * padding stays) and writes the digits as the number it replaces does — or, for a blank or text
 * cell, as most numbers of its row (`row`) do.
 */
export function setCellFix(ref: CellRef, value: number, kind: FixKind, locale: Locale, row: readonly Cell[] = []): Fix {
  const name = cellName(ref, locale);
  const title =
    kind === 'fill-blank'
      ? tr(locale, `填入 ${value}（${name}）`, `Fill in ${value} (${name})`)
      : kind === 'recompute-total'
        ? tr(locale, `重新计算合计：改为 ${value}（${name}）`, `Recompute the total: ${value} (${name})`)
        : tr(locale, `改为 ${value}（${name}）`, `Change to ${value} (${name})`);
  return { title, kind, edits: [written(ref.cell, writeCount(value, digitStyleOf(ref.cell, row)))] };
}

/**
 * The edit that writes `value` into the cell: over the cell's content — or, in a blank a
 * fixed-width reader made (Cell.fill), over the spaces around its column, the value at the
 * column and the other characters kept as spaces.
 */
export function written(cell: Cell, value: string): OffsetEdit {
  const fill = cell.fill;
  if (!fill) return { start: cell.start, end: cell.end, newText: value };
  const after = Math.max(0, fill.end - fill.start - fill.before - value.length);
  return { start: fill.start, end: fill.end, newText: ' '.repeat(fill.before) + value + ' '.repeat(after) };
}

/** The fix as a determined one when `determined` (fix-all applies it), else as the only suggestion. */
export function promise(fix: Fix, determined: boolean): { fix: Fix } | { suggestions: Fix[] } {
  return determined ? { fix } : { suggestions: [fix] };
}

export function cellRange(ref: CellRef): OffsetRange {
  return { start: ref.cell.start, end: ref.cell.end };
}

/** The digits of `value` in `style` (exact: a count is a safe integer). */
export function writeCount(value: number, style: DigitStyle): string {
  const ascii = String(value);
  if (style === 'ascii') return ascii;
  let out = '';
  for (let i = 0; i < ascii.length; i++) out += String.fromCharCode(ascii.charCodeAt(i) - 0x30 + FULL_ZERO);
  return out;
}

/** The style of a number cell's own digits; for a blank (or text) cell, the style most of `row` uses. */
export function digitStyleOf(cell: Cell, row: readonly Cell[]): DigitStyle {
  const own = cell.kind === 'number' ? styleOfText(cell.raw) : undefined;
  if (own) return own;
  let full = 0;
  let ascii = 0;
  for (const c of row) {
    const s = styleOfText(c.raw);
    if (s === 'full-width') full++;
    else if (s === 'ascii') ascii++;
  }
  return full > ascii ? 'full-width' : 'ascii';
}

const FULL_ZERO = 0xff10;

/** The style of the first digit of `text`; undefined when it has none. */
function styleOfText(text: string): DigitStyle | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return 'ascii';
    if (c >= FULL_ZERO && c <= FULL_ZERO + 9) return 'full-width';
  }
  return undefined;
}
