import { sectionName, tr } from '../names';
import type { RawFinding } from './rule';
import { defineRule } from './rule';

export const sectionTitle = defineRule({
  meta: {
    id: 'section-title',
    severity: 'warning',
    title: { 'zh-CN': '章节标题不规范', en: 'Non-canonical section title' },
    summary: { 'zh-CN': '章节标题措辞不规范（可一键改为规范写法）', en: 'a heading differs from the standard wording (fix replaces it)' },
    fix: { 'zh-CN': '改为规范标题', en: 'standard heading' },
    description: {
      'zh-CN': '章节已识别，但标题与格式规定的写法不同（如“四、因政府信息公开工作被申请行政复议、提起行政诉讼情况”）。可一键改为规范写法。',
      en: 'The section is recognised but its title differs from the canonical wording. A fix replaces it.',
    },
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.model.sections) {
      if (s.heading.canonical) continue;
      const canonical = sectionName(s.index);
      out.push({
        message: tr(ctx.locale, `章节标题「${s.heading.text}」与规范写法不同，应为「${canonical}」`, `Section title "${s.heading.text}" differs from the canonical "${canonical}"`),
        range: { start: s.heading.start, end: s.heading.end },
        related: [],
        fix: {
          title: tr(ctx.locale, `改为规范标题「${canonical}」`, `Use the canonical title "${canonical}"`),
          kind: 'canonical-title',
          edits: [{ start: s.heading.start, end: s.heading.end, newText: canonical }],
        },
      });
    }
    return out;
  },
});
