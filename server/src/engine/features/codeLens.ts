// CodeLens above each table (二, 三, 四): `✓ 勾稽关系成立`, or `✗ 3 处不一致` followed by a
// `全部修正` lens that runs the server's fix-all command when some of those problems are determined.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import type { Analysis } from '../analyze';
import { tr } from '../names';
import { isT4Header } from '../parse/tables';
import type { OffsetRange } from '../types';

export interface CodeLensOptions {
  /** Command that fixes every determined problem of the document; called with [uri]. */
  fixAllCommand: string;
}

/** The report's tables with their ranges, in text order. */
export function reportTables(analysis: Analysis): { table: 't2' | 't3' | 't4'; range: OffsetRange }[] {
  const m = analysis.report;
  const out: { table: 't2' | 't3' | 't4'; range: OffsetRange }[] = [];
  if (m.table2) out.push({ table: 't2', range: m.table2.range });
  if (m.table3) out.push({ table: 't3', range: m.table3.range });
  if (m.table4) {
    // Table 四's range is its data row; start at its header (行政复议 … 行政诉讼) a few lines above.
    let start = m.table4.range.start;
    for (let i = m.table4.line - 1; i >= Math.max(0, m.table4.line - 4); i--) {
      if (isT4Header(m.lines[i])) {
        start = m.lines[i].start;
        break;
      }
    }
    out.push({ table: 't4', range: { start, end: m.table4.range.end } });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

export function codeLenses(doc: TextDocument, analysis: Analysis, options: CodeLensOptions): CodeLens[] {
  const L = analysis.locale;
  const out: CodeLens[] = [];
  for (const t of reportTables(analysis)) {
    const line = doc.positionAt(t.range.start).line;
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    // Findings that concern this table: those placed on its cells, rows and totals (the template
    // version is about the whole document, even when its marker is a table row).
    const inTable = analysis.findings.filter((f) => f.ruleId !== 'template-version' && f.range.start >= t.range.start && f.range.start <= t.range.end);
    if (inTable.length === 0) {
      // A lens that only informs: an empty command id is shown as plain text, never run.
      out.push({ range, command: { title: tr(L, '✓ 勾稽关系成立', '✓ The table adds up'), command: '' } });
      continue;
    }
    out.push({ range, command: { title: tr(L, `✗ ${inTable.length} 处不一致`, `✗ ${inTable.length} inconsistenc${inTable.length === 1 ? 'y' : 'ies'}`), command: '' } });
    if (inTable.some((f) => f.fix)) {
      out.push({
        range,
        command: { title: tr(L, '全部修正', 'Fix all'), command: options.fixAllCommand, arguments: [doc.uri] },
      });
    }
  }
  return out;
}
