import { sectionLabel, tr } from '../names';
import type { Section } from '../model';
import type { RawFinding } from './rule';
import { defineRule } from './rule';

export const sectionDuplicate = defineRule({
  meta: {
    id: 'section-duplicate',
    severity: 'error',
    title: { 'zh-CN': '章节重复', en: 'Duplicate section' },
    summary: { 'zh-CN': '同一部分出现两次', en: 'a section appears twice' },
    description: {
      'zh-CN': '同一部分出现了两次。',
      en: 'The same section appears twice.',
    },
  },
  check(ctx) {
    const out: RawFinding[] = [];
    const first = new Map<number, Section>();
    for (const s of ctx.model.sections) {
      const f = first.get(s.index);
      if (!f) {
        first.set(s.index, s);
        continue;
      }
      const line = f.lineIndex + 1;
      out.push({
        message: tr(ctx.locale, `${sectionLabel(s.index, ctx.locale)}重复出现（第一次在第 ${line} 行）`, `${sectionLabel(s.index, ctx.locale)} appears again (first on line ${line})`),
        range: { start: s.heading.start, end: s.heading.end },
        related: [{ range: { start: f.heading.start, end: f.heading.end }, message: tr(ctx.locale, '第一次出现', 'first occurrence') }],
      });
    }
    return out;
  },
});
