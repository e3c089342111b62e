// Shared by the four arithmetic rules: turning the solution into findings of one equation kind.
// An edit is a promise: a determined fix (`fix`, applied by fix-all) only for a cell placed for
// certain where two or more violated equations cross; anything else is a suggestion.
import type { CellRef, EquationKind } from '../equations';
import { cellName, colName, rowName, tr } from '../names';
import type { EqState, Located } from '../solve';
import { cellValue, pinned, refKey } from '../solve';
import { rowCellsOf } from '../tableCells';
import type { T3Row } from '../template';
import { T4_GROUPS, T4_GROUPS_EN } from '../template';
import type { Locale, RelatedInfo } from '../types';
import { cellRange, promise, setCellFix } from './cellFix';
import type { RawFinding, RuleContext } from './rule';

const ORDER: EquationKind[] = ['row-total', 'column-total', 'balance', 'group-total'];

/** Which rule reports a located cell: the equation it is the total of, else the first violated. */
export function locatedKind(loc: Located): EquationKind {
  const own = loc.eqs.find((s) => refKey(s.eq.total) === refKey(loc.ref) && s.eq.kind !== 'balance');
  if (own) return own.eq.kind;
  return ORDER.find((k) => loc.eqs.some((s) => s.eq.kind === k))!;
}

const val = (r: CellRef): number => cellValue(r).value!;
const sumOf = (refs: CellRef[]): number => refs.reduce((a, r) => a + val(r), 0);

function eqLabel(s: EqState, locale: Locale): string {
  const eq = s.eq;
  switch (eq.kind) {
    case 'row-total':
      return tr(locale, `${rowName(eq.at as T3Row, locale)} 的行合计`, `row total of ${rowName(eq.at as T3Row, locale)}`);
    case 'column-total':
      return tr(locale, `${colName(eq.at as number, locale)} 列的（七）总计`, `(VII) total of column ${colName(eq.at as number, locale)}`);
    case 'balance':
      return tr(locale, `${colName(eq.at as number, locale)} 列的平衡关系（一+二=（七）+四）`, `balance of column ${colName(eq.at as number, locale)} (I+II = (VII)+IV)`);
    case 'group-total':
      return tr(locale, `${T4_GROUPS[eq.at as number]} 的总计`, `total of ${T4_GROUPS_EN[eq.at as number]}`);
  }
}

function relatedFor(states: EqState[], locale: Locale): RelatedInfo[] {
  const out: RelatedInfo[] = [];
  for (const s of states) {
    const label = eqLabel(s, locale);
    for (const ref of [s.eq.total, ...s.eq.parts, ...s.eq.rhsOthers]) {
      out.push({ range: cellRange(ref), message: `${label}${tr(locale, '：', ': ')}${cellName(ref, locale)} = ${ref.cell.raw || tr(locale, '（空白）', '(blank)')}` });
    }
  }
  return out;
}

/** Why the located cell must hold `v`, one clause per violated equation. */
function reason(s: EqState, loc: Located, locale: Locale): string {
  const eq = s.eq;
  const v = loc.expected;
  const isTotal = refKey(eq.total) === refKey(loc.ref);
  if (eq.kind === 'column-total') {
    return isTotal ? tr(locale, `各办理结果之和为 ${v}`, `the outcome rows add up to ${v}`) : tr(locale, `按本列（七）总计 ${val(eq.total)} 推算为 ${v}`, `the column's (VII) total ${val(eq.total)} implies ${v}`);
  }
  if (eq.kind === 'row-total') {
    return isTotal ? tr(locale, `本行各类申请人之和为 ${v}`, `the applicant columns add up to ${v}`) : tr(locale, `按本行总计 ${val(eq.total)} 推算为 ${v}`, `the row total ${val(eq.total)} implies ${v}`);
  }
  if (eq.kind === 'balance') {
    return isTotal ? tr(locale, `一加二减四为 ${v}`, `I + II − IV is ${v}`) : tr(locale, `按“第一项加第二项之和等于第三项加第四项之和”推算为 ${v}`, `the balance I + II = (VII) + IV implies ${v}`);
  }
  return '';
}

function locatedFinding(loc: Located, ctx: RuleContext): RawFinding {
  const { locale } = ctx;
  // Equations the cell is the total of explain it best: list them first.
  const own = (s: EqState) => (refKey(s.eq.total) === refKey(loc.ref) ? 0 : 1);
  const ordered = [...loc.eqs].sort((a, b) => own(a) - own(b));
  const reasons = ordered.map((s) => reason(s, loc, locale)).join(tr(locale, '，', '; '));
  const name = cellName(loc.ref, locale);
  // A blank the table uses for 0 (blankZeros.ts) is located like a written 0.
  const blank = loc.ref.cell.kind === 'blank';
  const now = blank ? tr(locale, '此处为空白（按 0 计）', 'it is blank (read as 0)') : tr(locale, `此处为 ${loc.current}`, `it is ${loc.current}`);
  const fix = setCellFix(loc.ref, loc.expected, blank ? 'fill-blank' : 'set-cell', locale, rowCellsOf(ctx.model, loc.ref));
  return {
    message: tr(locale, `${name} 应为 ${loc.expected}：${reasons}，${now}`, `${name} should be ${loc.expected}: ${reasons}; ${now}`),
    range: cellRange(loc.ref),
    related: relatedFor(loc.eqs, locale),
    ...promise(fix, pinned(loc) && !loc.ref.uncertain),
  };
}

/**
 * A violated equation no single cell explains (or table 四's, one equation per cell): it names a
 * set of cells, not a cell, so recomputing its total is only a suggestion.
 */
function unexplainedFinding(s: EqState, ctx: RuleContext): RawFinding {
  const { locale, model } = ctx;
  const eq = s.eq;
  const related = relatedFor([s], locale);
  if (eq.kind === 'balance') {
    const col = colName(eq.at as number, locale);
    const left = sumOf(eq.parts);
    const right = val(eq.total) + sumOf(eq.rhsOthers);
    const forward = eq.rhsOthers[0];
    const want = left - val(eq.total);
    const suggestions = want >= 0 ? [setCellFix(forward, want, 'set-cell', locale, rowCellsOf(model, forward))] : undefined;
    return {
      message: tr(locale, `${col} 列不平衡：第一项加第二项为 ${left}，（七）总计加第四项为 ${right}`, `Column ${col} does not balance: I + II = ${left}, (VII) + IV = ${right}`),
      range: cellRange(forward),
      related,
      suggestions,
    };
  }
  const total = val(eq.total);
  const sum = sumOf(eq.parts);
  const name = cellName(eq.total, locale);
  const what =
    eq.kind === 'column-total'
      ? tr(locale, '各办理结果之和', 'the outcome rows add up to')
      : eq.kind === 'row-total'
        ? tr(locale, '本行各类申请人之和', 'the applicant columns add up to')
        : tr(locale, '结果维持、结果纠正、其他结果、尚未审结之和', 'upheld + corrected + other + pending add up to');
  return {
    message: tr(locale, `${name} 应为 ${sum}：${what}为 ${sum}，此处为 ${total}`, `${name} should be ${sum}: ${what} ${sum}; it is ${total}`),
    range: cellRange(eq.total),
    related,
    suggestions: [setCellFix(eq.total, sum, 'recompute-total', locale, rowCellsOf(model, eq.total))],
  };
}

export function arithmeticFindings(kind: EquationKind, ctx: RuleContext): RawFinding[] {
  const { solution } = ctx;
  const out: RawFinding[] = [];
  if (solution.located && locatedKind(solution.located) === kind) out.push(locatedFinding(solution.located, ctx));
  for (const s of solution.unexplained) if (s.eq.kind === kind) out.push(unexplainedFinding(s, ctx));
  return out;
}
