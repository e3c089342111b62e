import { sectionLabel, tr } from '../names';
import type { RawFinding } from './rule';
import { defineRule } from './rule';

export const sectionOrder = defineRule({
  meta: {
    id: 'section-order',
    severity: 'error',
    title: { 'zh-CN': '章节顺序错误', en: 'Sections out of order' },
    summary: { 'zh-CN': '六个部分顺序不对', en: 'the sections are out of order' },
    description: {
      'zh-CN': '六个部分应按一至六的顺序排列。',
      en: 'The six sections must appear in order, I to VI.',
    },
  },
  check(ctx) {
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    let maxSection: (typeof ctx.model.sections)[number] | undefined;
    for (const s of ctx.model.sections) {
      if (seen.has(s.index)) continue; // duplicates are section-duplicate's business
      seen.add(s.index);
      if (maxSection && s.index < maxSection.index) {
        out.push({
          message: tr(ctx.locale, `${sectionLabel(s.index, ctx.locale)}应在${sectionLabel(maxSection.index, ctx.locale)}之前`, `${sectionLabel(s.index, ctx.locale)} should come before ${sectionLabel(maxSection.index, ctx.locale)}`),
          range: { start: s.heading.start, end: s.heading.end },
          related: [{ range: { start: maxSection.heading.start, end: maxSection.heading.end }, message: sectionLabel(maxSection.index, ctx.locale) }],
        });
      } else maxSection = s;
    }
    return out;
  },
});
