// Every number cell of tables 二, 三 and 四, with its name and what kind of value it must hold.
import type { CellRef } from './equations';
import { withCertainty } from './equations';
import type { ReportModel } from './model';
import { cellName, tr } from './names';
import type { Cell } from './text/cells';
import type { T2ValueKind, T3Row } from './template';
import { t2ValueKind } from './template';
import type { Locale } from './types';

export interface TableCell {
  readonly cell: Cell;
  /** Set for tables 三 and 四 (cells on equations). */
  readonly ref?: CellRef;
  readonly kind: T2ValueKind;
  readonly name: string;
}

// Two rules and hover ask for the same model's cells: built once per model and locale.
const built = new WeakMap<ReportModel, { locale: Locale; cells: TableCell[] }>();

export function tableCells(model: ReportModel, locale: Locale): TableCell[] {
  const hit = built.get(model);
  if (hit && hit.locale === locale) return hit.cells;
  const cells = buildTableCells(model, locale);
  built.set(model, { locale, cells });
  return cells;
}

/**
 * A cell whose name is only spelled out when a message needs it (most cells never do). Plain
 * fields, no closure per cell: a report has ~250 of them and they are built on every analysis.
 */
class LazyNamedCell implements TableCell {
  private spelled?: string;
  constructor(
    readonly cell: Cell,
    readonly kind: T2ValueKind,
    readonly ref: CellRef | undefined,
    private readonly locale: Locale,
    /** Table 二: the row label and column (tables 三/四 are named from `ref`). */
    private readonly t2?: { label: string; column: string },
  ) {}
  get name(): string {
    if (this.spelled === undefined) {
      const t2 = this.t2;
      this.spelled = t2 ? tr(this.locale, `${t2.label}·${t2.column}`, `${t2.label} · ${t2.column}`) : cellName(this.ref!, this.locale);
    }
    return this.spelled;
  }
}

function buildTableCells(model: ReportModel, locale: Locale): TableCell[] {
  const out: TableCell[] = [];
  for (const row of model.table2?.rows ?? []) {
    row.cells.forEach((cell, i) => {
      if (!cell) return;
      const column = row.sub.columns[i];
      out.push(new LazyNamedCell(cell, t2ValueKind(column), undefined, locale, { label: row.label, column }));
    });
  }
  for (const row of model.table3?.rows.values() ?? []) {
    const uncertain = row.certain === false;
    row.cells.forEach((cell, col) => out.push(new LazyNamedCell(cell, 'count', withCertainty({ table: 't3', row: row.key, col, cell }, uncertain), locale)));
  }
  const t4 = model.table4;
  t4?.cells.forEach((cell, col) => out.push(new LazyNamedCell(cell, 'count', withCertainty({ table: 't4', row: 't4', col, cell }, t4.certain === false), locale)));
  return out;
}

/** The cells of the row a table-三/四 cell is in (table 四 is one row): what a fix's digit style follows. */
export function rowCellsOf(model: ReportModel, ref: CellRef): readonly Cell[] {
  if (ref.table === 't4') return model.table4?.cells ?? [];
  return model.table3?.rows.get(ref.row as T3Row)?.cells ?? [];
}

/** A cell where a number belongs that is blank (or holds a blank mark such as / or —). */
export function isBlankNumberCell(cell: Cell, kind: T2ValueKind): boolean {
  return cell.kind === 'blank' && kind !== 'free';
}

/** A filled cell that does not hold what its column allows. */
export function isInvalidCell(cell: Cell, kind: T2ValueKind): boolean {
  return cell.kind !== 'blank' && !validFor(kind, cell);
}

const BLANK = 1;
const INVALID = 2;
const flagsOf = new WeakMap<ReportModel, number>();

/**
 * Which of BLANK / INVALID some number cell of tables 二/三/四 is: one walk of the model, shared
 * by the two cell rules, without building the named cells — a report with nothing to say about
 * its cells (the common case) costs no allocation.
 */
function cellFlags(model: ReportModel): number {
  const known = flagsOf.get(model);
  if (known !== undefined) return known;
  let flags = 0;
  for (const row of model.table2?.rows ?? []) {
    const cells = row.cells;
    const kinds = row.sub.columnKinds;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell) flags |= flagOf(cell, kinds[i]);
    }
  }
  for (const row of model.table3?.rows.values() ?? []) {
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) flags |= flagOf(cells[i], 'count');
  }
  const t4 = model.table4?.cells ?? [];
  for (let i = 0; i < t4.length; i++) flags |= flagOf(t4[i], 'count');
  flagsOf.set(model, flags);
  return flags;
}

/** BLANK or INVALID when the cell is so for a column of `kind`, else 0. */
function flagOf(cell: Cell, kind: T2ValueKind): number {
  return isBlankNumberCell(cell, kind) ? BLANK : isInvalidCell(cell, kind) ? INVALID : 0;
}

/** Is some number cell blank? */
export const hasBlankNumberCell = (model: ReportModel): boolean => (cellFlags(model) & BLANK) !== 0;
/** Is some filled number cell invalid for its column? */
export const hasInvalidCell = (model: ReportModel): boolean => (cellFlags(model) & INVALID) !== 0;

/** Does a non-blank cell hold what its column allows? */
export function validFor(kind: T2ValueKind, cell: Cell): boolean {
  if (kind === 'free') return true;
  if (cell.kind !== 'number') return false;
  const n = cell.num!;
  if (kind === 'count') return isCount(n);
  if (kind === 'signed') return /^[+-]?\d+$/.test(n);
  return /^\+?\d+(?:\.\d+)?$/.test(n); // money
}

/** /^\+?\d+$/ as a loop (every table cell goes through it on every analysis). */
function isCount(n: string): boolean {
  const from = n.charCodeAt(0) === 0x2b ? 1 : 0;
  if (from >= n.length) return false;
  for (let i = from; i < n.length; i++) {
    const c = n.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
