// The language server as an editor without pull diagnostics sees it (push mode), over stdio,
// using the real bundle dist/server.js.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { LspTestClient } from '../helpers/lspClient';
import { cellPosition, changeCell, readSeed } from '../helpers/seeds';

const ARITHMETIC = ['row-total', 'column-total', 'balance'];
const ERROR = 1;

let client: LspTestClient;
let nextId = 0;
const newUri = (name = 'report') => `file:///tmp/zfxxgk-test/${name}-${++nextId}.txt`;

beforeAll(async () => {
  await ensureBuilt();
  // debounceMs 0: every change is checked at once, so each version gets its own publish.
  client = await LspTestClient.start({ settings: { debounceMs: 0 } });
  // Settings are read after `initialized`; wait until the server has logged them.
  await client.settingsLoaded();
});

afterAll(async () => {
  await client?.stop();
});

function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return (c as MarkupContent).value;
}

function flatten(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

describe('push diagnostics', () => {
  it('announces its features and no pull diagnostics to a push-only client', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.diagnosticProvider).toBeUndefined();
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.hoverProvider).toBeTruthy();
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: expect.arrayContaining(['quickfix', 'source.fixAll.zfxxgk']) });
    expect(caps.executeCommandProvider?.commands).toContain('zfxxgk.applyFixAll');
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
  });

  it("a version's status comes after its diagnostics, so a client that waits for it can read them", async () => {
    const uri = newUri('order');
    await client.open(uri, changeCell(readSeed(), '(七) 总计', 0, '5').text);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    await client.status.waitFor((s) => s.uri === uri && s.version === 2, 'status of version 2');
    const mine = client.arrivals.filter((a) => a.includes(` ${uri} `));
    expect(mine.indexOf(`diagnostics ${uri} 2`)).toBeGreaterThanOrEqual(0);
    expect(mine.indexOf(`diagnostics ${uri} 2`)).toBeLessThan(mine.indexOf(`status ${uri} 2`));
  });

  it('a clean seed report gets no errors', async () => {
    const uri = newUri('clean');
    await client.open(uri, readSeed());
    const published = await client.diagnosticsFor(uri, 1);
    expect(published.diagnostics.filter((d) => d.severity === ERROR)).toEqual([]);
    const status = await client.status.waitFor((s) => s.uri === uri && s.version === 1, 'status');
    expect(status).toMatchObject({ isReport: true, errors: 0 });
  });

  it('flags a changed total cell on the cell itself, and its quick fix clears the error', async () => {
    const original = readSeed();
    const cell = changeCell(original, '(七) 总计', 0, '5'); // 自然人 total: 3 → 5
    const uri = newUri('changed');
    await client.open(uri, cell.text);

    const first = await client.diagnosticsFor(uri, 1);
    const cellRange = { start: { line: cell.line, character: cell.character }, end: { line: cell.line, character: cell.character + cell.length } };
    const onCell = first.diagnostics.filter(
      (d) => d.severity === ERROR && ARITHMETIC.includes(String(d.code)) && JSON.stringify(d.range) === JSON.stringify(cellRange),
    );
    expect(onCell.length, JSON.stringify(first.diagnostics, null, 1)).toBeGreaterThan(0);
    expect(onCell[0].source).toBe('zfxxgk');
    // The rule link opens the rule's page shipped next to the server (docs/rules/<id>.md).
    const href = onCell[0].codeDescription?.href ?? '';
    expect(href).toMatch(new RegExp(`^file://.*/docs/rules/${onCell[0].code}\\.md$`));
    expect(fs.existsSync(fileURLToPath(href)), href).toBe(true);
    const status = await client.status.waitFor((s) => s.uri === uri && s.version === 1, 'status');
    expect(status.errors).toBeGreaterThan(0);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: cellRange,
      context: { diagnostics: onCell, only: ['quickfix'] },
    });
    const preferred = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    expect(preferred, JSON.stringify(actions, null, 1)).toBeDefined();
    const edits: TextEdit[] = preferred!.edit!.documentChanges
      ? (preferred!.edit!.documentChanges as { edits: TextEdit[] }[]).flatMap((c) => c.edits)
      : Object.values(preferred!.edit!.changes ?? {}).flat();
    expect(edits.length).toBeGreaterThan(0);

    const version = await client.applyEdits(uri, edits);
    expect(client.docs.get(uri)!.getText()).toBe(original); // the fix puts back the 3
    const after = await client.diagnosticsFor(uri, version);
    expect(after.diagnostics.filter((d) => d.severity === ERROR)).toEqual([]);
  });

  it('offers the fix-all source action and a fix-all request that give the original text back', async () => {
    const original = readSeed();
    const cell = changeCell(original, '(七) 总计', 0, '5');
    const uri = newUri('fixall');
    await client.open(uri, cell.text);
    await client.diagnosticsFor(uri, 1);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.zfxxgk'] },
    });
    expect(actions.map((a) => a.kind)).toContain('source.fixAll.zfxxgk');
    expect(actions.every((a) => a.kind?.startsWith('source.fixAll'))).toBe(true);

    const edits = await client.request<TextEdit[]>('zfxxgk/fixAllEdits', { uri });
    // Only the changed cell is touched, not the whole document.
    expect(edits).toHaveLength(1);
    expect(edits[0].range.start).toEqual({ line: cell.line, character: cell.character });
    expect(edits[0].newText).toBe('3');
  });

  it('the applyFixAll command edits the document through workspace/applyEdit', async () => {
    const original = readSeed();
    const uri = newUri('command');
    await client.open(uri, changeCell(original, '(七) 总计', 0, '5').text);
    await client.diagnosticsFor(uri, 1);

    const result = await client.request<{ applied: number }>('workspace/executeCommand', {
      command: 'zfxxgk.applyFixAll',
      arguments: [uri],
    });
    expect(result.applied).toBeGreaterThan(0);
    expect(client.docs.get(uri)!.getText()).toBe(original);
    const after = await client.diagnosticsFor(uri, 2);
    expect(after.diagnostics.filter((d) => d.severity === ERROR)).toEqual([]);

    // Nothing left to fix: nothing applied.
    const again = await client.request<{ applied: number }>('workspace/executeCommand', { command: 'zfxxgk.applyFixAll', arguments: [{ uri }] });
    expect(again.applied).toBe(0);
  });

  it('clears the diagnostics when the document is closed', async () => {
    const uri = newUri('closing');
    await client.open(uri, changeCell(readSeed(), '(七) 总计', 0, '5').text);
    const open = await client.diagnosticsFor(uri, 1);
    expect(open.diagnostics.length).toBeGreaterThan(0);
    const cleared = client.diagnostics.waitForNext((p) => p.uri === uri, 'diagnostics cleared on close');
    await client.close(uri);
    expect((await cleared).diagnostics).toEqual([]);
  });
});

describe('outline and hover', () => {
  let uri: string;
  let text: string;
  beforeAll(async () => {
    uri = newUri('outline');
    text = readSeed();
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
  });

  it('lists the six sections in order', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = flatten(symbols).map((s) => s.name);
    const sections = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const found = sections.map((s) => names.findIndex((n) => n.includes(s)));
    expect(found.every((i) => i >= 0), names.join('\n')).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
  });

  it('names the row and the column of a numeric cell', async () => {
    const position = cellPosition(text, '一、本年新收政府信息公开申请数量', 0); // 7, 自然人
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    const shown = hoverText(hover);
    expect(shown).toContain('自然人');
    expect(shown).toContain('本年新收');
  });

  it('says nothing on prose', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: text.split('\n').findIndex((l) => l.startsWith('五、存在的主要问题')) + 2, character: 3 },
    });
    expect(hover).toBeNull();
  });
});

describe('documents that are not reports', () => {
  const notes = '周一例会纪要\n\n1. 讨论了下周的值班安排。\n2. 张三负责 3 号楼的消防检查，李四负责 5 号楼。\n';

  it('get empty diagnostics, no symbols, no hover, and a status that says so', async () => {
    const uri = newUri('notes');
    await client.open(uri, notes);
    const published = await client.diagnosticsFor(uri, 1);
    expect(published.diagnostics).toEqual([]);
    const status = await client.status.waitFor((s) => s.uri === uri, 'status');
    expect(status).toMatchObject({ isReport: false, errors: 0, warnings: 0 });
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 8 } })).toBeNull();
    expect(await client.request('zfxxgk/fixAllEdits', { uri })).toEqual([]);
  });

  it('are checked anyway when the client marks them as zfxxgk-report', async () => {
    const uri = newUri('forced');
    await client.open(uri, notes, 'zfxxgk-report');
    const published = await client.diagnosticsFor(uri, 1);
    // One finding that says what is wrong (as the CLI says for a file named directly), not six missing sections.
    expect(published.diagnostics.map((d: Diagnostic) => [d.code, d.message])).toEqual([['section-missing', '看起来不是政府信息公开年报：没有标题、章节标题或统计表']]);
  });
});
