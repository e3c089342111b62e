// The count a table cell holds: `+?\d+` as a safe integer. Read for every cell of tables 三 and
// 四 on every analysis (a char-code loop, no regex or Number() for up to 15 digits).
import type { Cell } from './text/cells';

/** The value of `+?\d+` as a safe integer, else −1 (counts are never negative). */
export function countOf(num: string): number {
  const from = num.charCodeAt(0) === 0x2b /* + */ ? 1 : 0;
  if (from === num.length) return -1;
  let v = 0;
  for (let i = from; i < num.length; i++) {
    const ch = num.charCodeAt(i);
    if (ch < 0x30 || ch > 0x39) return -1;
    v = v * 10 + (ch - 0x30); // exact while under 2^53; longer digit strings are read by Number below
  }
  if (num.length - from <= 15) return v; // at most 15 digits: always a safe integer, no string parse
  v = Number(from ? num.slice(1) : num);
  return Number.isSafeInteger(v) ? v : -1;
}

/** The count in a cell, or −1 when it is blank, text, or not a whole non-negative number. */
export function countOfCell(cell: Cell): number {
  return cell.kind === 'number' ? countOf(cell.num!) : -1;
}
