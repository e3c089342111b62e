// The TextMate grammar (syntaxes/zfxxgk-report.tmLanguage.json), checked without vscode-textmate:
// its regexes run in JavaScript (they use nothing Oniguruma-only) through a small tokenizer that
// follows TextMate's rule — at each position the earliest match wins, ties go to the first pattern;
// a begin/end rule applies its own patterns up to its end. Compared with what the engine reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine';
import { splitCells } from '../../server/src/engine/text/cells';
import { repoRoot } from '../helpers/paths';
import { seeds } from '../engine/fixtures';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, { name: string }>;
}
const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes', 'zfxxgk-report.tmLanguage.json'), 'utf8')) as { patterns: Rule[]; repository: Record<string, Rule> };

interface Token {
  rule: string;
  text: string;
  /** Captured pieces with their scope names. */
  captures: { scope: string; text: string }[];
  inner: Token[];
}

const resolve = (rules: Rule[]): { key: string; rule: Rule }[] =>
  rules.map((r) => {
    if (!r.include) return { key: 'inline', rule: r };
    const key = r.include.slice(1);
    expect(grammar.repository[key], `repository entry ${key}`).toBeDefined();
    return { key, rule: grammar.repository[key] };
  });

function earliest(line: string, pos: number, rules: { key: string; rule: Rule }[]) {
  let best: { key: string; rule: Rule; m: RegExpExecArray } | undefined;
  for (const { key, rule } of rules) {
    const re = new RegExp(rule.match ?? rule.begin!, 'g');
    re.lastIndex = pos;
    const m = re.exec(line);
    if (m && (!best || m.index < best.m.index)) best = { key, rule, m };
  }
  return best;
}

function captures(rule: Rule, m: RegExpExecArray) {
  return Object.entries(rule.captures ?? {}).flatMap(([i, c]) => (m[Number(i)] !== undefined && m[Number(i)] !== '' ? [{ scope: c.name, text: m[Number(i)] }] : []));
}

function tokenize(line: string, rules = resolve(grammar.patterns)): Token[] {
  const out: Token[] = [];
  let pos = 0;
  while (pos <= line.length) {
    const hit = earliest(line, pos, rules);
    if (!hit) break;
    const { key, rule, m } = hit;
    const end = m.index + m[0].length;
    if (rule.begin) {
      // The rows end at the end of the line ("$"): their own patterns run over the rest of it.
      expect(rule.end).toBe('$');
      out.push({ rule: key, text: line.slice(m.index), captures: [], inner: tokenize(line.slice(end), resolve(rule.patterns ?? [])) });
      break;
    }
    out.push({ rule: key, text: m[0], captures: captures(rule, m), inner: [] });
    pos = end > pos ? end : pos + 1;
  }
  return out;
}

const numbersOf = (tokens: Token[]) => tokens.flatMap((t) => [...t.inner, t]).flatMap((t) => t.captures).filter((c) => c.scope.startsWith('constant.numeric')).map((c) => c.text);

describe('TextMate grammar on the seeds', () => {
  for (const seed of seeds) {
    it(`${seed.name}: title, section headings, sub-headings, table rows, total rows and numbers`, () => {
      const a = analyze(seed.text);
      const lines = a.report.lines;
      const top = (i: number) => tokenize(lines[i].text)[0]?.rule;
      // Title (its last line, when the unit's name stands on the line above).
      if (a.report.title) expect(top(lines.findIndex((l) => l.end >= a.report.title!.range.end))).toBe('title');
      // Every section heading the engine reads is a heading for the grammar, and nothing else is.
      const headingLines = new Set(a.report.sections.map((s) => s.lineIndex));
      for (const i of headingLines) expect(top(i), lines[i].text).toBe('section-heading');
      for (let i = 0; i < lines.length; i++) if (!headingLines.has(i)) expect(top(i), `${i}: ${lines[i].text}`).not.toBe('section-heading');
      // Sub-headings of section 一.
      for (const s of a.report.sections) for (const h of s.subHeadings) expect(top(lines.findIndex((l) => l.end >= h.start)), h.text).toBe('sub-heading');
      // Table 三: each row is a table row; （七）总计 a total row; the numbers are the engine's cells.
      for (const row of a.report.table3!.rows.values()) {
        const tokens = tokenize(lines[row.line].text);
        expect(tokens[0].rule, lines[row.line].text).toBe(row.key === 'total' ? 'total-row' : 'table-row');
        const engineNumbers = splitCells(lines[row.line]).filter((c) => c.kind === 'number').map((c) => c.raw);
        expect(numbersOf(tokens), lines[row.line].text).toEqual(engineNumbers);
      }
      // Table 四's data row: its numbers (fifteen, or more where the row has one too many).
      const t4 = lines[a.report.table4!.line];
      expect(numbersOf(tokenize(t4.text))).toEqual(splitCells(t4).filter((c) => c.kind === 'number').map((c) => c.raw));
      expect(numbersOf(tokenize(t4.text)).length).toBeGreaterThanOrEqual(15);
      // Prose stays prose.
      for (let i = 0; i < lines.length; i++) {
        const t = lines[i].text;
        if (t.length > 60 && !/[\t|]/.test(t) && !headingLines.has(i)) {
          expect(['table-row', 'total-row', 'layout-row', 'title']).not.toContain(top(i));
        }
      }
    });
  }
});

describe('TextMate grammar: other layouts and disable comments', () => {
  it('pipe rows, full-width digits, placeholders, the total row of table 四', () => {
    const pipe = tokenize('| 一、本年新收政府信息公开申请数量 | 7 | ０ | / | 0 | 0 | 0 | 7 |');
    expect(pipe[0].rule).toBe('table-row');
    expect(numbersOf(pipe)).toEqual(['7', '０', '0', '0', '0', '7']);
    expect(pipe[0].inner.flatMap((t) => t.captures).some((c) => c.scope.includes('placeholder') && c.text === '/')).toBe(true);
    expect(tokenize('结果维持\t结果纠正\t其他结果\t尚未审结\t总计')[0].rule).toBe('table-row'); // a header, no numbers
    expect(tokenize('(七) 总计\t3\t0\t0\t0\t0\t0\t3')[0].rule).toBe('total-row');
  });

  it('pdftotext -layout rows and markdown headings', () => {
    const layout = tokenize('  行政许可                     12        3');
    expect(layout[0].rule).toBe('layout-row');
    expect(layout[0].inner.flatMap((t) => t.captures).map((c) => c.text)).toEqual(['12', '3']);
    expect(tokenize('## 三、收到和处理政府信息公开申请情况')[0].rule).toBe('section-heading');
    expect(tokenize('四、结转下年度继续办理\t4\t0\t0\t0\t0\t0\t4')[0].rule).toBe('table-row'); // never a heading
  });

  it('disable comments are comments, alone on a line or at the end of a table row', () => {
    for (const c of ['<!-- zfxxgk-disable-next-line row-total -->', '【zfxxgk-disable-next-line row-total】', '<!-- zfxxgk-enable -->', '【zfxxgk-disable-file】']) {
      const [t] = tokenize(c);
      expect(t.rule, c).toBe('disable-comment');
      expect(t.text).toBe(c);
    }
    const row = tokenize('0\t0\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0【zfxxgk-disable-line group-total】');
    expect(row[0].rule).toBe('table-row');
    expect(row[0].inner.map((t) => t.rule)).toContain('disable-comment');
    expect(tokenize('本机关收到【重要】通知')[0]?.rule).not.toBe('disable-comment');
  });
});
