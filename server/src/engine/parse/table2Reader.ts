// Table 二's rows in fixed-width text, read by the sub-table's header: a blank inside a row of
// pdftotext or hand-aligned text leaves no cell, so the values after it are placed by the
// display columns of 本年制发件数 / 本年废止件数 / 现行有效件数 (or the sub-table's other
// headings), not by their order. Tab and pipe rows keep their empty cells: their order is their
// place. Without a header that names every column, the order stays (as before).
import type { Cell } from '../text/cells';
import { lineRowGeometry } from '../text/cellPositions';
import type { Line } from '../text/lines';
import { labelKey } from '../text/normalize';
import type { T2SubTable } from '../template';
import { fitsOf, placeRow } from './grid';
import { candidateHeaderLines, namedColumnsGrid } from './gridHeader';

/** The most lines between a sub-table's 第二十条 line and a row that are read as its header. */
const MAX_HEADER_LINES = 3;

/**
 * The cells of a fixed-width table-二 row with fewer values than columns, placed under the
 * header's columns; undefined when the header does not name every column or the row does not fit.
 */
export function placeT2Row(lines: readonly Line[], headerFrom: number, line: Line, label: readonly Cell[], values: readonly Cell[], sub: T2SubTable): Cell[] | undefined {
  if (line.layout !== 'space' || headerFrom < 0 || values.length >= sub.columns.length) return undefined;
  const header = candidateHeaderLines(lines, Math.max(headerFrom + 1, line.index - MAX_HEADER_LINES), line.index, true);
  const grid = namedColumnsGrid(header, sub.columns.map(labelKey));
  if (!grid) return undefined;
  const geometry = lineRowGeometry(line, label, values);
  const placed = placeRow(geometry, sub.columns.length, grid, fitsOf(geometry, grid), true);
  return placed.by === 'grid' ? placed.cells : undefined;
}
