import type { BlankReading } from '../blankZeros';
import { blankReadings } from '../blankZeros';
import type { CellRef } from '../equations';
import type { ReportModel } from '../model';
import { rowName, tr } from '../names';
import { refKey } from '../solve';
import { hasBlankNumberCell, isBlankNumberCell, rowCellsOf, tableCells, type TableCell } from '../tableCells';
import type { T3Row } from '../template';
import { T3_ROW_DEF, T3_ROWS } from '../template';
import type { Fix, Locale, OffsetRange, RelatedInfo } from '../types';
import { digitStyleOf, promise, setCellFix, writeCount, written } from './cellFix';
import type { RawFinding, RuleContext } from './rule';
import { defineRule } from './rule';

export const cellBlank = defineRule({
  meta: {
    id: 'cell-blank',
    severity: 'warning',
    title: { 'zh-CN': '应填数字处为空', en: 'Blank cell' },
    summary: { 'zh-CN': '应填数字处为空或为“/”“—”', en: 'a number cell is blank or `/`, `—`' },
    fix: { 'zh-CN': '能确定时填入', en: 'when determined' },
    description: {
      'zh-CN':
        '表格中应填数字的单元格为空，或只有“/”“—”。空白不等于 0：模板要求填 0。以空白代替 0 的统计表（或整行空白的行）只提示一次，按 0 参与勾稽校验；空着的总计、勾稽关系能确定的空格，可一键填入。',
      en: 'A number cell is blank or holds "/" or "—". Blank is not 0: the template asks for 0. A table that uses blanks for 0 (or a row left wholly blank) is reported once and read as 0 for the totals; a blank total, or a blank the totals determine, can be filled in by a fix.',
    },
  },
  check(ctx) {
    const out: RawFinding[] = [];
    if (!hasBlankNumberCell(ctx.model)) return out;
    const readings = blankReadings(ctx.equations);
    const readAsZero = new Set<string>();
    // Tables 三 and 四 both leaving their zeros blank are one style of the report: said once.
    const blankForZero = readings.filter((r) => r.style === 'blank-for-zero');
    if (blankForZero.length) out.push(blankForZeroFinding(blankForZero, ctx));
    for (const reading of readings) {
      if (reading.style !== 'blank-for-zero') out.push(blankRowsFinding(reading, ctx));
      for (const ref of reading.zeros) readAsZero.add(refKey(ref));
    }
    for (const tc of tableCells(ctx.model, ctx.locale)) {
      if (!isBlankNumberCell(tc.cell, tc.kind)) continue;
      if (tc.ref && readAsZero.has(refKey(tc.ref))) continue; // said once for its table
      out.push(cellFinding(tc, ctx));
    }
    return out;
  },
});

/** A blank the arithmetic does not read as 0: filled in when the equations determine it. */
function cellFinding(tc: TableCell, ctx: RuleContext): RawFinding {
  const { locale } = ctx;
  const det = tc.ref ? ctx.solution.determined.get(refKey(tc.ref)) : undefined;
  const shown = tc.cell.raw ? `「${tc.cell.raw}」` : tr(locale, '空白', 'blank');
  let message = tr(locale, `${tc.name} 为${shown}，应填数字（空白不等于 0）`, `${tc.name} is ${tc.cell.raw ? `"${tc.cell.raw}"` : 'blank'}; a number belongs here (blank is not 0)`);
  const range = { start: tc.cell.start, end: tc.cell.end };
  if (det?.value !== undefined && tc.ref) {
    message += tr(locale, `；按勾稽关系应为 ${det.value}`, `; the totals require ${det.value}`);
    if (det.doubtful) message += tr(locale, '（推算所用的数另有不一致，请先核对）', ' (a number it is computed from is in a failing total: check it first)');
    // A blank an equation determines is a determined fill-in, unless its row was placed by a guess
    // or the numbers it is computed from are themselves in doubt.
    const fix = setCellFix(tc.ref, det.value, 'fill-blank', locale, rowCellsOf(ctx.model, tc.ref));
    return { message, range, related: [], ...promise(fix, !tc.ref.uncertain && !det.doubtful) };
  }
  if (det && det.values.length > 1) {
    message += tr(locale, `；各勾稽关系要求的值不一致（${det.values.join('、')}）`, `; the totals disagree on its value (${det.values.join(', ')})`);
  }
  return { message, range, related: [] };
}

const TABLE_NAME = { t3: ['第三部分', 'section III'], t4: ['第四部分', 'section IV'] } as const;

/** One finding for the tables that leave their zeros blank, with a suggestion to write the zeros. */
function blankForZeroFinding(readings: BlankReading[], ctx: RuleContext): RawFinding {
  const { locale, model } = ctx;
  const zeros = readings.flatMap((r) => r.zeros);
  const zh = readings.map((r) => TABLE_NAME[r.table][0]).join('、').replace('第三部分、第四部分', '第三、四部分');
  const en = readings.map((r) => TABLE_NAME[r.table][1]).join(' and ');
  return {
    message: tr(
      locale,
      `${zh}统计表以空白代替 0（共 ${zeros.length} 处），按 0 参与勾稽校验；模板要求填 0`,
      `The ${en} table${readings.length > 1 ? 's leave their' : ' leaves its'} zeros blank (${zeros.length} cells); they are read as 0 for the totals. The template asks for 0`,
    ),
    range: tableFindingRange(readings[0], model),
    related: [],
    suggestions: [writeZeros(zeros, model, locale)],
  };
}

/**
 * One finding for the wholly blank rows of table 三 read as 0. When they are the other sub-rows
 * of one group whose numbers were written on one sub-row (a value cell merged over the group's
 * rows: where the numbers landed depends on the copy, a web page's first row or a PDF's middle
 * one), it names the group rather than the rows.
 */
function blankRowsFinding(reading: BlankReading, ctx: RuleContext): RawFinding {
  const { locale, model } = ctx;
  const n = reading.zeros.length;
  const rows = blankRows(reading.zeros);
  const group = mergedGroup(rows, model);
  const what = group
    ? tr(
        locale,
        `第三部分统计表「${group.label}」的数字只填在 ${group.size} 个子项中的一行（合并单元格），其余 ${rows.length} 行整行空白（共 ${n} 处）`,
        `The section-III table writes the numbers of "${group.label}" on one of its ${group.size} sub-rows (a merged cell); the other ${rows.length} are wholly blank (${n} cells)`,
      )
    : tr(
        locale,
        `第三部分统计表有 ${rows.length} 行整行空白（${rows.map((r) => rowName(r, locale)).join('、')}，共 ${n} 处）`,
        `The section-III table has ${rows.length} wholly blank row(s) (${rows.map((r) => rowName(r, locale)).join('; ')}: ${n} cells)`,
      );
  return {
    message: tr(locale, `${what}，按 0 参与勾稽校验；模板要求每行填写，空白处填 0`, `${what}; they are read as 0 for the totals. The template asks for every row, 0 where nothing`),
    range: tableFindingRange(reading, model),
    related: rowsRelated(rows, model, locale),
    suggestions: [writeZeros(reading.zeros, model, locale)],
  };
}

/** The group whose sub-rows are these blank rows but one, which holds the numbers; or undefined. */
function mergedGroup(rows: T3Row[], model: ReportModel): { label: string; size: number } | undefined {
  const groups = new Set(rows.map((r) => T3_ROW_DEF.get(r)?.group));
  if (groups.size !== 1) return undefined;
  const label = [...groups][0];
  if (!label) return undefined;
  const members = T3_ROWS.filter((d) => d.group === label).map((d) => d.key);
  const written = members.filter((k) => model.table3?.rows.has(k) && !rows.includes(k));
  return written.length === 1 && rows.length === members.length - 1 ? { label, size: members.length } : undefined;
}

/** The wholly blank rows of a blank-rows reading, in order. */
function blankRows(zeros: CellRef[]): T3Row[] {
  const rows: T3Row[] = [];
  for (const ref of zeros) if (ref.table === 't3' && !rows.includes(ref.row as T3Row)) rows.push(ref.row as T3Row);
  return rows;
}

/** Table 三: the label of the first row with a blank read as 0; table 四 (no label): its first such blank. */
function tableFindingRange(reading: BlankReading, model: ReportModel): OffsetRange {
  const first = reading.zeros[0];
  const row = first.table === 't3' ? model.table3?.rows.get(first.row as T3Row) : undefined;
  return row ? row.labelRange : { start: first.cell.start, end: first.cell.end };
}

function rowsRelated(rows: T3Row[], model: ReportModel, locale: Locale): RelatedInfo[] {
  const out: RelatedInfo[] = [];
  for (const key of rows) {
    const row = model.table3?.rows.get(key);
    if (row) out.push({ range: row.labelRange, message: tr(locale, `${rowName(key, locale)}：整行空白，按 0 计`, `${rowName(key, locale)}: wholly blank, read as 0`) });
  }
  return out;
}

/** Suggestion: write 0 into every blank read as 0 (in the style of each cell's row). */
function writeZeros(zeros: CellRef[], model: ReportModel, locale: Locale): Fix {
  return {
    title: tr(locale, `空白处全部填 0（${zeros.length} 处）`, `Write 0 in every blank (${zeros.length})`),
    kind: 'fill-blank',
    edits: zeros.map((ref) => written(ref.cell, writeCount(0, digitStyleOf(ref.cell, rowCellsOf(model, ref))))),
  };
}
