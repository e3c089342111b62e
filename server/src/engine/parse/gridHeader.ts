// The grid of a table: its columns found in the header rows by label, as the template names them
// (wrapped, split or spaced labels match by their label key), or — in fixed-width text whose
// header pdftotext has scattered over several lines — lined up by the table's full rows.
import type { HeaderCell, RowGeometry, Span } from '../text/positions';
import { headerCells } from '../text/cellPositions';
import type { Line } from '../text/lines';
import { labelKey } from '../text/normalize';
import { T3_COLUMNS, T4_PARTS } from '../template';
import type { Grid } from './grid';

const T3_COLUMN_KEYS = T3_COLUMNS.map(labelKey);
const T4_PART_KEYS = T4_PARTS.map(labelKey);

/**
 * The non-blank lines lines[from..to) that can be a header for rows of one kind: fixed-width
 * lines for fixed-width rows, tab and pipe lines for tab and pipe rows (their units differ).
 */
export function candidateHeaderLines(lines: readonly Line[], from: number, to: number, fixedWidth: boolean): Line[] {
  return lines.slice(Math.max(0, from), to).filter((l) => l.text.trim() !== '' && (l.layout === 'space') === fixedWidth);
}

/** Is every column left of the next? */
function ordered(columns: Span[]): boolean {
  for (let k = 1; k < columns.length; k++) if (columns[k].from <= columns[k - 1].to) return false;
  return true;
}

/** The header cells of these lines, in reading order. */
const cellsOf = (lines: readonly Line[]): HeaderCell[] => lines.flatMap((l) => headerCells(l));

/** Table 三: 自然人, the five 法人或其他组织 columns and 总计, each the first header cell that names it. */
export function t3HeaderGrid(headerLines: readonly Line[]): Grid | undefined {
  return namedColumnsGrid(headerLines, T3_COLUMN_KEYS);
}

/** The columns whose label keys are `keys`, each at the first header cell that names it; undefined unless all are named, in order. */
export function namedColumnsGrid(headerLines: readonly Line[], keys: readonly string[]): Grid | undefined {
  const cells = cellsOf(headerLines);
  const columns: Span[] = [];
  for (const key of keys) {
    const found = cells.find((c) => c.key === key);
    if (!found) return undefined;
    columns.push(found.at);
  }
  return gridOf(columns, headerLines);
}

/** Table 四: 结果维持 … 总计 three times over (行政复议, then the two 行政诉讼 groups), by position. */
export function t4HeaderGrid(headerLines: readonly Line[]): Grid | undefined {
  const parts = cellsOf(headerLines)
    .filter((c) => T4_PART_KEYS.includes(c.key))
    .sort((a, b) => a.at.from - b.at.from);
  if (parts.length !== T4_PART_KEYS.length * 3) return undefined;
  if (!parts.every((c, i) => c.key === T4_PART_KEYS[i % T4_PART_KEYS.length])) return undefined;
  return gridOf(parts.map((c) => c.at), headerLines);
}

/** A value may start this many display columns left of its header's label in fixed-width text. */
const DISPLAY_SLACK = 1;
/** …and the last column reaches this far right of its label. */
const LAST_COLUMN_REACH = 10;

function gridOf(columns: Span[], lines: readonly Line[]): Grid | undefined {
  if (!ordered(columns)) return undefined;
  // Cell indexes for tab and pipe lines (the caller gives lines of one kind), display columns else.
  if (lines.every((l) => l.layout !== 'space')) return { columns, shifts: true };
  // Fixed-width: a column runs from its label to the next column's label (numbers stand under
  // their label, left-aligned, centred or right-aligned in a column wider than the label).
  const tiled = columns.map((c, k) => ({
    from: c.from - DISPLAY_SLACK,
    to: k + 1 < columns.length ? columns[k + 1].from - DISPLAY_SLACK - 1 : c.to + LAST_COLUMN_REACH,
  }));
  return ordered(tiled) ? { columns: tiled, shifts: false } : undefined;
}

/**
 * Fixed-width text: the columns where the table's full rows (a value in every column) put their
 * values — when those rows agree (each column's values overlap one another and no other column's).
 */
export function bandGrid(rows: readonly RowGeometry[], n: number): Grid | undefined {
  const full = rows.filter((r) => r.values.length === n && r.values.every((v) => v.cell.raw !== ''));
  if (full.length === 0) return undefined;
  const columns: Span[] = [];
  for (let k = 0; k < n; k++) {
    const spans = full.map((r) => r.values[k].at);
    const from = Math.min(...spans.map((s) => s.from));
    const to = Math.max(...spans.map((s) => s.to));
    columns.push({ from, to });
  }
  return ordered(columns) ? { columns, shifts: false } : undefined;
}

/** Do the table's full rows agree with a fixed-width header grid (every value under its column)? */
export function fullRowsAgree(grid: Grid, rows: readonly RowGeometry[], n: number): boolean {
  for (const r of rows) {
    if (r.values.length !== n || r.values.some((v) => v.cell.raw === '')) continue;
    for (let k = 0; k < n; k++) {
      const at = r.values[k].at;
      const col = grid.columns[k];
      if (at.from > col.to || at.to < col.from) return false;
    }
  }
  return true;
}
