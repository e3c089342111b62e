// The report model: what the text says, mapped onto the template. Built by parse/report.ts.
import type { Cell } from './text/cells';
import type { Line } from './text/lines';
import type { PlacedBy } from './parse/grid';
import type { T2SubTable, T3Row, TemplateVersion } from './template';
import type { OffsetRange } from './types';

export interface Section {
  index: number; // 0..5 (一…六)
  heading: { start: number; end: number; text: string; numeral: string; canonical: boolean };
  /** Heading line start to the next recognised heading (or end of text). */
  range: OffsetRange;
  lineIndex: number;
  subHeadings: { start: number; end: number; text: string }[];
}

export interface Title {
  text: string;
  range: OffsetRange;
}

export interface Year {
  value: number;
  range: OffsetRange;
  source: 'title' | 'period' | 'body';
}

export interface ShapeIssue {
  range: OffsetRange;
  table: 't3' | 't4' | 't2';
  kind: 'extra' | 'short' | 'ambiguous';
  /** Row label for messages. */
  row: string;
  expected: number;
  found: number;
  /** How the row was read (parse/grid.ts): by the header's columns, as a full row, or counted from the right. */
  readBy?: PlacedBy;
}

/** A table row whose cells are glued together (`规范性文件898989`): left out, never split by guess. */
export interface UnparsedRow {
  range: OffsetRange;
  table: 't2' | 't3' | 't4';
  /** Row label for messages ('' for the table-四 data row). */
  row: string;
  /** The text that cannot be split: the label with its digits, or one cell holding several numbers. */
  glued: OffsetRange;
  /** label: `规范性文件898989`; numbers: `0 0` in one cell, or `00` where a number is missing. */
  kind: 'label' | 'numbers';
}

export interface T3RowModel {
  key: T3Row;
  line: number;
  labelRange: OffsetRange;
  /** Exactly 7 entries (rows that cannot be placed on the columns are not in the model). */
  cells: Cell[];
  /**
   * Placed for certain: by the header's columns or as a full row. False when counted from the
   * right with a guess (extra cells dropped): no determined fix on its cells. Absent = certain.
   */
  certain?: boolean;
}

export interface Table3 {
  range: OffsetRange;
  rows: Map<T3Row, T3RowModel>;
}

export interface Table4 {
  range: OffsetRange;
  line: number;
  cells: Cell[]; // 15
  /** Placed for certain (see T3RowModel.certain). Absent = certain. */
  certain?: boolean;
}

export interface T2RowModel {
  sub: T2SubTable;
  label: string;
  labelRange: OffsetRange;
  line: number;
  /** One per template column of the sub-table (may be fewer if the row is short). */
  cells: (Cell | undefined)[];
}

export interface Table2 {
  range: OffsetRange;
  rows: T2RowModel[];
}

export interface VersionInfo {
  /** From the tables' labels; undefined when no marker was seen. */
  detected?: TemplateVersion;
  markers2019: OffsetRange[];
  markers2021: OffsetRange[];
}

export interface ReportModel {
  lines: Line[];
  title?: Title;
  year?: Year;
  version: VersionInfo;
  sections: Section[];
  table2?: Table2;
  table3?: Table3;
  table4?: Table4;
  shapeIssues: ShapeIssue[];
  unparsedRows: UnparsedRow[];
  eol: string;
}
