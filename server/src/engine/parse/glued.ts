// Cells glued together with no separator: `规范性文件898989` (a label running into its numbers),
// `0 0` inside one tab cell, `00` where a row is a number short. Such a row cannot be split into
// its columns reliably: parse/report.ts leaves it out and the rule table-unparsed says so.
import type { Cell } from '../text/cells';
import type { OffsetRange } from '../types';

/** Trailing digits glued onto label text: 规范性文件898989, 总计3050, 行政事业性收费96171.6. */
const GLUED_TAIL = /(?<=[^\s\u3000\d０-９.．、,，:：])[0-9０-９]+(?:[.．][0-9０-９]+)?$/;

export interface GluedLabel {
  /** The label without its glued digits, for matching a template row. */
  label: Cell;
  /** The label cell's whole range (label and digits). */
  glued: OffsetRange;
}

/** The last label cell, when digits run straight into its text. */
export function gluedLabel(label: Cell[]): GluedLabel | undefined {
  const last = label[label.length - 1];
  if (!last) return undefined;
  const m = GLUED_TAIL.exec(last.raw);
  if (!m || m.index === 0) return undefined;
  const raw = last.raw.slice(0, m.index);
  return { label: { start: last.start, end: last.start + raw.length, raw, kind: 'text' }, glued: { start: last.start, end: last.end } };
}

/**
 * A value cell that holds several numbers (`0 0` in one tab or pipe cell), or, in a row that is
 * short of numbers, a count written with a leading zero (`00`, `01`): two cells run together.
 */
export function gluedValue(values: Cell[], expected: number): Cell | undefined {
  const several = values.find((c) => /[0-9０-９][\s\u3000]+[0-9０-９]/.test(c.raw));
  if (several) return several;
  const filled = values.filter((c) => c.raw !== '');
  if (filled.length >= expected) return undefined;
  return filled.find((c) => c.kind === 'number' && /^[0０][0-9０-９]+$/.test(c.raw));
}
