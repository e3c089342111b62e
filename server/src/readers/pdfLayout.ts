// A PDF page's text items (strings with positions) → lines of fixed-width text, as
// `pdftotext -layout` gives them: items on one baseline make one line; each item starts at the
// display column (CJK two wide) its x position gives, counted in half the body font size, so the
// numbers of a table row stand under their header labels. A larger gap between lines than the
// page's usual spacing is a blank line (a paragraph break). Pure: no pdfjs here.
import { displayWidth } from '../engine/text/displayWidth';

export interface TextItem {
  str: string;
  /** Left edge and baseline in PDF units (y grows upwards). */
  x: number;
  y: number;
  /** Advance width and font size in PDF units. */
  width: number;
  size: number;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1];
}

export interface LaidOutLine {
  /** The line's text (may be empty: a paragraph break). */
  text: string;
}

/**
 * Lays out one page. `unit` is the width of one display column in PDF units (half the body font
 * size); `left` is the x of column 0. Both are chosen for the whole document (pdfUnit), so a
 * table continued on the next page keeps its columns.
 */
export function layoutPage(items: readonly TextItem[], unit: number, left: number): LaidOutLine[] {
  const visible = items.filter((i) => i.str.trim().length > 0 && i.size > 0);
  if (visible.length === 0) return [];
  // Top to bottom, then left to right.
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; size: number; items: TextItem[] }[] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    // Same baseline (within about half the font size: a table cell centred a little off its row): same line.
    if (row && Math.abs(row.y - it.y) <= Math.max(row.size, it.size) * 0.45) row.items.push(it);
    else rows.push({ y: it.y, size: it.size, items: [it] });
  }
  const gaps: number[] = [];
  for (let i = 1; i < rows.length; i++) gaps.push(rows[i - 1].y - rows[i].y);
  const spacing = median(gaps.filter((g) => g > 0)) || rows[0].size * 1.4;

  const lines: LaidOutLine[] = [];
  rows.forEach((row, i) => {
    if (i > 0 && rows[i - 1].y - row.y > spacing * 1.6) lines.push({ text: '' });
    lines.push({ text: layoutRow(row.items, unit, left) });
  });
  return lines;
}

function layoutRow(items: TextItem[], unit: number, left: number): string {
  items.sort((a, b) => a.x - b.x);
  let text = '';
  let width = 0;
  let prevEnd = -Infinity;
  for (const it of items) {
    const str = it.str.replace(/\s+/g, ' ');
    const col = Math.max(0, Math.round((it.x - left) / unit));
    const gap = it.x - prevEnd;
    if (col > width && gap > unit * 0.6) {
      // A gap in the text: stand at the item's own column (at least one space).
      const pad = Math.max(col - width, 1);
      text += ' '.repeat(pad);
      width += pad;
    } else if (width > 0 && gap > it.size * 0.15 && !text.endsWith(' ') && !str.startsWith(' ')) {
      // Words a little apart (a space the PDF drew as a gap).
      text += ' ';
      width += 1;
    }
    text += str;
    width += displayWidth(str);
    prevEnd = it.x + it.width;
  }
  return text.replace(/\s+$/, '');
}

/** The display column width and left edge for a whole document's items. */
export function pdfUnit(allItems: readonly TextItem[]): { unit: number; left: number } {
  const visible = allItems.filter((i) => i.str.trim().length > 0 && i.size > 0);
  const size = median(visible.map((i) => i.size)) || 12;
  const left = visible.reduce((m, i) => Math.min(m, i.x), visible.length ? Infinity : 0);
  return { unit: size / 2, left };
}
