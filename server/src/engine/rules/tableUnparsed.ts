import { tr } from '../names';
import type { RawFinding } from './rule';
import { defineRule } from './rule';

export const tableUnparsed = defineRule({
  meta: {
    id: 'table-unparsed',
    severity: 'warning',
    title: { 'zh-CN': '表格行无法拆分', en: 'Table row cannot be split' },
    summary: { 'zh-CN': '表格某行的栏目名称与数字连在一起（如“规范性文件898989”），无法可靠拆分', en: 'a table row\'s label and numbers run together (`规范性文件898989`): it cannot be split reliably' },
    description: {
      'zh-CN': '表格某行的栏目名称与数字、或几个数字之间没有分隔（如“规范性文件898989”），无法可靠地拆分到各栏。该行不参与勾稽校验，也不会被猜测拆分。',
      en: 'A table row whose label runs into its numbers, or whose numbers run together (e.g. "规范性文件898989"), cannot be split into its columns reliably. The row is left out of the checks; no split is guessed.',
    },
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const u of ctx.model.unparsedRows) {
      const row = u.row || tr(ctx.locale, '第四部分表格数据行', 'the section-IV data row');
      const glued = ctx.text.slice(u.glued.start, u.glued.end);
      out.push({
        message:
          u.kind === 'label'
            ? tr(
                ctx.locale,
                `${row}：「${glued}」中栏目名称与数字连在一起，无法可靠地拆分到各栏，该行未参与勾稽校验；请用制表符或空格分开各栏`,
                `${row}: in "${glued}" the label runs into the numbers, so the row cannot be split into its columns reliably; it is left out of the checks (separate the cells with tabs or spaces)`,
              )
            : tr(
                ctx.locale,
                `${row}：「${glued}」像是几个数连在一起，无法可靠地拆分到各栏，该行未参与勾稽校验；请用制表符或空格分开各栏`,
                `${row}: "${glued}" looks like several numbers run together, so the row cannot be split into its columns reliably; it is left out of the checks (separate the cells with tabs or spaces)`,
              ),
        range: u.glued,
        related: u.range.start !== u.glued.start || u.range.end !== u.glued.end ? [{ range: u.range, message: tr(ctx.locale, '整行', 'the whole row') }] : [],
      });
    }
    return out;
  },
});
