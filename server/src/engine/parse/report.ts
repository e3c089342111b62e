// Lines → report model: title, year, template version, sections, tables 二/三/四.
import type { ReportModel, Section, ShapeIssue, Table2, Table3, Table4, Title, UnparsedRow, VersionInfo, Year } from '../model';
import type { Line } from '../text/lines';
import { dominantEol, lineIndexAt, splitLines } from '../text/lines';
import { compact, includesCompact, isSpaceCode } from '../text/normalize';
import type { Cell } from '../text/cells';
import { isProseRow, splitCells } from '../text/cells';
import { Occurrences } from '../text/occurrences';
import type { T2SubTable, T3Row, TemplateVersion } from '../template';
import { F2019_MARKERS, F2021_MARKERS, T3_NCOLS, T4_NCOLS, t3RowName, versionForYear } from '../template';
import type { OffsetRange } from '../types';
import { matchHeading, matchSubHeading, type HeadingMatch } from './headings';
import { readT4Row, t4Grid } from './table4Reader';
import { placeT2Row } from './table2Reader';
import { Table3Reader } from './table3Reader';
import { lineRowGeometry } from '../text/cellPositions';
import { gatherValues, orderRowGeometry, verticalLine } from '../text/layouts/oneCellPerLine';
import { hasValues, isT3Anchor, isT4Header, lastColumnOf, namesT3RowInFull, t3RowOfWrapped, rowCells, t2HeaderItem, t2RowOf, t2SubTable, t3RowCells, t3RowOf, T3Names } from './tables';
import { gluedLabel, gluedValue } from './glued';
import { readReportYear } from './years';

/** The line without leading space, # and *, and trailing space and * (char codes: `[\s*]+$` backtracks). */
function trimmedRange(line: Line): OffsetRange {
  const t = line.text;
  let lead = 0;
  while (lead < t.length && (isSpaceCode(t.charCodeAt(lead)) || t.charCodeAt(lead) === 0x23 || t.charCodeAt(lead) === 0x2a)) lead++;
  let end = t.length;
  while (end > 0 && (isSpaceCode(t.charCodeAt(end - 1)) || t.charCodeAt(end - 1) === 0x2a)) end--;
  return { start: line.start + lead, end: line.start + Math.max(lead, end) };
}

/** Web-portal debris on a line that names the report: breadcrumbs, "标题:" fields, PDF page headers. */
const DEBRIS = /[:：>＞]|^\s*(?:Page\s*\d+\s*[-–—]|第\s*\d+\s*页)/i;
const PAGE_HEADER = /^\s*(?:Page\s*\d+\s*[-–—]\s*|第\s*\d+\s*页\s*[-–—]?\s*)/i;

function findTitle(text: string, lines: Line[], before: number): Title | undefined {
  const n = Math.min(before, lines.length);
  const names = (t: string) => {
    const k = compact(t);
    return k.includes('政府信息公开') && (k.includes('年度报告') || k.includes('年报')) && k.length <= 60 && !/[。；]/.test(t);
  };
  // A clean title line wins over one carrying portal debris ("您当前的位置：首页 > … > 政府信息公开年报").
  let i = 0;
  while (i < n && !(names(lines[i].text) && !DEBRIS.test(lines[i].text.replace(PAGE_HEADER, '')))) i++;
  if (i === n) {
    i = 0;
    while (i < n && !names(lines[i].text)) i++;
  }
  if (i === n) return undefined;
  let range = trimmedRange(lines[i]);
  const header = PAGE_HEADER.exec(lines[i].text);
  if (header) range = { start: lines[i].start + header[0].length, end: range.end };
  // A title split over two lines: "# 宁武县涇山乡人民政府" / "## 2023年政府信息公开工作年度报告".
  for (let j = i - 1; j >= 0; j--) {
    const pk = compact(lines[j].text.replace(/^[#*\s]+/, ''));
    if (pk === '') continue;
    if (pk.length <= 30 && !/[。，,：:；>]/.test(pk) && !pk.includes('报告') && /(政府|局|委|办|院|乡|镇|街道|中心|厅|部|会|室|处|所|队|站)$/.test(pk)) {
      range = { start: trimmedRange(lines[j]).start, end: range.end };
    }
    break;
  }
  return { text: text.slice(range.start, range.end), range };
}

/** The report's year: one reader (parse/years.ts) for the model, the summary and the rules. */
function findYear(text: string, title: Title | undefined): Year | undefined {
  return readReportYear(text, title);
}

/**
 * A few characters, one of which every version marker holds as written (compact() keeps Chinese
 * characters as they are): a line holding none of them names no marker. Each is found in the
 * whole text by indexOf — a native search, several times faster than one scan for a class of
 * characters — and only the lines it lands on are read. Should a new marker hold none of them,
 * every line is read.
 */
const MARKER_HINTS = '数额项采';
const ALL_MARKERS = [...F2021_MARKERS, ...F2019_MARKERS];
const HINTS_COVER = ALL_MARKERS.every((m) => [...m].some((c) => MARKER_HINTS.includes(c)));

/** Indexes of the lines holding one of MARKER_HINTS (every line if they do not cover the markers), in order. */
function markerLines(text: string, lines: Line[]): number[] {
  if (!HINTS_COVER) return lines.map((l) => l.index);
  // Each hint's lines come in order; the lists are merged (no sort: a text of a million such
  // lines stays linear).
  const lists = [...MARKER_HINTS].map((hint) => {
    const list: number[] = [];
    for (let at = text.indexOf(hint); at >= 0; ) {
      const li = lineIndexAt(lines, at);
      list.push(li);
      at = text.indexOf(hint, lines[li].end + 1); // on to the next line
    }
    return list;
  });
  const heads = lists.map(() => 0);
  const merged: number[] = [];
  for (;;) {
    let next = -1;
    for (let k = 0; k < lists.length; k++) {
      const li = heads[k] < lists[k].length ? lists[k][heads[k]] : -1;
      if (li >= 0 && (next < 0 || li < next)) next = li;
    }
    if (next < 0) return merged;
    merged.push(next);
    for (let k = 0; k < lists.length; k++) if (lists[k][heads[k]] === next) heads[k]++;
  }
}

/**
 * One less common character of each marker: a line found by a hint but holding none of these
 * names no marker either (most such lines: 数 and 项 are common). Every line is read should a
 * new marker hold none of them.
 */
const MARKER_CHARS = '制废效费决新外目九采';
const MARKER_CHAR = ALL_MARKERS.every((m) => [...m].some((c) => MARKER_CHARS.includes(c))) ? new RegExp(`[${MARKER_CHARS}]`) : /[^]/;

function findVersion(text: string, lines: Line[]): VersionInfo {
  const info: VersionInfo = { markers2019: [], markers2021: [] };
  for (const li of markerLines(text, lines)) {
    const line = lines[li];
    if (!MARKER_CHAR.test(line.text) || /[。；]/.test(line.text)) continue;
    if (F2021_MARKERS.some((m) => includesCompact(line.text, m))) info.markers2021.push(trimmedRange(line));
    if (F2019_MARKERS.some((m) => includesCompact(line.text, m))) info.markers2019.push(trimmedRange(line));
  }
  if (info.markers2021.length > info.markers2019.length) info.detected = 'F2021';
  else if (info.markers2019.length > info.markers2021.length) info.detected = 'F2019';
  return info;
}

type State = 'none' | 't2' | 't3' | 't4';

/** Every cell after the row's label cell, text or not (the cells keep their columns). */
function valuesAfterLabel(line: Line, first: Cell): Cell[] {
  const cells = splitCells(line);
  const i = cells.findIndex((c) => c.start === first.start);
  return i < 0 ? [] : cells.slice(i + 1);
}

/** From the label (or first cell) to the last non-empty value of a row. */
function rowRange(from: OffsetRange, values: readonly Cell[]): OffsetRange {
  let end = from.end;
  for (const c of values) if (c.raw !== '' && c.end > end) end = c.end;
  return { start: from.start, end };
}

/**
 * The nearest non-blank line in direction `step` if it carries no numbers (a wrapped label part),
 * and the one beyond it; each as its last column (pdftotext puts the vertically written group
 * label — `（三`, `）不` — in a column of its own left of the row's label).
 */
function labelNeighbours(lines: Line[], from: number, step: 1 | -1): string[] {
  const out: string[] = [];
  for (let i = from + step; i >= 0 && i < lines.length && Math.abs(i - from) <= 4 && out.length < 2; i += step) {
    if (lines[i].text.trim() === '') continue;
    const { values } = rowCells(lines[i]);
    if (hasValues(values)) break;
    out.push(lastColumnOf(lines[i].text));
  }
  return out;
}

/**
 * A table-三 row whose label is wrapped onto the lines around its numbers (pdftotext layout):
 * try the label joined with the line before, then after, then both, then with two lines before.
 * Only rows not yet seen.
 */
function wrappedT3Row(names: T3Names, lines: Line[], index: number, label: readonly Cell[], seen: (key: T3Row) => boolean): T3Row | undefined {
  if (rowCells(lines[index]).values.filter((c) => c.kind === 'number').length < T3_NCOLS) return undefined;
  const own = label.map((c) => c.raw).join('');
  const [before = '', before2 = ''] = labelNeighbours(lines, index, -1);
  const [after = ''] = labelNeighbours(lines, index, 1);
  for (const joined of [before + own, own + after, before + own + after, before2 + before + own + after]) {
    if (joined === own) continue;
    const key = t3RowOfWrapped(names, joined);
    if (key && !seen(key)) return key;
  }
  return undefined;
}

/** Does the text start as a table-三 row label does: 一、 二、 四、, （一）…, 1. 2. …, or 3.其他? */
function startsLikeRowLabel(text: string): boolean {
  return /^\s*(?:[一二三四]\s*[、.．]|[（(]\s*[一二三四五六七]\s*[）)]|\d+\s*[.．、])/.test(text);
}

export function parseReport(text: string): ReportModel {
  const lines = splitLines(text);
  const names = new T3Names();
  const sections: Section[] = [];
  const shapeIssues: ShapeIssue[] = [];
  const unparsedRows: UnparsedRow[] = [];
  let table2: Table2 | undefined;
  let table3: Table3 | undefined;
  let table4: Table4 | undefined;
  const versionInfo = findVersion(text, lines);

  // Sections first (their headings end tables).
  const headings: HeadingMatch[] = [];
  const headingLines: number[] = []; // their line indexes, in line order
  for (const line of lines) {
    const h = matchHeading(line);
    if (h) {
      headings.push(h);
      headingLines.push(line.index);
    }
  }
  const firstHeading = headings.length ? headingLines[0] : lines.length;
  const title = findTitle(text, lines, Math.min(firstHeading, 40));
  const year = findYear(text, title);
  const version: TemplateVersion = versionInfo.detected ?? (year ? versionForYear(year.value) : 'F2021');

  let state: State = 'none';
  let sub: T2SubTable | undefined;
  let current: Section | undefined;
  /** Lines up to here were read as the values of a one-cell-per-line row. */
  let skipTo = -1;
  // The words without which a line cannot be a table-二 header, the 勾稽关系 anchor or table 四's
  // header (each test below starts with the same check, made here for all lines at once).
  const t2Words = new Occurrences(text, '第二十条');
  const anchorWords = new Occurrences(text, '稽');
  const t4Words = new Occurrences(text, '议');
  // …and without which a lone label cannot name the 本年新收 row (its needle; it has no exact wording).
  const shouWords = new Occurrences(text, '收');
  const xinWords = new Occurrences(text, '新');
  const mayNameNewRow = (line: Line) => shouWords.inLine(line) && xinWords.inLine(line);
  /** A sub-heading like （一）主动公开 inside the current section, outside the tables. */
  const noteSubHeading = (line: Line) => {
    const sh = current && state === 'none' ? matchSubHeading(line) : undefined;
    if (sh) current!.subHeadings.push(sh);
  };
  let nextHeading = 0;

  const t3Reader = new Table3Reader();
  /** Line index of table 四's header (its first line), when seen. */
  let t4HeaderFrom = -1;
  /** Line index of the current table-二 sub-table's 第二十条 line. */
  let t2HeaderFrom = -1;

  /** A table-三 row: handed to the reader, which places it on the table's columns when the table is read. */
  const addT3Row = (line: Line, key: T3Row, label: readonly Cell[], values: readonly Cell[], endOffset: number, vertical = false) => {
    if (state !== 't3') {
      state = 't3';
      table3 = table3 ?? { range: { start: line.start, end: line.end }, rows: new Map() };
    }
    const t3 = table3!;
    t3.range.end = Math.max(t3.range.end, endOffset);
    const labelRange = label.length ? { start: label[0].start, end: label[label.length - 1].end } : trimmedRange(line);
    const glued = gluedValue(values, T3_NCOLS);
    if (glued) {
      unparsedRows.push({ table: 't3', row: t3RowName(key), range: rowRange(labelRange, values), glued: { start: glued.start, end: glued.end }, kind: 'numbers' });
      return;
    }
    if (vertical) t3Reader.add(line, key, labelRange, orderRowGeometry(line, values), 'order');
    else t3Reader.add(line, key, labelRange, lineRowGeometry(line, label, values), line.layout === 'space' ? 'display' : 'index');
  };

  /**
   * A row left wholly blank in text that drops empty cells (fixed-width, one cell per line): its
   * label alone — on its line, or wrapped over the next few lines with no numbers — written out
   * in full, and no line of bare numbers right after it (those would be its values, wrapped).
   * The row and the index of the label's last line.
   */
  const blankRow = (from: number): { key: T3Row; end: number } | undefined => {
    let text = lastColumnOf(lines[from].text);
    if (!startsLikeRowLabel(text)) return undefined; // a wrapped label's continuation, most lines here
    let last = from;
    const named = () => {
      const key = t3RowOf(names, [{ start: 0, end: 0, raw: text, kind: 'text' }]);
      return key && namesT3RowInFull([{ start: 0, end: 0, raw: text, kind: 'text' }], key) ? key : undefined;
    };
    let key = named();
    for (let i = from + 1; !key && i < lines.length && i <= from + 3; i++) {
      if (lines[i].text.trim() === '') continue;
      const { label, values } = rowCells(lines[i]);
      if (hasValues(values) || label.length === 0) return undefined;
      text += lastColumnOf(lines[i].text);
      last = i;
      key = named();
    }
    if (!key) return undefined;
    for (let i = last + 1; i < lines.length && i <= last + 3; i++) {
      if (lines[i].text.trim() === '') continue;
      const { label, values } = rowCells(lines[i]);
      return label.length > 0 || !hasValues(values) ? { key, end: last } : undefined;
    }
    return { key, end: last };
  };

  for (const line of lines) {
    if (line.index <= skipTo) continue;
    // Fast path: no step below does anything with an empty line (a text may hold millions).
    // A step that must see blank lines (to end a table, say) has to go above this.
    if (line.text.length === 0) continue;
    // Is this line the next heading? (Lines come in order; a heading on a skipped line is passed.)
    while (nextHeading < headingLines.length && headingLines[nextHeading] < line.index) nextHeading++;
    if (nextHeading < headingLines.length && headingLines[nextHeading] === line.index) {
      const h = headings[nextHeading++];
      if (current) current.range.end = line.start;
      current = {
        index: h.section,
        heading: { start: h.start, end: h.end, text: h.text, numeral: h.numeral, canonical: h.canonical },
        range: { start: line.start, end: text.length },
        lineIndex: line.index,
        subHeadings: [],
      };
      sections.push(current);
      state = 'none';
      continue;
    }
    const item = t2Words.inLine(line) ? t2HeaderItem(line) : undefined;
    if (item && !/[。；]/.test(line.text)) {
      sub = t2SubTable(item, version);
      state = 't2';
      t2HeaderFrom = line.index;
      table2 = table2 ?? { range: { start: line.start, end: line.end }, rows: [] };
      table2.range.end = line.end;
      continue;
    }
    if (anchorWords.inLine(line) && isT3Anchor(line)) {
      state = 't3';
      t3Reader.noteAnchor(line.index);
      table3 = table3 ?? { range: { start: line.start, end: line.end }, rows: new Map() };
      continue;
    }
    if (state !== 't4' && t4Words.inLine(line) && isT4Header(line)) {
      state = 't4';
      t4HeaderFrom = line.index;
      continue;
    }
    // A prose line outside the tables (whitespace layout, ending in text) is one text cell with no
    // values: of the steps below only the sub-heading test can use it, unless it might name the
    // 本年新收 row (收 and 新). Its cells are not made (most lines of a pdftotext report).
    if (state === 'none' && isProseRow(line) && !mayNameNewRow(line)) {
      noteSubHeading(line);
      continue;
    }
    const rowSplit = rowCells(line);
    const { label, values: rowValues } = rowSplit;
    const values = rowValues;
    // A label running into its numbers (`规范性文件898989`): say so, never guess the split.
    // (gluedLabel first: it looks at the label's last characters only, the test reads the line.)
    let gl = state !== 't4' ? gluedLabel(label) : undefined;
    if (gl && /[。；]/.test(line.text)) gl = undefined;
    if (gl) {
      const t2row = state === 't2' && sub ? t2RowOf(sub, [gl.label]) : undefined;
      const t3key = t2row ? undefined : t3RowOf(names, [gl.label]);
      const row = t2row ?? (t3key && (state === 't3' || t3key === 'new') ? t3RowName(t3key) : undefined);
      if (row) {
        unparsedRows.push({ table: t2row ? 't2' : 't3', row, range: rowRange(gl.glued, values), glued: gl.glued, kind: 'label' });
        continue;
      }
    }
    if (state === 't2' && sub) {
      const row = t2RowOf(sub, label);
      // Text typed into a number cell (`行政许可\t多项`) is a value, reported by cell-invalid.
      const values = row && label.length > 1 ? valuesAfterLabel(line, label[0]) : rowValues;
      const glued = row && hasValues(values) ? gluedValue(values, sub.columns.length) : undefined;
      if (row && glued) {
        unparsedRows.push({ table: 't2', row, range: rowRange(label[0], values), glued: { start: glued.start, end: glued.end }, kind: 'numbers' });
        continue;
      }
      if (row && hasValues(values)) {
        const placed = placeT2Row(lines, t2HeaderFrom, line, label, values, sub);
        table2!.rows.push({
          sub,
          label: row,
          labelRange: { start: label[0].start, end: label[label.length - 1].end },
          line: line.index,
          cells: placed ?? sub.columns.map((_, i) => values[i]),
        });
        table2!.range.end = line.end;
        continue;
      }
      // One cell per line: the label alone, its numbers on the lines below.
      const below = row && !hasValues(values) ? gatherValues(lines, line.index, sub.columns.length) : undefined;
      if (row && below) {
        table2!.rows.push({
          sub,
          label: row,
          labelRange: { start: label[0].start, end: label[label.length - 1].end },
          line: line.index,
          cells: sub.columns.map((_, i) => below.cells[i]),
        });
        table2!.range.end = lines[below.lastLine].end;
        skipTo = below.lastLine;
        continue;
      }
    }
    if (state === 't4') {
      let t4Values = values;
      if (verticalLine(line).kind === 'value') {
        // One cell per line: the 15 numbers on 15 lines.
        const below = gatherValues(lines, line.index - 1, T4_NCOLS, 2);
        if (below && below.cells.length >= 5) {
          t4Values = below.cells;
          skipTo = below.lastLine;
        }
      }
      const numbers = t4Values.filter((c) => c.kind === 'number').length;
      const vertical = t4Values !== rowValues;
      const grid = vertical || label.length > 0 || numbers === 0 ? undefined : t4Grid(lines, t4HeaderFrom, line);
      // The data row: five numbers or more, or some number on a grid the header gives (a table
      // that leaves its zeros blank).
      if (label.length === 0 && (numbers >= 5 || grid)) {
        const values = t4Values;
        const glued = gluedValue(values, T4_NCOLS);
        if (glued) {
          unparsedRows.push({ table: 't4', row: '', range: rowRange(values[0], values), glued: { start: glued.start, end: glued.end }, kind: 'numbers' });
        } else {
          const read = readT4Row(line, values, vertical, grid, trimmedRange(line));
          table4 = read.table4 ?? table4;
          shapeIssues.push(...read.shapeIssues);
        }
        state = 'none';
        continue;
      }
    }
    const r3 = state !== 't4' && hasValues(values) ? t3RowCells(names, line, rowSplit) : undefined;
    if (r3 && hasValues(r3.values)) {
      const { label, values } = r3;
      const key = r3.key ?? t3RowOf(names, label) ?? (state === 't3' ? wrappedT3Row(names, lines, line.index, label, (k) => t3Reader.has(k)) : undefined);
      // Table 三 rows are recognised after the anchor, or anywhere for the unmistakable first row.
      if (key && (state === 't3' || key === 'new')) {
        addT3Row(line, key, label, values, line.end);
        continue;
      }
    }
    // A row left wholly blank (a merged value cell, a table that leaves zeros blank): its label,
    // then its empty cells (tab and pipe rows keep them). Only after the table's first row, so
    // header lines that name columns (总计) are never read as rows.
    if (state === 't3' && line.layout !== 'space' && label.length && !hasValues(values) && values.length >= T3_NCOLS && t3Reader.has('new')) {
      const key = t3RowCells(names, line, rowSplit).key ?? t3RowOf(names, label);
      if (key && !t3Reader.has(key)) {
        addT3Row(line, key, label, values, line.end);
        continue;
      }
    }
    if (state !== 't4' && label.length && !hasValues(values)) {
      // One cell per line: a row label alone, its 7 numbers on the lines below.
      // Outside table 三 only the 本年新收 row counts. The values below are looked for first: prose
      // is followed by prose, which ends the search at once, while naming the row label-keys the
      // whole line (a paragraph, for prose).
      const below = state === 't3' || mayNameNewRow(line) ? gatherValues(lines, line.index, T3_NCOLS, 2) : undefined;
      const key = below ? t3RowOf(names, label) : undefined;
      if (key && (state === 't3' || key === 'new') && below) {
        addT3Row(line, key, label, below.cells, lines[below.lastLine].end, true);
        skipTo = below.lastLine;
        continue;
      }
      // A row label alone, no numbers after it: a row left wholly blank (fixed-width and
      // one-cell-per-line text drop empty cells).
      // (（六）其他处理 alone is the group label of its three sub-rows, not a blank row.)
      if (state === 't3' && !below && t3RowOf(names, label) === 'r6') {
        noteSubHeading(line);
        continue;
      }
      const blank = state === 't3' && !below && t3Reader.has('new') ? blankRow(line.index) : undefined;
      if (blank && blank.key !== 'r6' && !t3Reader.has(blank.key)) {
        addT3Row(line, blank.key, label, [], lines[blank.end].end, true);
        skipTo = blank.end;
        continue;
      }
    }
    noteSubHeading(line);
  }
  if (table3) t3Reader.finish(lines, table3, shapeIssues);
  return { lines, title, year, version: versionInfo, sections, table2, table3, table4, shapeIssues, unparsedRows, eol: dominantEol(text, lines) };
}
