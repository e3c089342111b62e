// The client's few user-visible strings, in Chinese and English.
// They follow the same `zfxxgk.locale` setting as the server's diagnostics, so the status item,
// the notifications and the problems all speak one language (auto → VS Code's display language).
import * as vscode from 'vscode';

export type Locale = 'zh-CN' | 'en';

const MESSAGES = {
  statusName: { 'zh-CN': '政府信息公开年报校验', en: 'Annual report check (zfxxgk)' },
  statusChecking: { 'zh-CN': '年报校验：检查中…', en: 'Report check: checking…' },
  statusNotReport: { 'zh-CN': '非年报，未检查', en: 'Not a report, not checked' },
  statusPassed: { 'zh-CN': '年报校验：通过', en: 'Report check: passed' },
  statusErrors: { 'zh-CN': '年报校验：{0} 个错误', en: 'Report check: {0} error(s)' },
  statusWarnings: { 'zh-CN': '年报校验：{0} 个警告', en: 'Report check: {0} warning(s)' },
  statusInfos: { 'zh-CN': '年报校验：{0} 条提示', en: 'Report check: {0} note(s)' },
  statusDetail: {
    'zh-CN': '错误 {0} · 警告 {1} · 提示 {2}',
    en: '{0} error(s) · {1} warning(s) · {2} note(s)',
  },
  statusDetailNotReport: {
    'zh-CN': '这个文件看起来不是政府信息公开工作年度报告',
    en: 'This file does not look like an annual report on government information disclosure',
  },
  commandFixAll: { 'zh-CN': '修正全部', en: 'Fix all' },
  commandShowProblems: { 'zh-CN': '查看问题', en: 'Show problems' },
  fixAllNoEditor: {
    'zh-CN': '请先打开要修正的年报。',
    en: 'Open the report you want to fix first.',
  },
  fixAllNone: {
    'zh-CN': '没有可以确定修正的问题。',
    en: 'There is nothing that can be fixed with certainty.',
  },
  fixAllDone: { 'zh-CN': '已修正 {0} 处问题。', en: 'Fixed {0} problem(s).' },
  fixAllFailed: { 'zh-CN': '修正失败：{0}', en: 'Fixing failed: {0}' },
  checkWorkspaceNoFolder: {
    'zh-CN': '请先打开一个文件夹（文件 → 打开文件夹）。',
    en: 'Open a folder first (File → Open Folder).',
  },
  checkWorkspaceProgress: { 'zh-CN': '正在检查工作区中的年报…', en: 'Checking the reports in the workspace…' },
  checkWorkspaceDone: {
    'zh-CN': '已检查 {0} 个文件，结果见“问题”面板。',
    en: 'Checked {0} file(s); see the Problems panel.',
  },
  checkWorkspaceTruncated: {
    'zh-CN': '文件太多，只检查了前 {0} 个。',
    en: 'Too many files: only the first {0} were checked.',
  },
  serverNotReady: {
    'zh-CN': '年报校验服务尚未启动，请稍后再试。',
    en: 'The report checker is not running yet; try again in a moment.',
  },
  // Table preview (client/src/preview/).
  previewTitle: { 'zh-CN': '表格预览：{0}', en: 'Table preview: {0}' },
  previewNoEditor: { 'zh-CN': '请先打开一份年报，再显示表格预览。', en: 'Open a report first, then show the table preview.' },
  previewNotReport: {
    'zh-CN': '这个文件看起来不是政府信息公开工作年度报告，没有可以预览的表格。',
    en: 'This file does not look like an annual report on government information disclosure: there are no tables to preview.',
  },
  previewLoading: { 'zh-CN': '正在读取表格…', en: 'Reading the tables…' },
  previewHint: { 'zh-CN': '点击单元格，即在编辑器中选中该处。', en: 'Click a cell to select it in the editor.' },
  previewTableNotFound: { 'zh-CN': '文中未找到这张表。', en: 'This table was not found in the text.' },
  previewAllOk: { 'zh-CN': '勾稽关系全部成立', en: 'All totals add up' },
  previewWrong: { 'zh-CN': '{0} 处错误', en: '{0} wrong' },
  previewBlank: { 'zh-CN': '{0} 处空白', en: '{0} blank' },
  previewInvalid: { 'zh-CN': '{0} 处非数字', en: '{0} not a number' },
  previewMissing: { 'zh-CN': '{0} 处缺失', en: '{0} missing' },
  previewLegendWrong: { 'zh-CN': '错误', en: 'wrong' },
  previewLegendBlank: { 'zh-CN': '空白', en: 'blank' },
  previewLegendInvalid: { 'zh-CN': '非数字', en: 'not a number' },
  previewLegendMissing: { 'zh-CN': '文中缺失', en: 'missing' },
  previewExpected: { 'zh-CN': '应为 {0}', en: 'should be {0}' },
  previewBlankCell: { 'zh-CN': '（空）', en: '(blank)' },
  previewMissingCell: { 'zh-CN': '文中没有这一行', en: 'This row is not in the text' },
  previewEquations: { 'zh-CN': '勾稽关系', en: 'Totals and balances' },
  previewEquationsOk: { 'zh-CN': '成立的 {0} 条', en: '{0} that hold' },
  previewEquationsNone: { 'zh-CN': '没有可以核对的勾稽关系。', en: 'There are no totals to check.' },
  previewEqOk: { 'zh-CN': '成立', en: 'holds' },
  previewEqViolated: { 'zh-CN': '不成立', en: 'does not hold' },
  previewEqUnknown: { 'zh-CN': '无法核对（有空白或非数字）', en: 'cannot be checked (a cell is blank or not a number)' },
  previewTemplateF2021: { 'zh-CN': '2021 版格式', en: '2021 format' },
  previewTemplateF2019: { 'zh-CN': '2019 版格式', en: '2019 format' },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof MESSAGES;

/**
 * Resolves the `zfxxgk.locale` setting: 'zh-CN' | 'en' | 'auto'. Auto follows VS Code's display
 * language: English for an English UI, Chinese otherwise (the same rule as the server's).
 */
export function resolveLocale(setting: string | undefined, uiLanguage: string = vscode.env.language): Locale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return uiLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function currentLocale(): Locale {
  return resolveLocale(vscode.workspace.getConfiguration('zfxxgk').get<string>('locale', 'auto'));
}

export function t(key: MessageKey, ...args: (string | number)[]): string {
  const template: string = MESSAGES[key][currentLocale()];
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
