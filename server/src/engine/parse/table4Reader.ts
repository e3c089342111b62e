// Table 四 read as a grid: one data row of 15 numbers under the header's three groups of
// 结果维持 … 总计, placed on the header's columns by where its cells sit (a table that leaves its
// zeros blank still reads), else as a full row, else counted from the right (not certain).
import type { ShapeIssue, Table4 } from '../model';
import type { Cell } from '../text/cells';
import { lineRowGeometry } from '../text/cellPositions';
import { orderRowGeometry } from '../text/layouts/oneCellPerLine';
import type { Line } from '../text/lines';
import { T4_NCOLS } from '../template';
import type { OffsetRange } from '../types';
import type { Grid } from './grid';
import { fitsOf, isAligned, placeRow } from './grid';
import { candidateHeaderLines, t4HeaderGrid } from './gridHeader';

/** The most lines above the data row read as table 四's header (its three header rows, wrapped). */
const MAX_HEADER_LINES = 8;

/** The columns table 四's header names: its lines from `headerFrom` up to the data row, of the row's kind of layout. */
export function t4Grid(lines: readonly Line[], headerFrom: number, row: Line): Grid | undefined {
  if (headerFrom < 0) return undefined;
  const header = candidateHeaderLines(lines, Math.max(headerFrom, row.index - MAX_HEADER_LINES), row.index, row.layout === 'space');
  return t4HeaderGrid(header);
}

export interface T4Read {
  table4?: Table4;
  shapeIssues: ShapeIssue[];
}

/**
 * Place table 四's data row. `values`: its cells (on `line`, or one per line below it when
 * `vertical`); `rowRange`: what a shape finding points at when the row cannot be placed.
 */
export function readT4Row(line: Line, values: readonly Cell[], vertical: boolean, grid: Grid | undefined, rowRange: OffsetRange): T4Read {
  const geometry = vertical ? orderRowGeometry(line, values) : lineRowGeometry(line, [], values);
  const fits = grid ? fitsOf(geometry, grid) : [];
  const m = placeRow(geometry, T4_NCOLS, grid, fits, isAligned([fits]));
  const shapeIssues: ShapeIssue[] = [];
  let table4: Table4 | undefined;
  if (m.cells) {
    // Fixed-width text whose line stops before the last column: that column may be empty, or the
    // row lost a value further left and its later numbers slid one column left (a number deleted
    // with its padding). Table 四's groups, one equation each, cannot tell: not read for certain
    // (before: the slid group's 总计 was "determined" and a 15th number written).
    const endsEarly = !vertical && line.layout === 'space' && m.cells[T4_NCOLS - 1].raw === '';
    table4 = { range: { start: line.start, end: Math.max(line.end, values[values.length - 1].end) }, line: line.index, cells: m.cells, certain: m.certain && !endsEarly };
  } else {
    const found = values.filter((c) => c.raw !== '').length;
    shapeIssues.push({ table: 't4', kind: m.ambiguous ? 'ambiguous' : 'short', range: rowRange, row: '', expected: T4_NCOLS, found, readBy: m.by });
  }
  if (m.extra.length) {
    const range = { start: m.extra[0].start, end: m.extra[m.extra.length - 1].end };
    shapeIssues.push({ table: 't4', kind: 'extra', range, row: '', expected: T4_NCOLS, found: T4_NCOLS + m.extra.length, readBy: m.by });
  }
  return { table4, shapeIssues };
}
