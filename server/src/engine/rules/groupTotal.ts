import { arithmeticFindings } from './arithmetic';
import { defineRule } from './rule';

export const groupTotal = defineRule({
  meta: {
    id: 'group-total',
    severity: 'error',
    title: { 'zh-CN': '复议、诉讼总计（H4）', en: 'Reconsideration / litigation total (H4)' },
    summary: { 'zh-CN': '第四部分：总计 ≠ 维持 + 纠正 + 其他 + 尚未审结（H4）', en: 'table 四: 总计 ≠ upheld + corrected + other + pending (H4)' },
    fix: { 'zh-CN': '把总计改为四项之和', en: 'total := sum of the four' },
    description: {
      'zh-CN': '第四部分表格中行政复议、未经复议直接起诉、复议后起诉三组，每组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。',
      en: 'In the section-IV table, each group\'s total must equal upheld + corrected + other outcome + pending.',
    },
  },
  check: (ctx) => arithmeticFindings('group-total', ctx),
});
