import { sectionLabel, tr } from '../names';
import { templateTableLines } from '../templateText';
import { expectedVersion } from '../version';
import type { RawFinding } from './rule';
import { defineRule } from './rule';

export const tableMissing = defineRule({
  meta: {
    id: 'table-missing',
    severity: 'error',
    title: { 'zh-CN': '缺少统计表', en: 'Missing table' },
    summary: { 'zh-CN': '第二、三、四部分缺少统计表', en: 'section 二, 三 or 四 has no table' },
    fix: { 'zh-CN': '建议：插入模板表格', en: 'suggestion: template table' },
    description: {
      'zh-CN': '第二、三、四部分各有一张规定格式的统计表；此处找不到该表（或表格无法识别）。',
      en: 'Sections II, III and IV each carry a table of the national format; it was not found (or could not be read).',
    },
  },
  check(ctx) {
    const { model, locale } = ctx;
    const out: RawFinding[] = [];
    const tables = [undefined, model.table2, model.table3, model.table4];
    const reported = new Set<number>();
    for (const s of model.sections) {
      if (s.index < 1 || s.index > 3 || tables[s.index] || reported.has(s.index)) continue;
      reported.add(s.index);
      const lines = templateTableLines(s.index, expectedVersion(model));
      const headingLine = model.lines[s.lineIndex];
      const at = headingLine.end;
      out.push({
        message: tr(locale, `${sectionLabel(s.index, locale)}缺少统计表（或表格无法识别）`, `${sectionLabel(s.index, locale)} has no table (or it could not be read)`),
        range: { start: s.heading.start, end: s.heading.end },
        related: [],
        suggestions: [
          {
            title: tr(locale, '插入模板表格（全部为 0，请按实际填写）', 'Insert the template table (all 0; fill in the real numbers)'),
            kind: 'insert-section',
            edits: [{ start: at, end: at, newText: model.eol + model.eol + lines.join(model.eol) }],
          },
        ],
      });
    }
    return out;
  },
});
