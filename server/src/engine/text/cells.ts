// One line → cells, each with its own original-offset range (content trimmed), split as the
// line's layout says (text/layouts/). The Cell itself and its classification: text/cell.ts.
import type { Cell } from './cell';
import { splitFixedWidth } from './layouts/fixedWidth';
import { splitSeparated } from './layouts/separated';
import type { Line } from './lines';
import { isSpaceCode } from './normalize';

export type { Cell, CellKind } from './cell';
export { classify, NO_CELLS } from './cell';
export { isProseRow } from './layouts/fixedWidth';

/**
 * The cells of a line, split as its layout says — once: the line keeps them (`Line.cells`), so the
 * parser's several questions about one row (its label, its values, its row name, its positions)
 * split it once, and nothing outlives the text the line belongs to.
 */
export function splitCells(line: Line): readonly Cell[] {
  return (line.cells ??= splitCellsUncached(line));
}

/**
 * No table row is this long (the widest, table 四's, is a few hundred characters). A longer line
 * is one text cell: splitting a 5 MB line of `1 2 3 …` into millions of cells took seconds.
 */
export const MAX_ROW_CHARS = 10000;

function splitCellsUncached(line: Line): readonly Cell[] {
  if (line.text.length > MAX_ROW_CHARS) {
    let s = 0;
    let e = line.text.length;
    while (s < e && isSpaceCode(line.text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(line.text.charCodeAt(e - 1))) e--;
    return [{ start: line.start + s, end: line.start + e, raw: line.text.slice(s, e), kind: 'text', num: undefined }];
  }
  const layout = line.layout;
  if (layout === 'tab') return splitSeparated(line, false);
  if (layout === 'pipe') return splitSeparated(line, true);
  return splitFixedWidth(line);
}
