// Text → lines, keeping original UTF-16 offsets. Line ends: \r\n, \n, \r.
import { isSpaceCode } from './normalize';

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
}

/** The first non-whitespace index of text[start..end), as an index from `start`. */
function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  return i - start;
}

/**
 * Splits at line breaks; each line's layout is found by a few searches of the whole text (the
 * next tab, | and ｜ after the line's start: one search per line that has one, not three per line).
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  const crs = text.indexOf('\r') >= 0;
  let tab = text.indexOf('\t');
  let pipe = text.indexOf('|');
  let wide = text.indexOf('｜');
  let start = 0;
  for (;;) {
    // The end of this line: the next \n by indexOf (most files), or \r / \r\n / \n by a loop.
    let end = crs ? start : text.indexOf('\n', start);
    if (crs) while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    else if (end < 0) end = n;
    if (tab >= 0 && tab < start) tab = text.indexOf('\t', start);
    let layout: Layout = 'space';
    if (tab >= 0 && tab < end) layout = 'tab';
    else {
      if (pipe >= 0 && pipe < start) pipe = text.indexOf('|', start);
      if (wide >= 0 && wide < start) wide = text.indexOf('｜', start);
      if ((pipe >= 0 && pipe < end) || (wide >= 0 && wide < end)) layout = 'pipe';
    }
    let indent = start;
    while (indent < end && isSpaceCode(text.charCodeAt(indent))) indent++;
    lines.push({ index: lines.length, start, end, text: text.slice(start, end), layout, indent: indent - start });
    if (end >= n) return lines;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
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
