import { tr } from '../names';
import { refKey } from '../solve';
import { hasInvalidCell, isInvalidCell, rowCellsOf, tableCells } from '../tableCells';
import { promise, setCellFix } from './cellFix';
import type { RawFinding } from './rule';
import { defineRule } from './rule';

const WANT = {
  count: ['非负整数', 'a non-negative whole number'],
  signed: ['整数', 'a whole number'],
  money: ['非负数（可带小数）', 'a non-negative amount'],
  free: ['', ''],
} as const;

export const cellInvalid = defineRule({
  meta: {
    id: 'cell-invalid',
    severity: 'error',
    title: { 'zh-CN': '单元格不是有效数字', en: 'Invalid cell value' },
    summary: { 'zh-CN': '格子里不是有效数字（文字、负的件数、字母 O 等）', en: 'a cell is not a valid number' },
    fix: { 'zh-CN': '能确定时填入', en: 'when determined' },
    description: {
      'zh-CN': '表格中应填件数的单元格只能是非负整数；“本年增/减”可为负数；收费金额可带小数。文字、负数、小数都不是有效的件数。',
      en: 'Count cells must hold non-negative whole numbers; "increase/decrease" may be negative; fee amounts may have decimals.',
    },
  },
  check(ctx) {
    const out: RawFinding[] = [];
    if (!hasInvalidCell(ctx.model)) return out;
    for (const tc of tableCells(ctx.model, ctx.locale)) {
      if (!isInvalidCell(tc.cell, tc.kind)) continue;
      const [zh, en] = WANT[tc.kind];
      const det = tc.ref ? ctx.solution.determined.get(refKey(tc.ref)) : undefined;
      // The value the totals require, written in its row's digit style: determined unless the row
      // was placed by a guess or the numbers it comes from are in doubt (then a suggestion).
      const fix = tc.ref && det?.value !== undefined ? setCellFix(tc.ref, det.value, 'set-cell', ctx.locale, rowCellsOf(ctx.model, tc.ref)) : undefined;
      out.push({
        message: tr(
          ctx.locale,
          `${tc.name} 应为${zh}，此处为「${tc.cell.raw}」${fix ? `；按勾稽关系应为 ${det!.value}` : ''}`,
          `${tc.name} must be ${en}; it is "${tc.cell.raw}"${fix ? `; the totals require ${det!.value}` : ''}`,
        ),
        range: { start: tc.cell.start, end: tc.cell.end },
        related: [],
        ...(fix ? promise(fix, !tc.ref!.uncertain && !det!.doubtful) : {}),
      });
    }
    return out;
  },
});
