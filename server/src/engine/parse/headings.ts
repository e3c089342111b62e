// Recognising the six section headings (and 'title' lines) in real text.
import type { Line } from '../text/lines';
import { compact, firstLabelKeyIndex, isSpaceCode, labelKey, labelKeyCode, labelKeyPrefixEnd } from '../text/normalize';
import { SECTION_NUMERALS, SECTION_TITLES } from '../template';

export interface HeadingMatch {
  section: number; // 0..5
  /** Range of the heading text (numeral + title), without markdown marks or leading spaces. */
  start: number;
  end: number;
  /** The heading text as written. */
  text: string;
  /** Written numeral (一…六) or '' when none. */
  numeral: string;
  /** The wording is the canonical one (ignoring spaces and full/half-width). */
  canonical: boolean;
}

/** Known wordings after the numeral, per section (canonical first). */
const VARIANTS: string[][] = [
  ['总体情况'],
  ['主动公开政府信息情况'],
  ['收到和处理政府信息公开申请情况'],
  [
    '政府信息公开行政复议、行政诉讼情况',
    '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    '因政府信息公开工作被申请行政复议提起行政诉讼情况',
    '政府信息公开行政复议及行政诉讼情况',
    '政府信息公开行政复议和行政诉讼情况',
    '政府信息公开行政法复议、行政诉讼情况',
    '政府信息公开行政复议行政诉讼情况',
  ],
  [
    '存在的主要问题及改进情况',
    '政府信息公开工作存在的主要问题及改进情况',
    '存在问题及改进情况',
    '存在的主要问题和改进措施',
    '存在的主要问题及改进措施',
    '存在的主要问题和改进情况',
  ],
  ['其他需要报告的事项'],
];

const VARIANT_KEYS = VARIANTS.map((vs) => vs.map(labelKey));
const CANONICAL_COMPACT = SECTION_TITLES.map(compact);

/**
 * Keyword fallback for short headings worded differently: the key words of each section (on
 * labelKey of the words after the numeral, which must be the section's own numeral). Real
 * wordings: "一、基本情况", "五、存在的主要问题及明年工作计划", "五、存在的不足及下一步工作打算",
 * "六、其它需要报告的事项".
 */
const KEYWORDS: ((k: string) => boolean)[] = [
  (k) => k.includes('总体') || k.includes('基本情况') || k.includes('概况'),
  (k) => k.includes('主动公开'),
  (k) => k.includes('申请') && (k.includes('收到') || k.includes('处理') || k.includes('依申请')),
  (k) => k.includes('复议') || k.includes('诉讼'),
  (k) => ['问题', '不足', '改进', '整改', '下一步', '工作计划', '工作打算'].some((w) => k.includes(w)),
  (k) => (k.includes('其他') || k.includes('其它')) && (k.includes('报告') || k.includes('事项') || k.includes('说明')),
];

/** Sentence punctuation: a line holding one is prose (or a heading glued to its first sentence). */
const SENTENCE_MARK = /[。；;，,：:！？!?]/;
/** A year in a heading ("五、存在的主要问题及2024年工作计划") is not one of the figures that make a line a row. */
const YEAR_WORD = /(?:19|20)\d{2}\s*年度?/g;

/**
 * After a known wording, the rest of a heading that goes on naming the section: a connector and a
 * few words ("六、其他需要报告的事项及附表"). Not a sentence glued to the heading ("一、总体情况2023年，…").
 */
const TITLE_TAIL = /^[\s\u3000]*(?:及|和|与|暨|以及|、)[^。；;，,：:！？!?\d]{1,20}$/;

/**
 * Length of s without trailing whitespace and markdown bold marks (`**…**` stays intact when the
 * heading is replaced). Read from the end: /[\s*]+$/ tries every space run of a paragraph.
 */
function trimmedEnd(s: string): number {
  let end = s.length;
  while (end > 0 && (isSpaceCode(s.charCodeAt(end - 1)) || s.charCodeAt(end - 1) === 0x2a)) end--;
  return end;
}

const HEADING_PREFIX = /^([\s\u3000]*(?:#{1,6}[\s\u3000]*)?(?:\*\*)?[\s\u3000]*)([一二三四五六])[\s\u3000]*[、.．][\s\u3000]*/;

/** Rows of the section-三 table that start like headings. */
const TABLE_ROW_KEYS = ['本年新收', '上年结转', '本年度办理结果', '结转下年度'];

/**
 * The numeral is the first character that is not whitespace, `#` or `*` (all HEADING_PREFIX lets
 * before it; the line's indentation is skipped already): other lines are not run through the regex,
 * which backtracks over long runs of spaces.
 */
function mayBeHeading(t: string, indent: number): boolean {
  for (let i = indent; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isSpaceCode(c) || c === 0x23 || c === 0x2a) continue;
    return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d; // 一二三四五六
  }
  return false;
}

/** A line with a tab or | is a table row, never a heading (｜ alone does not count). */
function isTableRow(line: Line): boolean {
  return line.layout === 'tab' || (line.layout === 'pipe' && line.text.includes('|'));
}

export function matchHeading(line: Line): HeadingMatch | undefined {
  const t = line.text;
  if (!mayBeHeading(t, line.indent)) return undefined;
  if (isTableRow(line)) return undefined; // (before any copy of the line)
  const m = HEADING_PREFIX.exec(t);
  if (!m) return undefined;
  const rest = t.slice(m[0].length);
  // The wording is matched on labelKey(rest) without building it (rest may be a paragraph).
  const from = firstLabelKeyIndex(rest);
  if (from < 0) return undefined;
  const first = labelKeyCode(rest.charCodeAt(from));
  for (let i = 0; i < TABLE_ROW_KEYS.length; i++) if (labelKeyPrefixEnd(rest, TABLE_ROW_KEYS[i], from) >= 0) return undefined;
  const textStart = m[1].length;
  const numeral = m[2];
  for (let s = 0; s < VARIANT_KEYS.length; s++) {
    for (let v = 0; v < VARIANT_KEYS[s].length; v++) {
      const key = VARIANT_KEYS[s][v];
      if (key.charCodeAt(0) !== first) continue;
      const keyEnd = labelKeyPrefixEnd(rest, key, from);
      if (keyEnd >= 0) {
        // A known wording followed by more words of the title: the whole line is the heading, not canonical.
        const tailEnd = trimmedEnd(rest);
        const tail = tailEnd - keyEnd <= 24 ? rest.slice(keyEnd, tailEnd) : '';
        const extended = TITLE_TAIL.test(tail);
        const restEnd = m[0].length + (extended ? tailEnd : keyEnd);
        // Keep a trailing closing bracket/colon out of the range; glued sentences stay outside.
        const end = line.start + restEnd;
        const text = t.slice(textStart, restEnd);
        const canonical =
          !extended && v === 0 && numeral === SECTION_NUMERALS[s] && (text === CANONICAL_COMPACT[s] || compact(text) === CANONICAL_COMPACT[s]);
        return { section: s, start: line.start + textStart, end, text, numeral, canonical };
      }
    }
  }
  return keywordHeading(line, m, rest);
}

/**
 * The keyword fallback: a short line (at most 30 characters after the numeral, no sentence
 * punctuation, no figures but a year) whose numeral is a section's and whose words are that
 * section's key words. Never canonical: section-title offers the canonical wording.
 */
function keywordHeading(line: Line, m: RegExpExecArray, rest: string): HeadingMatch | undefined {
  const restEnd = trimmedEnd(rest);
  if (restEnd > 30) return undefined;
  const trimmed = rest.slice(0, restEnd);
  if (SENTENCE_MARK.test(trimmed) || /\d/.test(trimmed.replace(YEAR_WORD, ''))) return undefined;
  const numeral = m[2];
  const s = SECTION_NUMERALS.indexOf(numeral);
  if (s < 0 || !KEYWORDS[s](labelKey(trimmed))) return undefined;
  const textStart = m[1].length;
  const textEnd = m[0].length + restEnd;
  return { section: s, start: line.start + textStart, end: line.start + textEnd, text: line.text.slice(textStart, textEnd), numeral, canonical: false };
}

/** Sub-headings like （一）主动公开 at the start of a line. */
const SUB_HEADING = /^[\s\u3000]*(?:#{1,6}[\s\u3000]*)?([（(][一二三四五六七八九十]{1,2}[)）])[\s\u3000]*([^\t|]{1,40}?)(?=[。：:．.；;，,\t]|$)/;

export interface SubHeadingMatch {
  start: number;
  end: number;
  text: string;
}

export function matchSubHeading(line: Line): SubHeadingMatch | undefined {
  // SUB_HEADING starts with whitespace, then # or a bracket: other lines are not run through it.
  const c = line.text.charCodeAt(line.indent);
  if (c !== 0x23 && c !== 0x28 && c !== 0xff08) return undefined;
  if (isTableRow(line)) return undefined;
  const m = SUB_HEADING.exec(line.text);
  if (!m) return undefined;
  const lead = m[0].length - m[0].trimStart().length;
  const offsetInLine = line.text.indexOf(m[1], lead);
  const endInLine = m.index + m[0].length;
  const text = line.text.slice(offsetInLine, endInLine).trim();
  if (text.length < 3) return undefined;
  return { start: line.start + offsetInLine, end: line.start + offsetInLine + text.length, text };
}
