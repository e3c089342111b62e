// Hover on a table number: its row and column labels; on a total: the formula with values and ✓/✗.
// When the one wrong cell is located, the other cells of its equations say where it is, in words,
// rather than marking a correct total ✗.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../analyze';
import type { Equation } from '../equations';
import { terms } from '../equations';
import { cellPath, colName, rowShortName, tr } from '../names';
import type { Located } from '../solve';
import { cellValue, pinned, refKey } from '../solve';
import { tableCells } from '../tableCells';
import type { T3Row } from '../template';
import type { Locale } from '../types';
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
    const { equations } = analysis;
    const located = analysis.solution.located;
    // A violated equation the located cell explains, seen from another of its cells: said in words.
    const explained = (eq: Equation): Located | undefined =>
      located && refKey(located.ref) !== key && located.eqs.some((s) => s.eq === eq) ? located : undefined;
    const said = new Set<Equation>();
    for (const eq of equations) {
      if (refKey(eq.total) !== key || eq.kind === 'balance') continue;
      const vals = eq.parts.map((p) => cellValue(p));
      const known = vals.every((v) => v.status === 'ok');
      const sum = vals.reduce((a, v) => a + (v.value ?? 0), 0);
      const own = cellValue(eq.total);
      const ok = known && own.status === 'ok' && own.value === sum;
      const formula = eq.parts.map((p) => p.cell.raw || '□').join(' + ');
      const loc = explained(eq);
      const mark = loc ? '' : !known || own.status !== 'ok' ? ' ?' : ok ? ' ✓' : ' ✗';
      lines.push(`${partsName(eq, L)}${tr(L, '：', ': ')}${formula} = ${known ? sum : '?'}${mark}`);
      if (loc) {
        lines.push(whereTheMistakeIs(eq, loc, doc, L));
        said.add(eq);
      }
    }
    // Balance: show it on the four cells of each column.
    for (const eq of equations) {
      if (eq.kind !== 'balance' || !terms(eq).some((t) => refKey(t.ref) === key)) continue;
      const v = (r: typeof eq.total) => r.cell.raw || '□';
      const all = terms(eq).every((t) => cellValue(t.ref).status === 'ok');
      const l = eq.parts.reduce((a, p) => a + (cellValue(p).value ?? 0), 0);
      const r = (cellValue(eq.total).value ?? 0) + (cellValue(eq.rhsOthers[0]).value ?? 0);
      const loc = explained(eq);
      const mark = loc ? '' : all ? (l === r ? ' ✓' : ' ✗') : ' ?';
      const sides = `${v(eq.parts[0])} + ${v(eq.parts[1])} = ${v(eq.total)} + ${v(eq.rhsOthers[0])}`;
      lines.push(tr(L, `平衡：一 + 二 = （七）+ 四：${sides}${mark}`, `Balance I + II = (VII) + IV: ${sides}${mark}`));
      if (loc) {
        lines.push(whereTheMistakeIs(eq, loc, doc, L));
        said.add(eq);
      }
    }
    // A part of a row or column that does not add up because of the located cell.
    for (const eq of equations) {
      if (said.has(eq) || !explained(eq) || !eq.parts.some((p) => refKey(p) === key)) continue;
      lines.push(whereTheMistakeIs(eq, located!, doc, L));
    }
  } else {
    lines.push(`**${hit.name.replace('·', ' ｜ ')}**`);
  }
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: toLspRange(doc, { start: hit.cell.start, end: hit.cell.end }) };
}

/** What a total adds up, in words (the hover's title already names the cell). */
function partsName(eq: Equation, L: Locale): string {
  if (eq.kind === 'row-total') return tr(L, '本行各类申请人之和', 'Applicant columns');
  if (eq.kind === 'column-total') return tr(L, '本列各办理结果之和', 'Outcome rows');
  return tr(L, '结果维持 + 结果纠正 + 其他结果 + 尚未审结', 'Upheld + corrected + other + pending');
}

/** 「本列不平衡，错误在第 51 行「（四）无法提供 › 1」自然人列，应为 2」. */
function whereTheMistakeIs(eq: Equation, loc: Located, doc: TextDocument, L: Locale): string {
  const line = doc.positionAt(loc.ref.cell.start).line + 1;
  const row = rowShortName(loc.ref.row as T3Row, L);
  const col = colName(loc.ref.col, L);
  // One violated equation alone only points at the cell (a suggestion): say "probably".
  const sure = pinned(loc);
  const zh = eq.kind === 'row-total' ? '本行不平衡' : eq.kind === 'column-total' ? '本列不平衡' : '本列平衡关系（一 + 二 = （七）+ 四）不成立';
  const en = eq.kind === 'row-total' ? 'This row does not add up' : eq.kind === 'column-total' ? 'This column does not add up' : 'This column does not balance (I + II = (VII) + IV)';
  return tr(
    L,
    `${zh}，错误${sure ? '' : '可能'}在第 ${line} 行「${row}」${col}列，应为 ${loc.expected}`,
    `${en}: the mistake is ${sure ? '' : 'probably '}on line ${line}, "${row}", ${col} column; it should be ${loc.expected}`,
  );
}
