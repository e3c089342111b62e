// Every place that says which year the report is about: the title, the statistics period
// ("统计期限自2023年1月1日至2023年12月31日"), and in the opening text (before section 二) the
// sentences that start with the year ("2023年，我乡…") or repeat the title. Plus years that are
// not years at all (`202020年`). Read by rules/yearMismatch.ts; readReportYear gives the model
// (parse/report.ts) its one year from the same matchers, so the model, the summary and the rules
// read the same wordings.
import type { ReportModel, Title, Year } from '../model';
import { isSentenceEndCode, isSpaceCode } from '../text/normalize';
import type { OffsetRange } from '../types';

export type YearSource = 'title' | 'period' | 'period-end' | 'body';

export interface YearMention {
  value: number;
  range: OffsetRange;
  source: YearSource;
}

export interface YearEvidence {
  mentions: YearMention[];
  /** Digit runs before 年 that start like a year but are too long: `202020年`. */
  malformed: OffsetRange[];
}

const YEAR = /(?:19|20)\d{2}/.source;
const TITLE_YEAR = new RegExp(`(${YEAR})(?=\\s*年)`);
// Sticky: tried only where a match can start (at 统计; at a year before 年), found by indexOf.
const PERIOD = new RegExp(
  `统计(?:期限|时限|时间)(?:为|自|从|是)?[:：\\s]*(?:自|从)?\\s*(${YEAR})\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:起)?\\s*(?:至|到|[-—－~～])\\s*(?:(\\d{4,})\\s*年)?`,
  'y',
);
const TITLE_MENTION = new RegExp(`(${YEAR})\\s*年度?[^。\\n]{0,12}?政府信息公开(?:工作)?(?:年度报告|年报)`, 'y');
const GLUED_YEAR = new RegExp(`^[\\s\\u3000]*(${YEAR})\\s*年度?[,，]`);

// A sentence naming the report, for a report without a title: "2023年度…政府信息公开工作年度报告".
const BODY_TITLE = new RegExp(`(${YEAR})\\s*年度?[^。\\n]{0,30}?政府信息公开[^。\\n]{0,10}?(?:年度报告|年报)`);

/** Where a match of `re` (which captures the year first) puts its year. */
function yearAt(m: RegExpExecArray): number {
  return m.index + m[0].indexOf(m[1]);
}

/** The first statistics period (PERIOD) in `s` at or after `from`, or null. */
function nextPeriod(s: string, from: number): RegExpExecArray | null {
  for (let i = s.indexOf('统计', from); i >= 0; i = s.indexOf('统计', i + 1)) {
    PERIOD.lastIndex = i;
    const m = PERIOD.exec(s);
    if (m) return m;
  }
  return null;
}

/**
 * The report's year as the model holds it: the year in the title, else the first year of the
 * statistics period (every wording PERIOD reads: 统计期限自…, 统计时限为…, 统计时间…), else the
 * first sentence that names the report with its year. Undefined when none says it.
 */
export function readReportYear(text: string, title: Title | undefined): Year | undefined {
  const found = (m: RegExpExecArray, offset: number, source: Year['source']): Year => {
    const start = offset + yearAt(m);
    return { value: Number(m[1]), range: { start, end: start + 4 }, source };
  };
  const inTitle = title ? TITLE_YEAR.exec(title.text) : null;
  if (title && inTitle) return found(inTitle, title.range.start, 'title');
  const period = nextPeriod(text, 0);
  if (period) return found(period, 0, 'period');
  const body = BODY_TITLE.exec(text);
  if (body) return found(body, 0, 'body');
  return undefined;
}

function mention(value: string, at: number, source: YearSource): YearMention {
  return { value: Number(value), range: { start: at, end: at + value.length }, source };
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Start of the year (19xx or 20xx) before the 年 at y, across whitespace (`YEAR\s*年`), or -1. */
function yearBefore(s: string, y: number): number {
  let q = y;
  while (q > 0 && isSpaceCode(s.charCodeAt(q - 1))) q--;
  const p = q - 4;
  if (p < 0) return -1;
  const c0 = s.charCodeAt(p);
  const c1 = s.charCodeAt(p + 1);
  if (!((c0 === 0x31 && c1 === 0x39) || (c0 === 0x32 && c1 === 0x30))) return -1;
  return isDigit(s.charCodeAt(p + 2)) && isDigit(s.charCodeAt(p + 3)) ? p : -1;
}

/**
 * A year starting a sentence: what `/(?:^|[。！？!?\n])[\s\u3000]*(YEAR)\s*年度?[,，]/g` finds, read
 * from the year at p (its 年 at y): before it only whitespace back to the start, a sentence end
 * or a line break (\n is whitespace too); after 年, maybe 度, then a comma.
 */
function startsSentence(s: string, p: number, y: number): boolean {
  let j = y + 1;
  if (s.charCodeAt(j) === 0x5ea6 /* 度 */) j++;
  const comma = s.charCodeAt(j);
  if (comma !== 0x2c && comma !== 0xff0c) return false;
  let r = p;
  for (; r > 0; r--) {
    const c = s.charCodeAt(r - 1);
    if (c === 0x0a) return true;
    if (!isSpaceCode(c)) break;
  }
  if (r === 0) return true;
  return isSentenceEndCode(s.charCodeAt(r - 1));
}

/**
 * Digit runs before 年 that start like a year but are too long: what
 * `/(?<![\d.])((?:19|20)\d{3,6})(?=\s*年)/g` finds, read back from each 年 (the whole run before
 * the whitespace, 5 to 8 digits, not after a point).
 */
function malformedYears(text: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  for (let y = text.indexOf('年'); y >= 0; y = text.indexOf('年', y + 1)) {
    let q = y;
    while (q > 0 && isSpaceCode(text.charCodeAt(q - 1))) q--;
    let p = q;
    while (p > 0 && isDigit(text.charCodeAt(p - 1))) p--;
    const n = q - p;
    if (n < 5 || n > 8 || (p > 0 && text.charCodeAt(p - 1) === 0x2e)) continue;
    const c0 = text.charCodeAt(p);
    const c1 = text.charCodeAt(p + 1);
    if ((c0 === 0x31 && c1 === 0x39) || (c0 === 0x32 && c1 === 0x30)) out.push({ start: p, end: q });
  }
  return out;
}

export function yearEvidence(text: string, model: ReportModel): YearEvidence {
  const mentions: YearMention[] = [];
  const title = model.title;
  if (title) {
    const m = TITLE_YEAR.exec(title.text);
    if (m) mentions.push(mention(m[1], title.range.start + m.index, 'title'));
  }
  // The opening: everything before section 二 (or the first 3000 characters without headings).
  const two = model.sections.find((s) => s.index >= 1);
  const openingEnd = two ? two.range.start : Math.min(text.length, 3000);
  const opening = text.slice(0, openingEnd);
  for (let m = nextPeriod(opening, 0); m; m = nextPeriod(opening, m.index + m[0].length)) {
    mentions.push(mention(m[1], yearAt(m), 'period'));
    if (m[2] && m[2].length === 4) {
      const endAt = m.index + m[0].lastIndexOf(m[2]);
      mentions.push(mention(m[2], endAt, 'period-end'));
    }
  }
  // Every year followed by 年 in the opening (where the two patterns below start): its start and its 年.
  const starts: number[] = [];
  const nians: number[] = [];
  for (let y = opening.indexOf('年'); y >= 0; y = opening.indexOf('年', y + 1)) {
    const p = yearBefore(opening, y);
    if (p >= 0) {
      starts.push(p);
      nians.push(y);
    }
  }
  const titleRange = title?.range;
  const outsideTitle = (at: number) => !titleRange || at < titleRange.start || at >= titleRange.end;
  for (let k = 0; k < starts.length; k++) {
    const at = starts[k];
    if (startsSentence(opening, at, nians[k]) && outsideTitle(at)) mentions.push(mention(opening.slice(at, at + 4), at, 'body'));
  }
  // A heading glued to its first sentence: "一、总体情况2023年，…".
  const one = model.sections.find((s) => s.index === 0);
  if (one) {
    const m = GLUED_YEAR.exec(text.slice(one.heading.end, one.heading.end + 12));
    if (m) mentions.push(mention(m[1], one.heading.end + m[0].indexOf(m[1]), 'body'));
  }
  // "2023年度政府信息公开工作年度报告" repeated: matches never overlap (the scan resumes after one).
  let after = 0;
  for (const at of starts) {
    if (at < after) continue;
    TITLE_MENTION.lastIndex = at;
    const m = TITLE_MENTION.exec(opening);
    if (!m) continue;
    after = TITLE_MENTION.lastIndex;
    if (outsideTitle(at) && !mentions.some((x) => x.range.start === at)) mentions.push(mention(m[1], at, 'body'));
  }
  const malformed = malformedYears(text);
  mentions.sort((a, b) => a.range.start - b.range.start);
  const unique = mentions.filter((m, i) => i === 0 || m.range.start !== mentions[i - 1].range.start);
  return { mentions: unique, malformed };
}
