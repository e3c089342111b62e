// P1: a number the prose states ("共收到政府信息公开申请7件，其中予以公开1件") contradicts the
// tables. Only plain statements about this unit and this year are read: a sentence that mentions
// another year, a comparison, sub-units or other kinds of requests is skipped (a false warning is
// worse than a missed one). The finding sits on the number in the prose and points at the cells.
import type { ReportModel } from '../model';
import { tr } from '../names';
import type { Sentence } from '../prose';
import { proseSentences, rangeOf, sentenceKeys } from '../prose';
import type { Cell } from '../text/cells';
import type { T3Row } from '../template';
import { T3_TOTAL_COL } from '../template';
import type { Locale, OffsetRange, RelatedInfo } from '../types';
import type { RawFinding, RuleContext } from './rule';
import { defineRule } from './rule';
import { refKey } from '../solve';

/** A table figure the prose can be compared with: the sum of some cells. */
interface Figure {
  zh: string;
  en: string;
  cells: Cell[];
}

const INTEGER = /^\+?\d+$/;

/**
 * The values the arithmetic gives blank cells: 0 where the table leaves its zeros blank (or a row
 * wholly blank), the determined value of a missing total (blankZeros.ts, solve.ts) — so a report
 * that leaves its totals empty is still compared with its prose.
 */
type BlankValues = ReadonlyMap<Cell, number>;

function blankValuesOf(equations: RuleContext['equations'], solution: RuleContext['solution']): BlankValues {
  const out = new Map<Cell, number>();
  for (const eq of equations) {
    for (const ref of [eq.total, ...eq.parts, ...eq.rhsOthers]) {
      if (ref.cell.kind !== 'blank' || out.has(ref.cell)) continue;
      const v = ref.zero ? 0 : solution.determined.get(refKey(ref))?.value;
      if (v !== undefined) out.set(ref.cell, v);
    }
  }
  return out;
}

function valueOf(f: Figure, blanks: BlankValues): number | undefined {
  if (f.cells.length === 0) return undefined;
  let sum = 0;
  for (const c of f.cells) {
    const blank = c.kind === 'blank' ? blanks.get(c) : undefined;
    if (blank !== undefined) {
      sum += blank;
      continue;
    }
    if (c.kind !== 'number' || !INTEGER.test(c.num!)) return undefined;
    sum += Number(c.num);
  }
  return sum;
}

function t3Figure(model: ReportModel, rows: T3Row[], zh: string, en: string): Figure | undefined {
  const cells: Cell[] = [];
  for (const r of rows) {
    const row = model.table3?.rows.get(r);
    if (!row) return undefined;
    cells.push(row.cells[T3_TOTAL_COL]);
  }
  return { zh, en, cells };
}

function t4Figure(model: ReportModel, cols: number[], zh: string, en: string): Figure | undefined {
  const t4 = model.table4;
  return t4 ? { zh, en, cells: cols.map((c) => t4.cells[c]) } : undefined;
}

const R3: T3Row[] = ['r3.1', 'r3.2', 'r3.3', 'r3.4', 'r3.5', 'r3.6', 'r3.7', 'r3.8'];
const R4: T3Row[] = ['r4.1', 'r4.2', 'r4.3'];
const R5: T3Row[] = ['r5.1', 'r5.2', 'r5.3', 'r5.4', 'r5.5'];

/** （六）其他处理: one row in F2019, three sub-rows in F2021 — whichever the table has. */
function otherHandling(model: ReportModel): Figure | undefined {
  const rows = model.table3?.rows;
  const zh = '（六）其他处理·总计';
  const en = '(VI) other handling · total';
  if (rows?.has('r6.1') || rows?.has('r6.2') || rows?.has('r6.3')) return t3Figure(model, ['r6.1', 'r6.2', 'r6.3'], zh, en);
  return t3Figure(model, ['r6'], zh, en);
}

type Place = 'after' | 'before';

interface Claim {
  id: string;
  zh: string;
  en: string;
  /** Matches with the number in group `n`; `after`: keyword then number, `before`: number then keyword. */
  re: RegExp;
  /** The regex cannot match a sentence holding none of these (checked first, by indexOf). */
  needs: string[];
  place: Place;
  /** Acceptable table figures: the prose agrees when it equals any of them. */
  figures(model: ReportModel, m: RegExpExecArray): (Figure | undefined)[];
}

// A gap between keyword and number: no clause punctuation, no digits, short.
const G = (max: number) => `[^，,。；;：:、（）()\\d]{0,${max}}?`;
const NUM = '(?<![\\d.,])(?<n>\\d{1,7})\\s*件';
const OUTCOME_WORDS = /公开|提供|处理|复议|诉讼/;

const t3 = (rows: T3Row[], zh: string, en: string) => (model: ReportModel) => [t3Figure(model, rows, zh, en)];

const NEW_ZH = '一、本年新收·总计';
const NEW_EN = 'I. new applications · total';

const CLAIMS: Claim[] = [
  {
    id: 'received',
    zh: '收到申请',
    en: 'applications received',
    re: new RegExp(`(?<kw>新收|收到|受理|接收|接到)了?(?<gap>${G(16)}申请${G(8)})${NUM}`, 'g'),
    needs: ['申请'],
    place: 'after',
    figures: (model, m) => {
      if (/复议|诉讼|投诉|举报|上一?年|结转/.test(m.groups!.gap)) return [];
      const only = t3Figure(model, ['new'], NEW_ZH, NEW_EN);
      if (m.groups!.kw === '新收') return [only];
      return [only, t3Figure(model, ['new', 'carried'], '一、本年新收 + 二、上年结转（总计）', 'I. new + II. carried over (total)')];
    },
  },
  {
    id: 'carried',
    zh: '上年结转',
    en: 'carried over from last year',
    re: new RegExp(`上一?年度?结转的?${G(14)}${NUM}`, 'g'),
    needs: ['结转'],
    place: 'after',
    figures: t3(['carried'], '二、上年结转·总计', 'II. carried over · total'),
  },
  {
    id: 'forward',
    zh: '结转下年度',
    en: 'carried forward',
    re: new RegExp(`(?:结转|转结|顺延|转入)(?:到|至|入)?下一?年度?${G(10)}${NUM}`, 'g'),
    needs: ['下'],
    place: 'after',
    figures: t3(['forward'], '四、结转下年度继续办理·总计', 'IV. carried forward · total'),
  },
  {
    id: 'handled',
    zh: '办结',
    en: 'handled',
    re: new RegExp(`(?<![公开予以])(?:办结|答复|办理完毕)了?(?<gap>${G(14)})${NUM}`, 'g'),
    needs: ['办结', '答复', '办理完毕'],
    place: 'after',
    figures: (model, m) => (OUTCOME_WORDS.test(m.groups!.gap) ? [] : [t3Figure(model, ['total'], '（七）总计·总计', '(VII) total · total')]),
  },
  {
    id: 'r1r2',
    zh: '予以公开及部分公开',
    en: 'disclosed in full or in part',
    re: new RegExp(`(?<!不)予以公开(?:及|和|与|、)部分公开${G(6)}${NUM}`, 'g'),
    needs: ['部分公开'],
    place: 'after',
    figures: t3(['r1', 'r2'], '（一）予以公开 +（二）部分公开（总计）', '(I) disclosed + (II) partly disclosed (total)'),
  },
  {
    id: 'r1',
    zh: '予以公开',
    en: 'disclosed',
    re: new RegExp(`(?<!不)予以公开(?!(?:及|和|与|、)部分公开)(?<gap>${G(6)})${NUM}`, 'g'),
    needs: ['予以公开'],
    place: 'after',
    figures: (model, m) => (/部分|不予/.test(m.groups!.gap) ? [] : [t3Figure(model, ['r1'], '（一）予以公开·总计', '(I) disclosed · total')]),
  },
  {
    id: 'r2',
    zh: '部分公开',
    en: 'partly disclosed',
    re: new RegExp(`(?<!及|和|与|、)部分公开${G(6)}${NUM}`, 'g'),
    needs: ['部分公开'],
    place: 'after',
    figures: t3(['r2'], '（二）部分公开·总计', '(II) partly disclosed · total'),
  },
  {
    id: 'r3',
    zh: '不予公开',
    en: 'not disclosed',
    re: new RegExp(`不予以?公开${G(6)}${NUM}`, 'g'),
    needs: ['不予'],
    place: 'after',
    figures: t3(R3, '（三）不予公开（1～8 项总计之和）', '(III) not disclosed (sum of items 1–8, total)'),
  },
  {
    id: 'r4',
    zh: '无法提供',
    en: 'cannot be provided',
    re: new RegExp(`无法提供${G(6)}${NUM}`, 'g'),
    needs: ['无法提供'],
    place: 'after',
    figures: t3(R4, '（四）无法提供（1～3 项总计之和）', '(IV) cannot be provided (sum of items 1–3, total)'),
  },
  {
    id: 'r5',
    zh: '不予处理',
    en: 'not processed',
    re: new RegExp(`不予处理${G(6)}${NUM}`, 'g'),
    needs: ['不予处理'],
    place: 'after',
    figures: t3(R5, '（五）不予处理（1～5 项总计之和）', '(V) not processed (sum of items 1–5, total)'),
  },
  {
    id: 'r6',
    zh: '其他处理',
    en: 'other handling',
    re: new RegExp(`其他处理${G(6)}${NUM}`, 'g'),
    needs: ['其他处理'],
    place: 'after',
    figures: (model) => [otherHandling(model)],
  },
  // Number first: "其中 1 件予以公开", "剩余 4 件转结到下一年度办理".
  {
    id: 'forward',
    zh: '结转下年度',
    en: 'carried forward',
    re: new RegExp(`${NUM}${G(6)}(?:结转|转结|顺延|转入)(?:到|至|入)?下一?年`, 'g'),
    needs: ['下'],
    place: 'before',
    figures: t3(['forward'], '四、结转下年度继续办理·总计', 'IV. carried forward · total'),
  },
  {
    id: 'r1r2',
    zh: '予以公开及部分公开',
    en: 'disclosed in full or in part',
    re: new RegExp(`${NUM}${G(4)}(?<!不)予以公开(?:及|和|与|、)部分公开`, 'g'),
    needs: ['部分公开'],
    place: 'before',
    figures: t3(['r1', 'r2'], '（一）予以公开 +（二）部分公开（总计）', '(I) disclosed + (II) partly disclosed (total)'),
  },
  {
    id: 'r1',
    zh: '予以公开',
    en: 'disclosed',
    re: new RegExp(`${NUM}${G(4)}(?<!不)予以公开(?!(?:及|和|与|、)部分公开)`, 'g'),
    needs: ['予以公开'],
    place: 'before',
    figures: t3(['r1'], '（一）予以公开·总计', '(I) disclosed · total'),
  },
  {
    id: 'r2',
    zh: '部分公开',
    en: 'partly disclosed',
    re: new RegExp(`${NUM}${G(4)}(?<!予以公开(?:及|和|与|、))部分公开`, 'g'),
    needs: ['部分公开'],
    place: 'before',
    figures: t3(['r2'], '（二）部分公开·总计', '(II) partly disclosed · total'),
  },
  {
    id: 'r3',
    zh: '不予公开',
    en: 'not disclosed',
    re: new RegExp(`${NUM}${G(4)}不予以?公开`, 'g'),
    needs: ['不予'],
    place: 'before',
    figures: t3(R3, '（三）不予公开（1～8 项总计之和）', '(III) not disclosed (sum of items 1–8, total)'),
  },
  {
    id: 'r4',
    zh: '无法提供',
    en: 'cannot be provided',
    re: new RegExp(`${NUM}${G(4)}无法提供`, 'g'),
    needs: ['无法提供'],
    place: 'before',
    figures: t3(R4, '（四）无法提供（1～3 项总计之和）', '(IV) cannot be provided (sum of items 1–3, total)'),
  },
  {
    id: 'r5',
    zh: '不予处理',
    en: 'not processed',
    re: new RegExp(`${NUM}${G(4)}不予处理`, 'g'),
    needs: ['不予处理'],
    place: 'before',
    figures: t3(R5, '（五）不予处理（1～5 项总计之和）', '(V) not processed (sum of items 1–5, total)'),
  },
];

// Table 四: "行政复议351件，其中结果维持72件，…；行政诉讼46件，其中结果维持25件，…".
const T4_CASE = new RegExp(`(?<kw>行政复议|行政诉讼)(?:案件|案|申请)?${G(8)}${NUM}`, 'g');
const T4_PARTS: { re: RegExp; part: number; zh: string; en: string }[] = [
  { re: new RegExp(`(?:结果)?维持${G(2)}${NUM}`, 'g'), part: 0, zh: '结果维持', en: 'upheld' },
  { re: new RegExp(`(?:结果)?纠正${G(2)}${NUM}`, 'g'), part: 1, zh: '结果纠正', en: 'corrected' },
  { re: new RegExp(`其他结果${G(2)}${NUM}`, 'g'), part: 2, zh: '其他结果', en: 'other outcome' },
  { re: new RegExp(`(?:尚未审结|未审结|正在审理|审理中)${G(2)}${NUM}`, 'g'), part: 3, zh: '尚未审结', en: 'pending' },
];
const T4_PART_NAMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const T4_PART_NAMES_EN = ['upheld', 'corrected', 'other outcome', 'pending', 'total'];

function t4CaseFigure(model: ReportModel, kind: string, part: number): Figure | undefined {
  if (kind === '行政复议') return t4Figure(model, [part], `行政复议·${T4_PART_NAMES[part]}`, `administrative reconsideration · ${T4_PART_NAMES_EN[part]}`);
  return t4Figure(model, [5 + part, 10 + part], `行政诉讼·${T4_PART_NAMES[part]}（两类起诉之和）`, `litigation · ${T4_PART_NAMES_EN[part]} (both kinds)`);
}

// Negative statements.
const NONE_RECEIVED = new RegExp(`(?<kw>未|没有)(?:收到|接到|受理|产生)(?<gap>${G(20)})申请`, 'g');
const NONE_CASES = /(?<kw>未发生|没有发生|未出现|没有出现|未产生|未有|没有因|未因|无因|未收到|未接到|没有收到)(?<gap>[^，,。；;：:\d]{0,30}?)(?:行政复议|复议|行政诉讼|诉讼)/g;

// Sentences not read: other years, comparisons, sub-units, other kinds of requests, estimates.
const SKIP_SENTENCE = /同比|环比|去年|较上年|比上年|历年|累计|各级|各地|各部门|各单位|各乡镇|各街道|各县|各区|所属|下属|全系统|系统内|市直|县直|区直|协助|代办|转办|转交|咨询|热线|留言|来电|来信|(?:约|近|超过|逾)\s*\d|\d\s*件?(?:以上|左右|余|多)/;
const YEARS = /((?:19|20)\d{2})\s*年/g;
const CLAUSE_END = /[，,。；;]/g;
/** Table 四's case kinds, each with the word a negative statement's clause names it by. */
const T4_KINDS: [string, string][] = [
  ['行政复议', '复议'],
  ['行政诉讼', '诉讼'],
];

function readable(text: string, year: number | undefined): boolean {
  if (SKIP_SENTENCE.test(text)) return false;
  if (year !== undefined && text.includes('年')) {
    YEARS.lastIndex = 0;
    for (let m = YEARS.exec(text); m; m = YEARS.exec(text)) if (Number(m[1]) !== year) return false;
  }
  return true;
}

/** Every claim and negative statement holds 件, 未, 没有 or 无因 (the same in the half-width view). */
const mayClaim = (text: string): boolean => /件|未|没有|无因/.test(text);
/** Only sentences holding one of these are copied out of the prose at all (mayClaim decides). */
const CLAIM_KEYS = sentenceKeys('件未没无');

/**
 * Where the table's figure is: its cells, or — for a sum of more rows (（三）不予公开's eight, （五）'s
 * five) — one place spanning them, so the list stays short.
 */
function related(figure: Figure, locale: Locale): RelatedInfo[] {
  const message = tr(locale, `表格中的数：${figure.zh}`, `table figure: ${figure.en}`);
  if (figure.cells.length <= 3) return figure.cells.map((c) => ({ range: { start: c.start, end: c.end }, message }));
  let start = Infinity;
  let end = -Infinity;
  for (const c of figure.cells) {
    start = Math.min(start, c.start);
    end = Math.max(end, c.end);
  }
  return [{ range: { start, end }, message }];
}

/** Where a match's number starts in the sentence (the gaps hold no digits: its first digit run). */
function numberAt(m: RegExpMatchArray): number {
  return m.index! + m[0].search(/\d/);
}

/** The number of a match. */
function numberRange(s: Sentence, m: RegExpMatchArray): OffsetRange {
  const at = numberAt(m);
  return rangeOf(s, at, at + m.groups!.n.length);
}

function mismatch(locale: Locale, what: { zh: string; en: string }, n: number, figures: Figure[], blanks: BlankValues): string {
  const [first, ...rest] = figures;
  const v = valueOf(first, blanks)!;
  const others = rest.map((f) => ({ f, v: valueOf(f, blanks)! }));
  const zhAlt = others.map((o) => `，${o.f.zh} 为 ${o.v}`).join('');
  const enAlt = others.map((o) => `; ${o.f.en} is ${o.v}`).join('');
  return tr(
    locale,
    `正文写${what.zh} ${n} 件，与表格不符：${first.zh} 为 ${v}${zhAlt}`,
    `The text says ${n} ${what.en}, but the table disagrees: ${first.en} is ${v}${enAlt}`,
  );
}

/**
 * Is a sentence one to read (readable())? Asked only when it would give a finding: a report whose
 * prose agrees with its tables (the common case) never runs the skip test, the costliest regex
 * here. The answer is the same whenever it is asked, so the findings are too.
 */
class ReadGate {
  private state: 0 | 1 | 2 = 0; // not asked yet, readable, not readable
  constructor(
    private readonly text: string,
    private readonly year: number | undefined,
  ) {}
  open(): boolean {
    if (this.state === 0) this.state = readable(this.text, this.year) ? 1 : 2;
    return this.state === 1;
  }
}

/** A stated count that the table contradicts (none of its figures equals it), if any. */
function report(out: RawFinding[], gate: ReadGate, blanks: BlankValues, locale: Locale, range: OffsetRange, n: number, what: { zh: string; en: string }, figures: (Figure | undefined)[]): void {
  const usable = figures.filter((f): f is Figure => !!f && valueOf(f, blanks) !== undefined);
  if (usable.length === 0 || usable.some((f) => valueOf(f, blanks) === n)) return;
  if (!gate.open()) return;
  out.push({ message: mismatch(locale, what, n, usable, blanks), range, related: usable.flatMap((f) => related(f, locale)) });
}

// The claims' keywords, each looked up at most once per sentence (several claims share one).
const NEEDLES = [...new Set(CLAIMS.flatMap((c) => c.needs))];
const NEED_IDS = CLAIMS.map((c) => c.needs.map((n) => NEEDLES.indexOf(n)));

/** The count claims of a sentence that holds a digit and 件, then table 四's counts. */
function readCounts(model: ReportModel, locale: Locale, s: Sentence, out: RawFinding[], gate: ReadGate, blanks: BlankValues): void {
  const text = s.text;
  const claimed: number[] = []; // sentence index of each number already read
  let looked = 0; // bit i: NEEDLES[i] looked up; found: bit i set when the sentence holds it
  let found = 0;
  for (let c = 0; c < CLAIMS.length; c++) {
    const claim = CLAIMS[c];
    let holds = false;
    for (const id of NEED_IDS[c]) {
      const bit = 1 << id;
      if (!(looked & bit)) {
        looked |= bit;
        if (text.includes(NEEDLES[id])) found |= bit;
      }
      if (found & bit) {
        holds = true;
        break;
      }
    }
    if (!holds) continue;
    claim.re.lastIndex = 0;
    for (let m = claim.re.exec(text); m; m = claim.re.exec(text)) {
      const at = numberAt(m);
      if (claimed.includes(at)) continue;
      claimed.push(at);
      report(out, gate, blanks, locale, rangeOf(s, at, at + m.groups!.n.length), Number(m.groups!.n), claim, claim.figures(model, m));
    }
  }

  // Table 四 counts and their outcomes, each outcome read up to the next case kind.
  if (!text.includes('行政')) return;
  T4_CASE.lastIndex = 0;
  for (let m = T4_CASE.exec(text); m; m = T4_CASE.exec(text)) {
    const kind = m.groups!.kw;
    const r = numberRange(s, m);
    report(out, gate, blanks, locale, r, Number(m.groups!.n), { zh: kind, en: kind === '行政复议' ? 'administrative reconsiderations' : 'lawsuits' }, [t4CaseFigure(model, kind, 4)]);
    const from = m.index + m[0].length;
    // The first 复议 or 诉讼 after the match (what /复议|诉讼/ finds in the rest).
    const reconsideration = text.indexOf('复议', from);
    const litigation = text.indexOf('诉讼', from);
    const nextKind = reconsideration < 0 ? litigation : litigation < 0 ? reconsideration : Math.min(reconsideration, litigation);
    const segment = text.slice(from, nextKind < 0 ? text.length : nextKind);
    for (const p of T4_PARTS) {
      p.re.lastIndex = 0;
      for (let pm = p.re.exec(segment); pm; pm = p.re.exec(segment)) {
        const at = from + pm.index + pm[0].indexOf(pm.groups!.n);
        const range = rangeOf(s, at, at + pm.groups!.n.length);
        report(out, gate, blanks, locale, range, Number(pm.groups!.n), { zh: `${kind}${p.zh}`, en: `${kind === '行政复议' ? 'reconsiderations' : 'lawsuits'} ${p.en}` }, [t4CaseFigure(model, kind, p.part)]);
      }
    }
  }
}

export const proseTable = defineRule({
  meta: {
    id: 'prose-table',
    severity: 'warning',
    title: { 'zh-CN': '正文数字与表格不符', en: 'Prose contradicts the table' },
    summary: { 'zh-CN': '正文中的件数（收到、办结、予以公开、行政复议……）与表格不符', en: 'a count in the prose (received, handled, disclosed, reconsideration…) contradicts the tables' },
    description: {
      'zh-CN': '正文中写明的件数（收到、上年结转、办结、结转下年度、予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、行政复议、行政诉讼）或“未收到申请”“未发生行政复议、诉讼”与第三、四部分表格不一致。',
      en: 'A count stated in the prose (received, carried over, handled, carried forward, disclosed, partly disclosed, not disclosed, cannot be provided, not processed, other handling, reconsideration, litigation), or "no applications" / "no reconsideration or litigation", disagrees with the tables of sections III and IV.',
    },
  },
  check(ctx) {
    const { model, locale } = ctx;
    if (!model.table3 && !model.table4) return [];
    const out: RawFinding[] = [];
    const year = model.year?.value;
    /** Made when a sentence first needs a table figure. */
    let blanks: BlankValues | undefined;
    // A sentence without 件, 未, 没有 or 无因 has nothing to read.
    for (const s of proseSentences(model, CLAIM_KEYS)) {
      const text = s.text;
      if (!mayClaim(text)) continue;
      // Every count ends in NUM (digits, then 件): a sentence without both has none to read.
      const hasNumber = /\d/.test(text) && text.includes('件');
      const noneReceived = text.includes('申请');
      const noneCases = text.includes('复议') || text.includes('诉讼');
      if (!hasNumber && !noneReceived && !noneCases) continue;
      // Other years, comparisons, sub-units…: asked only before a finding is given.
      const gate = new ReadGate(text, year);
      if (hasNumber) readCounts(model, locale, s, out, gate, (blanks ??= blankValuesOf(ctx.equations, ctx.solution)));

      // "未收到政府信息公开申请" while table 三 counts some.
      if (noneReceived) {
        NONE_RECEIVED.lastIndex = 0;
        for (let m = NONE_RECEIVED.exec(text); m; m = NONE_RECEIVED.exec(text)) {
          if (/复议|诉讼|投诉|举报|收费|费用/.test(m.groups!.gap)) continue;
          const f = t3Figure(model, ['new'], NEW_ZH, NEW_EN);
          const v = f ? valueOf(f, (blanks ??= blankValuesOf(ctx.equations, ctx.solution))) : undefined;
          if (!f || v === undefined || v === 0) continue;
          if (!gate.open()) continue;
          out.push({
            message: tr(locale, `正文说未收到申请，但表格中 ${f.zh} 为 ${v}`, `The text says no applications were received, but the table has ${v} (${f.en})`),
            range: rangeOf(s, m.index, m.index + m[0].length),
            related: related(f, locale),
          });
        }
      }

      // "未发生…行政复议…诉讼" while table 四 counts some.
      if (noneCases) {
        NONE_CASES.lastIndex = 0;
        for (let m = NONE_CASES.exec(text); m; m = NONE_CASES.exec(text)) {
          if (/纠正|败诉|撤销|维持|\d/.test(m.groups!.gap)) continue;
          CLAUSE_END.lastIndex = m.index;
          const clause = text.slice(m.index, CLAUSE_END.test(text) ? CLAUSE_END.lastIndex - 1 : text.length);
          if (/纠正|败诉|撤销|维持|\d/.test(clause)) continue;
          for (const [kind, word] of T4_KINDS) {
            if (!clause.includes(word)) continue;
            const f = t4CaseFigure(model, kind, 4);
            const v = f ? valueOf(f, (blanks ??= blankValuesOf(ctx.equations, ctx.solution))) : undefined;
            if (!f || v === undefined || v === 0) continue;
            if (!gate.open()) continue;
            out.push({
              message: tr(
                locale,
                `正文说没有${kind}，但表格中 ${f.zh} 为 ${v}`,
                `The text says there was no ${kind === '行政复议' ? 'administrative reconsideration' : 'litigation'}, but the table has ${v} (${f.en})`,
              ),
              range: rangeOf(s, m.index, m.index + m.groups!.kw.length),
              related: related(f, locale),
            });
          }
        }
      }
    }
    return out;
  },
});
