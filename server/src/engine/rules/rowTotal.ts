import { arithmeticFindings } from './arithmetic';
import { defineRule } from './rule';

export const rowTotal = defineRule({
  meta: {
    id: 'row-total',
    severity: 'error',
    title: { 'zh-CN': '行合计（H2）', en: 'Row total (H2)' },
    summary: { 'zh-CN': '第三部分：行的总计 ≠ 六类申请人之和（H2）', en: 'table 三: a row\'s 总计 ≠ the sum of the six applicant columns (H2)' },
    fix: { 'zh-CN': '能确定时改正', en: 'when located' },
    description: {
      'zh-CN': '第三部分表格每一行的“总计”应等于自然人与五类法人或其他组织之和。',
      en: 'In the section-III table, each row\'s total must equal the sum of its six applicant columns.',
    },
  },
  check: (ctx) => arithmeticFindings('row-total', ctx),
});
