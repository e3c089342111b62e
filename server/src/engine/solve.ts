// Evaluating the equations: residuals, locating the one wrong cell, values that blanks must hold.
import type { CellRef, Equation } from './equations';
import { countOfCell } from './count';
import { NO_REFS, terms } from './equations';

export type CellStatus = 'ok' | 'blank' | 'invalid';

/**
 * The arithmetic value of a table-三/四 cell: a non-negative integer, or unknown. A blank the
 * table uses for 0 (blankZeros.ts, marked on the equations' refs) is 0.
 */
export function cellValue(ref: CellRef): { status: CellStatus; value?: number } {
  const c = ref.cell;
  if (c.kind === 'blank') return ref.zero ? ZERO : BLANK;
  const v = refValue(ref);
  return v === undefined ? INVALID : { status: 'ok', value: v };
}

const BLANK = Object.freeze({ status: 'blank' as const });
const INVALID = Object.freeze({ status: 'invalid' as const });
const ZERO = Object.freeze({ status: 'ok' as const, value: 0 });

export interface EqState {
  eq: Equation;
  /** Σ parts − total − others; defined when every cell is known. */
  residual?: number;
  unknown: readonly CellRef[];
}

export interface Located {
  ref: CellRef;
  current: number;
  expected: number;
  /**
   * The violated equations that cross at this cell. Two or more pin the cell down; one alone
   * (the cell's other equations unknown) only points at it.
   */
  eqs: EqState[];
}

/** Do two or more violated equations cross at the located cell (one alone names a set of cells)? */
export const pinned = (loc: Located): boolean => loc.eqs.length >= 2;

export interface Determined {
  ref: CellRef;
  /** Value every equation with this cell as its only unknown requires; undefined when they disagree. */
  value?: number;
  /** All values required (more than one when equations disagree). */
  values: number[];
  eqs: EqState[];
  /**
   * Some cell the value is computed from lies on a violated equation, so the value may carry that
   * error: a fill-in is then only a suggestion.
   */
  doubtful: boolean;
}

export interface Solution {
  states: EqState[];
  violated: EqState[];
  /** The single cell that explains every violated equation of table 三, when there is one. */
  located?: Located;
  /** Violated equations not explained by `located`. */
  unexplained: EqState[];
  /** Blank or invalid cells that some equation determines. */
  determined: Map<string, Determined>;
}

export const refKey = (r: CellRef): string => `${r.table}:${r.row}:${r.col}`;

/**
 * The value of a ref's cell, or undefined when it is blank or invalid (cellValue without an
 * object); the count buildEquations read when it made the ref, else read now.
 */
function refValue(ref: CellRef): number | undefined {
  const c = ref.count ?? countOfCell(ref.cell);
  return c < 0 ? undefined : c;
}

function evaluate(eq: Equation): EqState {
  // Same order as terms(eq): parts (+1), total (−1), rhsOthers (−1). No closure or array per
  // equation: this runs for ~40 equations on every analysis.
  let sum = 0;
  let unknown: CellRef[] | undefined;
  for (const ref of eq.parts) {
    const v = refValue(ref);
    if (v === undefined) (unknown ??= []).push(ref);
    else sum += v;
  }
  const t = refValue(eq.total);
  if (t === undefined) (unknown ??= []).push(eq.total);
  else sum += -1 * t;
  for (const ref of eq.rhsOthers) {
    const v = refValue(ref);
    if (v === undefined) (unknown ??= []).push(ref);
    else sum += -1 * v;
  }
  return unknown ? { eq, unknown } : { eq, residual: sum, unknown: NO_REFS };
}

function coefOf(eq: Equation, ref: CellRef): number {
  const k = refKey(ref);
  let c = 0;
  for (const t of terms(eq)) if (refKey(t.ref) === k) c += t.coef;
  return c;
}

/** Find the one cell on every violated equation, off every satisfied one, whose change repairs all. */
function locate(violated: EqState[], satisfied: EqState[]): Located | undefined {
  if (violated.length === 0) return undefined;
  const blocked = new Set<string>();
  for (const s of satisfied) for (const t of terms(s.eq)) blocked.add(refKey(t.ref));
  let candidates: Map<string, CellRef> | undefined;
  for (const v of violated) {
    const here = new Map<string, CellRef>();
    for (const t of terms(v.eq)) if (!blocked.has(refKey(t.ref))) here.set(refKey(t.ref), t.ref);
    candidates = candidates ? new Map([...candidates].filter(([k]) => here.has(k))) : here;
  }
  const found: Located[] = [];
  for (const ref of candidates!.values()) {
    let delta: number | undefined;
    let ok = true;
    for (const v of violated) {
      const coef = coefOf(v.eq, ref);
      if (coef === 0) { ok = false; break; }
      const d = -v.residual! / coef;
      if (!Number.isInteger(d) || (delta !== undefined && d !== delta)) { ok = false; break; }
      delta = d;
    }
    const current = cellValue(ref).value!;
    if (ok && delta !== undefined && current + delta >= 0) found.push({ ref, current, expected: current + delta, eqs: violated });
  }
  return found.length === 1 ? found[0] : undefined;
}

export function solve(equations: Equation[]): Solution {
  // One pass (this runs on every analysis): states, the violated ones, and for table 三 — whose
  // cells lie on two or three equations, where a wrong cell can be located — violated and
  // satisfied. Table 四's equations are single.
  const states: EqState[] = new Array(equations.length);
  const violated: EqState[] = [];
  const v3: EqState[] = [];
  const satisfied3: EqState[] = [];
  for (let i = 0; i < equations.length; i++) {
    const s = evaluate(equations[i]);
    states[i] = s;
    if (s.residual === undefined) continue;
    const t3 = s.eq.kind !== 'group-total';
    if (s.residual !== 0) {
      violated.push(s);
      if (t3) v3.push(s);
    } else if (t3) satisfied3.push(s);
  }
  const located = locate(v3, satisfied3);
  const unexplained = located ? violated.filter((s) => s.eq.kind === 'group-total') : violated;

  const determined = new Map<string, Determined>();
  for (const s of states) {
    if (s.unknown.length !== 1) continue;
    const ref = s.unknown[0];
    // Solve Σ known + coef·x = 0 for x.
    let known = 0;
    for (const t of terms(s.eq)) if (refKey(t.ref) !== refKey(ref)) known += t.coef * cellValue(t.ref).value!;
    const coef = coefOf(s.eq, ref);
    const x = -known / coef;
    const key = refKey(ref);
    const d = determined.get(key) ?? { ref, values: [], eqs: [], doubtful: false };
    d.eqs.push(s);
    if (!d.values.includes(x)) d.values.push(x);
    determined.set(key, d);
  }
  const suspects = determined.size && violated.length ? cellsOn(violated) : undefined;
  for (const d of determined.values()) {
    d.value = d.values.length === 1 && Number.isInteger(d.values[0]) && d.values[0] >= 0 ? d.values[0] : undefined;
    if (suspects) d.doubtful = d.eqs.some((s) => terms(s.eq).some((t) => t.ref !== d.ref && suspects.has(refKey(t.ref))));
  }
  return { states, violated, located, unexplained, determined };
}

/** The keys of the cells on some of `states`' equations. */
function cellsOn(states: EqState[]): Set<string> {
  const keys = new Set<string>();
  for (const s of states) for (const t of terms(s.eq)) keys.add(refKey(t.ref));
  return keys;
}
