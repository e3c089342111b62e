// The 勾稽关系 as data. Each equation: Σ coef·cell = 0, with one "total" cell it is reported on.
import type { ReportModel } from './model';
import type { CellRef, Equation, RefTable, Term } from './equation';
import { readBlanks } from './blankZeros';
import { countOfCell } from './count';
import type { Cell } from './text/cells';
import type { T3Row } from './template';
import { T3_LEAVES_F2019, T3_LEAVES_F2021, T3_NCOLS, T3_ROWS, T3_TOTAL_COL, T4_NCOLS } from './template';

export type { CellRef, Equation, EquationKind, RefTable, Term } from './equation';

/** Σ coef·value over all terms, written as left side minus right side. */
export function terms(eq: Equation): Term[] {
  return [
    ...eq.parts.map((ref) => ({ ref, coef: 1 as const })),
    { ref: eq.total, coef: -1 as const },
    ...eq.rhsOthers.map((ref) => ({ ref, coef: -1 as const })),
  ];
}

export function leafRows(model: ReportModel): T3Row[] {
  const rows = model.table3?.rows;
  if (!rows) return [];
  // A report whose （六）其他处理 has numbers of its own uses the single F2019 row.
  if (rows.has('r6') && !rows.has('r6.1') && !rows.has('r6.2') && !rows.has('r6.3')) return T3_LEAVES_F2019;
  return T3_LEAVES_F2021;
}

/** The shared empty list of refs (frozen: never mutated): rhsOthers of every equation but H1. */
export const NO_REFS: readonly CellRef[] = Object.freeze([]);

// Equation ids, spelled once (not per analysis).
const H2_IDS = new Map<string, string>(T3_ROWS.map((r) => [r.key, `H2:${r.key}`]));
const H3_IDS = Array.from({ length: T3_NCOLS }, (_, c) => `H3:${c}`);
const H1_IDS = Array.from({ length: T3_NCOLS }, (_, c) => `H1:${c}`);
const H4_IDS = [0, 1, 2].map((g) => `H4:${g}`);

/** Position of each leaf row in its template's list of leaves. */
const leafIndex = (leaves: readonly T3Row[]) => new Map<T3Row, number>(leaves.map((r, i) => [r, i]));
const LEAF_INDEX_F2021 = leafIndex(T3_LEAVES_F2021);
const LEAF_INDEX_F2019 = leafIndex(T3_LEAVES_F2019);

export function buildEquations(model: ReportModel): Equation[] {
  const eqs: Equation[] = [];
  const tables: RefTable[] = [];
  const t3 = model.table3;
  if (t3) {
    const leaves = leafRows(model);
    const leafAt = leaves === T3_LEAVES_F2019 ? LEAF_INDEX_F2019 : LEAF_INDEX_F2021;
    // One CellRef per cell, shared by every equation the cell lies on (a cell is on two or three);
    // the rows the other equations need are kept as they go by (no map of rows per analysis).
    const leafRefs: (CellRef[] | undefined)[] = new Array(leaves.length);
    let total: CellRef[] | undefined;
    let a: CellRef[] | undefined;
    let b: CellRef[] | undefined;
    let f: CellRef[] | undefined;
    const grid: CellRef[][] = [];
    for (const [row, r] of t3.rows) {
      const cells = r.cells;
      const rowRefs: CellRef[] = new Array(T3_NCOLS);
      for (let col = 0; col < T3_NCOLS; col++) rowRefs[col] = t3Ref(row, col, cells[col], r.certain === false);
      grid.push(rowRefs);
      // H2: every present row's 总计 = Σ six applicant columns.
      eqs.push({ id: H2_IDS.get(row)!, kind: 'row-total', at: row, total: rowRefs[T3_TOTAL_COL], parts: rowRefs.slice(0, 6), rhsOthers: [] });
      if (row === 'total') total = rowRefs;
      else if (row === 'new') a = rowRefs;
      else if (row === 'carried') b = rowRefs;
      else if (row === 'forward') f = rowRefs;
      const li = leafAt.get(row);
      if (li !== undefined) leafRefs[li] = rowRefs;
    }
    // H3 needs every leaf row (each row has all 7 cells, so it holds for every column or none).
    let allLeaves = true;
    for (let i = 0; i < leafRefs.length; i++) if (!leafRefs[i]) allLeaves = false;
    if (total) {
      for (let c = 0; c < T3_NCOLS; c++) {
        // H3: （七）总计[C] = Σ leaf rows [C] — only when every leaf row is present.
        if (allLeaves) {
          const parts: CellRef[] = new Array(leafRefs.length);
          for (let i = 0; i < leafRefs.length; i++) parts[i] = leafRefs[i]![c];
          eqs.push({ id: H3_IDS[c], kind: 'column-total', at: c, total: total[c], parts, rhsOthers: [] });
        }
        // H1: 一[C] + 二[C] = （七）总计[C] + 四[C].
        if (a && b && f) eqs.push({ id: H1_IDS[c], kind: 'balance', at: c, total: total[c], parts: [a[c], b[c]], rhsOthers: [f[c]] });
      }
    }
    tables.push({ table: 't3', rows: grid });
  }
  const t4 = model.table4;
  if (t4 && t4.cells.length === T4_NCOLS) {
    const refs = t4.cells.map((cell, col): CellRef => withCertainty({ table: 't4', row: 't4', col, cell, count: countOfCell(cell) }, t4.certain === false));
    for (let g = 0; g < 3; g++) {
      const at = (i: number): CellRef => refs[g * 5 + i];
      eqs.push({ id: H4_IDS[g], kind: 'group-total', at: g, total: at(4), parts: [at(0), at(1), at(2), at(3)], rhsOthers: [] });
    }
    tables.push({ table: 't4', rows: [refs] });
  }
  // Blanks as the tables use them: some are read as 0 (the refs' count), before anything evaluates.
  if (tables.length) readBlanks(tables, eqs);
  return eqs;
}

function t3Ref(row: T3Row, col: number, cell: Cell, uncertain: boolean): CellRef {
  return withCertainty({ table: 't3', row, col, cell, count: countOfCell(cell) }, uncertain);
}

/** The ref, marked uncertain when its row was placed by a guess (no field at all otherwise). */
export function withCertainty(ref: CellRef, uncertain: boolean): CellRef {
  if (uncertain) ref.uncertain = true;
  return ref;
}
