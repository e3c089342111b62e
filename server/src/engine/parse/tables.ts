// Table rows: recognising the rows of tables 二, 三 and 四 in any line layout.
import type { Cell } from '../text/cells';
import { NO_CELLS, splitCells } from '../text/cells';
import type { Line } from '../text/lines';
import { isSpaceCode, labelKey, toHalfWidth } from '../text/normalize';
import type { T2SubTable, T3Row, TemplateVersion } from '../template';
import { T2, T3_ROW_DEF, T3_ROWS } from '../template';

export interface RowCells {
  label: readonly Cell[];
  values: readonly Cell[];
}

/**
 * Label cells are the text cells before the first number; everything after the last of them is a
 * value cell (so a word typed into a number cell stays a value cell, and is reported as invalid).
 */
export function rowCells(line: Line): RowCells {
  const cells = splitCells(line);
  let last = -1;
  for (let i = 0; i < cells.length && cells[i].kind !== 'number'; i++) if (cells[i].kind === 'text') last = i;
  // A prose line is one text cell: no copies (most lines of a report).
  if (last === cells.length - 1 && last === 0) return { label: cells[0].raw !== '' ? cells : [], values: NO_CELLS };
  return { label: nonEmpty(cells, 0, last + 1), values: last < 0 ? cells : cells.slice(last + 1) };
}

/** cells[from..to) without empty cells (one pass, no intermediate copy). */
function nonEmpty(cells: readonly Cell[], from: number, to: number): Cell[] {
  const out: Cell[] = [];
  for (let i = from; i < to; i++) if (cells[i].raw !== '') out.push(cells[i]);
  return out;
}

export function hasValues(values: readonly Cell[]): boolean {
  for (let i = 0; i < values.length; i++) if (values[i].raw !== '') return true;
  return false;
}

function stripNumbering(key: string): string {
  return key.replace(/^(?:\d+|[一二三四五六七八九十]+)/, '');
}

/**
 * Which table-三 row a written label names — matchT3(labelKey(raw)) — remembered per label text
 * for one parse: the parser asks about the same row label several times (its row name, its
 * cells, a wrapped neighbour). One per parseReport; nothing outlives the parse.
 */
export class T3Names {
  private readonly known = new Map<string, T3Row | undefined>();

  ofText(raw: string): T3Row | undefined {
    if (this.known.has(raw)) return this.known.get(raw);
    const key = matchT3(labelKey(raw));
    this.known.set(raw, key);
    return key;
  }
}

function matchT3(key: string): T3Row | undefined {
  if (key === '') return undefined;
  const bare = stripNumbering(key);
  for (const def of T3_ROWS) {
    if (def.exact && (def.exact.includes(key) || def.exact.includes(bare))) return def.key;
  }
  for (const def of T3_ROWS) {
    if (def.needles.some((n) => key.includes(n))) return def.key;
  }
  return undefined;
}

/**
 * Split a table-三 line at its rightmost cell that names a row, so a word typed into a number
 * cell stays a value (reported as invalid) instead of becoming part of the label. `row`:
 * rowCells(line), when the caller has it.
 */
export function t3RowCells(names: T3Names, line: Line, row: RowCells = rowCells(line)): RowCells & { key?: T3Row } {
  const cells = splitCells(line);
  for (let i = cells.length - 1; i >= 0; i--) {
    if (cells[i].kind !== 'text') continue;
    const key = t3RowOfCell(names, cells[i].raw);
    if (!key) continue;
    // Split where rowCells split (the usual row: its label, then its numbers): the same lists.
    if (i + 1 === cells.length - row.values.length) return { key, label: row.label, values: row.values };
    return { key, label: nonEmpty(cells, 0, i + 1), values: cells.slice(i + 1) };
  }
  return row;
}

/**
 * The last column of a fixed-width label cell: its text after the last run of two or more spaces
 * (`(六) 其他处理      1.申请人无正当理由…` → `1.申请人无正当理由…`), or undefined when it has no such run.
 */
function lastLabelColumn(raw: string): string | undefined {
  let i = raw.length;
  while (i > 0 && isSpaceCode(raw.charCodeAt(i - 1))) i--;
  for (; i > 1; i--) {
    if (isSpaceCode(raw.charCodeAt(i - 1)) && isSpaceCode(raw.charCodeAt(i - 2))) return raw.slice(i).trimEnd();
  }
  return undefined;
}

/** The row a label cell names: its last column first (fixed-width text puts the label columns in one cell), then all of it. */
function t3RowOfCell(names: T3Names, raw: string): T3Row | undefined {
  const column = lastLabelColumn(raw);
  return (column !== undefined ? names.ofText(column) : undefined) ?? names.ofText(raw);
}

/** Which table-三 row a label names: the last label cell decides, then the whole label. */
export function t3RowOf(names: T3Names, label: readonly Cell[]): T3Row | undefined {
  if (label.length === 0) return undefined;
  const last = t3RowOfCell(names, label[label.length - 1].raw);
  if (last || label.length === 1) return last; // one cell: the whole label is that cell
  return names.ofText(label.map((c) => c.raw).join(''));
}

const T2_HEADER = /第二十条\s*第?\s*[(（]?\s*([一二三四五六七八九十]+)\s*[)）]?\s*项/;

export function t2HeaderItem(line: Line): string | undefined {
  if (!line.text.includes('第二十条')) return undefined; // cheap exit: toHalfWidth keeps these characters
  const m = T2_HEADER.exec(toHalfWidth(line.text));
  return m ? m[1] : undefined;
}

export function t2SubTable(item: string, version: TemplateVersion): T2SubTable | undefined {
  const other: TemplateVersion = version === 'F2021' ? 'F2019' : 'F2021';
  return T2[version].find((t) => t.item === item) ?? T2[other].find((t) => t.item === item);
}

/** The template row of a table-二 sub-table that a label names. */
export function t2RowOf(sub: T2SubTable, label: readonly Cell[]): string | undefined {
  if (label.length === 0) return undefined;
  const key = labelKey(label[0].raw);
  if (key === '') return undefined;
  const keys = sub.rowKeys;
  for (let i = 0; i < keys.length; i++) {
    const rk = keys[i];
    if (key === rk || key.endsWith(rk) || rk.endsWith(key)) return sub.rows[i];
  }
  return undefined;
}

/** A line that opens table 四 (its header), not prose. */
export function isT4Header(line: Line): boolean {
  const t = line.text;
  if (!t.includes('议') || /[。；]/.test(t)) return false; // cheap exit: the key must hold 行政复议
  const k = labelKey(t);
  return k.length <= 60 && k.includes('行政复议') && (k.includes('行政诉讼') || k.includes('结果维持') || k.length <= 8);
}

export function isT3Anchor(line: Line): boolean {
  return line.text.includes('稽') && labelKey(line.text).includes('勾稽关系'); // cheap exit first
}

/** A label key without its leading numbering (`1`, `一`, `七`…). */
const bareKey = (raw: string): string => stripNumbering(labelKey(raw));

/**
 * Does the label write out the whole template label of `key` (its last column, for fixed-width
 * text) — not a part of it, as pdftotext's wrapped labels are? Used before a label alone on its
 * line is read as a row left wholly blank.
 */
export function namesT3RowInFull(label: readonly Cell[], key: T3Row): boolean {
  if (label.length === 0) return false;
  const raw = label[label.length - 1].raw;
  const text = lastLabelColumn(raw) ?? raw;
  const def = T3_ROW_DEF.get(key)!;
  const got = bareKey(text);
  return got === bareKey(def.label) || (def.exact ?? []).some((e) => got === stripNumbering(e));
}

/** A line's last column: its text after the last run of two or more spaces (all of it, trimmed, when it has none). */
export function lastColumnOf(text: string): string {
  return lastLabelColumn(text) ?? text.trim();
}

/** The most characters a wrapped label may carry between two characters of a row's needle (a group label's `其他处`). */
const MAX_WRAP_GAP = 3;

/** Do the needle's characters stand in `key` in order, with at most MAX_WRAP_GAP others between each two? */
function spreadIncludes(key: string, needle: string): boolean {
  for (let start = key.indexOf(needle[0]); start >= 0; start = key.indexOf(needle[0], start + 1)) {
    let at = start;
    let k = 1;
    for (; k < needle.length; k++) {
      const next = key.indexOf(needle[k], at + 1);
      if (next < 0 || next - at - 1 > MAX_WRAP_GAP) break;
      at = next;
    }
    if (k === needle.length) return true;
  }
  return false;
}

/**
 * The row a label joined from the lines around a row of numbers names (pdftotext wraps labels
 * and interleaves the group label's characters with them): as any label, else by a needle of
 * four or more characters whose characters stand in order a few apart.
 */
export function t3RowOfWrapped(names: T3Names, joined: string): T3Row | undefined {
  const key = names.ofText(joined);
  if (key) return key;
  const k = labelKey(joined);
  for (const def of T3_ROWS) if (def.needles.some((n) => n.length >= 4 && spreadIncludes(k, n))) return def.key;
  return undefined;
}
