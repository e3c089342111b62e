// Shared by the four arithmetic rules: turning the solution into findings of one equation kind.
// An edit is a promise: a determined fix (`fix`, applied by fix-all) only for a cell placed for
// certain where two or more violated equations cross; anything else is a suggestion.
import type { CellRef, EquationKind } from '../equations';
import { cellName, colName, tr } from '../names';
import type { EqState, Located } from '../solve';
import { cellValue, pinned, refKey } from '../solve';
import { rowCellsOf } from '../tableCells';
import { T4_GROUPS, T4_GROUPS_EN } from '../template';
import type { Locale, OffsetRange, RelatedInfo } from '../types';
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

/** A cell's text as written; a blank the table uses for 0 says so. */
function shown(ref: CellRef, locale: Locale): string {
  return ref.cell.raw || tr(locale, '空白（按 0 计）', 'blank (read as 0)');
}

/** One range over several cells (a row's applicant cells, a column's outcome cells). */
function spanOf(refs: CellRef[]): OffsetRange {
  let start = Infinity;
  let end = -Infinity;
  for (const r of refs) {
    start = Math.min(start, r.cell.start);
    end = Math.max(end, r.cell.end);
  }
  return { start, end };
}

/** "The parts add up to N", pointing at the parts: what explains a total. */
function partsSay(s: EqState, locale: Locale): RelatedInfo {
  const eq = s.eq;
  const sum = sumOf(eq.parts);
  if (eq.kind === 'balance') {
    const [a, b] = eq.parts.map(val);
    const d = val(eq.rhsOthers[0]);
    return { range: cellRange(eq.parts[0]), message: tr(locale, `一 + 二 − 四 = ${a} + ${b} − ${d} = ${a + b - d}`, `I + II − IV = ${a} + ${b} − ${d} = ${a + b - d}`) };
  }
  const what =
    eq.kind === 'row-total'
      ? tr(locale, `本行各类申请人之和为 ${sum}`, `the applicant columns add up to ${sum}`)
      : eq.kind === 'column-total'
        ? tr(locale, `本列各办理结果之和为 ${sum}`, `the outcome rows add up to ${sum}`)
        : tr(locale, `结果维持、结果纠正、其他结果、尚未审结之和为 ${sum}`, `upheld + corrected + other + pending add up to ${sum}`);
  return { range: spanOf(eq.parts), message: what };
}

/** "The total is N", pointing at the total: what explains a part. */
function totalSays(s: EqState, locale: Locale): RelatedInfo {
  const eq = s.eq;
  const t = shown(eq.total, locale);
  let message: string;
  if (eq.kind === 'balance') {
    const [a, b] = eq.parts.map(val);
    const d = val(eq.rhsOthers[0]);
    message = tr(locale, `平衡关系 一 + 二 = （七）+ 四：${a} + ${b} ≠ ${val(eq.total)} + ${d}`, `balance I + II = (VII) + IV: ${a} + ${b} ≠ ${val(eq.total)} + ${d}`);
  } else if (eq.kind === 'row-total') {
    message = tr(locale, `本行总计为 ${t}`, `the row total is ${t}`);
  } else if (eq.kind === 'column-total') {
    message = tr(locale, `本列（七）总计为 ${t}`, `the column's (VII) total is ${t}`);
  } else {
    message = tr(locale, `${T4_GROUPS[eq.at as number]} 的总计为 ${t}`, `the total of ${T4_GROUPS_EN[eq.at as number]} is ${t}`);
  }
  return { range: cellRange(eq.total), message };
}

/**
 * What explains a located cell: one place per violated equation crossing there (at most three) —
 * the equation's other side: its total when the cell is one of its parts, its parts when the cell
 * is the total. Every cell of an equation is listed in the hover of its total, not here.
 */
function relatedFor(loc: Located, states: EqState[], locale: Locale): RelatedInfo[] {
  return states.map((s) => (refKey(s.eq.total) === refKey(loc.ref) ? partsSay(s, locale) : totalSays(s, locale)));
}

/** An unexplained balance (reported on 四): the three other cells of the column's balance. */
function balanceCells(s: EqState, locale: Locale): RelatedInfo[] {
  return [...s.eq.parts, s.eq.total].map((ref) => ({ range: cellRange(ref), message: `${cellName(ref, locale)}${tr(locale, ' 为 ', ' is ')}${shown(ref, locale)}` }));
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
    related: relatedFor(loc, ordered, locale),
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
      related: balanceCells(s, locale),
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
    related: [partsSay(s, locale)],
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
