// Layout converters for the metamorphic tests (issue 12, item 5).
//
// A report's tables reach the checker in many layouts: TAB rows pasted from Word, markdown pipe
// tables, fixed-width columns from PDF text, one cell per line from web pages, CRLF line ends,
// GB18030 files, full-width digits. The same report must give the same findings in each of them.
// These converters take a report whose tables are TAB rows (one row per line, cells separated by
// '\t', a merged cell kept as empty cells) and write the same report in another layout.
//
// Every converter returns the new text and its `segments`: the runs of the tab text that reappear
// in the new text (prose lines and the content of every table cell), each as (tab offset, variant
// offset, length). Inside a segment offsets correspond one to one, so a test can place a mistake
// in the variant exactly where the tab form's cell is (`toVariantOffset`, `cellStarts`), and read a
// finding's range in the variant back as a range of the tab text (`toTabOffset`). The only layout
// whose segment content differs from the tab text is `fullwidth` (0-9 become ０-９, one UTF-16
// unit each, so offsets still correspond).
//
// Input text must use '\n' line ends (the fixtures do); `crlf` is one of the outputs.
import * as iconv from 'iconv-lite';
import { decode } from '../../server/src/cli/files';

export const LAYOUTS = ['tab', 'pipe', 'fixed-left', 'fixed-right', 'vertical', 'crlf', 'gb18030', 'fullwidth'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** A run of `length` UTF-16 units at `from` in the tab text that sits at `to` in the variant. */
export interface Segment {
  from: number;
  to: number;
  length: number;
}

export interface Variant {
  layout: Layout;
  text: string;
  /** In increasing order of both `from` and `to` (every converter keeps the order of the text). */
  segments: Segment[];
  /** Start offset of every non-empty table cell in the tab text → its start offset in the variant. */
  cellStarts: Map<number, number>;
}

// ---------------------------------------------------------------------------------------------
// Reading the tab text: lines, table lines, cells, blocks.

export interface TabCell {
  /** Offsets of the cell's content in the tab text (cells carry no surrounding spaces here). */
  start: number;
  end: number;
  text: string;
}

export interface TabLine {
  start: number;
  /** End of the line's content (before its '\n'). */
  end: number;
  text: string;
  /** Whether a '\n' follows the line (false only for the last line of a text without one). */
  newline: boolean;
  /** The line's cells when it is a table line (contains a TAB), else undefined. */
  cells?: TabCell[];
}

/** The text's lines; a line holding a TAB is a table line, split into its cells (trimmed). */
export function tabLines(text: string): TabLine[] {
  if (text.includes('\r')) throw new Error('layoutVariants: the tab text must use \\n line ends');
  const lines: TabLine[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    lines.push({ start, end, text: line, newline: nl >= 0, cells: line.includes('\t') ? splitCells(line, start) : undefined });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

function splitCells(line: string, lineStart: number): TabCell[] {
  const cells: TabCell[] = [];
  let at = 0;
  for (const raw of line.split('\t')) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const start = lineStart + at + (text ? lead : 0);
    cells.push({ start, end: start + text.length, text });
    at += raw.length + 1;
  }
  return cells;
}

/** Every non-empty cell of every table line of the tab text. */
export function tableCells(text: string): TabCell[] {
  return tabLines(text).flatMap((l) => (l.cells ?? []).filter((c) => c.text !== ''));
}

/** Maximal runs of consecutive table lines, as [first, last] line indexes. */
export function tableBlocks(lines: readonly TabLine[]): [number, number][] {
  const blocks: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].cells) continue;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1].cells) j++;
    blocks.push([i, j]);
    i = j;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Writing a variant: a builder that appends text and records which parts are copied.

class Writer {
  private parts: { text: string; copied: boolean }[] = [];
  length = 0;
  readonly segments: Segment[] = [];

  /** Appends text taken from the tab text at `from` (recorded as a segment). */
  copy(from: number, text: string): void {
    if (text === '') return;
    this.segments.push({ from, to: this.length, length: text.length });
    this.push(text, true);
  }

  /** Appends layout text (separators, padding, line ends) that is not in the tab text. */
  add(text: string): void {
    if (text !== '') this.push(text, false);
  }

  private push(text: string, copied: boolean): void {
    this.parts.push({ text, copied });
    this.length += text.length;
  }

  /** Removes the trailing spaces that `add` wrote at the end of the output (never copied text). */
  trimTrailingSpaces(): void {
    for (let last = this.parts.at(-1); last && !last.copied; last = this.parts.at(-1)) {
      const trimmed = last.text.replace(/ +$/, '');
      this.length -= last.text.length - trimmed.length;
      if (trimmed) {
        last.text = trimmed;
        return;
      }
      this.parts.pop();
    }
  }

  text(): string {
    return this.parts.map((p) => p.text).join('');
  }

  variant(layout: Layout, tab: string): Variant {
    const v: Variant = { layout, text: this.text(), segments: this.segments, cellStarts: new Map() };
    for (const c of tableCells(tab)) v.cellStarts.set(c.start, toVariantOffset(v, c.start, 'start')!);
    return v;
  }
}

/** Copies a line's '\n' (as tab text, so offsets at line ends map too). */
function copyNewline(w: Writer, line: TabLine): void {
  if (line.newline) w.copy(line.end, '\n');
}

/** Writes every line: `table` writes the table lines of a block, other lines are copied. */
function eachLine(text: string, table: (w: Writer, lines: TabLine[], block: [number, number]) => void): Writer {
  const w = new Writer();
  const lines = tabLines(text);
  const blocks = tableBlocks(lines);
  let b = 0;
  for (let i = 0; i < lines.length; i++) {
    if (b < blocks.length && blocks[b][0] === i) {
      table(w, lines, blocks[b]);
      i = blocks[b][1];
      b++;
      continue;
    }
    w.copy(lines[i].start, lines[i].text);
    copyNewline(w, lines[i]);
  }
  return w;
}

// ---------------------------------------------------------------------------------------------
// Display width (what a monospaced PDF text layer or terminal gives a character).

/** East Asian Wide / Fullwidth code points: 2 columns; everything else: 1. */
export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

// ---------------------------------------------------------------------------------------------
// The converters.

/** The tab text itself (identity). */
export function toTab(text: string): Variant {
  const w = new Writer();
  w.copy(0, text);
  return w.variant('tab', text);
}

/** `a\tb\tc` → `| a | b | c |`, with `|---|---|---|` after the first line of each block. */
export function toPipe(text: string): Variant {
  const w = eachLine(text, (w, lines, [first, last]) => {
    for (let i = first; i <= last; i++) {
      const line = lines[i];
      writePipeRow(w, line.cells!);
      if (i === first) w.add('\n|' + '---|'.repeat(line.cells!.length));
      if (i < last || line.newline) w.add('\n');
    }
  });
  return w.variant('pipe', text);
}

function writePipeRow(w: Writer, cells: readonly TabCell[]): void {
  w.add('| ');
  cells.forEach((c, k) => {
    if (k > 0) w.add(' | ');
    w.copy(c.start, c.text);
  });
  w.add(' |');
}

/** Numbers as the fixed-width converters align them: `left` = like text, `right` = flush right. */
export type NumberAlign = 'left' | 'right';
/** Spaces between two columns (pdftotext leaves at least two; one space stays inside a cell). */
export const FIXED_GAP = 2;
const NUMBER_CELL = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Fixed-width columns as PDF text comes: each block's cells padded with spaces to the column's
 * display width (CJK = 2), FIXED_GAP spaces between columns, empty cells as spaces, no trailing
 * spaces. Text cells are left-aligned; number cells left- or right-aligned (`align`).
 */
export function toFixed(text: string, align: NumberAlign): Variant {
  const w = eachLine(text, (w, lines, [first, last]) => {
    const widths = columnWidths(lines.slice(first, last + 1));
    for (let i = first; i <= last; i++) {
      writeFixedRow(w, lines[i].cells!, widths, align);
      if (i < last || lines[i].newline) w.add('\n');
    }
  });
  return w.variant(align === 'left' ? 'fixed-left' : 'fixed-right', text);
}

/** Per column index: the widest cell's display width in the block. */
export function columnWidths(lines: readonly TabLine[]): number[] {
  const widths: number[] = [];
  for (const line of lines) line.cells!.forEach((c, k) => (widths[k] = Math.max(widths[k] ?? 0, displayWidth(c.text))));
  return widths;
}

function writeFixedRow(w: Writer, cells: readonly TabCell[], widths: readonly number[], align: NumberAlign): void {
  cells.forEach((c, k) => {
    // Two spaces inside a cell would read as a column gap: such a cell has no fixed-width form.
    if (c.text.includes('  ')) throw new Error(`layoutVariants: cell ${JSON.stringify(c.text)} holds a run of spaces`);
    if (k > 0) w.add(' '.repeat(FIXED_GAP));
    const pad = ' '.repeat(widths[k] - displayWidth(c.text));
    const right = align === 'right' && NUMBER_CELL.test(c.text);
    if (right) w.add(pad);
    w.copy(c.start, c.text);
    if (!right) w.add(pad);
  });
  w.trimTrailingSpaces();
}

/** One cell per line: each non-empty cell of a table line on its own line, empty cells dropped. */
export function toVertical(text: string): Variant {
  const w = eachLine(text, (w, lines, [first, last]) => {
    const cells = lines.slice(first, last + 1).flatMap((l) => l.cells!.filter((c) => c.text !== ''));
    cells.forEach((c, k) => {
      w.copy(c.start, c.text);
      if (k < cells.length - 1 || lines[last].newline) w.add('\n');
    });
  });
  return w.variant('vertical', text);
}

/** Every '\n' → '\r\n'. */
export function toCrlf(text: string): Variant {
  const w = new Writer();
  for (const line of tabLines(text)) {
    w.copy(line.start, line.text);
    if (line.newline) w.add('\r\n');
  }
  return w.variant('crlf', text);
}

/**
 * The text encoded as GB18030 bytes and read back through the CLI's decoder (server/src/cli/
 * files.ts `decode`, which takes bytes that are not UTF-8 as GB18030). Throws unless the decoder
 * recognised GB18030 and gave back the same text.
 */
export function toGb18030(text: string): Variant & { bytes: Buffer } {
  const bytes = iconv.encode(text, 'gb18030');
  const read = decode(bytes);
  if (!read.ok) throw new Error('layoutVariants: the CLI decoder took the GB18030 bytes for binary');
  if (read.file.encoding !== 'gb18030') throw new Error(`layoutVariants: the CLI decoder read GB18030 bytes as ${read.file.encoding}`);
  const w = new Writer();
  w.copy(0, read.file.text);
  return { ...w.variant('gb18030', text), bytes };
}

const FULLWIDTH_ZERO = 0xff10;

/** ASCII 0-9 → full-width ０-９ (one UTF-16 unit each). */
export function fullwidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(FULLWIDTH_ZERO + d.charCodeAt(0) - 0x30));
}

/** Full-width ０-９ → ASCII 0-9. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(0x30 + d.charCodeAt(0) - FULLWIDTH_ZERO));
}

/** ASCII digits inside table cells → full-width; everything else unchanged. */
export function toFullwidth(text: string): Variant {
  const w = eachLine(text, (w, lines, [first, last]) => {
    for (let i = first; i <= last; i++) {
      const line = lines[i];
      let at = line.start;
      for (const c of line.cells!) {
        w.copy(at, text.slice(at, c.start));
        w.copy(c.start, fullwidthDigits(c.text));
        at = c.end;
      }
      w.copy(at, text.slice(at, line.end));
      copyNewline(w, line);
    }
  });
  return w.variant('fullwidth', text);
}

/** The tab text in `layout`. */
export function convert(text: string, layout: Layout): Variant {
  switch (layout) {
    case 'tab':
      return toTab(text);
    case 'pipe':
      return toPipe(text);
    case 'fixed-left':
      return toFixed(text, 'left');
    case 'fixed-right':
      return toFixed(text, 'right');
    case 'vertical':
      return toVertical(text);
    case 'crlf':
      return toCrlf(text);
    case 'gb18030':
      return toGb18030(text);
    case 'fullwidth':
      return toFullwidth(text);
  }
}

// ---------------------------------------------------------------------------------------------
// Pipe tables → tab (for seed 001, stored as a pipe table), and the separator rows to drop.

const PIPE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Whether a line is a markdown separator row (`|---|---|`). */
export function isPipeSeparator(line: string): boolean {
  return PIPE_SEPARATOR.test(line);
}

/** A table row of a pipe table: two '|' at least (prose may hold one, as in 2021_scj). */
export function isPipeRow(line: string): boolean {
  return line.indexOf('|') !== line.lastIndexOf('|');
}

/**
 * A report whose tables are pipe rows (`a | b | c |`, leading '|' optional) as tab text: each
 * pipe row (isPipeRow) → its cells (trimmed) joined by TAB; separator rows dropped. The returned segments go
 * from the pipe text (`from`) to the tab text (`to`); `cellStarts` is empty.
 */
export function pipeToTab(text: string): { text: string; segments: Segment[] } {
  const w = new Writer();
  const lines = text.split('\n');
  let start = 0;
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    if (isPipeSeparator(line) && line.includes('|')) {
      start += line.length + 1;
      return;
    }
    if (isPipeRow(line)) writeTabRow(w, line, start);
    else w.copy(start, line);
    if (!last) w.copy(start + line.length, '\n');
    start += line.length + 1;
  });
  return { text: w.text(), segments: w.segments };
}

function writeTabRow(w: Writer, line: string, lineStart: number): void {
  const pieces = line.split('|');
  let at = lineStart;
  const cells: { start: number; text: string }[] = [];
  for (const raw of pieces) {
    const lead = raw.length - raw.trimStart().length;
    cells.push({ start: at + lead, text: raw.trim() });
    at += raw.length + 1;
  }
  if (line.trimStart().startsWith('|')) cells.shift();
  if (line.trimEnd().endsWith('|')) cells.pop();
  cells.forEach((c, k) => {
    if (k > 0) w.add('\t');
    w.copy(c.start, c.text);
  });
}

/** Swaps the direction of a segment list (variant → tab becomes tab → variant). */
export function invertSegments(segments: readonly Segment[]): Segment[] {
  return segments.map((s) => ({ from: s.to, to: s.from, length: s.length }));
}

// ---------------------------------------------------------------------------------------------
// Offsets between the tab text and a variant.

/**
 * Where an offset sits relative to copied runs that touch: a start offset is looked up in the run
 * that begins there, an end offset in the run that ends there (a cell's start can be the end of
 * the line break copied before it, which lands elsewhere in the variant).
 */
export type Side = 'start' | 'end';

/** The variant offset of tab offset `offset`, when it lies in (or at the end of) a copied run. */
export function toVariantOffset(v: Pick<Variant, 'segments'>, offset: number, side: Side = 'start'): number | undefined {
  const s = findSegment(v.segments, offset, 'from', side);
  return s ? s.to + (offset - s.from) : undefined;
}

/** The tab offset of variant offset `offset`, when it lies in (or at the end of) a copied run. */
export function toTabOffset(v: Pick<Variant, 'segments'>, offset: number, side: Side = 'start'): number | undefined {
  const s = findSegment(v.segments, offset, 'to', side);
  return s ? s.from + (offset - s.to) : undefined;
}

/** The segment whose [key, key + length] holds `offset` (binary search; segments are ordered). */
function findSegment(segments: readonly Segment[], offset: number, key: 'from' | 'to', side: Side): Segment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (offset < s[key]) hi = mid - 1;
    else if (offset > s[key] + s.length) lo = mid + 1;
    else return touching(segments, mid, offset, key, side);
  }
  return undefined;
}

/** segments[i] holds `offset`; a neighbour that also holds it is taken when `side` asks for it. */
function touching(segments: readonly Segment[], i: number, offset: number, key: 'from' | 'to', side: Side): Segment {
  const s = segments[i];
  const next = segments[i + 1];
  const prev = segments[i - 1];
  if (side === 'start' && offset === s[key] + s.length && next && next[key] === offset) return next;
  if (side === 'end' && offset === s[key] && prev && prev[key] + prev.length === offset) return prev;
  return s;
}
