// Text → lines, keeping original UTF-16 offsets. Line ends: \r\n, \n, \r.
import type { Cell } from './cell';
import { isSpaceCode } from './normalize';
import { Occurrences } from './occurrences';

/** How a line separates cells: tabs if it has any, else | or ｜ if it has any, else whitespace. */
export type Layout = 'tab' | 'pipe' | 'space';

export interface Line {
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character, excluding the line break. */
  end: number;
  text: string;
  layout: Layout;
  /** Index in `text` of its first character that is not whitespace (text.length: a blank line). */
  indent: number;
  /** Its cells, split once when first asked for (text/cells.ts splitCells). */
  cells?: readonly Cell[];
}

/**
 * Splits at line breaks; each line's layout is found by a few searches of the whole text (the
 * next tab, | and ｜ after the line's start: one search per line that has one, not three per line).
 */
export function splitLines(text: string): Line[] {
  // The texts between breaks: one native split when there is no \r (most files), else a loop.
  let parts: string[];
  if (text.indexOf('\r') < 0) parts = text.split('\n');
  else {
    parts = [];
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */ || ch === 13 /* \r */) {
        parts.push(text.slice(from, i));
        if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
        from = i + 1;
      }
    }
    parts.push(text.slice(from));
  }
  const lines: Line[] = new Array(parts.length);
  const tabs = new Occurrences(text, '\t');
  const pipes = new Occurrences(text, '|');
  const widePipes = new Occurrences(text, '｜');
  let start = 0;
  for (let k = 0; k < parts.length; k++) {
    const line = parts[k];
    const end = start + line.length;
    const layout: Layout = tabs.inRange(start, end) ? 'tab' : pipes.inRange(start, end) || widePipes.inRange(start, end) ? 'pipe' : 'space';
    // trimStart removes exactly what isSpaceCode matches (\s), natively.
    const indent = line.length === 0 || !isSpaceCode(line.charCodeAt(0)) ? 0 : line.length - line.trimStart().length;
    lines[k] = { index: k, start, end, text: line, layout, indent, cells: undefined };
    // The next line starts after this one's break: \r\n is two characters.
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return lines;
}

/**
 * The line break the document uses most (for inserted text), read at the end of each line of
 * splitLines(text) rather than by scanning the text for \r again. Ties: \r\n, then \n.
 */
export function dominantEol(text: string, lines: readonly Line[]): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const at = lines[i].end;
    if (text.charCodeAt(at) === 10) lf++;
    else if (text.charCodeAt(at + 1) === 10) crlf++;
    else cr++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/** The index of the line holding UTF-16 offset `offset` (binary search; lines are in order). */
export function lineIndexAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
