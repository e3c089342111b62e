// Hover on table cells (issue 15, item 2): a total's formula with ✓/✗, and — when the one wrong
// cell is located — the other cells of its equations say where it is, in words, instead of marking
// a correct total ✗.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, hover, type Locale } from '../../server/src/engine';
import { repoRoot } from '../helpers/paths';

const mistakes = fs.readFileSync(path.join(repoRoot, 'examples', 'mistakes-2023.txt'), 'utf8');
const clean = fs.readFileSync(path.join(repoRoot, 'examples', 'clean-2023.txt'), 'utf8');

/** The hover text at 1-based line `line`, on the `cell`-th tab-separated field (0-based) of that line. */
function hoverAt(text: string, line: number, cell: number, locale: Locale = 'zh-CN'): string {
  const doc = TextDocument.create('file:///r.txt', 'plaintext', 1, text);
  const fields = text.split('\n')[line - 1].split('\t');
  const character = fields.slice(0, cell).reduce((n, f) => n + f.length + 1, 0);
  const h = hover(doc, analyze(text, { locale }), { line: line - 1, character });
  return h ? (h.contents as { value: string }).value : '';
}

// mistakes-2023: line 51 「（四）无法提供 › 1.本机关不掌握相关政府信息」 has 3 under 自然人 (should be 2);
// its row total 2 and the column's （七）总计 3 are right. Its fields: '', group, label, 自然人 … 其他, 总计.
const ROW = 51;
const TOTAL = 62; // (七) 总计	3	0	…	3 (its first field is the label)
const WHERE = '错误在第 51 行「（四）无法提供 › 1」自然人列，应为 2';

describe('hover when the wrong cell is located (mistakes-2023)', () => {
  it('（七）总计·自然人 — a correct total — says in words where the mistake is, with no ✗', () => {
    const text = hoverAt(mistakes, TOTAL, 1);
    expect(text).toContain('**（七）总计 ｜ 自然人**');
    expect(text).toContain('本列各办理结果之和：1 + 0');
    expect(text).toContain(`本列不平衡，${WHERE}`);
    expect(text).not.toContain('✗');
  });

  it("the row's 总计 says the row does not add up because of the 自然人 cell", () => {
    const text = hoverAt(mistakes, ROW, 9);
    expect(text).toContain('本行各类申请人之和：3 + 0 + 0 + 0 + 0 + 0 = 3');
    expect(text).toContain(`本行不平衡，${WHERE}`);
    expect(text).not.toContain('✗');
  });

  it('other cells of the row and the column say so too; the located cell itself does not repeat its diagnostic', () => {
    expect(hoverAt(mistakes, ROW, 4)).toContain(`本行不平衡，${WHERE}`); // 商业企业 of the same row
    expect(hoverAt(mistakes, 41, 2)).toContain(`本列不平衡，${WHERE}`); // （一）予以公开·自然人
    expect(hoverAt(mistakes, ROW, 3)).toBe('**（四）无法提供 › 1.本机关不掌握相关政府信息 ｜ 自然人**');
    // A cell on no failing equation: no sentence.
    expect(hoverAt(mistakes, 41, 3)).not.toContain('错误');
  });

  it('no machine phrasing (「的行合计：…·总计 = 2」)', () => {
    for (const [line, cell] of [[TOTAL, 1], [ROW, 9], [ROW, 4], [41, 2]]) {
      const text = hoverAt(mistakes, line, cell);
      expect(text).not.toMatch(/的行合计|·总计 =/);
    }
  });

  it('in English', () => {
    const text = hoverAt(mistakes, TOTAL, 1, 'en');
    expect(text).toContain('Outcome rows: 1 + 0');
    expect(text).toContain('This column does not add up: the mistake is on line 51, "（四）无法提供 › 1", natural persons column; it should be 2');
    expect(text).not.toMatch(/[✗]|本列/);
    expect(hoverAt(mistakes, ROW, 9, 'en')).toContain('This row does not add up: the mistake is on line 51');
  });

  it('a total no single cell explains keeps its ✗ (table 四: one equation per group)', () => {
    const t4 = mistakes.split('\n').findIndex((l) => /^0\t0\t0\t0\t2/.test(l)) + 1;
    const text = hoverAt(mistakes, t4, 4);
    expect(text).toBe('**行政复议 ｜ 总计**\n\n结果维持 + 结果纠正 + 其他结果 + 尚未审结：0 + 0 + 0 + 0 = 0 ✗');
  });
});

describe('hover on a consistent report (clean-2023)', () => {
  it('totals show their formula with ✓; the balance line on the column', () => {
    const text = hoverAt(clean, TOTAL, 1);
    expect(text).toContain('本列各办理结果之和：1 + 0');
    expect(text).toMatch(/= 3 ✓/);
    expect(text).toContain('平衡：一 + 二 = （七）+ 四：7 + 0 = 3 + 4 ✓');
    expect(text).not.toContain('错误');
  });

  it('a broken 四、结转下年度 cell: the balance of its column says where the mistake is', () => {
    const lines = clean.split('\n');
    const forward = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
    const fields = lines[forward].split('\t');
    fields[2] = '5'; // 自然人: 4 → 5
    lines[forward] = fields.join('\t');
    const text = lines.join('\n');
    const where = `错误在第 ${forward + 1} 行「四、结转下年度继续办理」自然人列，应为 4`;
    expect(hoverAt(text, TOTAL, 1)).toContain(`本列平衡关系（一 + 二 = （七）+ 四）不成立，${where}`);
    expect(hoverAt(text, forward + 1, 8)).toContain(`本行不平衡，${where}`);
  });

  it('one failing equation alone only points at a cell (its column cannot be checked): "错误可能在"', () => {
    const lines = clean.split('\n');
    const cellsOf = (i: number) => lines[i].split('\t');
    const put = (i: number, field: number, v: string) => {
      const f = cellsOf(i);
      f[field] = v;
      lines[i] = f.join('\t');
    };
    put(43, 4, ''); // line 44 「（三）2」 商业企业 left blank: that column's total cannot be checked
    put(42, 4, '1'); // line 43 「（三）1」 商业企业 0 → 1: only its row fails
    const text = lines.join('\n');
    expect(hoverAt(text, 43, 10)).toContain('本行不平衡，错误可能在第 43 行「（三）不予公开 › 1」商业企业列，应为 0');
    expect(hoverAt(text, 43, 10, 'en')).toContain('the mistake is probably on line 43');
  });
});
