import { arithmeticFindings } from './arithmetic';
import type { Rule } from './rule';

export const balance: Rule = {
  meta: {
    id: 'balance',
    severity: 'error',
    title: { 'zh-CN': '收支平衡（H1）', en: 'Balance (H1)' },
    description: {
      'zh-CN': '第三部分表格每一列：第一项（本年新收）加第二项（上年结转）之和，等于第三项（（七）总计）加第四项（结转下年度继续办理）之和。',
      en: 'In the section-III table, for every column: I (new) + II (carried over) = (VII) total + IV (carried forward).',
    },
  },
  check: (ctx) => arithmeticFindings('balance', ctx),
};
