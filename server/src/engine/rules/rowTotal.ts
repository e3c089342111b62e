import { arithmeticFindings } from './arithmetic';
import type { Rule } from './rule';

export const rowTotal: Rule = {
  meta: {
    id: 'row-total',
    severity: 'error',
    title: { 'zh-CN': '行合计（H2）', en: 'Row total (H2)' },
    description: {
      'zh-CN': '第三部分表格每一行的“总计”应等于自然人与五类法人或其他组织之和。',
      en: 'In the section-III table, each row\'s total must equal the sum of its six applicant columns.',
    },
  },
  check: (ctx) => arithmeticFindings('row-total', ctx),
};
