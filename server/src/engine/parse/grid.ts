// A table read as a grid. The header rows name the template's columns, each at a place in the
// layout's own units — the cell index of a tab or pipe row, the display column of fixed-width
// text — and each data row is placed on those columns by where its cells are, not by counting.
// A row that fits no way, or more than one way, is not placed: that is reported, never resolved
// by a guess. Counting cells from the right (rowShape.mapRight) is the fallback when there is no
// grid, and a row read that way is not read for certain (no determined fix on its cells).
import type { Cell } from '../text/cells';
import type { PositionedCell, RowGeometry, Span } from '../text/positions';
import { mapRight } from './rowShape';

export interface Grid {
  /** One span per template column, in template order, each left of the next. */
  columns: Span[];
  /** Tab and pipe rows may sit shifted whole by merged cells (a Word copy adds or drops them). */
  shifts: boolean;
}

/** How a row was placed: by the grid; as a full row (its values span exactly the columns); by counting from the right. */
export type PlacedBy = 'grid' | 'full' | 'right';

export interface Placement {
  /** One cell per template column (blank where the row has none); absent when the row cannot be placed. */
  cells?: Cell[];
  /** Placed by the grid or as a full row: no guess was involved. */
  certain: boolean;
  by: PlacedBy;
  /** Values no column claims, left of the first column (an extra 0 left by a merged cell). */
  extra: readonly Cell[];
  /** The row fits the grid in more than one way (blanks at its ends). */
  ambiguous?: boolean;
  /** Fewer cells than columns and no grid to place them. */
  short?: boolean;
}

/** One way the row fits the grid: its values on the columns shifted by `shift`. */
export interface Fit {
  shift: number;
  cells: (Cell | undefined)[];
  extra: readonly Cell[];
}

/** Shifts a tab or pipe row is tried at, nearest first. */
const SHIFTS = [0, 1, -1, 2, -2, 3, -3];

const overlaps = (a: Span, b: Span, shift: number): boolean => a.from <= b.to + shift && a.to >= b.from + shift;

/** Every way the row's filled cells land on the grid's columns, one value per column. */
export function fitsOf(row: RowGeometry, grid: Grid): Fit[] {
  const n = grid.columns.length;
  const out: Fit[] = [];
  for (const shift of grid.shifts ? SHIFTS : [0]) {
    // The label must lie left of the first column, and the row reach its last one.
    if (grid.shifts && row.labelEnd >= grid.columns[0].from + shift) continue;
    if (row.extent < grid.columns[n - 1].to + shift) continue;
    // …nor start after its first one: a tab row has no cell before its first either (a table-四 row,
    // with no label, one value short would otherwise read shifted whole, its first column an
    // invented blank whose fill-in lands glued to the line's last number).
    if (grid.shifts && grid.columns[0].from + shift < 0) continue;
    const fit = fitAt(row, grid, shift, n);
    if (fit) out.push(fit);
  }
  return out;
}

function fitAt(row: RowGeometry, grid: Grid, shift: number, n: number): Fit | undefined {
  const cells: (Cell | undefined)[] = new Array(n).fill(undefined);
  let extra: Cell[] | undefined;
  for (const v of row.values) {
    if (v.cell.raw === '') continue;
    const column = columnOf(v.at, grid, shift);
    if (column === STRADDLES) return undefined;
    if (column < 0) {
      if (v.at.to < grid.columns[0].from + shift) (extra ??= []).push(v.cell);
      else return undefined; // a value in a column the header does not name
      continue;
    }
    if (cells[column]) return undefined; // two values in one column
    cells[column] = v.cell;
  }
  // A value left of the columns while a column has none may be that column's own value, moved
  // (a fixed-width row whose numbers stand left of their labels): which is extra is not known.
  if (extra && cells.includes(undefined)) return undefined;
  return { shift, cells, extra: extra ?? NO_EXTRA };
}

const NO_EXTRA: readonly Cell[] = Object.freeze([]);
const STRADDLES = -2;

/** The column a cell at `at` stands in when the grid is shifted by `shift`: −1 for none, STRADDLES for two. */
function columnOf(at: Span, grid: Grid, shift: number): number {
  let column = -1;
  for (let k = 0; k < grid.columns.length; k++) {
    if (!overlaps(at, grid.columns[k], shift)) continue;
    if (column >= 0) return STRADDLES;
    column = k;
  }
  return column;
}

/**
 * Does the table sit on its header's columns as written? True unless some row fits only when
 * shifted (a Word copy's merged cells). In an aligned table a row that also fits shifted (blanks
 * at its ends) is read where the header says; otherwise such a row is ambiguous.
 */
export function isAligned(fitsPerRow: readonly Fit[][]): boolean {
  return fitsPerRow.every((fits) => fits.length === 0 || fits.some((f) => f.shift === 0));
}

/** The row's cells from its first to its last value, when they are exactly `n`: one way to read it. */
function spanOfValues(values: PositionedCell[], n: number): Cell[] | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    if (values[i].cell.raw === '') continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0 || last - first + 1 !== n) return undefined;
  return values.slice(first, last + 1).map((v) => v.cell);
}

/**
 * Place one row: on the grid when it fits one way, else as a full row, else counted from the right.
 * `aligned`: the table sits on its header as written (isAligned).
 */
export function placeRow(row: RowGeometry, n: number, grid: Grid | undefined, fits: Fit[], aligned: boolean): Placement {
  const filled = row.values.filter((v) => v.cell.raw !== '').length;
  // A row left wholly blank has nothing to place: every column is blank.
  if (filled === 0) {
    // Without a grid, the row's own last n cells when it has them (their blank ranges), else new ones.
    const own = row.values.length >= n ? row.values.slice(-n).map((v) => v.at) : undefined;
    const columns = grid?.columns ?? own ?? Array.from({ length: n }, (_, k) => ({ from: k, to: k }));
    const cells = complete(row, columns, { shift: 0, cells: new Array(n).fill(undefined), extra: [] });
    // Certain only when every blank is in the text (an empty cell of the row, or spaces to write
    // in): a label alone has none, and every fill-in would land glued to it (`（七）总计142016`).
    const inText = cells.every((c) => c.fill !== undefined || row.values.some((v) => v.cell === c));
    return { cells, certain: inText, by: grid ? 'grid' : 'full', extra: [] };
  }
  if (grid && fits.length) {
    const chosen = chooseFit(fits, aligned);
    if (chosen) return { cells: complete(row, grid.columns, chosen), certain: true, by: 'grid', extra: chosen.extra };
    if (filled < n) return { certain: false, by: 'grid', extra: [], ambiguous: true };
  }
  const full = spanOfValues(row.values, n);
  // Without a grid a full row reads one way; against a grid it does not fit, only a row with
  // every cell written is still certain (a blank inside it could be the header's phantom column).
  if (full && (!grid || full.every((c) => c.raw !== ''))) return { cells: full, certain: true, by: 'full', extra: [] };
  const m = mapRight(row.values.map((v) => v.cell), n);
  return { cells: m.cells, certain: false, by: 'right', extra: m.extra, ambiguous: m.ambiguous, short: m.short };
}

/**
 * The fit to read: the unshifted one in an aligned table, else the only one with the fewest extras.
 * (Rows of the same shape are no guide: a Word copy shifts rows of one shape differently.)
 */
function chooseFit(fits: Fit[], aligned: boolean): Fit | undefined {
  if (aligned) {
    const asWritten = fits.find((f) => f.shift === 0);
    if (asWritten) return asWritten;
  }
  const fewest = Math.min(...fits.map((f) => f.extra.length));
  const best = fits.filter((f) => f.extra.length === fewest);
  return best.length === 1 ? best[0] : undefined;
}

/** The fit's cells with a blank cell in every column the row has no value in (its own empty cell there, if any). */
function complete(row: RowGeometry, columns: readonly Span[], fit: Fit): Cell[] {
  return columns.map((col, k) => {
    const have = fit.cells[k];
    if (have) return have;
    const shifted = { from: col.from + fit.shift, to: col.to + fit.shift };
    const own = row.values.find((v) => v.cell.raw === '' && overlaps(v.at, col, fit.shift));
    return own ? own.cell : row.blankAt(shifted);
  });
}
