// The prose of a report as sentences, for matching numbers the text states ("共收到申请7件").
// Table lines are left out; lines wrapped by pdftotext are joined back into their paragraph;
// every character keeps its original offset, and the text is a half-width *view* (same length).
import type { ReportModel } from './model';
import type { Line } from './text/lines';
import { toHalfWidth } from './text/normalize';
import type { OffsetRange } from './types';

export interface Sentence {
  /** Half-width view of the sentence (wrapped lines joined, leading indentation dropped). */
  text: string;
  /** offsets[i] = original offset of text[i]. */
  offsets: number[];
}

/** Original range of text[from..to). */
export function rangeOf(s: Sentence, from: number, to: number): OffsetRange {
  return { start: s.offsets[from], end: s.offsets[to - 1] + 1 };
}

const PAGE_NUMBER = /^[\s\f]*[-－—]?\s*\d{1,3}\s*[-－—]?[\s\f]*$/;
const STARTS_ITEM = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．](?!\d))/;
const ENDS_SENTENCE = /[。！？!?：:]$/;
/** Ends a sentence: 。！？!? (a character-code test: this runs for every character of prose). */
const endsSentence = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;

function inTable(model: ReportModel, line: Line): boolean {
  for (const t of [model.table2, model.table3, model.table4]) {
    if (t && line.start >= t.range.start && line.start <= t.range.end) return true;
  }
  return false;
}

function isProseLine(model: ReportModel, line: Line): boolean {
  return !/[\t|｜]/.test(line.text) && !inTable(model, line) && !PAGE_NUMBER.test(line.text);
}

/** Paragraphs of prose: runs of prose lines, wrapped lines joined (also across a page break). */
function paragraphs(model: ReportModel): Sentence[] {
  const out: Sentence[] = [];
  let cur: Sentence | undefined;
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
    if (raw.trim() === '' || PAGE_NUMBER.test(raw)) {
      // A blank line ends the paragraph, unless it is only a page break inside a sentence.
      if (cur && !curEnds) continue;
      flush();
      continue;
    }
    if (!isProseLine(model, line)) {
      flush();
      continue;
    }
    const lead = raw.length - raw.replace(/^[\s\f\u3000#>*]+/, '').length;
    const body = raw.slice(lead).replace(/[\s\u3000]+$/, '');
    const view = toHalfWidth(body);
    if (cur && (curEnds || STARTS_ITEM.test(view))) flush();
    cur = cur ?? { text: '', offsets: [] };
    cur.text += view;
    if (view) curEnds = ENDS_SENTENCE.test(view);
    for (let i = 0; i < view.length; i++) cur.offsets.push(line.start + lead + i);
  }
  flush();
  return out;
}

/** Every prose sentence of the report (split after 。！？). */
export function proseSentences(model: ReportModel): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs(model)) {
    let from = 0;
    for (let i = 0; i <= p.text.length; i++) {
      if (i === p.text.length || endsSentence(p.text.charCodeAt(i))) {
        const to = i < p.text.length ? i + 1 : i;
        if (to > from) out.push({ text: p.text.slice(from, to), offsets: p.offsets.slice(from, to) });
        from = to;
      }
    }
  }
  return out;
}
