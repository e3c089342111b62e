// Folding ranges: each of the six sections (heading to its last non-blank line), each table
// (first to last row), and section 一's （一）… sub-headings (to the line before the next one).
import type { FoldingRange } from 'vscode-languageserver-types';
import type { Analysis } from '../analyze';
import { lineIndexAt } from '../text/lines';
import { reportTables } from './codeLens';

/** The 0-based line holding offset `offset`. */
function lineOf(analysis: Analysis, offset: number): number {
  return lineIndexAt(analysis.report.lines, offset);
}

/** The last line in [from, to] that is not blank (from when all are). */
function lastContentLine(analysis: Analysis, from: number, to: number): number {
  const lines = analysis.report.lines;
  for (let i = Math.min(to, lines.length - 1); i > from; i--) if (lines[i].text.trim() !== '') return i;
  return from;
}

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const m = analysis.report;
  const out: FoldingRange[] = [];
  const add = (startLine: number, endLine: number) => {
    if (endLine > startLine) out.push({ startLine, endLine, kind: 'region' });
  };
  for (const s of m.sections) {
    const start = s.lineIndex;
    const end = lastContentLine(analysis, start, lineOf(analysis, Math.max(s.range.start, s.range.end - 1)));
    add(start, end);
    const subs = s.subHeadings.map((h) => lineOf(analysis, h.start));
    subs.forEach((line, i) => add(line, lastContentLine(analysis, line, (i + 1 < subs.length ? subs[i + 1] : end + 1) - 1)));
  }
  for (const t of reportTables(analysis)) add(lineOf(analysis, t.range.start), lineOf(analysis, t.range.end));
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
