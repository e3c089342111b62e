import { arithmeticFindings } from './arithmetic';
import { defineRule } from './rule';

export const columnTotal = defineRule({
  meta: {
    id: 'column-total',
    severity: 'error',
    title: { 'zh-CN': '（七）总计（H3）', en: 'Column total (H3)' },
    summary: { 'zh-CN': '第三部分：（七）总计 ≠ 各办理结果之和（H3）', en: 'table 三: （七）总计 ≠ the sum of the outcome rows (H3)' },
    fix: { 'zh-CN': '能确定时改正', en: 'when located' },
    description: {
      'zh-CN': '第三部分表格每一列的“（七）总计”应等于各项办理结果（最末级行）之和。',
      en: 'In the section-III table, each column\'s "(VII) total" must equal the sum of the outcome rows.',
    },
  },
  check: (ctx) => arithmeticFindings('column-total', ctx),
});
