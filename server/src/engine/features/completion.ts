// Completions that stay quiet: only at the end of a line whose text so far is empty or the start of
// a canonical label. Outside tables: the missing section headings that fit at this place (after the
// section above, before the section below), also with the section's blank table. Inside a table
// (二 or 三): the template's row labels the table does not have yet. Never in the middle of prose.
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../analyze';
import { tr } from '../names';
import { SECTION_TITLES, T2, T3_LEAVES_F2019, T3_LEAVES_F2021, T3_ROW_DEF, versionForYear, type T3Row, type TemplateVersion } from '../template';
import { templateTableLines } from '../templateText';
import type { OffsetRange } from '../types';

const KIND_MODULE = 9 as const;
const KIND_ENUM_MEMBER = 20 as const;
/** Longer typed text is prose, not the start of a label. */
const MAX_TYPED = 24;

function versionOf(analysis: Analysis): TemplateVersion {
  const m = analysis.report;
  return m.version.detected ?? (m.year ? versionForYear(m.year.value) : 'F2021');
}

/** Where `line` is relative to a table: on its lines, on the line just below it, or elsewhere. */
function around(analysis: Analysis, range: OffsetRange | undefined, line: number): 'in' | 'below' | undefined {
  if (!range) return undefined;
  const lines = analysis.report.lines;
  const first = lines.findIndex((l) => l.end >= range.start);
  let last = first;
  while (last + 1 < lines.length && lines[last + 1].start <= range.end) last++;
  if (first < 0 || line < first || line > last + 1) return undefined;
  return line <= last ? 'in' : 'below';
}

const matches = (label: string, typed: string): boolean => typed === '' || label.startsWith(typed) || (typed.length >= 2 && label.includes(typed));

export function completions(analysis: Analysis, position: Position): CompletionItem[] {
  const m = analysis.report;
  const line = m.lines[position.line];
  if (!line || position.character > line.text.length) return [];
  // Only at the end of a line (nothing after the cursor but spaces).
  if (line.text.slice(position.character).trim() !== '') return [];
  const before = line.text.slice(0, position.character);
  const lead = /^[\s\u3000]*(?:#{1,6}[\s\u3000]*)?/.exec(before)![0];
  const typed = before.slice(lead.length);
  if (typed.length > MAX_TYPED || /[\t|。，,；;：:]/.test(typed)) return [];
  const range = { start: { line: position.line, character: lead.length }, end: position }; // the typed text is replaced
  const L = analysis.locale;
  const version = versionOf(analysis);
  const eol = m.eol || '\n';

  // Inside (or just below) a table: its missing row labels; just below, the sections too.
  const rows: CompletionItem[] = [];
  const t3 = around(analysis, m.table3?.range, position.line);
  const t2 = around(analysis, m.table2?.range, position.line);
  const t4 = around(analysis, m.table4?.range, position.line);
  if (t3) {
    const present = new Set(m.table3!.rows.keys());
    const keys: T3Row[] = ['new', 'carried', ...(version === 'F2019' ? T3_LEAVES_F2019 : T3_LEAVES_F2021), 'total', 'forward'];
    rows.push(...keys
      .filter((k) => !present.has(k))
      .map((k, i) => ({ def: T3_ROW_DEF.get(k)!, i }))
      .filter(({ def }) => matches(def.label, typed))
      .map(({ def, i }) => ({
        label: def.label,
        kind: KIND_ENUM_MEMBER,
        detail: def.group ? tr(L, `表三 › ${def.group}`, `Table 三 › ${def.group}`) : tr(L, '表三的行', 'Table 三 row'),
        sortText: String(i).padStart(3, '0'),
        filterText: def.label,
        textEdit: { range, newText: def.label },
      })));
  }
  if (t2) {
    const present = new Set(m.table2!.rows.map((r) => `${r.sub.item}:${r.label}`));
    for (const sub of T2[version]) {
      for (const row of sub.rows) {
        if (present.has(`${sub.item}:${row}`) || !matches(row, typed)) continue;
        rows.push({
          label: row,
          kind: KIND_ENUM_MEMBER,
          detail: tr(L, `表二 › ${sub.header}`, `Table 二 › ${sub.header}`),
          sortText: String(rows.length).padStart(3, '0'),
          filterText: row,
          textEdit: { range, newText: row },
        });
      }
    }
  }
  if (t2 === 'in' || t3 === 'in' || t4 === 'in') return rows;

  // Outside tables: the missing sections that fit between the sections above and below.
  const above = m.sections.filter((s) => s.lineIndex < position.line);
  const below = m.sections.filter((s) => s.lineIndex > position.line);
  const lo = above.length ? Math.max(...above.map((s) => s.index)) : -1;
  const hi = below.length ? Math.min(...below.map((s) => s.index)) : SECTION_TITLES.length;
  const have = new Set(m.sections.map((s) => s.index));
  const items: CompletionItem[] = rows;
  for (let i = lo + 1; i < hi; i++) {
    const heading = SECTION_TITLES[i];
    if (have.has(i) || !matches(heading, typed)) continue;
    items.push({ label: heading, kind: KIND_MODULE, detail: tr(L, '章节标题', 'Section heading'), sortText: `${i}a`, filterText: heading, textEdit: { range, newText: heading } });
    const table = templateTableLines(i, version);
    if (table.length) {
      items.push({
        label: tr(L, `${heading}（含空白统计表）`, `${heading} (with the blank table)`),
        kind: KIND_MODULE,
        detail: tr(L, `章节标题和${version === 'F2021' ? '2021' : '2019'}版统计表，数字全为 0`, `Heading and the ${version} table, filled with 0`),
        sortText: `${i}b`,
        filterText: heading,
        textEdit: { range, newText: [heading, '', ...table].join(eol) },
      });
    }
  }
  return items;
}
