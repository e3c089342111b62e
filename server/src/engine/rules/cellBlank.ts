import { tr } from '../names';
import { refKey } from '../solve';
import { hasBlankNumberCell, isBlankNumberCell, tableCells } from '../tableCells';
import { setCellFix } from './cellFix';
import type { RawFinding, Rule } from './rule';

export const cellBlank: Rule = {
  meta: {
    id: 'cell-blank',
    severity: 'warning',
    title: { 'zh-CN': '应填数字处为空', en: 'Blank cell' },
    description: {
      'zh-CN': '表格中应填数字的单元格为空，或只有“/”“—”。空白不等于 0：模板要求填 0。若勾稽关系能确定该数，可一键填入。',
      en: 'A number cell is blank or holds "/" or "—". Blank is not 0: the template asks for 0. When the totals determine the value, a fix fills it in.',
    },
  },
  check(ctx) {
    const out: RawFinding[] = [];
    if (!hasBlankNumberCell(ctx.model)) return out;
    for (const tc of tableCells(ctx.model, ctx.locale)) {
      if (!isBlankNumberCell(tc.cell, tc.kind)) continue;
      const det = tc.ref ? ctx.solution.determined.get(refKey(tc.ref)) : undefined;
      const shown = tc.cell.raw ? `「${tc.cell.raw}」` : tr(ctx.locale, '空白', 'blank');
      let message = tr(ctx.locale, `${tc.name} 为${shown}，应填数字（空白不等于 0）`, `${tc.name} is ${tc.cell.raw ? `"${tc.cell.raw}"` : 'blank'}; a number belongs here (blank is not 0)`);
      let fix;
      if (det?.value !== undefined && tc.ref) {
        message += tr(ctx.locale, `；按勾稽关系应为 ${det.value}`, `; the totals require ${det.value}`);
        fix = setCellFix(tc.ref, det.value, 'fill-blank', ctx.locale);
      } else if (det && det.values.length > 1) {
        message += tr(ctx.locale, `；各勾稽关系要求的值不一致（${det.values.join('、')}）`, `; the totals disagree on its value (${det.values.join(', ')})`);
      }
      out.push({ message, range: { start: tc.cell.start, end: tc.cell.end }, related: [], fix });
    }
    return out;
  },
};
