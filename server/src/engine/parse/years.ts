// Every place that says which year the report is about: the title, the statistics period
// ("统计期限自2023年1月1日至2023年12月31日"), and in the opening text (before section 二) the
// sentences that start with the year ("2023年，我乡…") or repeat the title. Plus years that are
// not years at all (`202020年`). Read by rules/yearMismatch.ts.
import type { ReportModel } from '../model';
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
const PERIOD = new RegExp(
  `统计(?:期限|时限|时间)(?:为|自|从|是)?[:：\\s]*(?:自|从)?\\s*(${YEAR})\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:起)?\\s*(?:至|到|[-—－~～])\\s*(?:(\\d{4,})\\s*年)?`,
  'g',
);
const SENTENCE_YEAR = new RegExp(`(?:^|[。！？!?\\n])[\\s\\u3000]*(${YEAR})\\s*年度?[,，]`, 'g');
const TITLE_MENTION = new RegExp(`(${YEAR})\\s*年度?[^。\\n]{0,12}?政府信息公开(?:工作)?(?:年度报告|年报)`, 'g');
const MALFORMED = /(?<![\d.])((?:19|20)\d{3,6})(?=\s*年)/g;

function mention(value: string, at: number, source: YearSource): YearMention {
  return { value: Number(value), range: { start: at, end: at + value.length }, source };
}

export function yearEvidence(text: string, model: ReportModel): YearEvidence {
  const mentions: YearMention[] = [];
  const title = model.title;
  if (title) {
    const m = new RegExp(`(${YEAR})(?=\\s*年)`).exec(title.text);
    if (m) mentions.push(mention(m[1], title.range.start + m.index, 'title'));
  }
  // The opening: everything before section 二 (or the first 3000 characters without headings).
  const two = model.sections.find((s) => s.index >= 1);
  const openingEnd = two ? two.range.start : Math.min(text.length, 3000);
  const opening = text.slice(0, openingEnd);
  for (const m of opening.matchAll(PERIOD)) {
    const at = m.index! + m[0].indexOf(m[1]);
    mentions.push(mention(m[1], at, 'period'));
    if (m[2] && m[2].length === 4) {
      const endAt = m.index! + m[0].lastIndexOf(m[2]);
      mentions.push(mention(m[2], endAt, 'period-end'));
    }
  }
  const titleRange = title?.range;
  const outsideTitle = (at: number) => !titleRange || at < titleRange.start || at >= titleRange.end;
  for (const m of opening.matchAll(SENTENCE_YEAR)) {
    const at = m.index! + m[0].indexOf(m[1]);
    if (outsideTitle(at)) mentions.push(mention(m[1], at, 'body'));
  }
  // A heading glued to its first sentence: "一、总体情况2023年，…".
  const one = model.sections.find((s) => s.index === 0);
  if (one) {
    const m = new RegExp(`^[\\s\\u3000]*(${YEAR})\\s*年度?[,，]`).exec(text.slice(one.heading.end, one.heading.end + 12));
    if (m) mentions.push(mention(m[1], one.heading.end + m[0].indexOf(m[1]), 'body'));
  }
  for (const m of opening.matchAll(TITLE_MENTION)) {
    const at = m.index!;
    if (outsideTitle(at) && !mentions.some((x) => x.range.start === at)) mentions.push(mention(m[1], at, 'body'));
  }
  const malformed: OffsetRange[] = [];
  for (const m of text.matchAll(MALFORMED)) malformed.push({ start: m.index!, end: m.index! + m[1].length });
  mentions.sort((a, b) => a.range.start - b.range.start);
  const unique = mentions.filter((m, i) => i === 0 || m.range.start !== mentions[i - 1].range.start);
  return { mentions: unique, malformed };
}
