// Inline disable comments: <!-- zfxxgk-disable… --> and 【zfxxgk-disable…】.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, applyEdits, codeActions, fixAll, summarize } from '../../server/src/engine';
import { repoRoot } from '../helpers/paths';
import { seeds } from './fixtures';

const mistakes = fs.readFileSync(path.join(repoRoot, 'examples', 'mistakes-2023.txt'), 'utf8');
const LINES = mistakes.split('\n');
// mistakes-2023: row-total on the 本机关不掌握 row, group-total on table 四's data row, section-title on 五, section-missing at the end of the text (where 六 goes).
const ROW = LINES.findIndex((l) => l.includes('1.本机关不掌握相关政府信息'));
const T4_DATA = LINES.findIndex((l) => /^0\t0\t0\t0\t2/.test(l));

const ids = (text: string) => analyze(text).findings.map((f) => f.ruleId);
const insert = (at: number, ...lines: string[]) => [...LINES.slice(0, at), ...lines, ...LINES.slice(at)].join('\n');

describe('disable comments', () => {
  it('mistakes-2023 has the four findings these tests silence', () => {
    expect(ids(mistakes)).toEqual(['row-total', 'group-total', 'section-title', 'section-missing']);
  });

  it('disable-next-line, in both spellings, silences that rule on the next line only', () => {
    for (const comment of ['<!-- zfxxgk-disable-next-line row-total -->', '【zfxxgk-disable-next-line row-total】', '　【ZFXXGK-disable-next-line  row-total】', '【Zfxxgk-Disable-Next-Line row-total】']) {
      expect(ids(insert(ROW, comment)), comment).toEqual(['group-total', 'section-title', 'section-missing']);
      // Another rule named: nothing silenced; one line too high: nothing silenced.
      expect(ids(insert(ROW, comment.replace('row-total', 'column-total')))).toEqual(ids(mistakes));
      expect(ids(insert(ROW - 1, comment))).toEqual(ids(mistakes));
    }
    // A blank line between the comment and the row is skipped; several rules and no rule at all.
    expect(ids(insert(ROW, '【zfxxgk-disable-next-line row-total】', ''))).toEqual(['group-total', 'section-title', 'section-missing']);
    expect(ids(insert(T4_DATA, '<!-- zfxxgk-disable-next-line row-total, group-total -->'))).toEqual(['row-total', 'section-title', 'section-missing']);
    expect(ids(insert(T4_DATA, '【zfxxgk-disable-next-line】'))).toEqual(['row-total', 'section-title', 'section-missing']);
  });

  it('disable-line at the end of the row itself, without breaking the row', () => {
    const text = LINES.map((l, i) => (i === T4_DATA ? `${l}【zfxxgk-disable-line group-total】` : l)).join('\n');
    expect(ids(text)).toEqual(['row-total', 'section-title', 'section-missing']);
    expect(analyze(text).report.table4?.cells.map((c) => c.raw).join(' ')).toBe('0 0 0 0 2 0 0 0 0 0 0 0 0 0 0');
  });

  it('disable … enable silences a region; enable of one rule inside a disable-all region brings that rule back', () => {
    const at = LINES.findIndex((l) => l.startsWith('三、收到和处理'));
    const region = [...LINES.slice(0, at), '<!-- zfxxgk-disable row-total group-total -->', ...LINES.slice(at, T4_DATA + 1), '<!-- zfxxgk-enable row-total group-total -->', ...LINES.slice(T4_DATA + 1)].join('\n');
    expect(ids(region)).toEqual(['section-title', 'section-missing']);
    const partial = [...LINES.slice(0, at), '【zfxxgk-disable】', ...LINES.slice(at, T4_DATA), '【zfxxgk-enable group-total】', ...LINES.slice(T4_DATA)].join('\n');
    expect(ids(partial)).toEqual(['group-total']);
    const never = [...LINES.slice(0, at), '【zfxxgk-disable row-total】', '【zfxxgk-enable】', ...LINES.slice(at)].join('\n');
    expect(ids(never)).toEqual(ids(mistakes));
  });

  it('disable-file anywhere in the file silences the rule everywhere', () => {
    expect(ids(`${mistakes}\n<!-- zfxxgk-disable-file section-title section-missing -->\n`)).toEqual(['row-total', 'group-total']);
    expect(ids(insert(1, '【zfxxgk-disable-file】'))).toEqual([]);
  });

  it('a comment line is not prose and not a table row: inserting one anywhere in a seed changes nothing else', () => {
    for (const seed of seeds) {
      const lines = seed.text.split('\n');
      const want = analyze(seed.text).findings.map((f) => `${f.ruleId}: ${f.message}`);
      const model = analyze(seed.text).report;
      const t3Rows = model.table3?.rows.size;
      for (let at = 0; at < lines.length; at += 3) {
        for (const c of ['【zfxxgk-disable-next-line prose-table】', '<!-- zfxxgk-disable cell-blank -->']) {
          const text = [...lines.slice(0, at), c, ...lines.slice(at)].join('\n');
          const a = analyze(text);
          const got = a.findings.map((f) => `${f.ruleId}: ${f.message}`);
          // The region comment silences cell-blank from its line on; everything else is unchanged.
          const notBlank = (m: string) => !m.startsWith('cell-blank');
          expect(got.filter(notBlank), `${seed.name} @${at}`).toEqual(want.filter(notBlank));
          const commentAt = a.report.lines[at].start;
          if (c.includes('cell-blank')) expect(a.findings.some((f) => f.ruleId === 'cell-blank' && f.range.start > commentAt)).toBe(false);
          else expect(got).toEqual(want);
          expect(a.report.table3?.rows.size).toBe(t3Rows);
          expect(a.isReport).toBe(true);
        }
      }
    }
  });

  it('the summary of a report (for last year’s carry-over) ignores comment lines too', () => {
    const row = LINES.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
    const values = (t: string) => summarize(t).forward?.map((c) => c.value);
    const inline = LINES.map((l, i) => (i === row ? `${l}<!-- zfxxgk-disable-line carryover -->` : l)).join('\n');
    expect(values(inline)).toEqual(values(mistakes));
    expect(values(mistakes)).toEqual([4, 0, 0, 0, 0, 0, 4]);
  });
});

describe('quick fix 在此行禁用该规则', () => {
  const actionsAt = (text: string, uri: string, languageId: string, line: number) => {
    const doc = TextDocument.create(uri, languageId, 1, text);
    const range = { start: { line, character: 0 }, end: { line, character: 200 } };
    return { doc, actions: codeActions(doc, analyze(text), range, ['quickfix']) };
  };

  it('inserts a plain-text comment above the line in .txt, after the fixes, and the finding is gone', () => {
    const { doc, actions } = actionsAt(mistakes, 'file:///r.txt', 'plaintext', ROW);
    const titles = actions.map((a) => a.title);
    expect(titles[titles.length - 1]).toBe('在此行禁用该规则 (row-total)');
    expect(actions[0].isPreferred).toBe(true); // the determined fix comes first
    const edit = actions[actions.length - 1].edit!.documentChanges![0] as { edits: { range: { start: { line: number; character: number } }; newText: string }[] };
    expect(edit.edits).toEqual([{ range: { start: { line: ROW, character: 0 }, end: { line: ROW, character: 0 } }, newText: '【zfxxgk-disable-next-line row-total】\n' }]);
    const at = doc.offsetAt({ line: ROW, character: 0 });
    const after = applyEdits(mistakes, [{ start: at, end: at, newText: edit.edits[0].newText }]);
    expect(ids(after)).toEqual(['group-total', 'section-title', 'section-missing']);
  });

  it('uses an HTML comment in Markdown, keeps CRLF, speaks English, and is never part of fix-all', () => {
    const crlf = mistakes.replace(/\n/g, '\r\n');
    const doc = TextDocument.create('file:///r.md', 'markdown', 1, crlf);
    const actions = codeActions(doc, analyze(crlf, { locale: 'en' }), { start: { line: T4_DATA, character: 0 }, end: { line: T4_DATA, character: 100 } }, ['quickfix']);
    const disable = actions.find((a) => a.title === 'Disable group-total for this line')!;
    const edits = (disable.edit!.documentChanges![0] as { edits: { newText: string }[] }).edits;
    expect(edits.map((e) => e.newText)).toEqual(['<!-- zfxxgk-disable-next-line group-total -->\r\n']);
    expect(fixAll(mistakes).text).not.toContain('zfxxgk-disable');
    const fixAllAction = codeActions(doc, analyze(crlf), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll.zfxxgk']);
    expect(JSON.stringify(fixAllAction)).not.toContain('zfxxgk-disable');
  });
});
