// The prose of a report as sentences, for matching numbers the text states ("共收到申请7件").
// Table lines are left out; lines wrapped by pdftotext are joined back into their paragraph;
// every character keeps its original offset, and the text is a half-width *view* (same length).
import type { ReportModel } from './model';
import type { Line } from './text/lines';
import { isSpaceCode, toHalfWidth } from './text/normalize';
import type { OffsetRange } from './types';

/**
 * A run of a paragraph's text copied from one line: text[at .. at+length) of the paragraph is the
 * original text from `offset` on (the half-width view keeps every character's place).
 */
interface Piece {
  at: number;
  offset: number;
}

interface Paragraph {
  text: string;
  /** In order of `at`; one per line of the paragraph (no per-character arrays). */
  pieces: Piece[];
}

export interface Sentence {
  /** Half-width view of the sentence (wrapped lines joined, leading indentation dropped). */
  text: string;
  /** The paragraph's pieces, and where the sentence starts in the paragraph's text. */
  pieces: readonly Piece[];
  from: number;
}

/** Original offset of s.text[i]. */
function offsetAt(s: Sentence, i: number): number {
  const at = s.from + i;
  const pieces = s.pieces;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid].at <= at) lo = mid;
    else hi = mid - 1;
  }
  return pieces[lo].offset + (at - pieces[lo].at);
}

/** Original range of text[from..to). */
export function rangeOf(s: Sentence, from: number, to: number): OffsetRange {
  return { start: offsetAt(s, from), end: offsetAt(s, to - 1) + 1 };
}

const isDash = (c: number): boolean => c === 0x2d || c === 0xff0d || c === 0x2014;

/**
 * A page number alone on its line, `/^\s*[-－—]?\s*\d{1,3}\s*[-－—]?\s*$/` read character by
 * character: the regex backtracked over the long runs of spaces of pdftotext lines (half the
 * prose reader's time on the huaian report).
 */
function isPageNumber(raw: string): boolean {
  const n = raw.length;
  let i = 0;
  while (i < n && isSpaceCode(raw.charCodeAt(i))) i++;
  if (i < n && isDash(raw.charCodeAt(i))) i++;
  while (i < n && isSpaceCode(raw.charCodeAt(i))) i++;
  const digits = i;
  while (i < n && raw.charCodeAt(i) >= 0x30 && raw.charCodeAt(i) <= 0x39) i++;
  if (i === digits || i - digits > 3) return false;
  while (i < n && isSpaceCode(raw.charCodeAt(i))) i++;
  if (i < n && isDash(raw.charCodeAt(i))) i++;
  while (i < n && isSpaceCode(raw.charCodeAt(i))) i++;
  return i === n;
}
// Both tested on the text as written: each full-width character the half-width view would change
// is in the classes next to its half-width form (（ and (, ０-９ and 0-9, ． and ., ： and :).
const STARTS_ITEM = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]{1,2}[.、．](?![0-9０-９]))/;
const ENDS_SENTENCE = /[。！？!?：:]$/;
/** Ends a sentence: 。！？!? (found by one regex scan: a JS loop over every character of prose was slower). */
const SENTENCE_END = /[。！？!?]/g;

function within(t: { range: OffsetRange } | undefined, at: number): boolean {
  return t !== undefined && at >= t.range.start && at <= t.range.end;
}

function inTable(model: ReportModel, line: Line): boolean {
  return within(model.table2, line.start) || within(model.table3, line.start) || within(model.table4, line.start);
}

/** Only whitespace (what `raw.trim() === ''` says). */
function isBlank(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) if (!isSpaceCode(raw.charCodeAt(i))) return false;
  return true;
}

/** Leading whitespace, form feeds and markdown marks (#, >, *). */
function leadLength(raw: string): number {
  let i = 0;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!(isSpaceCode(c) || c === 0x23 || c === 0x3e || c === 0x2a)) break;
  }
  return i;
}

/** Not a table line (paragraphs() has already left out table ranges, blank lines and page numbers). */
function isProseLine(line: Line): boolean {
  return !/[\t|｜]/.test(line.text);
}

/**
 * Paragraphs of prose: runs of prose lines, wrapped lines joined (also across a page break). The
 * text is as written; sentences take their half-width view only when they are asked for.
 */
function paragraphs(model: ReportModel): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Paragraph | undefined;
  // Whether cur.text ends a sentence, kept as we append: testing the growing string itself on
  // every line made a long paragraph quadratic (20,000 lines without 。 took a second).
  let curEnds = false;
  const flush = () => {
    if (cur && cur.text) out.push(cur);
    cur = undefined;
    curEnds = false;
  };
  for (const line of model.lines) {
    const raw = line.text;
    if (inTable(model, line)) {
      // Tested first (cheapest). A table's range starts at one of its non-blank lines, which
      // ends any paragraph: a blank line inside the range never has one open to keep.
      flush();
      continue;
    }
    if (isBlank(raw) || isPageNumber(raw)) {
      // A blank line ends the paragraph, unless it is only a page break inside a sentence.
      if (cur && !curEnds) continue;
      flush();
      continue;
    }
    if (!isProseLine(line)) {
      flush();
      continue;
    }
    const lead = leadLength(raw);
    let end = raw.length;
    while (end > lead && isSpaceCode(raw.charCodeAt(end - 1))) end--;
    const body = raw.slice(lead, end);
    if (cur && (curEnds || STARTS_ITEM.test(body))) flush();
    cur = cur ?? { text: '', pieces: [] };
    if (body) cur.pieces.push({ at: cur.text.length, offset: line.start + lead });
    cur.text += body;
    if (body) curEnds = ENDS_SENTENCE.test(body);
  }
  flush();
  return out;
}

/**
 * The prose sentences of the report (split after 。！？) whose text as written passes `wanted`
 * (default: all), each as its half-width view: a caller that reads only some sentences says which
 * and the others are never converted.
 */
export function proseSentences(model: ReportModel, wanted?: (written: string) => boolean): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs(model)) {
    const text = p.text;
    let from = 0;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(text); ; m = SENTENCE_END.exec(text)) {
      const to = m ? m.index + 1 : text.length;
      if (to > from) {
        const written = text.slice(from, to);
        if (!wanted || wanted(written)) out.push({ text: toHalfWidth(written), pieces: p.pieces, from });
      }
      from = to;
      if (!m) break;
    }
  }
  return out;
}
