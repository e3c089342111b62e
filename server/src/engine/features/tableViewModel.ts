// The table preview's data: plain JSON the server sends in reply to `zfxxgk/tableView` and the
// client renders as grids. Types only (the client imports this file; nothing here runs).
import type { Range } from 'vscode-languageserver-types';

/**
 * ok: a number that fits its column · wrong: the cell an arithmetic problem is reported on
 * (the located wrong cell, or a total that does not add up) · blank: empty, `/`, `—` ·
 * invalid: text, a negative or decimal count · missing: the row is not in the text (no range).
 */
export type CellState = 'ok' | 'wrong' | 'blank' | 'invalid' | 'missing';

export interface TableViewCell {
  /** Stable id: `t3:<row>:<col>` (t3, t4: as the engine's cell keys), `t2:<item>:<row>:<col>`. */
  id: string;
  /** The text of the cell as written ('' for an empty cell). */
  raw: string;
  /** Its value when it is a number. */
  value?: number;
  /** Where the cell is in the document (a zero-length range for an empty cell); absent when missing. */
  range?: Range;
  state: CellState;
  /** The value the tables' arithmetic determines for this cell, when exactly one value is possible. */
  expected?: number;
  /** The problems reported on this cell (the diagnostics' messages), joined. */
  message?: string;
  /** Human name, e.g. 「（四）无法提供 › 1.本机关不掌握相关政府信息·自然人」. */
  name: string;
  /** Grid columns this cell spans (table 二 sub-tables narrower than the grid). */
  colSpan?: number;
}

/** A header cell (`<th>`) with the template's merges. */
export interface TableViewLabel {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

export interface TableViewRow {
  /** Template row key (t3: 'new', 'r4.1', …; t2: the row label; t4: 't4'); absent on header-only rows. */
  key?: string;
  /** Label cells left of the numbers (with spans; a row may have none, as in table 四). */
  labels: TableViewLabel[];
  cells: TableViewCell[];
  /** True when the template row was not found in the text. */
  missing?: boolean;
}

export interface TableView {
  id: 't2' | 't3' | 't4';
  /** The section heading the table belongs to, e.g. 「三、收到和处理政府信息公开申请情况」. */
  title: string;
  /** Number of grid columns (labels + numbers). */
  columns: number;
  /** Header rows (`<thead>`), the template's merged headers. */
  header: TableViewLabel[][];
  rows: TableViewRow[];
  /** False when the table was not found in the text (then rows is empty). */
  found: boolean;
}

export type EquationView = {
  /** Engine equation id: H1:<col> balance, H2:<row> row total, H3:<col> column total, H4:<group>. */
  id: string;
  kind: 'balance' | 'row-total' | 'column-total' | 'group-total';
  table: 't3' | 't4';
  /** What the equation says, e.g. 「（一）予以公开 行合计」. */
  label: string;
  /** The equation with the document's values, e.g. 「1 + 0 + 0 + 0 + 0 + 0 = 1」 (□ for an unknown cell). */
  formula: string;
  /** ok: holds · violated: does not hold · unknown: a cell is blank or not a number. */
  state: 'ok' | 'violated' | 'unknown';
  ok: boolean;
  /** The cell the equation's total is in (what a click selects). */
  target: string;
  /** Every cell on the equation. */
  cells: string[];
};

export interface TableViewModel {
  uri: string;
  /** Document version the model describes. */
  version: number;
  locale: 'zh-CN' | 'en';
  /** Report title as written, if found. */
  title?: string;
  /** Template version the tables follow: 'F2021' | 'F2019'. */
  template: 'F2019' | 'F2021';
  tables: TableView[];
  equations: EquationView[];
  /** Counts over all cells of the tables. */
  counts: { wrong: number; blank: number; invalid: number; missing: number };
}
