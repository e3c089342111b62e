// Blanks as real tables use them (spec §6, last paragraph): which blank cells of tables 三 and 四
// the arithmetic reads as 0. Decided once, when the equations are built, by setting the shared
// refs' count — so solve, the rules, hover and the table view all see the same values.
//
// - A table that writes no 0 at all and has blanks (blank-for-zero style): its blanks are 0.
// - A table that writes its zeros: only the blanks of a row left wholly blank (a merged value cell,
//   e.g. （六）2 and 3 under a value written once for 其他处理) are 0; other blanks stay unknown.
// - Never a blank total whose parts are written (some non-blank): that is a missing total, left
//   unknown so its value is determined (cell-blank fills it in).
// - Never where the equations whose cells are written say otherwise: a blank that is the only
//   blank of a violated equation whose other cells are all written, where the equation needs a
//   positive count there and none of those cells is on another violated equation (the violation
//   is not a wrong cell elsewhere), is a missing number, left unknown.
import type { CellRef, Equation, RefTable } from './equation';

/** How a table uses its blanks, when it uses them for 0. */
export type BlankStyle =
  /** The table writes no 0 at all: every blank stands for 0. */
  | 'blank-for-zero'
  /** The table writes its zeros but leaves some rows wholly blank (a merged value cell). */
  | 'blank-rows';

/** The blanks of one table that the arithmetic reads as 0. */
export interface BlankReading {
  table: 't3' | 't4';
  style: BlankStyle;
  /** The blanks read as 0, in the order of the text (never empty). */
  zeros: CellRef[];
}

/** The readings of the tables of one equation list (buildEquations' result). */
const readings = new WeakMap<Equation[], BlankReading[]>();

const NO_READINGS: readonly BlankReading[] = Object.freeze([]);

/** The tables whose blanks the arithmetic of `equations` reads as 0 (none in a table writing every number). */
export function blankReadings(equations: Equation[]): readonly BlankReading[] {
  return readings.get(equations) ?? NO_READINGS;
}

/**
 * Decide which blanks of `tables` are 0 and mark their refs (`zero`, count 0). Called by
 * buildEquations with the equations over those refs; remembered for blankReadings(equations).
 */
export function readBlanks(tables: RefTable[], equations: Equation[]): void {
  const found: { table: RefTable['table']; style: BlankStyle; zeros: CellRef[] }[] = [];
  for (const t of tables) {
    const chosen = candidates(t.rows);
    if (!chosen) continue;
    const zeros = withoutMissingTotals(chosen.refs, equations);
    for (const ref of zeros) markZero(ref);
    found.push({ table: t.table, style: chosen.style, zeros });
  }
  if (found.length === 0) return;
  for (const ref of missingNumbers(equations)) unmarkZero(ref);
  const kept: BlankReading[] = [];
  for (const f of found) {
    const zeros = f.zeros.filter((r) => r.zero).sort((a, b) => a.cell.start - b.cell.start);
    if (zeros.length) kept.push({ table: f.table, style: f.style, zeros });
  }
  if (kept.length) readings.set(equations, kept);
}

/** The blanks that may stand for 0, by the table's style; undefined when there are none. */
function candidates(rows: CellRef[][]): { style: BlankStyle; refs: CellRef[] } | undefined {
  let writesZeros = false;
  let hasBlank = false;
  for (const row of rows) {
    for (const ref of row) {
      if (ref.cell.kind === 'blank') hasBlank = true;
      else if (ref.count === 0) writesZeros = true;
    }
  }
  if (!hasBlank) return undefined;
  if (!writesZeros) return { style: 'blank-for-zero', refs: rows.flatMap((row) => row.filter(isBlank)) };
  const refs = rows.filter((row) => row.every(isBlank)).flat();
  return refs.length ? { style: 'blank-rows', refs } : undefined;
}

const isBlank = (ref: CellRef): boolean => ref.cell.kind === 'blank';

/** The candidates less the blank totals whose parts are written: those totals are missing, not 0. */
function withoutMissingTotals(refs: CellRef[], equations: Equation[]): CellRef[] {
  const missing = new Set<CellRef>();
  for (const eq of equations) {
    if (eq.kind === 'balance' || !isBlank(eq.total)) continue; // a balance has no total of its own
    if (eq.parts.some((p) => !isBlank(p))) missing.add(eq.total);
  }
  return missing.size ? refs.filter((r) => !missing.has(r)) : refs;
}

function markZero(ref: CellRef): void {
  ref.zero = true;
  ref.count = 0;
}

function unmarkZero(ref: CellRef): void {
  ref.zero = false;
  ref.count = -1;
}

/** The cells of an equation with their sign: parts +1, total and the balance's others −1. */
function signedCells(eq: Equation): { ref: CellRef; sign: 1 | -1 }[] {
  return [...eq.parts.map((ref) => ({ ref, sign: 1 as const })), { ref: eq.total, sign: -1 as const }, ...eq.rhsOthers.map((ref) => ({ ref, sign: -1 as const }))];
}

/** Σ sign·count with the blanks as read; undefined when some cell is unknown. */
function residual(eq: Equation): number | undefined {
  let sum = 0;
  for (const { ref, sign } of signedCells(eq)) {
    const v = ref.count ?? -1;
    if (v < 0) return undefined;
    sum += sign * v;
  }
  return sum;
}

/**
 * Blanks read as 0 that a written equation says are a missing number: each the only blank of a
 * violated equation whose other cells are written, which needs a positive count there, while no
 * other cell of that equation is on another violated equation.
 */
function missingNumbers(equations: Equation[]): CellRef[] {
  const violated: Equation[] = [];
  const violations = new Map<CellRef, number>(); // violated equations per cell
  for (const eq of equations) {
    const r = residual(eq);
    if (r === undefined || r === 0) continue;
    violated.push(eq);
    for (const { ref } of signedCells(eq)) violations.set(ref, (violations.get(ref) ?? 0) + 1);
  }
  const out: CellRef[] = [];
  for (const eq of violated) {
    const cells = signedCells(eq);
    const zeros = cells.filter((c) => c.ref.zero);
    if (zeros.length !== 1) continue;
    const blank = zeros[0];
    const needed = -residual(eq)! * blank.sign; // blank.sign·x + residual = 0
    const explainedElsewhere = cells.some((c) => c !== blank && violations.get(c.ref)! > 1);
    if (needed > 0 && !explainedElsewhere) out.push(blank.ref);
  }
  return out;
}
