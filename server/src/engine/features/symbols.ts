// Outline: the title, the six sections with their （一）… sub-headings and their tables.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { Analysis } from '../analyze';
import { tr } from '../names';
import type { OffsetRange } from '../types';
import { toLspRange } from './diagnostics';

const KIND = { title: 1 as SymbolKind /* File */, section: 3 as SymbolKind /* Namespace */, sub: 15 as SymbolKind /* String */, table: 18 as SymbolKind /* Array */ };

function symbol(doc: TextDocument, name: string, kind: SymbolKind, range: OffsetRange, selection: OffsetRange, children: DocumentSymbol[] = []): DocumentSymbol {
  return { name: name.replace(/\s+/g, ' ').trim() || '—', kind, range: toLspRange(doc, range), selectionRange: toLspRange(doc, selection), children };
}

export function documentSymbols(doc: TextDocument, analysis: Analysis): DocumentSymbol[] {
  const m = analysis.report;
  const text = analysis.text;
  const out: DocumentSymbol[] = [];
  if (m.title) out.push(symbol(doc, m.title.text.replace(/[#*]/g, ''), KIND.title, m.title.range, m.title.range));
  const tables: { name: string; range: OffsetRange }[] = [];
  const L = analysis.locale;
  if (m.table2) tables.push({ name: tr(L, '主动公开情况统计表', 'Proactive-disclosure table'), range: m.table2.range });
  if (m.table3) tables.push({ name: tr(L, '政府信息公开申请情况统计表', 'Applications table'), range: m.table3.range });
  if (m.table4) tables.push({ name: tr(L, '行政复议、行政诉讼情况统计表', 'Reconsideration and litigation table'), range: m.table4.range });
  const placed = new Set<number>();
  for (const s of m.sections) {
    // The section's range, without trailing blank lines.
    let end = s.range.end;
    while (end > s.range.start && /\s/.test(text[end - 1])) end--;
    const range = { start: m.lines[s.lineIndex].start, end: Math.max(end, s.heading.end) };
    const children: { start: number; sym: DocumentSymbol }[] = [];
    for (const sh of s.subHeadings) children.push({ start: sh.start, sym: symbol(doc, sh.text, KIND.sub, { start: sh.start, end: sh.end }, { start: sh.start, end: sh.end }) });
    tables.forEach((t, i) => {
      if (!placed.has(i) && t.range.start >= range.start && t.range.start < s.range.end) {
        placed.add(i);
        const r = { start: t.range.start, end: Math.min(t.range.end, range.end) };
        children.push({ start: r.start, sym: symbol(doc, t.name, KIND.table, r, { start: r.start, end: r.start }) });
      }
    });
    children.sort((a, b) => a.start - b.start);
    out.push(symbol(doc, s.heading.text, KIND.section, range, { start: s.heading.start, end: s.heading.end }, children.map((c) => c.sym)));
  }
  tables.forEach((t, i) => {
    if (!placed.has(i)) out.push(symbol(doc, t.name, KIND.table, t.range, { start: t.range.start, end: t.range.start }));
  });
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}
