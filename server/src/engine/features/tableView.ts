// The table preview's model: tables 二, 三 and 四 of one analysis as grids with the national
// template's merged headers, every cell with its range and state (ok / wrong / blank / invalid /
// missing), the value the arithmetic determines for it, and every equation with ✓/✗.
// Pure: the cell states come from the analysis' findings and solution, never from a guess.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analyze';
import labels from '../data/canonical-labels.json';
import type { CellRef, Equation } from '../equations';
import { leafRows } from '../equations';
import type { T2RowModel } from '../model';
import { cellName, colName, rowName, sectionLabel, sectionName, tr } from '../names';
import { cellValue, refKey, type Solution } from '../solve';
import { validFor } from '../tableCells';
import type { T2SubTable, T3Row, TemplateVersion } from '../template';
import { T2, T3_COLUMNS, T3_NCOLS, T3_ROW_DEF, T4_GROUPS, T4_GROUPS_EN, T4_NCOLS, T4_PARTS, t2ValueKind } from '../template';
import type { Cell } from '../text/cells';
import { toHalfWidth } from '../text/normalize';
import type { Finding } from '../finding';
import type { RuleId } from '../rules/registry';
import type { Locale } from '../types';
import { expectedVersion } from '../version';
import { toLspRange } from './diagnostics';
import type { CellState, EquationView, TableView, TableViewCell, TableViewLabel, TableViewModel, TableViewRow } from './tableViewModel';

export type * from './tableViewModel';

/** Rules whose finding on a cell makes it `wrong` (the arithmetic of tables 三 and 四). */
const ARITHMETIC: ReadonlySet<RuleId> = new Set<RuleId>(['row-total', 'column-total', 'balance', 'group-total']);

interface Ctx {
  doc: TextDocument;
  locale: Locale;
  solution: Solution;
  /** Findings by exact cell range `start:end`. */
  findingsAt: Map<string, Finding[]>;
}

export function tableView(doc: TextDocument, analysis: Analysis): TableViewModel {
  const model = analysis.report;
  const { equations, solution } = analysis;
  const findingsAt = new Map<string, Finding[]>();
  for (const f of analysis.findings) {
    const k = `${f.range.start}:${f.range.end}`;
    const list = findingsAt.get(k);
    if (list) list.push(f);
    else findingsAt.set(k, [f]);
  }
  const ctx: Ctx = { doc, locale: analysis.locale, solution, findingsAt };
  const template = t2Version(analysis);
  const tables = [table2(ctx, analysis, template), table3(ctx, analysis), table4(ctx, analysis)];
  const counts = { wrong: 0, blank: 0, invalid: 0, missing: 0 };
  for (const t of tables) for (const r of t.rows) for (const c of r.cells) if (c.state !== 'ok') counts[c.state]++;
  return {
    uri: doc.uri,
    version: doc.version,
    locale: analysis.locale,
    title: model.title?.text,
    template,
    tables,
    equations: equations.map((eq) => equationView(eq, solution, analysis.locale)),
    counts,
  };
}

// ---- cells ----------------------------------------------------------------------------------

/**
 * The number a fix — or, where the equations name a set of cells (table 四, one equation), the
 * suggestion the message states — writes into exactly this cell: the located wrong cell's value,
 * a recomputed total. Full-width digits read as their value.
 */
function fixValue(f: Finding, cell: Cell): number | undefined {
  const fix = f.fix ?? f.suggestions?.[0];
  if (!fix || (fix.kind !== 'set-cell' && fix.kind !== 'recompute-total') || fix.edits.length !== 1) return undefined;
  const e = fix.edits[0];
  const digits = toHalfWidth(e.newText);
  if (e.start !== cell.start || e.end !== cell.end || !/^\d+$/.test(digits)) return undefined;
  return Number(digits);
}

function viewCell(ctx: Ctx, id: string, cell: Cell, name: string, valid: boolean, ref?: CellRef): TableViewCell {
  const found = ctx.findingsAt.get(`${cell.start}:${cell.end}`) ?? [];
  let state: CellState = cell.kind === 'blank' ? 'blank' : valid ? 'ok' : 'invalid';
  let expected: number | undefined;
  const wrong = found.find((f) => ARITHMETIC.has(f.ruleId));
  if (wrong && state === 'ok') {
    state = 'wrong';
    expected = fixValue(wrong, cell);
  } else if (ref && state !== 'ok') {
    expected = ctx.solution.determined.get(refKey(ref))?.value;
  }
  const out: TableViewCell = { id, raw: cell.raw, range: toLspRange(ctx.doc, cell), state, name };
  if (cell.kind === 'number' && valid) {
    const v = Number(cell.num);
    if (Number.isFinite(v)) out.value = v;
  }
  if (expected !== undefined) out.expected = expected;
  if (found.length) out.message = found.map((f) => f.message).join('\n');
  return out;
}

const missingCell = (id: string, name: string): TableViewCell => ({ id, raw: '', state: 'missing', name });

// ---- table 二 -------------------------------------------------------------------------------

/** The version whose table-二 template the rows were read with (else the one the report should use). */
function t2Version(analysis: Analysis): TemplateVersion {
  const first = analysis.report.table2?.rows[0];
  if (first) return T2.F2019.includes(first.sub) ? 'F2019' : 'F2021';
  return analysis.report.version.detected ?? expectedVersion(analysis.report);
}

function table2(ctx: Ctx, analysis: Analysis, version: TemplateVersion): TableView {
  const t2 = analysis.report.table2;
  const subs = T2[version];
  const width = Math.max(...subs.map((s) => s.columns.length));
  const columns = 1 + width;
  const view: TableView = { id: 't2', title: title(1, ctx.locale), columns, header: [], rows: [], found: !!t2 && t2.rows.length > 0 };
  if (!view.found) return view;
  for (const sub of subs) {
    const span = (i: number) => (i === sub.columns.length - 1 && sub.columns.length < width ? width - i : undefined);
    view.rows.push({ labels: [{ text: sub.header, colSpan: columns }], cells: [] });
    view.rows.push({ labels: [{ text: '信息内容' }, ...sub.columns.map((c, i) => withSpan<TableViewLabel>({ text: c }, undefined, span(i)))], cells: [] });
    for (const label of sub.rows) {
      const matches = t2!.rows.filter((r) => r.sub.item === sub.item && r.label === label);
      if (matches.length === 0) {
        view.rows.push({
          key: label,
          labels: [{ text: label }],
          cells: sub.columns.map((c, i) => withSpan(missingCell(t2Id(sub, label, i), t2Name(label, c, ctx.locale)), undefined, span(i))),
          missing: true,
        });
        continue;
      }
      matches.forEach((row, n) => view.rows.push(t2Row(ctx, sub, row, span, n)));
    }
  }
  return view;
}

/** `t2:一:规章:0`; a row written twice gets `#2`, `#3` … after the label. */
const t2Id = (sub: T2SubTable, label: string, col: number, n = 0) => `t2:${sub.item}:${label}${n ? `#${n + 1}` : ''}:${col}`;
const t2Name = (label: string, column: string, locale: Locale) => tr(locale, `${label}·${column}`, `${label} · ${column}`);

function t2Row(ctx: Ctx, sub: T2SubTable, row: T2RowModel, span: (i: number) => number | undefined, n: number): TableViewRow {
  const cells = sub.columns.map((column, i) => {
    const id = t2Id(sub, row.label, i, n);
    const name = t2Name(row.label, column, ctx.locale);
    const cell = row.cells[i];
    if (!cell) return withSpan(missingCell(id, name), undefined, span(i));
    const kind = t2ValueKind(column);
    const valid = cell.kind !== 'blank' && validFor(kind, cell);
    return withSpan(viewCell(ctx, id, cell, name, valid), undefined, span(i));
  });
  return { key: row.label, labels: [{ text: row.label }], cells };
}

// ---- table 三 -------------------------------------------------------------------------------

const T3_NOTE = labels.F2021.table3.note;
const T3_RESULTS = labels.F2021.table3.result_group_label;

function table3(ctx: Ctx, analysis: Analysis): TableView {
  const model = analysis.report;
  const t3 = model.table3;
  const header: TableViewLabel[][] = [
    [{ text: T3_NOTE, rowSpan: 3, colSpan: 3 }, { text: '申请人情况', colSpan: T3_NCOLS }],
    [{ text: T3_COLUMNS[0], rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: T3_COLUMNS[6], rowSpan: 2 }],
    T3_COLUMNS.slice(1, 6).map((text) => ({ text })),
  ];
  const view: TableView = { id: 't3', title: title(2, ctx.locale), columns: 3 + T3_NCOLS, header, rows: [], found: !!t3 && t3.rows.size > 0 };
  if (!view.found) return view;
  const leaves = leafRows(model);
  const row = (key: T3Row, labels: TableViewLabel[]): TableViewRow => {
    const r = t3!.rows.get(key);
    const cells = [...Array(T3_NCOLS).keys()].map((col) => {
      const ref: CellRef | undefined = r ? { table: 't3', row: key, col, cell: r.cells[col] } : undefined;
      const id = `t3:${key}:${col}`;
      const name = cellName({ table: 't3', row: key, col }, ctx.locale);
      if (!ref) return missingCell(id, name);
      return viewCell(ctx, id, ref.cell, name, cellValue(ref).status === 'ok', ref);
    });
    return r ? { key, labels, cells } : { key, labels, cells, missing: true };
  };
  view.rows.push(row('new', [{ text: T3_ROW_DEF.get('new')!.label, colSpan: 3 }]));
  view.rows.push(row('carried', [{ text: T3_ROW_DEF.get('carried')!.label, colSpan: 3 }]));
  // 三、本年度办理结果 spans every leaf row and （七）总计; each group label spans its leaves.
  let lastGroup: string | undefined;
  leaves.forEach((key, i) => {
    const def = T3_ROW_DEF.get(key)!;
    const labelCells: TableViewLabel[] = [];
    if (i === 0) labelCells.push({ text: T3_RESULTS, rowSpan: leaves.length + 1 });
    if (def.group) {
      if (def.group !== lastGroup) {
        const n = leaves.filter((k) => T3_ROW_DEF.get(k)!.group === def.group).length;
        labelCells.push(withSpan<TableViewLabel>({ text: def.group }, n));
      }
      labelCells.push({ text: def.label });
    } else {
      labelCells.push({ text: def.label, colSpan: 2 });
    }
    lastGroup = def.group;
    view.rows.push(row(key, labelCells));
  });
  view.rows.push(row('total', [{ text: T3_ROW_DEF.get('total')!.label, colSpan: 2 }]));
  view.rows.push(row('forward', [{ text: T3_ROW_DEF.get('forward')!.label, colSpan: 3 }]));
  return view;
}

// ---- table 四 -------------------------------------------------------------------------------

function table4(ctx: Ctx, analysis: Analysis): TableView {
  const t4 = analysis.report.table4;
  const header: TableViewLabel[][] = [
    [{ text: '行政复议', colSpan: 5 }, { text: '行政诉讼', colSpan: 10 }],
    [...T4_PARTS.map((text) => ({ text, rowSpan: 2 })), { text: '未经复议直接起诉', colSpan: 5 }, { text: '复议后起诉', colSpan: 5 }],
    [...T4_PARTS, ...T4_PARTS].map((text) => ({ text })),
  ];
  const found = !!t4 && t4.cells.length === T4_NCOLS;
  const view: TableView = { id: 't4', title: title(3, ctx.locale), columns: T4_NCOLS, header, rows: [], found };
  if (!found) return view;
  const cells = t4!.cells.map((cell, col) => {
    const ref: CellRef = { table: 't4', row: 't4', col, cell };
    return viewCell(ctx, refKey(ref), cell, cellName(ref, ctx.locale), cellValue(ref).status === 'ok', ref);
  });
  view.rows.push({ key: 't4', labels: [], cells });
  return view;
}

// ---- equations ------------------------------------------------------------------------------

function equationLabel(eq: Equation, locale: Locale): string {
  switch (eq.kind) {
    case 'row-total':
      return tr(locale, `${rowName(eq.at as T3Row, locale)}：总计 = 六类申请人之和`, `${rowName(eq.at as T3Row, locale)}: total = sum of the six applicant columns`);
    case 'column-total':
      return tr(locale, `${colName(eq.at as number, locale)}列：（七）总计 = 各办理结果之和`, `Column ${colName(eq.at as number, locale)}: (VII) total = sum of the outcome rows`);
    case 'balance':
      return tr(locale, `${colName(eq.at as number, locale)}列：一 + 二 = （七）总计 + 四`, `Column ${colName(eq.at as number, locale)}: I + II = (VII) total + IV`);
    case 'group-total':
      return tr(
        locale,
        `${T4_GROUPS[eq.at as number]}：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计`,
        `${T4_GROUPS_EN[eq.at as number]}: upheld + corrected + other + pending = total`,
      );
  }
}

const shown = (ref: CellRef): string => (cellValue(ref).status === 'ok' ? String(cellValue(ref).value) : ref.cell.raw || '□');

function equationView(eq: Equation, solution: Solution, locale: Locale): EquationView {
  const state = solution.states.find((s) => s.eq === eq)!;
  const left = eq.parts;
  const right = [eq.total, ...eq.rhsOthers];
  const sum = (refs: CellRef[]) => refs.reduce((a, r) => a + (cellValue(r).value ?? 0), 0);
  const expr = (refs: CellRef[]) => refs.map(shown).join(' + ');
  let formula: string;
  let status: EquationView['state'];
  if (state.residual === undefined) {
    status = 'unknown';
    formula = `${expr(left)} = ${expr(right)}`;
  } else if (state.residual === 0) {
    status = 'ok';
    formula = `${expr(left)} = ${expr(right)}`;
  } else {
    status = 'violated';
    const side = (refs: CellRef[]) => (refs.length > 1 ? `${expr(refs)} = ${sum(refs)}` : expr(refs));
    formula = `${side(left)} ≠ ${side(right)}`;
  }
  return {
    id: eq.id,
    kind: eq.kind,
    table: eq.total.table,
    label: equationLabel(eq, locale),
    formula,
    state: status,
    ok: status === 'ok',
    target: refKey(eq.total),
    cells: [...left, ...right].map(refKey),
  };
}

// ---- helpers --------------------------------------------------------------------------------

function title(section: number, locale: Locale): string {
  return locale === 'en' ? sectionLabel(section, locale) : sectionName(section);
}

function withSpan<T extends { rowSpan?: number; colSpan?: number }>(x: T, rowSpan?: number, colSpan?: number): T {
  if (rowSpan && rowSpan > 1) x.rowSpan = rowSpan;
  if (colSpan && colSpan > 1) x.colSpan = colSpan;
  return x;
}
