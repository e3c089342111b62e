// A new report: the complete draft of the national template for one unit and year — title, the
// statistics-period sentence, the six sections with their canonical headings, every table of the
// right template version (year ≥ 2021 → F2021, else F2019) filled with 0. It checks clean.
import { SECTION_TITLES, versionForYear, type TemplateVersion } from '../template';
import { templateTableLines } from '../templateText';

export interface NewReportOptions {
  /** Line break of the draft (default '\n'). */
  eol?: string;
}

export interface NewReport {
  text: string;
  version: TemplateVersion;
  title: string;
}

/** Report years the template covers: the 2019 revision of the regulation onward. */
export const NEW_REPORT_MIN_YEAR = 2019;
export const NEW_REPORT_MAX_YEAR = 2099;

/** Why a year cannot start a draft (zh-CN, en), or undefined when it can. */
export function invalidReportYear(year: unknown): { zh: string; en: string } | undefined {
  const n = typeof year === 'string' && /^\s*\d{4}\s*$/.test(year) ? Number(year) : year;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < NEW_REPORT_MIN_YEAR || n > NEW_REPORT_MAX_YEAR) {
    return {
      zh: `请输入 ${NEW_REPORT_MIN_YEAR} 至 ${NEW_REPORT_MAX_YEAR} 之间的四位年份，如 2024`,
      en: `Enter a four-digit year from ${NEW_REPORT_MIN_YEAR} to ${NEW_REPORT_MAX_YEAR}, e.g. 2024`,
    };
  }
  return undefined;
}

/** Placeholder prose: bracketed instructions a clerk replaces; they name no counts and no years. */
const SECTION_BODIES: readonly (readonly string[])[] = [
  [
    '（一）主动公开',
    '（请在此概述本年度主动公开政府信息的工作。）',
    '（二）依申请公开',
    '（请在此概述本年度依申请公开的工作。）',
    '（三）政府信息管理',
    '（请在此概述政府信息管理工作。）',
    '（四）政府信息公开平台建设',
    '（请在此概述政府信息公开平台建设情况。）',
    '（五）监督保障',
    '（请在此概述监督保障工作。）',
  ],
  [],
  [],
  [],
  ['（请在此说明本年度工作存在的主要问题及改进情况。）'],
  ['（请在此说明其他需要报告的事项。）'],
];

/** The draft report of `unit` for report year `year` (an integer from 2019 on; see invalidReportYear). */
export function newReport(unit: string, year: number, options: NewReportOptions = {}): NewReport {
  const eol = options.eol ?? '\n';
  const version = versionForYear(year);
  const name = unit.replace(/[\r\n\t]+/g, ' ').trim();
  const title = `${name}${year}年政府信息公开工作年度报告`;
  const lines: string[] = [title, ''];
  lines.push(
    `本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。`,
    '',
  );
  SECTION_TITLES.forEach((heading, i) => {
    lines.push(heading, '');
    for (const body of SECTION_BODIES[i]) lines.push(body);
    if (SECTION_BODIES[i].length) lines.push('');
    const table = templateTableLines(i, version);
    if (table.length) lines.push(...table, '');
  });
  return { text: lines.join(eol), version, title };
}
