import { arithmeticFindings } from './arithmetic';
import { defineRule } from './rule';

export const balance = defineRule({
  meta: {
    id: 'balance',
    severity: 'error',
    title: { 'zh-CN': '收支平衡（H1）', en: 'Balance (H1)' },
    summary: { 'zh-CN': '第三部分：第一项 + 第二项 ≠ 第三项 + 第四项（H1）', en: 'table 三: item 一 + item 二 ≠ item 三 + item 四 (H1)' },
    fix: { 'zh-CN': '能确定时改正；否则给出建议', en: 'when located; else a suggestion' },
    description: {
      'zh-CN': '第三部分表格每一列：第一项（本年新收）加第二项（上年结转）之和，等于第三项（（七）总计）加第四项（结转下年度继续办理）之和。',
      en: 'In the section-III table, for every column: I (new) + II (carried over) = (VII) total + IV (carried forward).',
    },
  },
  check: (ctx) => arithmeticFindings('balance', ctx),
});
