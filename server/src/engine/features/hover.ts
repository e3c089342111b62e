// Hover on a table number: its row and column labels; on a total: the formula with values and ✓/✗.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../analyze';
import { buildEquations, terms } from '../equations';
import { cellName, cellPath, tr } from '../names';
import { cellValue, refKey } from '../solve';
import { tableCells } from '../tableCells';
import { toLspRange } from './diagnostics';

export function hover(doc: TextDocument, analysis: Analysis, position: Position): Hover | null {
  if (position.line < 0 || position.line >= doc.lineCount || position.character < 0) return null;
  const offset = doc.offsetAt(position);
  const L = analysis.locale;
  const hit = tableCells(analysis.report, L).find((c) => c.cell.start <= offset && offset <= c.cell.end && (c.cell.end > c.cell.start || offset === c.cell.start));
  if (!hit) return null;
  const lines: string[] = [];
  if (hit.ref) {
    lines.push(`**${cellPath(hit.ref, L)}**`);
    const key = refKey(hit.ref);
    const equations = buildEquations(analysis.report);
    for (const eq of equations) {
      if (refKey(eq.total) !== key || eq.kind === 'balance') continue;
      const vals = eq.parts.map((p) => cellValue(p));
      const known = vals.every((v) => v.status === 'ok');
      const sum = vals.reduce((a, v) => a + (v.value ?? 0), 0);
      const own = cellValue(eq.total);
      const ok = known && own.status === 'ok' && own.value === sum;
      const formula = eq.parts.map((p) => p.cell.raw || '□').join(' + ');
      const mark = !known || own.status !== 'ok' ? '?' : ok ? '✓' : '✗';
      lines.push(`${cellName(eq.total, L)} = ${formula} = ${known ? sum : '?'} ${mark}`);
    }
    // Balance: show it on the four cells of each column.
    for (const eq of equations) {
      if (eq.kind !== 'balance' || !terms(eq).some((t) => refKey(t.ref) === key)) continue;
      const v = (r: typeof eq.total) => r.cell.raw || '□';
      const all = terms(eq).every((t) => cellValue(t.ref).status === 'ok');
      const l = eq.parts.reduce((a, p) => a + (cellValue(p).value ?? 0), 0);
      const r = (cellValue(eq.total).value ?? 0) + (cellValue(eq.rhsOthers[0]).value ?? 0);
      lines.push(tr(L, `平衡：一 + 二 = （七）+ 四：${v(eq.parts[0])} + ${v(eq.parts[1])} = ${v(eq.total)} + ${v(eq.rhsOthers[0])} ${all ? (l === r ? '✓' : '✗') : '?'}`, `Balance I + II = (VII) + IV: ${v(eq.parts[0])} + ${v(eq.parts[1])} = ${v(eq.total)} + ${v(eq.rhsOthers[0])} ${all ? (l === r ? '✓' : '✗') : '?'}`));
    }
  } else {
    lines.push(`**${hit.name.replace('·', ' ｜ ')}**`);
  }
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: toLspRange(doc, { start: hit.cell.start, end: hit.cell.end }) };
}
