import { tr } from '../names';
import type { YearMention, YearSource } from '../parse/years';
import { yearEvidence } from '../parse/years';
import type { RawFinding } from './rule';
import { defineRule } from './rule';

const SOURCE: Record<YearSource, [string, string]> = {
  title: ['标题中的年份', 'the year in the title'],
  period: ['统计期限的年份', 'the year of the statistics period'],
  'period-end': ['统计期限截止的年份', 'the end year of the statistics period'],
  body: ['正文中的年份', 'the year in the text'],
};

/**
 * The year most places agree on (ties: the statistics period, then the title). Undefined when
 * there is nothing to compare.
 */
function agreedYear(mentions: YearMention[]): number | undefined {
  const votes = new Map<number, number>();
  for (const m of mentions) votes.set(m.value, (votes.get(m.value) ?? 0) + 1);
  if (votes.size < 2) return undefined;
  const rank = (v: number) => {
    const period = mentions.some((m) => m.source === 'period' && m.value === v) ? 2 : 0;
    const title = mentions.some((m) => m.source === 'title' && m.value === v) ? 1 : 0;
    return votes.get(v)! * 4 + period + title;
  };
  return [...votes.keys()].sort((a, b) => rank(b) - rank(a))[0];
}

export const yearMismatch = defineRule({
  meta: {
    id: 'year-mismatch',
    severity: 'warning',
    title: { 'zh-CN': '年份前后不一致', en: 'Years disagree' },
    summary: { 'zh-CN': '标题、统计期限和正文开头的年份不一致，或年份写错（如“202020年”）', en: 'the years in the title, the statistics period and the opening text disagree, or a year is malformed (`202020年`)' },
    description: {
      'zh-CN': '标题中的年份、统计期限（“统计期限自2023年1月1日至2023年12月31日”）和正文开头所说的年度应当一致；“202020年”这样的年份是笔误。',
      en: 'The year in the title, the statistics period and the opening text must agree; a year like "202020年" is a typo.',
    },
  },
  check(ctx) {
    const { locale, text } = ctx;
    const out: RawFinding[] = [];
    const { mentions, malformed } = yearEvidence(text, ctx.model);
    for (const r of malformed) {
      const raw = text.slice(r.start, r.end);
      out.push({
        message: tr(locale, `「${raw}年」不是有效的年份`, `"${raw}年" is not a valid year`),
        range: r,
        related: [],
      });
    }
    const agreed = agreedYear(mentions);
    if (agreed !== undefined) {
      const witnesses = mentions.filter((m) => m.value === agreed);
      for (const m of mentions) {
        if (m.value === agreed) continue;
        const [zh, en] = SOURCE[m.source];
        out.push({
          message: tr(
            locale,
            `${zh} ${m.value} 与报告其他地方的年份 ${agreed} 不一致`,
            `${en[0].toUpperCase()}${en.slice(1)}, ${m.value}, disagrees with ${agreed} elsewhere in the report`,
          ),
          range: m.range,
          related: witnesses.map((w) => ({ range: w.range, message: tr(locale, `${SOURCE[w.source][0]} ${w.value}`, `${SOURCE[w.source][1]}: ${w.value}`) })),
        });
      }
    }
    return out;
  },
});
