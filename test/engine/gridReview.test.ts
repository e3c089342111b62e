// Review of the grid reader (parse/grid.ts, text/cellPositions.ts, parse/table4Reader.ts): small
// damaged variants of the shared fixtures on which fix-all used to write a number that was not
// there (or glue one to a label), and odd inputs that must never throw. The promise: fix-all
// restores the original or changes nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, fixAll } from '../../server/src/engine';
import { displayWidth } from '../../server/src/engine/text/displayWidth';
import { toFixed, toPipe, toVertical } from '../helpers/layoutVariants';
import { fixturesDir } from './fixtures';

const read = (rel: string) => fs.readFileSync(path.join(fixturesDir, rel), 'utf8');
const GWH = read('real/2022_gwh.txt');
/** gwh's table-四 row (0 0 0 0 0 | 1 0 0 0 1 | 0 0 0 0 0) with more distinct numbers, totals holding. */
const T4_ROW = '0\t0\t0\t0\t0\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0';
const GWH_T4 = GWH.replace(T4_ROW, '2\t1\t0\t0\t3\t1\t0\t0\t0\t1\t1\t1\t0\t0\t2');

/** The text without cell `c` of the row, and the spaces (fixed-width) or the one separator before it. */
function deleteCell(text: string, c: { start: number; end: number }): string {
  let s = c.start;
  while (s > 0 && text[s - 1] === ' ') s--;
  if (s === c.start && (text[s - 1] === '\t' || text[s - 1] === '|')) s--;
  return text.slice(0, s) + text.slice(c.end);
}

/** The line of `text` holding offset `at`. */
const lineAt = (text: string, at: number) => text.slice(text.lastIndexOf('\n', at - 1) + 1, (text.indexOf('\n', at) + 1 || text.length + 1) - 1);

describe('fix-all on a row that lost a value', () => {
  it('tab table 四 one value short: not read shifted whole (its first column an invented blank filled at the line end, glued to the last number)', () => {
    expect(analyze(GWH_T4).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const cells = analyze(GWH_T4).report.table4!.cells;
    for (let k = 1; k < 15; k++) {
      const t = deleteCell(GWH_T4, cells[k]);
      // Before: `…\t0\t2` became `…\t0\t22` (k = 1: 行政复议·结果维持 "determined" as 2, written at the line's end).
      expect(fixAll(t).text, `t4[${k}] deleted`).toBe(t);
    }
  });

  it.each(['left', 'right'] as const)('fixed-width (%s) table 四 one value deleted with its padding: no 15th number written', (align) => {
    const text = toFixed(GWH_T4, align).text;
    const cells = analyze(text).report.table4!.cells;
    for (let k = 1; k < 14; k++) {
      const t = deleteCell(text, cells[k]);
      // Before: the later numbers slid one column left, the last column read blank, and its group's
      // 总计 was "determined" from the slid numbers (e.g. 4 where the report says 2).
      expect(fixAll(t).text, `t4[${k}] deleted`).toBe(t);
    }
  });

  it.each(['left', 'right'] as const)('fixed-width (%s) table 三: a row whose numbers all stand left of the first column is not read as wholly blank', (align) => {
    const text = toFixed(GWH, align).text;
    const rows = analyze(text).report.table3!.rows;
    for (const key of ['new', 'r1', 'r5.2'] as const) {
      const t = deleteCell(text, rows.get(key)!.cells[0]);
      // Before: the six numbers were "extra", every column blank, and fix-all appended the row's
      // values again far to the right (`…0     0    16   …   14   …   2   …   16`).
      const fixed = fixAll(t).text;
      expect(fixed === t || fixed === text, `${key}[0] deleted`).toBe(true);
    }
  });
});

describe('a fill-in never lands in or against text', () => {
  /** gwh fixed-width, the （一）予以公开 row's 自然人 value blanked and its label lengthened to end `reach` columns from 自然人's label. */
  function longLabel(reach: number) {
    const text = toFixed(GWH, 'left').text;
    const lines = text.split('\n');
    const h = lines.findIndex((l) => l.includes('自然人'));
    const col = displayWidth(lines[h], 0, lines[h].indexOf('自然人'));
    const i = lines.findIndex((l) => l.includes('（一）予以公开'));
    const m = /^(.*（一）予以公开)( +)5( +)/.exec(lines[i])!;
    const pad = col - displayWidth(m[1]) + reach;
    const label = m[1] + '（' + '情'.repeat(Math.floor((pad - 3) / 2)) + (pad % 2 ? '' : 'x') + '）';
    lines[i] = label + ' '.repeat(Math.max(1, displayWidth(m[0]) - displayWidth(label))) + lines[i].slice(m[0].length);
    return { t: lines.join('\n'), i, label };
  }

  it.each([-1, 0, 1, 2, 3])('fixed-width label ending %i column(s) from the first column, that column blank: the 5 is written after the label, apart from it', (reach) => {
    const { t, i, label } = longLabel(reach);
    const fixed = fixAll(t).text.split('\n')[i];
    // Before: `…情）5` (glued, the number lost in the label) or `…情55555情）` (inserted inside
    // the label, once per round of fix-all).
    expect(fixed.startsWith(label + ' ')).toBe(true);
    expect(fixed.slice(label.length).trim().split(/ +/)).toEqual(['5', '0', '0', '0', '0', '0', '5']);
  });

  const layouts = { tab: GWH, pipe: toPipe(GWH).text, 'fixed-left': toFixed(GWH, 'left').text, 'fixed-right': toFixed(GWH, 'right').text, vertical: toVertical(GWH).text };
  describe.each(Object.keys(layouts) as (keyof typeof layouts)[])('%s: a table-三 row written as its label alone', (layout) => {
    it.each(['total', 'r1'] as const)('%s: fix-all glues no number to the label', (key) => {
      const text = layouts[layout];
      const row = analyze(text).report.table3!.rows.get(key)!;
      let s = row.cells[0].start;
      while (s > 0 && ' \t|\n'.includes(text[s - 1])) s--;
      const t = text.slice(0, s) + text.slice(row.cells[6].end).replace(/^[ \t|]*/, '');
      // Before (tab, fixed-width, vertical): `（七）总计142016`, `（一）予以公开5`.
      expect(lineAt(fixAll(t).text, s - 1)).toBe(lineAt(t, s - 1));
      expect(analyze(t).internalErrors).toEqual([]);
    });
  });
});

describe('odd input never throws', () => {
  const lines = GWH.split('\n');
  const h3 = lines.findIndex((l) => l.includes('自然人'));
  const r4 = lines.indexOf(T4_ROW);
  const replaced = (i: number, s: string) => lines.map((l, k) => (k === i ? s : l)).join('\n');
  const fx = toFixed(GWH, 'left').text.split('\n');
  const fh = fx.findIndex((l) => l.includes('自然人'));
  const cases: [string, string][] = [
    ['t4 row empty', replaced(r4, '')],
    ['t4 row tabs only', replaced(r4, '\t'.repeat(14))],
    ['t4 row 300 tabs', replaced(r4, '\t'.repeat(300))],
    ['t4 row 300 cells', replaced(r4, Array(300).fill('1').join('\t'))],
    ['t4 row 100,000 characters', replaced(r4, '0 '.repeat(50000))],
    ['t3 header and nothing else', lines.slice(0, h3 + 3).join('\n')],
    ['t3 row 300 cells', replaced(h3 + 2, '一、本年新收政府信息公开申请数量\t' + Array(300).fill('1').join('\t'))],
    ['t3 row label and 300 tabs', replaced(h3 + 2, '一、本年新收政府信息公开申请数量' + '\t'.repeat(300))],
    ['t3 row one number 3,000 columns right', replaced(h3 + 2, '一、本年新收政府信息公开申请数量' + ' '.repeat(3000) + '1')],
    ['t3 header reversed', replaced(h3, lines[h3].split('\t').reverse().join('\t'))],
    ['fixed-width header alone', fx.slice(0, fh + 2).join('\n')],
    ['fixed-width header twice', [...fx.slice(0, fh + 1), ...fx.slice(fh)].join('\n')],
    ['fixed-width header with tabs', fx.map((l, i) => (i === fh ? l.replace(/ {2,}/g, '\t') : l)).join('\n')],
    ['surrogate pairs in fixed-width labels', fx.map((l, i) => (i > fh ? l.replace('数量', '数量𠀀') : l)).join('\n')],
  ];
  it.each(cases)('%s', (_, t) => {
    expect(analyze(t).internalErrors).toEqual([]);
    expect(() => fixAll(t)).not.toThrow();
  });
});
