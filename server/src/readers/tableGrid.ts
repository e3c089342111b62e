// A table with merged cells (HTML colspan/rowspan, Word w:gridSpan/w:vMerge) as TAB rows, the way
// Word's copy gives them: every grid position one cell, a merged cell's text at its first position
// and empty cells at the other positions it covers.
import type { SourcePlace } from './types';

export interface SourceCell {
  text: string;
  /** Grid columns it covers (≥ 1). */
  colspan: number;
  /** Rows it covers (≥ 1); Word's vMerge continuation cells are given as cells of their own instead. */
  rowspan: number;
  sourceLine?: number;
}

export interface GridLinePiece {
  text: string;
  place?: SourcePlace;
}

/**
 * Lays the rows out on the table's grid. `table` is the table's 1-based number in the document;
 * each piece of cell text carries its place (row and grid column, 1-based).
 */
export function tableLines(table: number, rows: readonly (readonly SourceCell[])[]): GridLinePiece[][] {
  // Positions taken by rowspans from rows above: row index → set of columns.
  const taken = new Map<number, Set<number>>();
  const lines: GridLinePiece[][] = [];
  rows.forEach((cells, r) => {
    const busy = taken.get(r) ?? new Set<number>();
    const line: GridLinePiece[] = [];
    let col = 0;
    let first = true;
    const emptyCell = () => {
      if (!first) line.push({ text: '\t' });
      first = false;
    };
    const skipBusy = () => {
      while (busy.has(col)) {
        emptyCell();
        col++;
      }
    };
    for (const cell of cells) {
      skipBusy();
      const span = Math.max(1, Math.min(cell.colspan, 1000));
      if (!first) line.push({ text: '\t' });
      first = false;
      line.push({ text: cell.text, place: { kind: 'cell', table, row: r + 1, column: col + 1, ...(cell.sourceLine ? { sourceLine: cell.sourceLine } : {}) } });
      for (let k = 1; k < span; k++) line.push({ text: '\t' });
      const down = Math.max(1, Math.min(cell.rowspan, 1000));
      for (let d = 1; d < down && r + d < rows.length; d++) {
        let set = taken.get(r + d);
        if (!set) taken.set(r + d, (set = new Set()));
        for (let k = 0; k < span; k++) set.add(col + k);
      }
      col += span;
    }
    skipBusy();
    lines.push(line);
  });
  return lines;
}

/** A cell's text as one line: whitespace runs (line breaks, NBSP, ideographic spaces kept) to one space, trimmed. */
export function cellText(parts: readonly string[]): string {
  return parts
    .map((p) => p.replace(/[\u00a0]/g, '').replace(/[ \t\r\n\f\v]+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join(' ');
}
