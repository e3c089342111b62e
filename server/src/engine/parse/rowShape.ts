// Mapping a row's value cells onto the template's columns, anchored on the right (where 总计 is).
import type { Cell } from '../text/cells';

export interface Mapped {
  cells?: Cell[];
  /** Non-empty cells left over on the left (e.g. an extra 0 left by a merged cell). */
  extra: Cell[];
  /** The row had fewer cells than the template needs. */
  short: boolean;
  /** Blank cells at both ends: more than one way to place the row on the columns. */
  ambiguous?: boolean;
}

export function mapRight(values: readonly Cell[], n: number): Mapped {
  let end = values.length;
  while (end > 0 && values[end - 1].raw === '') end--;
  if (end >= n) {
    // The last n non-trailing cells; non-empty cells left of them are extra (usually none).
    const extra: Cell[] = [];
    for (let i = 0; i < end - n; i++) if (values[i].raw !== '') extra.push(values[i]);
    return { cells: values.slice(end - n, end), extra, short: false };
  }
  if (values.length >= n) {
    // Some trailing empty cells are real blanks (a 总计 left empty). Place the row on every window
    // of n cells that holds all its non-empty cells; only a single such window is a reading.
    const first = values.findIndex((c) => c.raw !== '');
    const windows: number[] = [];
    for (let s = 0; s + n <= values.length; s++) if (s <= first && s + n >= end) windows.push(s);
    if (windows.length === 1) return { cells: values.slice(windows[0], windows[0] + n), extra: [], short: false };
    return { extra: [], short: false, ambiguous: true };
  }
  return { extra: [], short: true };
}
