// The words of the batch outputs (html page, csv header), zh-CN first, en.
import type { Locale } from '../../engine';
import type { CarryoverState, ReportStatus } from './record';

const zh = {
  lang: 'zh-CN',
  pageTitle: '政府信息公开年报检查结果',
  generated: (when: string, version: string) => `zfxxgk ${version} 生成于 ${when}。本页不联网，可以离线打开或作为邮件附件转发。`,
  totals: (n: number, errors: number, warnings: number, pass: number, unchecked: number) =>
    `共 ${n} 份报告：${errors} 份有错误，${warnings} 份有警告，${pass} 份通过` + (unchecked ? `，${unchecked} 份未检查` : ''),
  reports: '报告一览',
  hintRows: '点击列标题排序，点击一行查看该报告的问题和表格。',
  filters: '筛选',
  filterUnit: '单位',
  filterYear: '年度',
  filterRule: '规则',
  filterStatus: '状态',
  all: '全部',
  shown: (n: number, total: number) => `显示 ${n} / ${total} 份`,
  col: {
    file: '文件',
    unit: '单位',
    year: '年度',
    template: '模板版本',
    errors: '错误',
    warnings: '警告',
    status: '状态',
    carryover: '上年结转比对',
    reuse: '与上年文字重复率',
  },
  status: { pass: '通过', errors: '有错误', warnings: '有警告', unchecked: '未检查' } as Record<ReportStatus, string>,
  carryover(state: CarryoverState, previous?: string, n?: number): string {
    switch (state) {
      case 'none': return '无上年报告';
      case 'ambiguous': return '上年报告有多份且不一致，未比对';
      case 'ok': return `一致（${previous}）`;
      case 'mismatch': return `不一致 ${n} 处（${previous}）`;
    }
  },
  template: { F2019: '2019 版', F2021: '2021 版' },
  unknown: '—',
  byRule: '各规则的问题数',
  ruleCol: { rule: '规则', title: '名称', findings: '问题数', files: '涉及报告', chart: '图示' },
  noFindings: '没有发现问题。',
  details: '报告详情',
  pickReport: '在上表中点击一份报告，这里显示它的问题和表格。',
  findings: '问题',
  findingCol: { line: '行', rule: '规则', severity: '级别', message: '说明', place: '原文件中的位置' },
  severity: ['错误', '错误', '警告', '信息', '提示'],
  notChecked: (why: string) => `未检查：${why}`,
  tablesNone: '没有错误或警告，表格从略。',
  tableNotFound: '文中没有找到这张表格。',
  legend: { wrong: '有误（写明应为多少）', blank: '空白', invalid: '不是有效数字', missing: '缺失的行' },
  expected: (v: number) => `应为 ${v}`,
  blankCell: '空',
  equationsBad: '不成立的勾稽关系',
  close: '返回列表',
  csvHeader: ['文件', '单位', '年度', '规则', '级别', '行', '列', '说明', '原文件中的位置'],
  csvUnchecked: '未检查',
};

const en: typeof zh = {
  lang: 'en',
  pageTitle: 'Annual report check results',
  generated: (when: string, version: string) => `Made by zfxxgk ${version} on ${when}. This page makes no network requests: open it offline or forward it by e-mail.`,
  totals: (n: number, errors: number, warnings: number, pass: number, unchecked: number) =>
    `${n} report${n === 1 ? '' : 's'}: ${errors} with errors, ${warnings} with warnings, ${pass} passed` + (unchecked ? `, ${unchecked} not checked` : ''),
  reports: 'Reports',
  hintRows: 'Click a column header to sort; click a row to see that report’s problems and tables.',
  filters: 'Filter',
  filterUnit: 'Unit',
  filterYear: 'Year',
  filterRule: 'Rule',
  filterStatus: 'Status',
  all: 'All',
  shown: (n: number, total: number) => `showing ${n} of ${total}`,
  col: {
    file: 'File',
    unit: 'Unit',
    year: 'Year',
    template: 'Template',
    errors: 'Errors',
    warnings: 'Warnings',
    status: 'Status',
    carryover: 'Carry-over vs last year',
    reuse: 'Text repeated from last year',
  },
  status: { pass: 'passed', errors: 'errors', warnings: 'warnings', unchecked: 'not checked' },
  carryover(state: CarryoverState, previous?: string, n?: number): string {
    switch (state) {
      case 'none': return 'no report of last year';
      case 'ambiguous': return 'last year’s copies disagree; not compared';
      case 'ok': return `matches (${previous})`;
      case 'mismatch': return `${n} mismatch${n === 1 ? '' : 'es'} (${previous})`;
    }
  },
  template: { F2019: '2019 template', F2021: '2021 template' },
  unknown: '—',
  byRule: 'Problems per rule',
  ruleCol: { rule: 'Rule', title: 'Name', findings: 'Problems', files: 'Reports', chart: 'Chart' },
  noFindings: 'No problems found.',
  details: 'Report details',
  pickReport: 'Click a report in the table above to see its problems and tables here.',
  findings: 'Problems',
  findingCol: { line: 'Line', rule: 'Rule', severity: 'Level', message: 'Message', place: 'Place in the source file' },
  severity: ['error', 'error', 'warning', 'info', 'hint'],
  notChecked: (why: string) => `Not checked: ${why}`,
  tablesNone: 'No errors or warnings; tables not shown.',
  tableNotFound: 'This table was not found in the text.',
  legend: { wrong: 'wrong (with the value it should hold)', blank: 'blank', invalid: 'not a valid number', missing: 'missing row' },
  expected: (v: number) => `should be ${v}`,
  blankCell: 'blank',
  equationsBad: 'Equations that do not hold',
  close: 'Back to the list',
  csvHeader: ['file', 'unit', 'year', 'rule', 'severity', 'line', 'column', 'message', 'source place'],
  csvUnchecked: 'not checked',
};

export type ReportStrings = typeof zh;

export function reportStrings(locale: Locale): ReportStrings {
  return locale === 'en' ? en : zh;
}
