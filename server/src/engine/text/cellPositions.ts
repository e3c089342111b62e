// A row's geometry and a header line's labelled cells, as the line's layout reads them (one
// module per layout in text/layouts/; one cell per line: layouts/oneCellPerLine.ts).
import type { Cell } from './cell';
import { splitCells } from './cells';
import { fixedWidthGeometry, fixedWidthHeaderCells } from './layouts/fixedWidth';
import { separatedGeometry, separatedHeaderCells } from './layouts/separated';
import type { Line } from './lines';
import type { HeaderCell, RowGeometry } from './positions';

/** The geometry of a row whose label and values are all on `line`. */
export function lineRowGeometry(line: Line, label: readonly Cell[], values: readonly Cell[]): RowGeometry {
  if (line.layout === 'space') return fixedWidthGeometry(line, label, values);
  return separatedGeometry(line, splitCells(line), label, values);
}

/** The labelled cells of a header line. */
export function headerCells(line: Line): HeaderCell[] {
  return line.layout === 'space' ? fixedWidthHeaderCells(line) : separatedHeaderCells(splitCells(line));
}
