// One line → cells, each with its own original-offset range (content trimmed).
import type { Line } from './lines';
import { toHalfWidth } from './normalize';

export type CellKind = 'number' | 'blank' | 'text';

export interface Cell {
  /** Trimmed content range (for an empty cell: a zero-length range at the separator). */
  start: number;
  end: number;
  raw: string;
  kind: CellKind;
  /** Normalised numeric text (half-width, separators removed) when kind is 'number'. */
  num?: string;
}

export type Layout = 'tab' | 'pipe' | 'space';

const WS = /[\s\u3000\u00a0\f]/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLACEHOLDER = /^(?:[\/／\\]|[-－—–―]{1,2}|—{2}|无|空)$/;

export function classify(raw: string): { kind: CellKind; num?: string } {
  if (raw === '') return { kind: 'blank' };
  const h = toHalfWidth(raw).replace(/[\s\u3000]+/g, '');
  if (NUMBER.test(h)) return { kind: 'number', num: h };
  if (GROUPED.test(h)) return { kind: 'number', num: h.replace(/,/g, '') };
  if (PLACEHOLDER.test(raw.trim())) return { kind: 'blank' };
  return { kind: 'text' };
}

function makeCell(text: string, from: number, to: number, base: number): Cell {
  let s = from;
  let e = to;
  while (s < e && WS.test(text[s])) s++;
  while (e > s && WS.test(text[e - 1])) e--;
  const raw = text.slice(s, e);
  const c = classify(raw);
  return { start: base + s, end: base + e, raw, ...c };
}

export function layoutOf(text: string): Layout {
  if (text.includes('\t')) return 'tab';
  if (text.includes('|') || text.includes('｜')) return 'pipe';
  return 'space';
}

/** Split by a separator character set; keeps empty cells (merged cells become empty cells). */
function splitBy(line: Line, isSep: (ch: string) => boolean, dropOuterPipes: boolean): Cell[] {
  const t = line.text;
  const cells: Cell[] = [];
  let from = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || isSep(t[i])) {
      cells.push(makeCell(t, from, i, line.start));
      from = i + 1;
    }
  }
  if (dropOuterPipes) {
    if (cells.length > 1 && cells[0].raw === '' && /^\s*[|｜]/.test(t)) cells.shift();
    if (cells.length > 1 && cells[cells.length - 1].raw === '' && /[|｜]\s*$/.test(t)) cells.pop();
  }
  return cells;
}

/**
 * Whitespace layout (pdftotext, web text): the label is everything before the trailing run of
 * number-like tokens; each trailing token is a cell.
 */
function splitSpace(line: Line): Cell[] {
  const t = line.text;
  const tokens: { s: number; e: number }[] = [];
  let i = 0;
  while (i < t.length) {
    while (i < t.length && WS.test(t[i])) i++;
    if (i >= t.length) break;
    const s = i;
    while (i < t.length && !WS.test(t[i])) i++;
    tokens.push({ s, e: i });
  }
  let k = tokens.length;
  while (k > 0) {
    const raw = t.slice(tokens[k - 1].s, tokens[k - 1].e);
    const c = classify(raw);
    if (c.kind === 'number' || (c.kind === 'blank' && raw !== '无' && raw !== '空')) k--;
    else break;
  }
  const cells: Cell[] = [];
  if (k > 0) cells.push(makeCell(t, tokens[0].s, tokens[k - 1].e, line.start));
  for (let j = k; j < tokens.length; j++) cells.push(makeCell(t, tokens[j].s, tokens[j].e, line.start));
  return cells;
}

export function splitCells(line: Line): { layout: Layout; cells: Cell[] } {
  const layout = layoutOf(line.text);
  if (layout === 'tab') return { layout, cells: splitBy(line, (c) => c === '\t', false) };
  if (layout === 'pipe') return { layout, cells: splitBy(line, (c) => c === '|' || c === '｜', true) };
  return { layout, cells: splitSpace(line) };
}
