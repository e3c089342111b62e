// Mapping a row's value cells onto the template's columns, anchored on the right (where 总计 is).
import type { Cell } from '../text/cells';

export interface Mapped {
  cells?: Cell[];
  /** Non-empty cells left over on the left (e.g. an extra 0 left by a merged cell). */
  extra: Cell[];
  /** The row had fewer cells than the template needs. */
  short: boolean;
}

export function mapRight(values: Cell[], n: number): Mapped {
  let end = values.length;
  while (end > 0 && values[end - 1].raw === '') end--;
  const trimmed = values.slice(0, end);
  if (trimmed.length >= n) {
    return { cells: trimmed.slice(trimmed.length - n), extra: trimmed.slice(0, trimmed.length - n).filter((c) => c.raw !== ''), short: false };
  }
  if (values.length >= n) {
    // Trailing blanks are real blanks (a 总计 left empty): read from the left.
    let first = 0;
    while (first < values.length - n && values[first].raw === '') first++;
    return { cells: values.slice(first, first + n), extra: [], short: false };
  }
  return { extra: [], short: true };
}
