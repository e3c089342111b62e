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
 * Finds the separators of every line with a few searches of the whole text (one per line that has
 * one, not three per line): `layout(start, end)` for consecutive lines, in order.
 */
function layoutFinder(text: string): (start: number, end: number) => Layout {
  let tab = text.indexOf('\t');
  let pipe = text.indexOf('|');
  let wide = text.indexOf('｜');
  return (start, end) => {
    if (tab >= 0 && tab < start) tab = text.indexOf('\t', start);
    if (tab >= 0 && tab < end) return 'tab';
    if (pipe >= 0 && pipe < start) pipe = text.indexOf('|', start);
    if (wide >= 0 && wide < start) wide = text.indexOf('｜', start);
    return (pipe >= 0 && pipe < end) || (wide >= 0 && wide < end) ? 'pipe' : 'space';
  };
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  const layout = layoutFinder(text);
  if (text.indexOf('\r') < 0) {
    // Only \n (most files): found by indexOf, not by a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i), layout: layout(start, i), indent: indentOf(text, start, i) });
      start = i + 1;
    }
    lines.push({ index: lines.length, start, end: n, text: text.slice(start, n), layout: layout(start, n), indent: indentOf(text, start, n) });
    return lines;
  }
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ || ch === 13 /* \r */) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i), layout: layout(start, i), indent: indentOf(text, start, i) });
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ index: lines.length, start, end: n, text: text.slice(start, n), layout: layout(start, n), indent: indentOf(text, start, n) });
  return lines;
}

/** The line break the document uses most (for inserted text). */
export function dominantEol(text: string): string {
  if (text.indexOf('\r') < 0) return '\n';
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (ch === 10) lf++;
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
