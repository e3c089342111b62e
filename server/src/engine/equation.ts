// An equation of the 勾稽关系 and the table cells it adds up: the plain data that equations.ts
// builds and solve.ts, blankZeros.ts, the rules and the views read.
import type { Cell } from './text/cells';
import type { T3Row } from './template';

export type EquationKind = 'balance' | 'row-total' | 'column-total' | 'group-total';

/** A cell of tables 三 or 四, addressed by table, row and column. */
export interface CellRef {
  table: 't3' | 't4';
  row: T3Row | 't4';
  col: number;
  cell: Cell;
  /**
   * The cell's count, read once by buildEquations (a cell lies on two or three equations): −1 when
   * it is blank or not a count (0 for a blank read as 0). Absent on refs made elsewhere (solve
   * reads the cell then).
   */
  count?: number;
  /** A blank cell the arithmetic reads as 0, as the table uses its blanks (blankZeros.ts). */
  zero?: boolean;
  /**
   * The reading placed the cell's row by a guess (T3RowModel.certain / Table4.certain false): a
   * change to it is a suggestion, never a determined fix.
   */
  uncertain?: boolean;
}

export interface Term {
  ref: CellRef;
  coef: 1 | -1;
}

export interface Equation {
  id: string; // e.g. H2:r1, H3:3, H1:0, H4:1
  kind: EquationKind;
  /** Table-三 row (H2), column index (H1, H3) or group index (H4). */
  at: T3Row | number;
  /** The cell the equation's total sits in (reported on when the wrong cell can't be located). */
  total: CellRef;
  /** Terms whose sum must equal the total (the "parts"). */
  parts: CellRef[];
  /** For balance (H1): the right-hand side besides the total, i.e. 四[C]; the left is parts. */
  rhsOthers: CellRef[];
}

/** A table's cells on equations, row by row (table 四 is one row), for blankZeros.ts. */
export interface RefTable {
  table: 't3' | 't4';
  rows: CellRef[][];
}
