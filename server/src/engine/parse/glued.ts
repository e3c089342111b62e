// Cells glued together with no separator: `规范性文件898989` (a label running into its numbers),
// `0 0` inside one tab cell, `00` where a row is a number short. Such a row cannot be split into
// its columns reliably: parse/report.ts leaves it out and the rule table-unparsed says so.
import type { Cell } from '../text/cells';
import { isSpaceCode } from '../text/normalize';
import type { OffsetRange } from '../types';

const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isDot = (c: number): boolean => c === 0x2e || c === 0xff0e;
/** What may not stand right before glued digits: space, digits, . ． 、 , ， : ：. */
const isNumberContext = (c: number): boolean =>
  isSpaceCode(c) || isDigit(c) || isDot(c) || c === 0x3001 || c === 0x2c || c === 0xff0c || c === 0x3a || c === 0xff1a;

/**
 * Where trailing digits glued onto label text start (规范性文件898989, 总计3050,
 * 行政事业性收费96171.6), or -1: the first match of
 * `/(?<=[^\s\u3000\d０-９.．、,，:：])[0-9０-９]+(?:[.．][0-9０-９]+)?$/`, read from the end
 * (only the start of a digit run can follow a non-digit, so only two places can match).
 */
function gluedTailAt(raw: string): number {
  let b = raw.length;
  while (b > 0 && isDigit(raw.charCodeAt(b - 1))) b--;
  if (b === raw.length) return -1;
  let start = b;
  if (b > 0 && isDot(raw.charCodeAt(b - 1))) {
    let a = b - 1;
    while (a > 0 && isDigit(raw.charCodeAt(a - 1))) a--;
    if (a === b - 1) return -1; // `.5` alone: the digits follow a dot
    start = a;
  }
  return start > 0 && !isNumberContext(raw.charCodeAt(start - 1)) ? start : -1;
}

export interface GluedLabel {
  /** The label without its glued digits, for matching a template row. */
  label: Cell;
  /** The label cell's whole range (label and digits). */
  glued: OffsetRange;
}

/** The last label cell, when digits run straight into its text. */
export function gluedLabel(label: readonly Cell[]): GluedLabel | undefined {
  const last = label[label.length - 1];
  if (!last) return undefined;
  const at = gluedTailAt(last.raw);
  if (at <= 0) return undefined;
  const raw = last.raw.slice(0, at);
  return { label: { start: last.start, end: last.start + raw.length, raw, kind: 'text' }, glued: { start: last.start, end: last.end } };
}

/**
 * A value cell that holds several numbers (`0 0` in one tab or pipe cell), or, in a row that is
 * short of numbers, a count written with a leading zero (`00`, `01`): two cells run together.
 */
export function gluedValue(values: readonly Cell[], expected: number): Cell | undefined {
  let filled = 0;
  for (let i = 0; i < values.length; i++) {
    const c = values[i];
    if (c.raw === '') continue;
    filled++;
    // A plain count (its normalised text is its text) holds no space.
    if (c.num !== c.raw && hasSpacedDigits(c.raw)) return c;
  }
  if (filled >= expected) return undefined;
  return values.find((c) => c.raw !== '' && c.kind === 'number' && /^[0０][0-9０-９]+$/.test(c.raw));
}

/**
 * `/[0-9０-９][\s\u3000]+[0-9０-９]/.test(raw)` as one pass (it ran for every value cell of every
 * table row): a digit, at least one space, a digit.
 */
function hasSpacedDigits(raw: string): boolean {
  let afterDigit = false; // the run of spaces just passed follows a digit
  let spaces = false; // …and is not empty
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isDigit(c)) {
      if (afterDigit && spaces) return true;
      afterDigit = true;
      spaces = false;
    } else if (isSpaceCode(c)) {
      if (afterDigit) spaces = true;
    } else {
      afterDigit = false;
      spaces = false;
    }
  }
  return false;
}
