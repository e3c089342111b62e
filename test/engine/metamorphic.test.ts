// Metamorphic tests (issue 12, item 5): a report's findings do not depend on the layout its tables
// come in. Each seed and real fixture is converted from its TAB form to every other layout (pipe
// with a |---| row, fixed-width with numbers left- or right-aligned, one cell per line, CRLF,
// GB18030 read through the CLI's decoder, full-width digits; test/helpers/layoutVariants.ts) and
//   a. gives the same findings as its tab form: (rule, severity, message, the tab text at the
//      finding's range, read back through the converter's offset map), as multisets;
//   b. a single table-三 cell (or table-四 总计) changed by +1 in the variant gives exactly one
//      error, on exactly that cell, saying 应为 <original>; its repair restores the variant byte
//      for byte (a fix, through fix-all; or, where the engine offers only a suggestion, the first
//      suggestion, and fix-all leaves the cell alone), and is of the same kind as in the tab form;
//   c. fix-all changes no digit in any layout of a report whose tables are consistent as
//      published, and changes the same numbers as in the tab form on the two that are not
//      (2024_jjf, 2025_nyn).
// Differences judged defensible are listed in DEFENSIBLE with their reason; none is allowed for
// the arithmetic rules except where a layout loses where the blanks were (one cell per line of a
// table with blank number cells). Failing assertions name the fixture, the layout and the first
// differences, for whoever works on the table reader.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, fixAll, type Analysis, type Finding, type RuleId } from '../../server/src/engine';
import type { Cell } from '../../server/src/engine/text/cells';
import {
  LAYOUTS,
  asciiDigits,
  convert,
  fullwidthDigits,
  invertSegments,
  pipeToTab,
  tabLines,
  tableBlocks,
  toTab,
  toTabOffset,
  toVariantOffset,
  type Layout,
  type Segment,
  type Variant,
} from '../helpers/layoutVariants';
import { ARITHMETIC, errors, fixturesDir, huaian, seeds } from './fixtures';

// ---------------------------------------------------------------------------------------------
// Fixtures, each in its tab form.

interface Fixture {
  name: string;
  /** The report with TAB table rows (the form every layout is compared with). */
  tab: string;
  /** The layouts it is converted to (those in which conversion means something). */
  layouts: Layout[];
  /** Whether its tab form's tables hold blank number cells (so one cell per line loses where). */
  blankNumberCells: boolean;
  /** Whether single-cell mistakes are tried on it (not on reports with published errors). */
  mistakes: boolean;
  /** Where the cells to change come from: the tab form's model (default), or the text itself
   * (where today's model lacks rows or misplaces columns). */
  targetsFrom?: 'text';
  /** Whether its tables are arithmetically consistent as published (fix-all must change no digit). */
  consistent?: false;
  /** Mistakes only on table-三 rows whose 总计 is written (a row without one has no row equation). */
  onlyRowsWithTotal?: true;
}

const read = (rel: string) => fs.readFileSync(path.join(fixturesDir, rel), 'utf8');
const seed = (prefix: string) => seeds.find((s) => s.name.startsWith(prefix))!.text;

const FIXTURES: Fixture[] = [
  { name: 'seed 000', tab: seed('000_'), layouts: [...LAYOUTS], blankNumberCells: false, mistakes: true },
  // Seed 001 is stored as a pipe table; its tab form is its pipe rows turned into TAB rows.
  { name: 'seed 001', tab: pipeToTab(seed('001_')).text, layouts: [...LAYOUTS], blankNumberCells: false, mistakes: true },
  { name: 'seed 002', tab: seed('002_'), layouts: [...LAYOUTS], blankNumberCells: false, mistakes: true },
  { name: 'seed 003', tab: seed('003_'), layouts: [...LAYOUTS], blankNumberCells: false, mistakes: true },
  { name: 'seed 004', tab: seed('004_'), layouts: [...LAYOUTS], blankNumberCells: false, mistakes: true },
  // 2021_scj: the two blank 其他处理 sub-rows are blank number cells.
  { name: '2021_scj', tab: read('real/2021_scj.txt'), layouts: [...LAYOUTS], blankNumberCells: true, mistakes: true },
  { name: '2022_gwh', tab: read('real/2022_gwh.txt'), layouts: [...LAYOUTS], blankNumberCells: false, mistakes: true },
  { name: '2023_htp', tab: read('real/2023_htp.txt'), layouts: [...LAYOUTS], blankNumberCells: false, mistakes: true },
  // 2024_jjf and 2025_nyn carry real arithmetic errors: no single-cell mistakes on top of them.
  { name: '2024_jjf', tab: read('real/2024_jjf.txt'), layouts: [...LAYOUTS], blankNumberCells: false, mistakes: false, consistent: false },
  { name: '2025_nyn', tab: read('real/2025_nyn.txt'), layouts: [...LAYOUTS], blankNumberCells: false, mistakes: false, consistent: false },
  // Blank for zero: a blank is 0 where the equations agree (spec §6), so a changed written cell
  // is located as in any table — except on the outcome rows, whose 总计 is left empty: a number
  // there lies on one written equation (its column), which names a set of cells, not a cell.
  // Fix-all fills those empty totals (acceptance), the same in every layout.
  { name: 'blank-for-zero', tab: read('edited/2022_gwh-blank-for-zero.txt'), layouts: [...LAYOUTS], blankNumberCells: true, mistakes: true, onlyRowsWithTotal: true, consistent: false },
  // Phantom column: cells found in the text (today's model places the phantom column as 商业企业).
  { name: 'phantom-column', tab: read('edited/2022_gwh-phantom-column.txt'), layouts: [...LAYOUTS], blankNumberCells: false, mistakes: true, targetsFrom: 'text' },
  // The pdftotext report has no TAB rows: only the layouts that do not move cells apply.
  { name: 'huaian', tab: huaian.text, layouts: ['tab', 'crlf', 'gb18030'], blankNumberCells: false, mistakes: true },
];

// ---------------------------------------------------------------------------------------------
// Differences judged defensible: (fixture, layout, rule, side) with the reason.

type Side = 'missing' | 'extra';

interface Defensible {
  fixture: string;
  layout: Layout;
  rule: RuleId;
  /** missing: in the tab form only; extra: in the variant only; both: either. */
  side: Side | 'both';
  reason: string;
}

const LOST_BLANKS =
  'one cell per line drops empty cells, so a row with blank number cells no longer says which columns its numbers are in: ' +
  'the blanks cannot be named (cell-blank) and the row cannot be placed (table-row-shape, table-incomplete)';

const WORD_SHIFTS_IN_FIXED =
  "seed 002's tab rows are shifted by Word's merged cells; the fixed-width converter keeps those shifts (a PDF would not), " +
  "so its rows do not stand under the header's columns and the grid is not used: a row with an extra number is read right-aligned, " +
  'which the message says (and its repairs are suggestions)';
const NO_POSITIONS_IN_VERTICAL =
  "one cell per line has no positions: a row with an extra number is read right-aligned, which the message says (and its repairs are suggestions)";

const DEFENSIBLE: Defensible[] = [
  { fixture: 'blank-for-zero', layout: 'vertical', rule: 'cell-blank', side: 'both', reason: LOST_BLANKS },
  { fixture: 'seed 002', layout: 'fixed-left', rule: 'table-row-shape', side: 'both', reason: WORD_SHIFTS_IN_FIXED },
  { fixture: 'seed 002', layout: 'fixed-right', rule: 'table-row-shape', side: 'both', reason: WORD_SHIFTS_IN_FIXED },
  { fixture: 'seed 002', layout: 'vertical', rule: 'table-row-shape', side: 'both', reason: NO_POSITIONS_IN_VERTICAL },
  { fixture: 'blank-for-zero', layout: 'vertical', rule: 'table-row-shape', side: 'both', reason: LOST_BLANKS },
  { fixture: 'blank-for-zero', layout: 'vertical', rule: 'table-incomplete', side: 'both', reason: LOST_BLANKS },
  {
    fixture: 'blank-for-zero',
    layout: 'vertical',
    rule: 'table-missing',
    side: 'extra',
    reason: "table 四's one data row is two 1s among 13 blanks: one per line, nothing says which columns they are in, so the table cannot be read (the message says 或表格无法识别)",
  },
  {
    fixture: '2021_scj',
    layout: 'vertical',
    rule: 'table-incomplete',
    side: 'both',
    reason: "same message; its range is the table's first line, which in one cell per line is the header's first cell only",
  },
];

/**
 * Message differences that are only the text quoted as written: a message that quotes a cell
 * (「０」) quotes it in full-width digits in the full-width layout. Compared after turning full-width
 * digits inside 「…」 into ASCII.
 */
function comparableMessage(message: string, layout: Layout): string {
  return layout === 'fullwidth' ? message.replace(/「[^」]*」/g, (q) => asciiDigits(q)) : message;
}

/** An arithmetic difference is defensible only where the layout lost where the blanks were. */
function defensibleMayNameArithmetic(d: Defensible): boolean {
  const fx = FIXTURES.find((f) => f.name === d.fixture);
  return d.layout === 'vertical' && !!fx?.blankNumberCells;
}

/**
 * (fixture, layout) pairs where a changed cell cannot be located: there the test asks only that
 * fix-all never guesses (it restores the cell or leaves every digit as it is).
 */
const UNLOCATABLE: { fixture: string; layout: Layout; reason: string }[] = [
  { fixture: 'blank-for-zero', layout: 'vertical', reason: LOST_BLANKS },
];

// ---------------------------------------------------------------------------------------------
// Findings, compared across layouts.

const analyses = new Map<string, Analysis>();

/** analyze(), remembered per text (the tab forms are analysed by every layout's test). */
function analyzed(text: string): Analysis {
  let a = analyses.get(text);
  if (!a) analyses.set(text, (a = analyze(text)));
  return a;
}

/**
 * The tab text at a finding's range in variant `v`, read back through the offset map; a range
 * whose ends fall outside copied text (padding, separators, line ends) is shown as the variant's
 * own text, marked, so an imprecise range shows up as a difference.
 */
function textAtRange(f: Finding, v: Pick<Variant, 'text' | 'segments'>, tab: string): string {
  const { start, end } = f.range;
  if (start === end) return '';
  const s = toTabOffset(v, start, 'start');
  const e = toTabOffset(v, end, 'end');
  if (s !== undefined && e !== undefined && s <= e) return tab.slice(s, e);
  return `⟨outside the cells: ${JSON.stringify(v.text.slice(start, end))}⟩`;
}

const SHOWN = 60;
const short = (s: string) => (s.length > SHOWN ? s.slice(0, SHOWN) + '…' : s);

/** A finding as compared: rule, severity, message, text at its range (in tab coordinates). */
function findingKey(f: Finding, v: Pick<Variant, 'text' | 'segments'>, tab: string, layout: Layout): string {
  return `${f.ruleId} ${f.severity} ${comparableMessage(f.message, layout)} «${short(textAtRange(f, v, tab))}»`;
}

function findingKeys(text: string, v: Pick<Variant, 'text' | 'segments'>, tab: string, layout: Layout): string[] {
  return analyzed(text)
    .findings.map((f) => findingKey(f, v, tab, layout))
    .sort();
}

/** Multiset difference a − b. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  return a.filter((k) => {
    const n = left.get(k) ?? 0;
    if (n) left.set(k, n - 1);
    return n === 0;
  });
}

const ruleOf = (key: string) => key.slice(0, key.indexOf(' ')) as RuleId;

function isDefensible(fixture: string, layout: Layout, side: Side, key: string): boolean {
  return DEFENSIBLE.some((d) => d.fixture === fixture && d.layout === layout && (d.side === side || d.side === 'both') && d.rule === ruleOf(key));
}

/** Findings of the variant that differ from the tab form's, less the defensible ones. */
function findingDifferences(fx: Fixture, layout: Layout, v: Pick<Variant, 'text' | 'segments'>): { missing: string[]; extra: string[] } {
  const want = findingKeys(fx.tab, toTab(fx.tab), fx.tab, 'tab');
  const got = findingKeys(v.text, v, fx.tab, layout);
  return {
    missing: minus(want, got).filter((k) => !isDefensible(fx.name, layout, 'missing', k)),
    extra: minus(got, want).filter((k) => !isDefensible(fx.name, layout, 'extra', k)),
  };
}

function differenceReport(fx: string, layout: string, d: { missing: string[]; extra: string[] }): string {
  const lines = [`${fx} / ${layout}: ${d.missing.length} finding(s) of the tab form missing, ${d.extra.length} extra`];
  for (const k of d.missing.slice(0, 6)) lines.push(`  - ${k}`);
  for (const k of d.extra.slice(0, 6)) lines.push(`  + ${k}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Single-cell mistakes.

/** A table cell the mistakes are made in: where it is in the tab form, and its value. */
interface Target {
  where: string;
  start: number;
  end: number;
  value: number;
}

/** Every number cell of table 三, and the three 总计 of table 四 (its other cells lie on one
 * equation each: the equation, not the cell, is known; spec §6). */
function targets(fx: Fixture): Target[] {
  return fx.targetsFrom === 'text' ? textTargets(fx.tab) : modelTargets(fx.tab, fx.onlyRowsWithTotal);
}

function modelTargets(tab: string, onlyRowsWithTotal = false): Target[] {
  const model = analyzed(tab).report;
  const rows = [...(model.table3?.rows.values() ?? [])].filter((row) => !onlyRowsWithTotal || row.cells[6].kind === 'number');
  const t3 = rows.flatMap((row) => row.cells.map((cell, col) => ({ where: `${row.key}[${col}]`, cell })));
  const t4 = [4, 9, 14].map((col) => ({ where: `t4[${col}]`, cell: model.table4?.cells[col] }));
  return [...t3, ...t4]
    .filter((t): t is { where: string; cell: Cell } => t.cell?.kind === 'number')
    .map(({ where, cell }) => ({ where, start: cell.start, end: cell.end, value: Number(cell.num) }));
}

/**
 * The same cells found in the text without the engine: the written numbers of the table-三 lines
 * (from the corner cell's line to 四、结转下年度继续办理) and the written 总计 (cells 4, 9, 14) of
 * table 四's data line (the last line of the block that starts with 行政复议).
 */
function textTargets(tab: string): Target[] {
  const lines = tabLines(tab);
  const first = lines.findIndex((l) => l.cells && l.text.includes('本列数据'));
  const last = lines.findIndex((l, i) => i > first && l.cells && l.text.startsWith('四、结转下年度继续办理'));
  const t4head = lines.findIndex((l, i) => i > last && l.cells && l.text.startsWith('行政复议'));
  const [, t4data] = tableBlocks(lines).find(([b]) => b === t4head) ?? [];
  const numberCells = (i: number, only?: number[]) =>
    lines[i].cells!.flatMap((c, k) => (/^\d+$/.test(c.text) && (!only || only.includes(k)) ? [{ where: `line ${i + 1}[${k}]`, start: c.start, end: c.end, value: Number(c.text) }] : []));
  const t3 = lines.slice(first, last + 1).flatMap((_, j) => numberCells(first + j));
  return [...t3, ...(t4data === undefined ? [] : numberCells(t4data, [4, 9, 14]))];
}

/**
 * Which cells each layout tries, to keep the file fast (every cell costs an analyze and a fix-all,
 * ~1,600 cells per layout): every cell in the tab form and in fixed-width text (left-aligned
 * numbers take the even cells, right-aligned the odd ones, so every cell is tried once in a
 * fixed-width layout), every 4th cell in pipe, one-cell-per-line and full-width text (at different
 * offsets), every 8th in CRLF and GB18030 (whose cells do not move within their line).
 */
const SAMPLE: Record<Layout, { every: number; offset: number }> = {
  tab: { every: 1, offset: 0 },
  'fixed-left': { every: 2, offset: 0 },
  'fixed-right': { every: 2, offset: 1 },
  pipe: { every: 4, offset: 0 },
  vertical: { every: 4, offset: 1 },
  fullwidth: { every: 4, offset: 2 },
  crlf: { every: 8, offset: 3 },
  gb18030: { every: 8, offset: 7 },
};

/** A short list (blank-for-zero's 13 written cells) is tried whole in every layout. */
const WHOLE = 40;

const sampled = <T>(items: readonly T[], layout: Layout) =>
  items.length <= WHOLE ? items : items.filter((_, i) => i % SAMPLE[layout].every === SAMPLE[layout].offset);

type Repair = 'fix' | 'suggestion';

interface Outcome {
  /** The first problem found, if any. */
  problem?: string;
  /** How the error was repaired (set once the error was found on the cell). */
  repair?: Repair;
}

/** What the tab form does with each mistake (the variants must repair the same way), by fixture
 * and cell start. */
const tabOutcomes = new Map<string, Map<number, Outcome>>();

/** fix-all of the unchanged variant: what fix-all does anyway (e.g. a section title), by text. */
const baselines = new Map<string, string>();
function fixedAnyway(text: string): string {
  let b = baselines.get(text);
  if (b === undefined) baselines.set(text, (b = fixAll(text).text));
  return b;
}

/** A number written the way the layout writes numbers. */
const written = (n: number, layout: Layout) => (layout === 'fullwidth' ? fullwidthDigits(String(n)) : String(n));

/** Changes the cell by +1 in the variant and checks the one error and its repair. */
function tryMistake(v: Variant, t: Target): Outcome {
  const at = toVariantOffset(v, t.start, 'start');
  const old = at === undefined ? undefined : v.text.slice(at, at + (t.end - t.start));
  if (at === undefined || asciiDigits(old!) !== String(t.value)) return { problem: `${t.where}: the cell is not at its mapped place (${JSON.stringify(old)})` };
  const now = written(t.value + 1, v.layout);
  const mutated = v.text.slice(0, at) + now + v.text.slice(at + old!.length);
  const errs = errors(analyze(mutated));
  const cell = { start: at, end: at + now.length };
  const before = new Set(errors(analyzed(v.text)).map((f) => f.message));
  const about = (f: Finding) => `${f.ruleId} «${short(mutated.slice(f.range.start, f.range.end))}» ${short(f.message)}${before.has(f.message) ? ' (there before the change)' : ''}`;
  const what = `${t.where} ${t.value}→${t.value + 1}`;
  if (errs.length !== 1) return { problem: `${what}: ${errs.length} errors${errs.length ? ': ' + errs.slice(0, 3).map(about).join(' | ') : ''}` };
  const e = errs[0];
  if (e.range.start !== cell.start || e.range.end !== cell.end) return { problem: `${what}: the error is on ${about(e)}, not on the cell` };
  if (!e.message.includes(`应为 ${t.value}`)) return { problem: `${what}: the message does not say 应为 ${t.value}: ${e.message}` };
  return checkRepair(what, v.text, mutated, cell, e);
}

/**
 * A fix: fix-all restores the variant byte for byte (less whatever fix-all does to the unchanged
 * variant anyway, e.g. 2023_htp's section title). A suggestion: the first one restores the variant,
 * and fix-all leaves the changed cell alone (a guess is never applied).
 */
function checkRepair(what: string, original: string, mutated: string, cell: { start: number; end: number }, e: Finding): Outcome {
  const all = fixAll(mutated);
  if (e.fix) {
    const want = fixedAnyway(original);
    if (all.text !== want) return { repair: 'fix', problem: `${what}: fix-all does not restore the text byte for byte (${firstChange(want, all.text)})` };
    return { repair: 'fix' };
  }
  const suggestion = e.suggestions?.[0];
  if (!suggestion) return { problem: `${what}: the error has neither a fix nor a suggestion` };
  if (applyEdits(mutated, suggestion.edits) !== original) return { repair: 'suggestion', problem: `${what}: the first suggestion does not restore the text` };
  const touched = all.edits.find((ed) => ed.start <= cell.end && ed.end >= cell.start);
  if (touched) return { repair: 'suggestion', problem: `${what}: fix-all applied a guess to the cell (→ ${JSON.stringify(touched.newText)})` };
  return { repair: 'suggestion' };
}

function firstChange(want: string, got: string): string {
  let i = 0;
  while (i < want.length && want[i] === got[i]) i++;
  return `at ${i}: ${JSON.stringify(want.slice(i, i + 12))} expected, ${JSON.stringify(got.slice(i, i + 12))} written`;
}

/** Where a changed cell cannot be located: fix-all restores it or leaves every digit alone. */
function neverGuesses(v: Variant, t: Target): Outcome {
  const at = toVariantOffset(v, t.start, 'start')!;
  const mutated = v.text.slice(0, at) + written(t.value + 1, v.layout) + v.text.slice(at + (t.end - t.start));
  const fixed = fixAll(mutated).text;
  const digits = (text: string) => asciiDigits(text).replace(/[^0-9]/g, '');
  if (fixed === fixedAnyway(v.text) || digits(fixed) === digits(mutated)) return {};
  return { problem: `${t.where} ${t.value}→${t.value + 1}: fix-all guessed (${firstChange(mutated, fixed)})` };
}

/** The tab form's outcome for a target (remembered from the tab layout's test, or computed). */
function tabOutcome(fx: Fixture, t: Target): Outcome {
  let m = tabOutcomes.get(fx.name);
  if (!m) tabOutcomes.set(fx.name, (m = new Map()));
  let o = m.get(t.start);
  if (!o) m.set(t.start, (o = tryMistake(toTab(fx.tab), t)));
  return o;
}

/**
 * Rows whose repairs are suggestions in a layout where the tab form's are fixes, with the reason:
 * the layout reads them right-aligned (a guess), so no fix on them is automatic.
 */
const REPAIRED_BY_SUGGESTION: { fixture: string; layout: Layout; rows: string[]; reason: string }[] = [
  { fixture: 'seed 002', layout: 'fixed-left', rows: ['r6', 'total', 't4'], reason: WORD_SHIFTS_IN_FIXED },
  { fixture: 'seed 002', layout: 'fixed-right', rows: ['r6', 'total', 't4'], reason: WORD_SHIFTS_IN_FIXED },
  { fixture: 'seed 002', layout: 'vertical', rows: ['r6', 'total', 't4'], reason: NO_POSITIONS_IN_VERTICAL },
];

/** Where fix-all can place no fill-in at all (the layout lost where the blanks were). */
const FILLS_NOTHING: { fixture: string; layout: Layout; reason: string }[] = [{ fixture: 'blank-for-zero', layout: 'vertical', reason: LOST_BLANKS }];

const suggestedHere = (fx: Fixture, layout: Layout, t: Target) =>
  REPAIRED_BY_SUGGESTION.some((r) => r.fixture === fx.name && r.layout === layout && r.rows.includes(t.where.slice(0, t.where.indexOf('['))));

/** The variant's outcome, also failing when it repairs differently from a working tab form. */
function variantOutcome(fx: Fixture, v: Variant, t: Target): Outcome {
  if (v.layout === 'tab') return tabOutcome(fx, t);
  const o = tryMistake(v, t);
  const inTab = tabOutcome(fx, t);
  const expected = suggestedHere(fx, v.layout, t) ? 'suggestion' : inTab.repair;
  if (!o.problem && !inTab.problem && o.repair !== expected) return { ...o, problem: `${t.where}: repaired by a ${o.repair}, expected a ${expected}` };
  return o;
}

// ---------------------------------------------------------------------------------------------
// Fix-all: which numbers it changes.

/** fix-all's edits that touch a digit, as "tab text at the edit → new text" in tab coordinates. */
function numberEdits(v: Pick<Variant, 'text' | 'segments'>, tab: string): string[] {
  return fixAll(v.text)
    .edits.filter((e) => /[0-9０-９]/.test(v.text.slice(e.start, e.end) + e.newText))
    .map((e) => {
      // A fill-in written into fixed-width spaces keeps them around it: where its digits go.
      const lead = /^ */.exec(e.newText)![0].length;
      e = { start: e.start + lead, end: Math.max(e.start + lead, e.end - (e.newText.length - e.newText.trimEnd().length)), newText: e.newText.trim() };
      const s = toTabOffset(v, e.start, 'start');
      const where = s === undefined ? `⟨${JSON.stringify(v.text.slice(e.start, e.end))} outside the cells⟩` : `@${s} ${JSON.stringify(tab.slice(s, toTabOffset(v, e.end, 'end') ?? s))}`;
      return `${where} → ${JSON.stringify(asciiDigits(e.newText).replace(/\r\n/g, '\n'))}`;
    })
    .sort();
}

// ---------------------------------------------------------------------------------------------

describe('the table of defensible differences', () => {
  it('names no arithmetic rule, except for one cell per line of a table with blank number cells', () => {
    const bad = DEFENSIBLE.filter((d) => ARITHMETIC.has(d.rule) && !defensibleMayNameArithmetic(d));
    expect(bad, 'arithmetic differences are never defensible here').toEqual([]);
  });

  it('gives a reason for every entry and names known fixtures', () => {
    for (const d of [...DEFENSIBLE, ...UNLOCATABLE, ...REPAIRED_BY_SUGGESTION, ...FILLS_NOTHING]) {
      expect(d.reason.length, JSON.stringify(d)).toBeGreaterThan(10);
      expect(FIXTURES.some((f) => f.name === d.fixture)).toBe(true);
    }
  });
});

describe.each(FIXTURES.map((fx) => [fx.name, fx] as const))('%s', (_name, fx) => {
  const variants = new Map<Layout, Variant>();
  const variant = (layout: Layout) => {
    let v = variants.get(layout);
    if (!v) variants.set(layout, (v = convert(fx.tab, layout)));
    return v;
  };
  const others = fx.layouts.filter((l) => l !== 'tab');

  it.each(others.map((l) => [l]))('a. %s: the same findings as the tab form', (layout) => {
    const d = findingDifferences(fx, layout, variant(layout));
    expect(d.missing.length + d.extra.length === 0, differenceReport(fx.name, layout, d)).toBe(true);
  });

  if (fx.name === 'seed 001') {
    it('a. as stored (pipe rows, no |---| row): the same findings as its tab form', () => {
      const stored = seed('001_');
      const toStored: Segment[] = invertSegments(pipeToTab(stored).segments);
      const d = findingDifferences(fx, 'pipe', { text: stored, segments: toStored });
      expect(d.missing.length + d.extra.length === 0, differenceReport(fx.name, 'as stored', d)).toBe(true);
    });
  }

  if (fx.mistakes) {
    const locatable = (l: Layout) => !UNLOCATABLE.some((u) => u.fixture === fx.name && u.layout === l);
    it.each(fx.layouts.filter(locatable).map((l) => [l]))('b. %s: a single changed cell is located and repaired byte for byte', (layout) => {
      const v = variant(layout);
      const all = targets(fx);
      expect(all.length, `${fx.name}: no number cells to change`).toBeGreaterThan(5);
      const problems: string[] = [];
      for (const t of sampled(all, layout)) {
        const o = variantOutcome(fx, v, t);
        if (o.problem) problems.push(o.problem);
      }
      const tried = sampled(all, layout).length;
      expect(problems.length === 0, `${fx.name} / ${layout}: ${problems.length} of ${tried} cells fail\n  ${problems.slice(0, 6).join('\n  ')}`).toBe(true);
    });

    it.each(fx.layouts.filter((l) => !locatable(l)).map((l) => [l]))('b. %s: a changed cell cannot be located here; fix-all never guesses', (layout) => {
      const v = variant(layout);
      const problems = sampled(targets(fx), layout).flatMap((t) => neverGuesses(v, t).problem ?? []);
      expect(problems.length === 0, `${fx.name} / ${layout}: ${problems.length} cells\n  ${problems.slice(0, 6).join('\n  ')}`).toBe(true);
    });
  }

  if (fx.consistent !== false) {
    it.each(fx.layouts.map((l) => [l]))('c. %s: fix-all changes no digit of this consistent report', (layout) => {
      const v = variant(layout);
      const digits = (text: string) => asciiDigits(text).replace(/[^0-9]/g, '');
      const fixed = fixAll(v.text);
      const changed = fixed.edits.filter((e) => /[0-9０-９]/.test(v.text.slice(e.start, e.end) + e.newText));
      expect(digits(fixed.text) === digits(v.text), `${fx.name} / ${layout}: fix-all changed digits: ${changed.slice(0, 5).map((e) => `${JSON.stringify(v.text.slice(e.start, e.end))} → ${JSON.stringify(e.newText)} at ${e.start}`).join(', ')}`).toBe(true);
    });
  } else {
    it.each(others.map((l) => [l]))('c. %s: fix-all changes the same numbers as in the tab form', (layout) => {
      const v = variant(layout);
      const want = numberEdits(toTab(fx.tab), fx.tab);
      const got = numberEdits(v, fx.tab);
      const d = { missing: minus(want, got), extra: minus(got, want) };
      if (d.missing.length + d.extra.length === 0) return;
      if (FILLS_NOTHING.some((f) => f.fixture === fx.name && f.layout === layout)) {
        expect(got, `${fx.name} / ${layout}: fix-all changed numbers where it can place none`).toEqual([]);
        return;
      }
      // A fill-in at a place no cell of the tab form maps to (fixed-width spaces, a pipe cell's
      // padding): fixing commutes with converting — the same numbers in the same places, up to
      // the spaces, tabs and pipes between cells.
      const squash = (t: string) => asciiDigits(t).replace(/\r\n/g, '\n').replace(/[ \t|]+/g, ' ').replace(/ \n/g, '\n');
      const fixedThenConverted = squash(convert(fixAll(fx.tab).text, layout).text);
      expect(squash(fixAll(v.text).text) === fixedThenConverted, `${fx.name} / ${layout}: fix-all's number edits differ from the tab form's, and fixing does not commute with converting\n  - ${d.missing.slice(0, 5).join('\n  - ')}\n  + ${d.extra.slice(0, 5).join('\n  + ')}`).toBe(true);
    });
  }
});
