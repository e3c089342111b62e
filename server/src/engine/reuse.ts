// Text reuse against last year (rule `text-reuse`): a report's prose as a compact fingerprint —
// a sorted array of 32-bit hashes of its normalised sentences — kept in its ReportSummary, so the
// front ends can hand last year's prose to this year's analysis without its text.
//
// What counts as a sentence: the prose sentences of prose.ts (split after 。！？!?; table lines
// left out, pdftotext-wrapped lines joined). Each is normalised before it is hashed, so that the
// words a report must change every year do not hide a copied sentence:
//   - years (a run of exactly four digits starting 19 or 20) and the report's unit name are removed;
//   - only CJK ideographs, digits and Latin letters (lower-cased) are kept: no whitespace,
//     punctuation or symbols;
// other numbers stay (a sentence whose figures were updated is a new sentence). The title and the
// section headings and sub-headings are not prose: a sentence starting on one (a heading run into
// its paragraph) counts from after it. What is left
// shorter than MIN_CHARS characters (a heading, 「无。」, a page footer) is not counted, nor are the
// placeholders of a new-report draft (「（请在此概述…）」, features/newReport.ts): two untouched
// drafts are not a copied report.
import type { ReportModel } from './model';
import { proseSentences, rangeOf } from './prose';
import type { OffsetRange } from './types';

/** Normalised sentences shorter than this are not counted (headings, 「无。」). */
export const MIN_CHARS = 8;

/** Marks the bracketed instructions of a new-report draft. */
const PLACEHOLDER = '请在此';
/** A kept character's code (CJK ideographs, digits, Latin letters lower-cased), or -1: dropped. */
function keptCode(c: number): number {
  if (c >= 0x4e00 ? c <= 0x9fff || (c >= 0xf900 && c <= 0xfaff) : c >= 0x3400 && c <= 0x4dbf) return c;
  if (c >= 0x61 ? c <= 0x7a : c >= 0x30 && (c <= 0x39 || (c >= 0x41 && c <= 0x5a))) return c <= 0x5a && c >= 0x41 ? c + 0x20 : c;
  return -1;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Each character a sentence is compared by, in order: CJK ideographs, digits and Latin letters
 * (lower-cased) — keptCode — less every year (a run of exactly four digits starting 19 or 20).
 */
function forEachKeptCode(text: string, visit: (code: number) => void): void {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const year = j - i === 4 && (text.startsWith('19', i) || text.startsWith('20', i));
      if (!year) for (let k = i; k < j; k++) visit(text.charCodeAt(k));
      i = j - 1;
      continue;
    }
    const k = keptCode(c);
    if (k >= 0) visit(k);
  }
}

/** One sentence as it is compared: its kept characters (forEachKeptCode), the unit name removed. */
export function normaliseSentence(text: string, unit: string | undefined): string {
  const codes: number[] = [];
  forEachKeptCode(text, (code) => codes.push(code));
  let s = String.fromCharCode.apply(null, codes);
  if (unit && s.includes(unit)) s = s.split(unit).join('');
  return s;
}

/**
 * hash32(normaliseSentence(text, unit)), or undefined when that is shorter than MIN_CHARS. When
 * the text cannot hold the unit name (its first character is not in it) the kept characters are
 * hashed as they are found, without building the normalised string.
 */
export function sentenceHash(text: string, unit: string | undefined): number | undefined {
  if (unit && text.includes(unit[0])) {
    const n = normaliseSentence(text, unit);
    return n.length >= MIN_CHARS ? hash32(n) : undefined;
  }
  let h = 0x811c9dc5;
  let length = 0;
  forEachKeptCode(text, (code) => {
    h = Math.imul(h ^ code, 0x01000193);
    length++;
  });
  return length >= MIN_CHARS ? h >>> 0 : undefined;
}

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The fingerprint of a report's prose: one hash per counted sentence, sorted ascending (repeats
 * kept). `unit`: the unit name as a matching key (ReportSummary.unit), removed from sentences.
 */
export function proseFingerprint(model: ReportModel, unit: string | undefined): number[] {
  const headings: OffsetRange[] = [];
  if (model.title) headings.push(model.title.range);
  for (const section of model.sections) {
    headings.push(section.heading);
    for (const sub of section.subHeadings) headings.push(sub);
  }
  const out: number[] = [];
  for (const s of proseSentences(model)) {
    let text = s.text;
    if (!text || text.includes(PLACEHOLDER)) continue;
    const start = rangeOf(s, 0, 1).start;
    const heading = headings.find((h) => start >= h.start && start < h.end);
    if (heading) text = text.slice(heading.end - start);
    const h = sentenceHash(text, unit);
    if (h !== undefined) out.push(h);
  }
  return out.sort((a, b) => a - b);
}

/**
 * How many of `self`'s sentences also stand in `other` (both sorted; a sentence written twice
 * counts twice only if the other also has it twice): one merge walk.
 */
export function sharedSentences(self: readonly number[], other: readonly number[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < self.length && j < other.length) {
    if (self[i] === other[j]) {
      shared++;
      i++;
      j++;
    } else if (self[i] < other[j]) i++;
    else j++;
  }
  return shared;
}
