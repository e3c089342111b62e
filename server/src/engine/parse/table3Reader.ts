// Table 三 read as a grid. The parser hands over each row it recognises (its label and where its
// cells sit); when the table is done, the header lines give the columns and every row is placed
// on them at once — whether a row that also fits shifted is read as written depends on the whole
// table (isAligned), so rows cannot be placed one by one as they come.
import type { ShapeIssue, Table3 } from '../model';
import type { RowGeometry } from '../text/positions';
import type { Line } from '../text/lines';
import type { T3Row } from '../template';
import { T3_NCOLS, t3RowName } from '../template';
import type { OffsetRange } from '../types';
import type { Fit, Grid } from './grid';
import { fitsOf, isAligned, placeRow } from './grid';
import { bandGrid, candidateHeaderLines, fullRowsAgree, t3HeaderGrid } from './gridHeader';

/** How a row's positions are counted: cell indexes (tab, pipe), display columns, or value order. */
export type RowUnits = 'index' | 'display' | 'order';

interface PendingRow {
  line: Line;
  key: T3Row;
  labelRange: OffsetRange;
  geometry: RowGeometry;
  units: RowUnits;
}

/** The most header lines read above the first row when the table has no 勾稽关系 anchor line. */
const MAX_HEADER_LINES = 8;

export class Table3Reader {
  private readonly rows: PendingRow[] = [];
  /** Line index of the 勾稽关系 anchor (the header's first line), when seen. */
  private anchor?: number;

  noteAnchor(lineIndex: number): void {
    if (this.anchor === undefined) this.anchor = lineIndex;
  }

  /** Has a row with this key been handed over (the first one of a key is the one read)? */
  has(key: T3Row): boolean {
    return this.rows.some((r) => r.key === key);
  }

  add(line: Line, key: T3Row, labelRange: OffsetRange, geometry: RowGeometry, units: RowUnits): void {
    this.rows.push({ line, key, labelRange, geometry, units });
  }

  /** Place every row on the table's grid: rows into `table.rows`, rows that cannot be placed into `shapeIssues`. */
  finish(lines: readonly Line[], table: Table3, shapeIssues: ShapeIssue[]): void {
    if (this.rows.length === 0) return;
    const grids = new Map<RowUnits, Grid | undefined>();
    for (const units of ['index', 'display'] as const) grids.set(units, this.gridFor(units, lines));
    const fits: Fit[][] = this.rows.map((r) => {
      const grid = grids.get(r.units);
      return grid ? fitsOf(r.geometry, grid) : [];
    });
    const aligned = new Map<RowUnits, boolean>();
    for (const units of ['index', 'display'] as const) aligned.set(units, isAligned(fits.filter((_, i) => this.rows[i].units === units)));


    this.rows.forEach((r, i) => {
      const p = placeRow(r.geometry, T3_NCOLS, grids.get(r.units), fits[i], aligned.get(r.units) ?? false);
      const row = t3RowName(r.key);
      if (p.extra.length) {
        shapeIssues.push({ table: 't3', kind: 'extra', range: { start: p.extra[0].start, end: p.extra[p.extra.length - 1].end }, row, expected: T3_NCOLS, found: T3_NCOLS + p.extra.length, readBy: p.by });
      }
      if (!p.cells) {
        const found = r.geometry.values.filter((v) => v.cell.raw !== '').length;
        shapeIssues.push({ table: 't3', kind: p.ambiguous ? 'ambiguous' : 'short', range: r.labelRange, row, expected: T3_NCOLS, found, readBy: p.by });
      } else if (!table.rows.has(r.key)) {
        table.rows.set(r.key, { key: r.key, line: r.line.index, labelRange: r.labelRange, cells: p.cells, certain: p.certain });
      }
    });
  }

  /** The columns for rows counted in `units`: the header's, else (fixed-width) the full rows'. */
  private gridFor(units: RowUnits, lines: readonly Line[]): Grid | undefined {
    const rows = this.rows.filter((r) => r.units === units);
    if (rows.length === 0 || units === 'order') return undefined;
    const first = this.rows[0].line.index;
    const from = this.anchor !== undefined && this.anchor < first ? this.anchor : Math.max(0, first - MAX_HEADER_LINES);
    const header = candidateHeaderLines(lines, from, first, units === 'display');
    const fromHeader = t3HeaderGrid(header);
    if (units === 'index') return fromHeader;
    const geometries = rows.map((r) => r.geometry);
    if (fromHeader && !fromHeader.shifts && fullRowsAgree(fromHeader, geometries, T3_NCOLS)) return fromHeader;
    return bandGrid(geometries, T3_NCOLS);
  }
}
