// Editor features through the real server process: CodeLens (and its fix-all command), folding,
// completions, the new-report request, the disable-comment quick fix, the maxProblems note.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, CompletionItem, CompletionList, FoldingRange, TextEdit } from 'vscode-languageserver/node';
import { APPLY_FIX_ALL_COMMAND, NEW_REPORT_REQUEST, type NewReportResult } from '../../server/src/lsp/protocol';
import { ensureBuilt } from '../helpers/build';
import { LspTestClient } from '../helpers/lspClient';
import { repoRoot } from '../helpers/paths';

const mistakes = fs.readFileSync(path.join(repoRoot, 'examples', 'mistakes-2023.txt'), 'utf8');
let client: LspTestClient;
let serial = 0;
const newUri = (ext = 'txt') => `file:///tmp/zfxxgk-test/editor-${++serial}.${ext}`;

beforeAll(async () => {
  await ensureBuilt();
  client = await LspTestClient.start({ settings: { debounceMs: 0 } });
  await client.settingsLoaded();
});

afterAll(async () => {
  await client?.stop();
});

describe('editor features through the server', () => {
  it('declares CodeLens, folding and completion', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.codeLensProvider).toBeDefined();
    expect(caps.foldingRangeProvider).toBe(true);
    expect(caps.completionProvider).toBeDefined();
  });

  it('CodeLens: ✗ on tables 三 and 四; running 全部修正’s command fixes table 三 (table 四’s total is a suggestion) and its lens turns ✓', async () => {
    const uri = newUri();
    await client.open(uri, mistakes);
    await client.diagnosticsFor(uri, 1);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses.map((l) => l.command?.title)).toEqual(['✓ 勾稽关系成立', '✗ 1 处不一致', '全部修正', '✗ 1 处不一致']);
    const fix = lenses.find((l) => l.command?.command === APPLY_FIX_ALL_COMMAND)!;
    const changed = client.diagnostics.waitForNext((p) => p.uri === uri && p.version === 2, 'diagnostics after the fix');
    const result = await client.request<{ applied: number }>('workspace/executeCommand', { command: fix.command!.command, arguments: fix.command!.arguments });
    expect(result.applied).toBeGreaterThan(0);
    const after = await changed;
    expect(after.diagnostics.filter((d) => d.code === 'row-total')).toEqual([]);
    expect(after.diagnostics.filter((d) => d.code === 'group-total').length).toBe(1);
    const again = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(again.map((l) => l.command?.title)).toEqual(['✓ 勾稽关系成立', '✓ 勾稽关系成立', '✗ 1 处不一致']);
  });

  it('CodeLens, folding and completion are empty for a text that is not a report', async () => {
    const uri = newUri();
    await client.open(uri, '会议纪要\n\n今天讨论了三件事。\n');
    await client.diagnosticsFor(uri, 1);
    expect(await client.request('textDocument/codeLens', { textDocument: { uri } })).toEqual([]);
    expect(await client.request('textDocument/foldingRange', { textDocument: { uri } })).toEqual([]);
    expect(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } })).toEqual([]);
  });

  it('folding: the sections of mistakes-2023 (five of six) and its table 三', async () => {
    const uri = newUri();
    await client.open(uri, mistakes);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = mistakes.split('\n');
    const headingLines = lines.flatMap((l, i) => (/^[一二三四五]、(总体|主动|收到|政府|存在)/.test(l) ? [i] : []));
    expect(headingLines).toHaveLength(5);
    for (const h of headingLines.slice(0, 4)) expect(folds.some((f) => f.startLine === h && f.endLine > h)).toBe(true);
    const t3 = lines.findIndex((l) => l.includes('勾稽关系'));
    const t3end = lines.findIndex((l) => l.startsWith('四、结转下年度'));
    expect(folds).toContainEqual({ startLine: t3, endLine: t3end, kind: 'region' });
  });

  it('completion: a missing section heading at the start of an empty line, nothing at the end of prose', async () => {
    const lines = mistakes.split('\n');
    const five = lines.findIndex((l) => l.startsWith('五、'));
    const text = [...lines.slice(0, five + 3), '', '六', ...lines.slice(five + 3)].join('\n');
    const uri = newUri();
    await client.open(uri, text);
    const got = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: five + 4, character: 1 } });
    const items = Array.isArray(got) ? got : got.items;
    expect(items.map((i) => i.label)).toEqual(['六、其他需要报告的事项']);
    expect((items[0].textEdit as TextEdit).range).toEqual({ start: { line: five + 4, character: 0 }, end: { line: five + 4, character: 1 } });
    const prose = lines.findIndex((l) => l.length > 60 && !l.includes('\t'));
    expect(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: prose, character: lines[prose].length } })).toEqual([]);
  });

  it('zfxxgk/newReport: a draft that the server itself checks clean; an invalid year is refused with a message', async () => {
    for (const year of [2019, 2020, 2021, 2024]) {
      const draft = await client.request<NewReportResult>(NEW_REPORT_REQUEST, { unit: '某某县人民政府', year });
      expect(draft.version).toBe(year >= 2021 ? 'F2021' : 'F2019');
      expect(draft.title).toBe(`某某县人民政府${year}年政府信息公开工作年度报告`);
      const uri = newUri();
      await client.open(uri, draft.text, 'zfxxgk-report');
      expect((await client.diagnosticsFor(uri, 1)).diagnostics).toEqual([]);
      expect((await client.status.waitFor((s) => s.uri === uri, 'status')).isReport).toBe(true);
    }
    const crlf = await client.request<NewReportResult>(NEW_REPORT_REQUEST, { unit: '某某县人民政府', year: 2023, eol: '\r\n' });
    expect(crlf.text).toContain('\r\n');
    await expect(client.request(NEW_REPORT_REQUEST, { unit: '某某县人民政府', year: 2018 })).rejects.toThrow('四位年份');
    await expect(client.request(NEW_REPORT_REQUEST, { year: 2024 })).rejects.toThrow('单位名称');
    expect(client.alive).toBe(true);
  });

  it('quick fix 在此行禁用该规则: the comment goes above the line and the diagnostic disappears', async () => {
    const uri = newUri();
    await client.open(uri, mistakes);
    const published = await client.diagnosticsFor(uri, 1);
    const rowTotal = published.diagnostics.find((d) => d.code === 'row-total')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: rowTotal.range,
      context: { diagnostics: [rowTotal], only: ['quickfix'] },
    });
    const disable = actions.find((a) => a.title === '在此行禁用该规则 (row-total)')!;
    expect(disable.isPreferred).toBeFalsy();
    const change = disable.edit!.documentChanges![0] as { edits: TextEdit[] };
    const version = await client.applyEdits(uri, change.edits);
    const after = await client.diagnosticsFor(uri, version);
    expect(after.diagnostics.map((d) => d.code)).toEqual(published.diagnostics.filter((d) => d.code !== 'row-total').map((d) => d.code));
    expect(client.docs.get(uri)!.getText()).toContain('【zfxxgk-disable-next-line row-total】\n\t(四) 无法提供');
  });

  it('zfxxgk.maxProblems on a real report: the most severe kept, and exactly one information note about the cap', async () => {
    client.settings = { maxProblems: 2, debounceMs: 0 };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.logs.waitFor((l) => l.message.includes('"maxProblems":2'), 'capped settings');
    const uri = newUri();
    await client.open(uri, mistakes);
    const published = await client.diagnosticsFor(uri, 1);
    const notes = published.diagnostics.filter((d) => d.code === 'max-problems');
    expect(notes).toHaveLength(1);
    expect(notes[0].severity).toBe(3);
    expect(notes[0].message).toContain('2');
    // Four findings: three errors and a warning; the two kept are errors.
    expect(published.diagnostics.filter((d) => d.code !== 'max-problems').map((d) => d.severity)).toEqual([1, 1]);
    expect(published.diagnostics).toHaveLength(3);
    client.settings = { debounceMs: 0 };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });
});
