// CodeLens above the tables, folding ranges, outline ranges (breadcrumbs) and completions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { analyze, applyEdits, codeLenses, completions, documentSymbols, fixAll, foldingRanges, type Locale } from '../../server/src/engine';
import { repoRoot } from '../helpers/paths';
import { reals, seeds } from './fixtures';

const mistakes = fs.readFileSync(path.join(repoRoot, 'examples', 'mistakes-2023.txt'), 'utf8');
const FIX_ALL = 'zfxxgk.applyFixAll';

function lenses(text: string, locale: Locale = 'zh-CN') {
  const doc = TextDocument.create('file:///r.txt', 'plaintext', 1, text);
  const a = analyze(text, { locale });
  return codeLenses(doc, a, { fixAllCommand: FIX_ALL }).map((l) => ({ line: l.range.start.line, title: l.command!.title, command: l.command!.command, args: l.command!.arguments }));
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('CodeLens above each table', () => {
  it('a consistent report: ✓ 勾稽关系成立 on the first line of tables 二, 三, 四, and no command to run', () => {
    for (const seed of seeds.filter((s) => analyze(s.text).findings.every((f) => f.severity !== 'error' && f.ruleId !== 'cell-blank' && f.ruleId !== 'table-row-shape'))) {
      const a = analyze(seed.text);
      const got = lenses(seed.text);
      expect(got.map((l) => l.title), seed.name).toEqual(['✓ 勾稽关系成立', '✓ 勾稽关系成立', '✓ 勾稽关系成立']);
      const lineAt = (offset: number) => seed.text.slice(0, offset).split(/\r\n|\n|\r/).length - 1;
      expect(got.slice(0, 2).map((l) => l.line)).toEqual([lineAt(a.report.table2!.range.start), lineAt(a.report.table3!.range.start)]);
      // Table 四's lens sits on its header row, above the data row.
      expect(got[2].line).toBeLessThan(a.report.table4!.line);
      expect(a.report.lines[got[2].line].text).toContain('行政复议');
      expect(got.every((l) => l.command === '')).toBe(true);
    }
  });

  it('mistakes-2023: ✗ counts on tables 三 and 四; 全部修正 only on 三 (table 四’s total is a suggestion); after the fix 三 is ✓', () => {
    const got = lenses(mistakes);
    const t3 = lineOf(mistakes, '(本列数据的勾稽关系');
    const t4 = lineOf(mistakes, '行政复议\t\t');
    expect(got).toEqual([
      { line: lineOf(mistakes, '第二十条第（一）项'), title: '✓ 勾稽关系成立', command: '', args: undefined },
      { line: t3, title: '✗ 1 处不一致', command: '', args: undefined },
      { line: t3, title: '全部修正', command: FIX_ALL, args: ['file:///r.txt'] },
      { line: t4, title: '✗ 1 处不一致', command: '', args: undefined },
    ]);
    expect(lenses(mistakes, 'en').map((l) => l.title)).toEqual(['✓ The table adds up', '✗ 1 inconsistency', 'Fix all', '✗ 1 inconsistency']);
    expect(lenses(fixAll(mistakes).text).map((l) => l.title)).toEqual(['✓ 勾稽关系成立', '✓ 勾稽关系成立', '✗ 1 处不一致']);
  });

  it('counts every finding placed in the table, and offers 全部修正 only when one of them is determined', () => {
    // Two blanks in table 三 whose values nothing determines (same row, total blank too): cell-blank warnings, no fix.
    const row = mistakes.split('\n').find((l) => l.startsWith('二、上年结转'))!;
    const blanked = mistakes.replace(row, row.replace(/\t0\t0\t0\t0\t0\t0\t0/, '\t\t0\t0\t0\t0\t0\t'));
    const a = analyze(blanked);
    const inT3 = a.findings.filter((f) => f.range.start >= a.report.table3!.range.start && f.range.start <= a.report.table3!.range.end);
    const got = lenses(blanked).filter((l) => l.line === lineOf(blanked, '(本列数据的勾稽关系'));
    expect(got[0].title).toBe(`✗ ${inT3.length} 处不一致`);
    expect(inT3.length).toBeGreaterThan(1);
    expect(got.some((l) => l.command === FIX_ALL)).toBe(inT3.some((f) => f.fix !== undefined));
  });
});

describe('folding ranges', () => {
  it('every section, section 一’s sub-headings and each table fold; ranges lie inside the document', () => {
    for (const seed of [...seeds, { name: 'mistakes', text: mistakes }]) {
      const a = analyze(seed.text);
      const folds = foldingRanges(a);
      const lineCount = a.report.lines.length;
      for (const f of folds) {
        expect(f.startLine, seed.name).toBeLessThan(f.endLine);
        expect(f.endLine).toBeLessThan(lineCount);
        expect(a.report.lines[f.endLine].text.trim(), `${seed.name}: fold ends on a blank line`).not.toBe('');
      }
      const starts = new Set(folds.map((f) => f.startLine));
      for (const s of a.report.sections) {
        const fold = folds.find((f) => f.startLine === s.lineIndex);
        // A section folds when it has a body (mistakes-2023's 五 is its last section).
        if (fold) {
          const next = a.report.sections.find((x) => x.lineIndex > s.lineIndex);
          if (next) expect(fold.endLine).toBeLessThan(next.lineIndex);
        }
      }
      expect(a.report.sections.filter((s) => starts.has(s.lineIndex)).length, seed.name).toBeGreaterThanOrEqual(a.report.sections.length - 1);
      for (const t of [a.report.table2, a.report.table3, a.report.table4]) {
        if (!t) continue;
        const first = seed.text.slice(0, t.range.start).split(/\r\n|\n|\r/).length - 1;
        const last = seed.text.slice(0, t.range.end).split(/\r\n|\n|\r/).length - 1;
        if (last > first) expect(folds.some((f) => f.startLine === first && f.endLine === last), seed.name).toBe(true);
      }
    }
  });
});

const inside = (inner: Range, outer: Range) =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

describe('outline ranges (breadcrumbs)', () => {
  it('every symbol’s selectionRange lies in its range, and children lie in their parent, on seeds and real excerpts', () => {
    const check = (name: string, syms: DocumentSymbol[], parent?: DocumentSymbol) => {
      for (const s of syms) {
        expect(inside(s.selectionRange, s.range), `${name}: ${s.name}`).toBe(true);
        if (parent) expect(inside(s.range, parent.range), `${name}: ${s.name} in ${parent.name}`).toBe(true);
        check(name, s.children ?? [], s);
      }
    };
    for (const f of [...seeds, ...reals, { name: 'mistakes', text: mistakes }]) {
      const doc = TextDocument.create('file:///r.txt', 'plaintext', 1, f.text);
      check(f.name, documentSymbols(doc, analyze(f.text)));
    }
  });
});

describe('completions', () => {
  const at = (text: string, line: number, character?: number) => {
    const a = analyze(text);
    return completions(a, { line, character: character ?? a.report.lines[line].text.length });
  };
  const without = (text: string, heading: string, next: string) => {
    const start = text.indexOf(heading);
    return text.slice(0, start) + text.slice(text.indexOf(next));
  };

  it('at the start of an empty line where a section is missing: that heading, alone and with its blank table', () => {
    const seed = seeds[4].text;
    const text = without(seed, '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议');
    const lines = text.split('\n');
    const row = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const blankLine = [...lines.keys()].filter((i) => i < row && lines[i].trim() === '').pop()!;
    const items = at(text, blankLine);
    expect(items.map((i) => i.label)).toEqual(['三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况（含空白统计表）']);
    // Typing the numeral keeps them; accepting the one with the table puts the section back complete.
    const typed = lines.map((l, i) => (i === blankLine ? '三' : l)).join('\n');
    const [, withTable] = at(typed, blankLine);
    expect(withTable.textEdit).toBeDefined();
    const edit = withTable.textEdit as { range: Range; newText: string };
    const doc = TextDocument.create('file:///r.txt', 'plaintext', 1, typed);
    const applied = applyEdits(typed, [{ start: doc.offsetAt(edit.range.start), end: doc.offsetAt(edit.range.end), newText: edit.newText }]);
    const b = analyze(applied);
    expect(b.report.sections.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(b.findings.filter((f) => f.ruleId === 'section-missing' || f.ruleId === 'table-missing')).toEqual([]);
  });

  it('stays quiet: nothing in prose, nothing mid-line, nothing for headings that exist or do not fit here', () => {
    const seed = seeds[4].text;
    const lines = seed.split('\n');
    const prose = lines.findIndex((l) => l.length > 40 && !l.includes('\t'));
    expect(at(seed, prose)).toEqual([]); // end of a prose line
    expect(at(seed, prose, 3)).toEqual([]); // middle of a line
    const blank = lines.findIndex((l, i) => i > prose && l.trim() === '');
    expect(at(seed, blank)).toEqual([]); // every section exists
    const text = without(seed, '五、存在的主要问题及改进情况', '六、其他需要报告的事项');
    const tl = text.split('\n');
    const early = tl.findIndex((l) => l.startsWith('二、主动公开')) - 1;
    expect(at(text, early)).toEqual([]); // 五 does not fit before 二
    const typedProse = tl.map((l, i) => (i === early ? '我镇' : l)).join('\n');
    expect(at(typedProse, early)).toEqual([]);
  });

  it('inside table 三: the canonical labels of the rows it lacks', () => {
    const text = mistakes.replace(/\n\t\t2\.重复申请[^\n]*/, '\n');
    const line = text.split('\n').findIndex((l) => l.includes('1.信访举报投诉类申请')) + 1;
    expect(text.split('\n')[line]).toBe('');
    const items = at(text, line);
    expect(items.map((i) => i.label)).toEqual(['2.重复申请']);
    expect(items[0].detail).toContain('（五）不予处理');
    expect(at(text.replace(/\n(?=\n\t\t3\.要求提供)/, '\n2'), line).map((i) => i.label)).toEqual(['2.重复申请']);
    expect(at(text.replace(/\n(?=\n\t\t3\.要求提供)/, '\n5'), line)).toEqual([]);
  });

  it('inside table 二: the rows it lacks', () => {
    const text = mistakes.replace('\n行政强制\t0\t\t', '\n');
    const line = text.split('\n').findIndex((l) => l.startsWith('行政处罚')) + 1;
    expect(at(text, line).map((i) => i.label)).toEqual(['行政强制']);
  });
});
