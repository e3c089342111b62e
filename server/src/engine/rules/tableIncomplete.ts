// table-incomplete: a table that is there but lacks some of its template rows (cut-off excerpts,
// rows lost in copying). Rows excluded for their shape (table-row-shape / table-unparsed) were
// seen, so they are not missing; table 四 is read whole (15 cells) or reported by table-row-shape.
import type { ReportModel } from '../model';
import { tr } from '../names';
import { labelKey } from '../text/normalize';
import type { T3Row, TemplateVersion } from '../template';
import { SECTION_NUMERALS, T2, T3_LEAVES_F2019, T3_LEAVES_F2021, t3RowName } from '../template';
import type { Locale, OffsetRange } from '../types';
import { expectedVersion } from '../version';
import type { RawFinding } from './rule';
import { defineRule } from './rule';

/** How many missing rows a message names before "等". */
const LISTED = 5;

const SECTION_EN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** The template the tables follow: the one their labels show, else the one the year asks for. */
function tableVersion(model: ReportModel): TemplateVersion {
  return model.version.detected ?? expectedVersion(model);
}

/** labelKey of a row name: template names (and the names rows were read as), so a handful. */
const keys = new Map<string, string>();
function keyOf(label: string): string {
  let k = keys.get(label);
  if (k === undefined) {
    k = labelKey(label);
    if (keys.size < 1024) keys.set(label, k);
  }
  return k;
}

/** Same row label, allowing the variants t2RowOf accepts (规范性文件 / 行政规范性文件). */
function sameT2Label(a: string, b: string): boolean {
  if (a === b) return true;
  const ka = keyOf(a);
  const kb = keyOf(b);
  return ka === kb || ka.endsWith(kb) || kb.endsWith(ka);
}

function missingT2(model: ReportModel, version: TemplateVersion): string[] {
  const read = model.table2!.rows;
  const seen = [...model.unparsedRows, ...model.shapeIssues].filter((r) => r.table === 't2').map((r) => r.row);
  const out: string[] = [];
  for (const sub of T2[version]) {
    for (const row of sub.rows) {
      const present = read.some((r) => r.sub.item === sub.item && sameT2Label(r.label, row)) || seen.some((s) => sameT2Label(s, row));
      if (!present) out.push(`${sub.header} › ${row}`);
    }
  }
  return out;
}

function missingT3(model: ReportModel, version: TemplateVersion): string[] {
  const seenNames = new Set([...model.unparsedRows, ...model.shapeIssues].filter((r) => r.table === 't3').map((r) => r.row));
  const has = (key: T3Row) => model.table3!.rows.has(key) || seenNames.has(t3RowName(key));
  // （六）其他处理: one row (2019 format) or three sub-rows (2021). Either shape counts as present;
  // a mix of the two is template-version's to report.
  const otherShape = version === 'F2021' ? has('r6') : (['r6.1', 'r6.2', 'r6.3'] as T3Row[]).some(has);
  const leaves = version === 'F2021' ? T3_LEAVES_F2021 : T3_LEAVES_F2019;
  const keys: T3Row[] = ['new', 'carried', ...leaves, 'total', 'forward'];
  return keys.filter((k) => !has(k) && !(otherShape && (k === 'r6' || k.startsWith('r6.')))).map(t3RowName);
}

/** The table's first line, without blanks and table/Markdown marks (`|`, `#`, `*`) at either end. */
function firstLine(model: ReportModel, at: number): OffsetRange {
  const line = model.lines.find((l) => l.end >= at)!;
  const text = line.text;
  const lead = text.length - text.replace(/^[\s\u3000|｜#*]+/, '').length;
  const body = text.replace(/[\s\u3000|｜*]+$/, '').length;
  return { start: line.start + lead, end: line.start + Math.max(lead, body) };
}

/** A recognised table that lacks template rows. */
export interface IncompleteTable {
  /** Section index: 1 (table 二) or 2 (table 三). */
  section: 1 | 2;
  /** The table's first line. */
  range: OffsetRange;
  /** Display names of the missing rows, in template order. */
  missing: string[];
  /** How many rows the template has. */
  total: number;
}

/** Tables 二 and 三 that are there but lack rows of their template (none when complete). */
export function missingTableRows(model: ReportModel): IncompleteTable[] {
  const out: IncompleteTable[] = [];
  const version = tableVersion(model);
  if (model.table2) {
    const missing = missingT2(model, version);
    const total = T2[version].reduce((n, s) => n + s.rows.length, 0);
    if (missing.length) out.push({ section: 1, range: firstLine(model, model.table2.range.start), missing, total });
  }
  if (model.table3) {
    const missing = missingT3(model, version);
    const total = (version === 'F2021' ? T3_LEAVES_F2021 : T3_LEAVES_F2019).length + 4;
    if (missing.length) out.push({ section: 2, range: firstLine(model, model.table3.range.start), missing, total });
  }
  return out;
}

function finding(section: number, missing: string[], total: number, range: OffsetRange, locale: Locale): RawFinding {
  const zhTable = `第${SECTION_NUMERALS[section]}部分统计表`;
  const enTable = `The table of section ${SECTION_EN[section]}`;
  if (missing.length === total) {
    return {
      message: tr(locale, `${zhTable}没有数据行（只有表头，或数字无法识别）`, `${enTable} has no data rows (only its headings, or numbers that could not be read)`),
      range,
      related: [],
    };
  }
  const zhList = missing.slice(0, LISTED).join('、') + (missing.length > LISTED ? ' 等' : '');
  const enList = missing.slice(0, LISTED).join('; ') + (missing.length > LISTED ? '; …' : '');
  return {
    message: tr(
      locale,
      `${zhTable}缺少 ${missing.length} 行（或无法识别）：${zhList}`,
      `${enTable} lacks ${missing.length} of its ${total} template rows (or they could not be read): ${enList}`,
    ),
    range,
    related: [],
  };
}

export const tableIncomplete = defineRule({
  meta: {
    id: 'table-incomplete',
    severity: 'warning',
    title: { 'zh-CN': '统计表缺少行', en: 'Table rows missing' },
    summary: { 'zh-CN': '第二、三部分的表格缺少模板规定的行（如节选被截断），列出缺少的行', en: 'table 二 or 三 lacks rows of the template (e.g. a cut-off excerpt): lists them' },
    description: {
      'zh-CN': '第二、三部分的统计表找到了，但模板规定的某些行没有找到（常见于摘录被截断，或复制时丢行），或该行无法识别。缺少的行不参与勾稽校验。',
      en: 'The table of section II or III is there, but some rows of the template were not found (an excerpt cut off, rows lost in copying) or could not be read. Missing rows take no part in the checks.',
    },
  },
  check(ctx) {
    return missingTableRows(ctx.model).map((t) => finding(t.section, t.missing, t.total, t.range, ctx.locale));
  },
});
