// Issue 12's acceptance, one test per item, on the shared fixtures: every table read by its own
// grid, and never a fix for what was not read for certain. (The metamorphic suite, blanks,
// fixPromise, locate, sections and year tests hold the detail; these are what a user would check.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, fixAll, summarize, type Analysis } from '../../server/src/engine';
import { buildEquations } from '../../server/src/engine/equations';
import { solve } from '../../server/src/engine/solve';
import { errors, fixturesDir } from './fixtures';

const read = (rel: string) => fs.readFileSync(path.join(fixturesDir, rel), 'utf8');
/** Findings as a user compares them: rule, severity, message (sorted). */
const said = (a: Analysis) => a.findings.map((f) => `${f.ruleId} ${f.severity} ${f.message}`).sort();

describe('issue 12 acceptance', () => {
  it('1. the phantom-column report gives the findings of the original, and fix-all changes nothing', () => {
    const phantom = read('edited/2022_gwh-phantom-column.txt');
    expect(said(analyze(phantom))).toEqual(said(analyze(read('real/2022_gwh.txt'))));
    expect(fixAll(phantom).text).toBe(phantom);
  });

  it('2. blank-for-zero: read whole, one finding about the blank zeros, each empty outcome 总计 filled; after fix-all no error and every equation holds', () => {
    const text = read('edited/2022_gwh-blank-for-zero.txt');
    const a = analyze(text);
    expect(a.findings.filter((f) => f.ruleId === 'table-incomplete' || f.ruleId === 'table-row-shape')).toEqual([]);
    expect(a.findings.filter((f) => f.message.includes('以空白代替 0')).length).toBe(1);
    const fills = a.findings.filter((f) => f.ruleId === 'cell-blank' && f.fix);
    expect(fills.map((f) => f.message.replace(/ 为空白.*应为 /, ' = '))).toEqual([
      '（一）予以公开·总计 = 5',
      '（三）不予公开 › 5.属于三类内部事务信息·总计 = 1',
      '（三）不予公开 › 6.属于四类过程性信息·总计 = 2',
      '（四）无法提供 › 1.本机关不掌握相关政府信息·总计 = 5',
      '（六）其他处理 › 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请·总计 = 1',
      '（六）其他处理 › 3.其他·总计 = 2',
    ]);
    const fixed = fixAll(text).text;
    expect(errors(analyze(fixed))).toEqual([]);
    const sol = solve(buildEquations(analyze(fixed).report));
    expect(sol.states.every((s) => s.residual === 0)).toBe(true);
  });

  it('2. …and with the blank-for-zero table read this way, the prose is compared with it as with the table that writes its zeros', () => {
    const claim = (t: string) => t.replace('2022年共收到政府信息公开申请16件', '2022年共收到政府信息公开申请16件，其中予以公开3件、无法提供2件');
    const prose = (t: string) => analyze(claim(t)).findings.filter((f) => f.ruleId === 'prose-table').map((f) => f.message);
    const blank = prose(read('edited/2022_gwh-blank-for-zero.txt'));
    expect(blank).toEqual(['正文写予以公开 3 件，与表格不符：（一）予以公开·总计 为 5', '正文写无法提供 2 件，与表格不符：（四）无法提供（1～3 项总计之和） 为 5']);
    expect(blank).toEqual(prose(read('real/2022_gwh.txt')));
  });

  it('3. real/2021_scj: every table-三 number changed by one (up and down) is located on its cell and repaired byte for byte', () => {
    const original = read('real/2021_scj.txt');
    const rows = [...analyze(original).report.table3!.rows.values()];
    let tried = 0;
    for (const row of rows) {
      for (const [col, cell] of row.cells.entries()) {
        if (cell.kind !== 'number') continue;
        for (const delta of [1, -1]) {
          const value = Number(cell.num) + delta;
          if (value < 0) continue;
          const text = applyEdits(original, [{ start: cell.start, end: cell.end, newText: String(value) }]);
          const errs = errors(analyze(text));
          const where = `${row.key}[${col}] ${cell.num}→${value}`;
          expect(errs.length, where).toBe(1);
          expect(errs[0].range, where).toEqual({ start: cell.start, end: cell.start + String(value).length });
          expect(errs[0].fix, where).toBeDefined();
          expect(fixAll(text).text === original, where).toBe(true);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(160);
  });

  it.each(['2021_scj', '2022_gwh', '2023_htp', '2024_jjf', '2025_nyn'])('4. formats/%s.pdftotext-layout.txt gives the findings of its .txt (rule, severity, message)', (name) => {
    expect(said(analyze(read(`formats/${name}.pdftotext-layout.txt`)))).toEqual(said(analyze(read(`real/${name}.txt`))));
  });

  it('6. 五、存在的主要问题及明年工作计划 is section-title, and 统计时限为2023年… gives the year in the model and the summary', () => {
    const base = read('real/2022_gwh.txt');
    const five = base.split('\n').find((l) => l.startsWith('五、'))!;
    const reworded = base.replace(five, '五、存在的主要问题及明年工作计划');
    const a = analyze(reworded);
    expect(a.findings.filter((f) => f.ruleId === 'section-missing')).toEqual([]);
    expect(a.findings.filter((f) => f.ruleId === 'section-title').map((f) => f.severity)).toEqual(['warning']);

    const untitled = base.replace(/^[^\n]*\n/, '').replace(/2022年/g, '本年度');
    const withPeriod = untitled.replace('一、总体情况', '本报告统计时限为2023年1月1日至2023年12月31日止。\n一、总体情况');
    expect(analyze(withPeriod).report.year?.value).toBe(2023);
    expect(summarize(withPeriod).year).toBe(2023);
  });
});
