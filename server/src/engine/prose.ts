// The prose of a report as sentences, for matching numbers the text states ("共收到申请7件").
// Table lines are left out; lines wrapped by pdftotext are joined back into their paragraph;
// every character keeps its original offset, and the text is a half-width *view* (same length).
import type { ReportModel } from './model';
import type { Line } from './text/lines';
import { isSentenceEndCode, isSpaceCode, pushHalfWidth } from './text/normalize';
import type { OffsetRange } from './types';

/**
 * A run of a paragraph's text copied from one line: text[at .. at+length) of the paragraph is the
 * original text from `offset` on (the half-width view keeps every character's place).
 */
interface Piece {
  at: number;
  offset: number;
}

export interface Sentence {
  /** Half-width view of the sentence (wrapped lines joined, leading indentation dropped). */
  text: string;
  /** The pieces of the paragraph the sentence lies on, and where it starts in the paragraph's text. */
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
 * prose reader's time on the huaian report). `first`: the first character that is not whitespace.
 */
function isPageNumber(raw: string, first: number): boolean {
  const n = raw.length;
  let i = first;
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
// Tested on the text as written, at the line's first character after its indentation (sticky, so
// no body slice is needed: what follows the body is whitespace, which no branch reads). Each
// full-width character the half-width view would change is in the classes next to its half-width
// form (（ and (, ０-９ and 0-9, ． and .).
const STARTS_ITEM = /(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]{1,2}[.、．](?![0-9０-９]))/y;

function startsItem(raw: string, lead: number): boolean {
  STARTS_ITEM.lastIndex = lead;
  return STARTS_ITEM.test(raw);
}

/** Ends a paragraph when it is the last character of a line: a sentence end, or ：: */
function endsParagraph(c: number): boolean {
  return isSentenceEndCode(c) || c === 0xff1a || c === 0x3a;
}

const SENTENCE_END = /[。！？!?]/g;

/** Which sentences proseSentences() builds; made once by sentenceKeys(). */
export interface SentenceKeys {
  /** Finds the next sentence end or key character (global: `test` moves lastIndex past it). */
  readonly marks: RegExp;
  /** 1 for each key character's UTF-16 code (a table load per mark, not a Set lookup). */
  readonly codes: Uint8Array;
}

/** Only the sentences that hold (as written) at least one of these characters. */
export function sentenceKeys(chars: string): SentenceKeys {
  const codes = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) codes[chars.charCodeAt(i)] = 1;
  const escaped = chars.replace(/[\\\]^-]/g, '\\$&');
  return { marks: new RegExp(`[。！？!?${escaped}]`, 'g'), codes };
}

function within(t: { range: OffsetRange } | undefined, at: number): boolean {
  return t !== undefined && at >= t.range.start && at <= t.range.end;
}

function inTable(model: ReportModel, line: Line): boolean {
  return within(model.table2, line.start) || within(model.table3, line.start) || within(model.table4, line.start);
}

/** Leading whitespace, form feeds and markdown marks (#, >, *); raw[0..first) is whitespace. */
function leadLength(raw: string, first: number): number {
  let i = first;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!(isSpaceCode(c) || c === 0x23 || c === 0x3e || c === 0x2a)) break;
  }
  return i;
}

/** Not a table line (blank lines, page numbers and table ranges are already left out). */
function isProseLine(line: Line): boolean {
  return line.layout === 'space';
}

/**
 * Reads prose lines into paragraphs (runs of prose lines, wrapped lines joined, also across a
 * page break) and splits them into sentences after 。！？!? as it goes. The paragraph's text is
 * never built: each line's body stays where it is (`raw[lead..end)`), and only a sentence that is
 * asked for is copied out of the bodies it lies on, already as its half-width view.
 */
class Reader {
  readonly out: Sentence[] = [];
  /**
   * The open paragraph's bodies (the first `count` entries): line text, body start and end, where
   * the body starts in the paragraph and in the text (a Piece is made only for a sentence built).
   */
  private readonly raws: string[] = [];
  private readonly leads: number[] = [];
  private readonly ends: number[] = [];
  private readonly ats: number[] = [];
  private readonly offsets: number[] = [];
  private count = 0;
  private readonly parts: string[] = [];
  open = false;
  /** The open paragraph's text ends a sentence (。！？!?：: as the last character of its last body). */
  ended = false;
  /** Length of the open paragraph's text. */
  private length = 0;
  /** Start of the current sentence in the paragraph, and whether it holds a key character. */
  private from = 0;
  private keyed: boolean;

  /** `keys` undefined: every sentence. */
  constructor(private readonly keys: SentenceKeys | undefined) {
    this.keyed = keys === undefined;
  }

  /** A prose line whose body is raw[lead..end) (maybe empty), starting at `offset` in the text. */
  line(raw: string, lead: number, end: number, offset: number): void {
    if (this.open && (this.ended || startsItem(raw, lead))) this.close();
    this.open = true;
    if (end === lead) return;
    const at = this.length;
    const k = this.count++;
    this.raws[k] = raw;
    this.leads[k] = lead;
    this.ends[k] = end;
    this.ats[k] = at;
    this.offsets[k] = offset;
    // Sentence ends and key characters found by a regex scan (no match arrays: `test` only moves
    // lastIndex); a JS loop over every character of prose was slower. None of them is whitespace,
    // so none lies after the body.
    const keys = this.keys;
    const marks = keys ? keys.marks : SENTENCE_END;
    marks.lastIndex = lead;
    while (marks.test(raw)) {
      const i = marks.lastIndex - 1;
      const c = raw.charCodeAt(i);
      if (keys && keys.codes[c] === 1) this.keyed = true;
      if (isSentenceEndCode(c)) this.sentence(at + (i - lead) + 1);
    }
    this.length = at + (end - lead);
    this.ended = endsParagraph(raw.charCodeAt(end - 1));
  }

  /** Ends the open paragraph (its last sentence runs to its end). */
  close(): void {
    if (!this.open) return;
    if (this.length > this.from) this.sentence(this.length);
    this.count = 0;
    this.open = false;
    this.ended = false;
    this.length = 0;
    this.from = 0;
  }

  /** The sentence from `this.from` to `to` in the paragraph, if it is asked for. */
  private sentence(to: number): void {
    const from = this.from;
    const wanted = this.keyed;
    this.from = to;
    this.keyed = this.keys === undefined;
    if (!wanted) return;
    const ats = this.ats;
    let k = this.count - 1;
    while (ats[k] > from) k--;
    const parts = this.parts;
    parts.length = 0;
    const own: Piece[] = [];
    for (; k < this.count && ats[k] < to; k++) {
      const at = ats[k];
      const lead = this.leads[k];
      pushHalfWidth(parts, this.raws[k], lead + Math.max(0, from - at), Math.min(this.ends[k], lead + (to - at)));
      own.push({ at, offset: this.offsets[k] });
    }
    this.out.push({ text: parts.length === 1 ? parts[0] : parts.join(''), pieces: own, from });
  }
}

/**
 * The prose sentences of the report (split after 。！？!?), each as its half-width view. Table
 * lines are left out; a caller that reads only sentences holding some characters passes them
 * (`sentenceKeys`) and the others are never copied.
 */
export function proseSentences(model: ReportModel, keys?: SentenceKeys): Sentence[] {
  const reader = new Reader(keys);
  for (const line of model.lines) {
    const raw = line.text;
    if (inTable(model, line)) {
      // Tested first (cheapest). A table's range starts at one of its non-blank lines, which
      // ends any paragraph: a blank line inside the range never has one open to keep.
      reader.close();
      continue;
    }
    const first = line.indent; // (found once with the line: pdftotext lines open with long runs of spaces)
    if (first === raw.length || isPageNumber(raw, first)) {
      // A blank line ends the paragraph, unless it is only a page break inside a sentence.
      if (reader.open && !reader.ended) continue;
      reader.close();
      continue;
    }
    if (!isProseLine(line)) {
      reader.close();
      continue;
    }
    const lead = leadLength(raw, first);
    let end = raw.length;
    while (end > lead && isSpaceCode(raw.charCodeAt(end - 1))) end--;
    reader.line(raw, lead, end, line.start + lead);
  }
  reader.close();
  return reader.out;
}
