import { tr } from '../names';
import type { RawFinding } from './rule';
import { defineRule } from './rule';

export const tableRowShape = defineRule({
  meta: {
    id: 'table-row-shape',
    severity: 'warning',
    title: { 'zh-CN': '表格行的数字个数不对', en: 'Row has the wrong number of cells' },
    summary: { 'zh-CN': '表格某行的数字多了或少了', en: 'a table row has too many or too few numbers' },
    description: {
      'zh-CN': '表格某行的数字比模板多（常见于合并单元格留下的多余 0）或少，或者能以不止一种方式对应到表头的列。每行按表头各列的位置读取；多出的数不在任何一列下时不计入。没有可用的表头时按右侧对齐读取（总计在最右列），这样读出的行不作自动修正的依据。无法确定各数对应哪一列时，该行不参与勾稽校验。',
      en: 'A table row has more numbers than the template (often an extra 0 left by a merged cell) or fewer, or fits the header\'s columns in more than one way. Rows are read by the positions of the header\'s columns; an extra number under no column is ignored. Without a usable header the row is read right-aligned (the total is rightmost) and no fix on it is applied automatically. A row whose numbers cannot be placed for certain is left out of the checks.',
    },
  },
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.model.shapeIssues) {
      const row = s.row || tr(ctx.locale, '第四部分表格数据行', 'the section-IV data row');
      const extraText = ctx.text.slice(s.range.start, s.range.end);
      out.push({
        message:
          s.kind === 'ambiguous'
            ? tr(ctx.locale, `${row} 两端都有空白单元格，无法确定各数对应的列，未参与勾稽校验；请在空白处填 0`, `${row} has blank cells at both ends, so its columns cannot be determined; it is left out of the checks (fill blanks with 0)`)
            : s.kind === 'extra' && s.readBy === 'grid'
            ? tr(ctx.locale, `${row} 比模板多出 ${s.found - s.expected} 个数（「${extraText}」），不在表头的任何一列下，已按表头的列读取，多出的数未计入`, `${row} has ${s.found - s.expected} more number(s) than the template ("${extraText}") under no header column; read by the header's columns, the extra one is ignored`)
            : s.kind === 'extra'
            ? tr(ctx.locale, `${row} 比模板多出 ${s.found - s.expected} 个数（「${extraText}」），已按右侧对齐读取（总计在最右列），多出的数未计入；该行的数不作可自动修正的依据`, `${row} has ${s.found - s.expected} more number(s) than the template ("${extraText}"); read right-aligned (the total is rightmost), the extra one is ignored, and no fix on this row is applied automatically`)
            : tr(ctx.locale, `${row} 只有 ${s.found} 个数，模板需要 ${s.expected} 个，无法确定各数对应的列，未参与勾稽校验`, `${row} has ${s.found} number(s) but the template needs ${s.expected}; its columns cannot be determined, so it is left out of the checks`),
        range: s.range,
        related: [],
      });
    }
    return out;
  },
});
