// Where a row's cells sit, in the units its layout lines columns up by (text/layouts/: a cell
// index, a display column, an order), and the labelled cells of a header row. parse/grid.ts
// places rows on a table's columns by these positions.
import type { Cell } from './cell';

/** An interval of layout units, both ends included: a cell index (from = to) or display columns. */
export interface Span {
  from: number;
  to: number;
}

/** A cell of a row with where it sits in the layout. */
export interface PositionedCell {
  cell: Cell;
  at: Span;
}

/** A data row as the reader found it: its value cells (blanks included where the layout has them) and where its label ends. */
export interface RowGeometry {
  values: PositionedCell[];
  /** Layout position of the label's last character (−∞ when the row has no label cell). */
  labelEnd: number;
  /** The row's last position: a tab or pipe row has no cell past its last one (∞ where unknown). */
  extent: number;
  /** A blank cell for a column the row has no cell in (zero-length, where the column would be). */
  blankAt(span: Span): Cell;
}

/** The longest column label, with its spaces (`法律 服务 机构`, `其他 结 果`), and some room. */
export const MAX_HEADER_LABEL = 16;

/** The first characters of the column labels of tables 三 and 四 (自然人 商业企业 … 总计; 结果维持 … 尚未审结). */
const COLUMN_LABEL_FIRST = '自商科社法其总结尚';

/** Could this cell's text be a column label? Short, and starting as one does (without building its key). */
export function mayLabelColumn(raw: string): boolean {
  return raw.length > 0 && raw.length <= MAX_HEADER_LABEL && COLUMN_LABEL_FIRST.includes(raw[0]);
}

/** A header cell: its label key and where it sits. */
export interface HeaderCell {
  key: string;
  at: Span;
}

