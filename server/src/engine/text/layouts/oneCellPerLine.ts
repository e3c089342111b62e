// One cell per line (web pages copied as text, Markdown exports): a row's label on one line, each
// of its numbers on a line of its own, with or without `|` and filler cells (`0 | ||`), blank
// lines in between. parse/report.ts asks for the value lines after a label that names a row.
import type { Cell } from '../cell';
import { blankCell } from '../cell';
import { splitCells } from '../cells';
import type { Line } from '../lines';
import type { RowGeometry } from '../positions';

/** What one line holds when read as part of a one-cell-per-line table. */
export type VerticalLine =
  | { kind: 'value'; cell: Cell }
  /** Empty, or only `|` separators and filler cells. */
  | { kind: 'gap' }
  | { kind: 'other' };

/** Is this line a single number (or a blank mark like `-`, `/`) and nothing else? */
export function verticalLine(line: Line): VerticalLine {
  const t = line.text;
  let i = 0;
  while (i < t.length && (t.charCodeAt(i) <= 0x20 || t[i] === '|' || t[i] === '｜' || t[i] === '\u3000')) i++;
  if (i === t.length) return { kind: 'gap' };
  // Cheap exit for prose and labels: a value line is short.
  if (t.length - i > 40) return { kind: 'other' };
  const cells = splitCells(line);
  const filled = cells.filter((c) => c.raw !== '');
  if (filled.length !== 1) return { kind: 'other' };
  const c = filled[0];
  if (c.kind === 'number' || (c.kind === 'blank' && c.raw !== '无' && c.raw !== '空')) return { kind: 'value', cell: c };
  return { kind: 'other' };
}

export interface Gathered {
  cells: Cell[];
  /** Index of the last line that gave a value (the caller skips up to it). */
  lastLine: number;
}

/**
 * The values on the lines after `from`, one per line, skipping gaps, up to `max` of them (the
 * row's number of columns). Stops at the first line that is not a value: the next label. A
 * value line beyond `max` is not taken (in a cut-off excerpt it is the start of the next row) —
 * unless `extra` allows a few more and a line that is not a value (the next row's label) follows
 * them: then they are the row's too (an extra 0 left by a merged cell), for the caller to report.
 * (The end of the text is no such line: an excerpt may be cut inside the next row's label.)
 */
export function gatherValues(lines: Line[], from: number, max: number, extra = 0): Gathered | undefined {
  const cells: Cell[] = [];
  let lastLine = from;
  let taken = { count: 0, lastLine: from };
  let i = from + 1;
  for (; i < lines.length && cells.length < max + extra; i++) {
    const v = verticalLine(lines[i]);
    if (v.kind === 'gap') continue;
    if (v.kind === 'other') break;
    cells.push(v.cell);
    lastLine = i;
    if (cells.length === max) taken = { count: max, lastLine: i };
  }
  if (cells.length > max) {
    // More than a row: the extra values are the row's only when the next line is not a value.
    while (i < lines.length && verticalLine(lines[i]).kind === 'gap') i++;
    const endsHere = i < lines.length && verticalLine(lines[i]).kind === 'other';
    if (!endsHere) return { cells: cells.slice(0, taken.count), lastLine: taken.lastLine };
  }
  return cells.length ? { cells, lastLine } : undefined;
}

/** The geometry of a row whose values came one per line after its label: their order is all there is. */
export function orderRowGeometry(labelLine: Line, values: readonly Cell[]): RowGeometry {
  return {
    values: values.map((cell, i) => ({ cell, at: { from: i, to: i } })),
    labelEnd: -Infinity,
    extent: Infinity,
    blankAt: () => blankCell(labelLine.end),
  };
}

