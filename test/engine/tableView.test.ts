// The table preview's model (engine/features/tableView.ts): what the preview grid shows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, tableView, type TableView, type TableViewModel } from '../../server/src/engine';
import { repoRoot } from '../helpers/paths';
import { changeCell } from '../helpers/seeds';
import { reals, seeds } from './fixtures';

function view(text: string, locale: 'zh-CN' | 'en' = 'zh-CN'): { doc: TextDocument; model: TableViewModel } {
  const doc = TextDocument.create('file:///report.txt', 'plaintext', 7, text);
  return { doc, model: tableView(doc, analyze(text, { locale })) };
}

const table = (m: TableViewModel, id: string) => m.tables.find((t) => t.id === id)!;
const cellById = (m: TableViewModel, id: string) => m.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).find((c) => c.id === id);

/** Lays header and body rows on a grid with their spans; returns each row's width and any overlap. */
function gridWidths(t: TableView): { widths: number[]; overlaps: number } {
  const rows = [...t.header.map((labels) => labels.map((l) => ({ r: l.rowSpan ?? 1, c: l.colSpan ?? 1 }))),
    ...t.rows.map((row) => [...row.labels.map((l) => ({ r: l.rowSpan ?? 1, c: l.colSpan ?? 1 })), ...row.cells.map((c) => ({ r: 1, c: c.colSpan ?? 1 }))])];
  const taken: boolean[][] = rows.map(() => []);
  let overlaps = 0;
  rows.forEach((cells, y) => {
    let x = 0;
    for (const cell of cells) {
      while (taken[y][x]) x++;
      for (let dy = 0; dy < cell.r; dy++) {
        for (let dx = 0; dx < cell.c; dx++) {
          if (y + dy >= rows.length) continue;
          if (taken[y + dy][x + dx]) overlaps++;
          taken[y + dy][x + dx] = true;
        }
      }
      x += cell.c;
    }
  });
  return { widths: taken.map((r) => r.filter(Boolean).length), overlaps };
}

describe('table preview model', () => {
  it.each(seeds.map((s) => [s.name, s.text]))('%s: every table-三 cell appears once, with its range in the text; nothing is marked', (_n, text) => {
    const { doc, model } = view(text);
    const a = analyze(text);
    const t3 = table(model, 't3');
    expect(t3.found).toBe(true);
    const shown = t3.rows.flatMap((r) => r.cells);
    expect(new Set(shown.map((c) => c.id)).size).toBe(shown.length);
    let n = 0;
    for (const row of a.report.table3!.rows.values()) {
      if (row.key === 'r6' && a.report.table3!.rows.has('r6.1')) continue;
      row.cells.forEach((cell, col) => {
        const c = cellById(model, `t3:${row.key}:${col}`);
        expect(c, `${row.key}:${col}`).toBeDefined();
        expect(doc.offsetAt(c!.range!.start)).toBe(cell.start);
        expect(doc.offsetAt(c!.range!.end)).toBe(cell.end);
        expect(doc.getText(c!.range)).toBe(cell.raw);
        n++;
      });
    }
    expect(n).toBe(shown.length);
    expect(model.counts.wrong).toBe(0);
    expect(model.equations.filter((e) => e.state === 'violated')).toEqual([]);
    expect(model.version).toBe(7);
  });

  it('the mistakes example: the located cell is wrong with expected 2, its row total ✗, the rest of table 三 holds', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'examples', 'mistakes-2023.txt'), 'utf8');
    const { doc, model } = view(text);
    const wrong = cellById(model, 't3:r4.1:0')!;
    expect(wrong).toMatchObject({ state: 'wrong', raw: '3', value: 3, expected: 2 });
    expect(wrong.range).toEqual({ start: { line: 50, character: 25 }, end: { line: 50, character: 26 } });
    expect(doc.getText(wrong.range)).toBe('3');
    expect(wrong.message).toMatch(/应为 2/);
    expect(wrong.name).toBe('（四）无法提供 › 1.本机关不掌握相关政府信息·自然人');
    const t3wrong = table(model, 't3').rows.flatMap((r) => r.cells).filter((c) => c.state !== 'ok');
    expect(t3wrong.map((c) => c.id)).toEqual(['t3:r4.1:0']);
    const eq = (id: string) => model.equations.find((e) => e.id === id)!;
    expect(eq('H2:r4.1')).toMatchObject({ ok: false, state: 'violated', formula: '3 + 0 + 0 + 0 + 0 + 0 = 3 ≠ 2', target: 't3:r4.1:6' });
    expect(eq('H2:r4.1').label).toContain('（四）无法提供');
    expect(eq('H3:0').state).toBe('violated');
    expect(eq('H1:0')).toMatchObject({ ok: true, formula: '7 + 0 = 3 + 4' });
    expect(model.equations.filter((e) => e.table === 't3' && !e.ok).map((e) => e.id).sort()).toEqual(['H2:r4.1', 'H3:0']);
    // Table 四: the 行政复议 total 2 is not 0 + 0 + 0 + 0.
    expect(eq('H4:0')).toMatchObject({ ok: false, formula: '0 + 0 + 0 + 0 = 0 ≠ 2', target: 't4:t4:4' });
    // …and its value is the suggestion's (one equation: the message says 应为 0, fix-all leaves it).
    expect(cellById(model, 't4:t4:4')).toMatchObject({ state: 'wrong', raw: '2', expected: 0 });
    expect(model.counts).toMatchObject({ wrong: 2, blank: 0, invalid: 0, missing: 0 });
  });

  it('a blank cell is marked blank with the value the totals determine; text in a count cell is invalid', () => {
    const seed = seeds.find((s) => s.name.startsWith('004'))!.text;
    const blanked = changeCell(seed, '三、本年度办理结果', 0, '/').text;
    const b = view(blanked).model;
    const before = view(seed).model;
    const cell = cellById(b, 't3:r1:0')!;
    expect(cell.state).toBe('blank');
    expect(cell.raw).toBe('/');
    expect(cell.expected).toBe(cellById(before, 't3:r1:0')!.value);
    expect(cell.message).toMatch(/空白不等于 0/);
    expect(b.equations.find((e) => e.id === 'H2:r1')).toMatchObject({ state: 'unknown', ok: false });
    expect(b.equations.find((e) => e.id === 'H2:r1')!.formula).toMatch(/^\/ \+ /);

    const typed = view(changeCell(seed, '三、本年度办理结果', 0, '多').text).model;
    expect(cellById(typed, 't3:r1:0')).toMatchObject({ state: 'invalid', raw: '多' });
    expect(typed.counts.invalid).toBe(1);
  });

  it('a row left out of the text is shown as missing, without a range', () => {
    const seed = seeds.find((s) => s.name.startsWith('004'))!.text;
    const lines = seed.split('\n');
    const i = lines.findIndex((l) => l.includes('2.重复申请'));
    expect(i).toBeGreaterThan(0);
    const { model } = view([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
    const row = table(model, 't3').rows.find((r) => r.key === 'r5.2')!;
    expect(row.missing).toBe(true);
    expect(row.cells.every((c) => c.state === 'missing' && c.range === undefined)).toBe(true);
    expect(model.counts.missing).toBe(7);
  });

  it('every header and body row fills the grid exactly (the template merges, F2021 and F2019)', () => {
    const checked: string[] = [];
    for (const { name, text } of [...seeds, ...reals]) {
      const { model } = view(text);
      for (const t of model.tables.filter((x) => x.found)) {
        const { widths, overlaps } = gridWidths(t);
        expect(overlaps, `${name} ${t.id}`).toBe(0);
        expect(new Set(widths), `${name} ${t.id}`).toEqual(new Set([t.columns]));
      }
      checked.push(model.template);
    }
    expect(checked).toContain('F2019');
    expect(checked).toContain('F2021');
  });

  it('the table-三 header is the template\'s: 申请人情况 over 自然人 / 法人或其他组织 (five) / 总计; 三、本年度办理结果 spans the outcome rows', () => {
    const { model } = view(seeds.find((s) => s.name.startsWith('004'))!.text);
    const t3 = table(model, 't3');
    expect(t3.columns).toBe(10);
    expect(t3.header[0][1]).toEqual({ text: '申请人情况', colSpan: 7 });
    expect(t3.header[1]).toEqual([{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }]);
    expect(t3.header[2].map((l) => l.text)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    const results = t3.rows.find((r) => r.key === 'r1')!.labels[0];
    expect(results).toEqual({ text: '三、本年度办理结果', rowSpan: 22 });
    expect(t3.rows.find((r) => r.key === 'r3.1')!.labels[0]).toEqual({ text: '（三）不予公开', rowSpan: 8 });
    const t4 = table(model, 't4');
    expect(t4.header[0]).toEqual([{ text: '行政复议', colSpan: 5 }, { text: '行政诉讼', colSpan: 10 }]);
    expect(t4.rows[0].cells).toHaveLength(15);
  });

  it('the F2019 seed: （六）其他处理 is one row and 三、本年度办理结果 spans 20 rows', () => {
    const s = seeds.find((x) => x.name.startsWith('002'))!;
    const { model } = view(s.text);
    const t3 = table(model, 't3');
    expect(t3.rows.find((r) => r.key === 'r1')!.labels[0].rowSpan).toBe(20);
    expect(t3.rows.find((r) => r.key === 'r6')!.labels).toEqual([{ text: '（六）其他处理', colSpan: 2 }]);
    expect(t3.rows.some((r) => r.key === 'r6.1')).toBe(false);
    expect(model.template).toBe('F2019');
    expect(table(model, 't2').rows.some((r) => r.labels[0]?.text === '第二十条第（九）项')).toBe(true);
  });

  it('speaks English when the analysis does; template labels stay as printed', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'examples', 'mistakes-2023.txt'), 'utf8');
    const { model } = view(text, 'en');
    expect(model.locale).toBe('en');
    expect(model.equations.find((e) => e.id === 'H2:r4.1')!.label).toMatch(/total = sum of the six applicant columns/);
    expect(cellById(model, 't3:r4.1:0')!.message).toMatch(/should be 2/);
    expect(table(model, 't3').header[0][1].text).toBe('申请人情况');
  });

  it('a text without tables gives tables marked not found and no equations', () => {
    const { model } = view('这是一份通知。\n没有表格。\n');
    expect(model.tables.map((t) => [t.id, t.found, t.rows.length])).toEqual([['t2', false, 0], ['t3', false, 0], ['t4', false, 0]]);
    expect(model.equations).toEqual([]);
  });
});
