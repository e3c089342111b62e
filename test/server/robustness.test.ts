// Bad input never takes the server down; settings change what the user sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, Hover } from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { LspTestClient } from '../helpers/lspClient';
import { changeCell, readSeed } from '../helpers/seeds';

beforeAll(async () => {
  await ensureBuilt();
});

describe('robustness', () => {
  let client: LspTestClient;
  const uri = 'file:///tmp/zfxxgk-test/robust.txt';

  beforeAll(async () => {
    client = await LspTestClient.start();
    await client.open(uri, readSeed());
    await client.diagnosticsFor(uri, 1);
  });
  afterAll(async () => {
    await client?.stop();
  });

  /** The server still answers a real request. */
  async function stillServes(): Promise<void> {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.length).toBeGreaterThan(0);
    expect(client.alive).toBe(true);
  }

  it('survives malformed JSON on stdin', async () => {
    const body = Buffer.from('{"jsonrpc":"2.0","id":1,"method":', 'utf8');
    await client.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    const junk = Buffer.from('{"hello":"world"}', 'utf8');
    await client.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${junk.length}\r\n\r\n`, 'ascii'), junk]));
    await stillServes();
  });

  it('answers an unknown method with MethodNotFound', async () => {
    await expect(client.request('zfxxgk/noSuchThing', {})).rejects.toMatchObject({ code: -32601 });
    await stillServes();
  });

  it('answers requests about unknown documents with null or nothing', async () => {
    const unknown = { uri: 'file:///nowhere/missing.txt' };
    const zero = { line: 0, character: 0 };
    expect(await client.request<Hover | null>('textDocument/hover', { textDocument: unknown, position: zero })).toBeNull();
    expect(await client.request('textDocument/documentSymbol', { textDocument: unknown })).toEqual([]);
    expect(
      await client.request('textDocument/codeAction', { textDocument: unknown, range: { start: zero, end: zero }, context: { diagnostics: [] } }),
    ).toEqual([]);
    expect(await client.request('zfxxgk/fixAllEdits', unknown)).toEqual([]);
    expect(await client.request('zfxxgk/fixAllEdits', {})).toEqual([]);
    expect(await client.request('workspace/executeCommand', { command: 'zfxxgk.applyFixAll', arguments: [] })).toMatchObject({ applied: 0 });
    await stillServes();
  });

  it('answers hover at positions outside the document with null', async () => {
    // The table-四 data row ends in a number: a position past its end must not be clamped onto that cell.
    const lines = readSeed().split('\n');
    const row = lines.findIndex((l) => /^0\t0\t0/.test(l));
    const atEnd = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: row, character: lines[row].length },
    });
    expect(atEnd).not.toBeNull(); // still on the last cell
    for (const position of [
      { line: row, character: lines[row].length + 1 },
      { line: row, character: 10_000 },
      { line: 100_000, character: 0 },
      { line: lines.length, character: 0 },
      { line: -1, character: 0 },
      { line: 0.5, character: 0 },
    ]) {
      expect(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position })).toBeNull();
    }
    await stillServes();
  });

  it('survives notifications about documents it never saw, and bad params', async () => {
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///nowhere/x.txt', version: 2 },
      contentChanges: [{ text: 'x' }],
    });
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///nowhere/x.txt' } });
    await client.request('textDocument/hover', { textDocument: { uri } }).catch(() => null);
    await client.request('textDocument/codeAction', { textDocument: { uri } }).catch(() => null);
    await stillServes();
  });
});

describe('settings', () => {
  let client: LspTestClient;
  let serial = 0;

  beforeAll(async () => {
    client = await LspTestClient.start({ settings: {} });
  });
  afterAll(async () => {
    await client?.stop();
  });

  it('debounces typing: a burst of changes is checked once, for the last version', async () => {
    const uri = `file:///tmp/zfxxgk-test/burst-${++serial}.txt`;
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    await client.open(uri, cell.text);
    await client.diagnosticsFor(uri, 1);
    let version = 1;
    for (const digit of ['6', '7', '8', '9', '3']) {
      version = await client.change(uri, [
        { range: { start: { line: cell.line, character: cell.character }, end: { line: cell.line, character: cell.character + 1 } }, text: digit },
      ]);
    }
    const last = await client.diagnosticsFor(uri, version);
    expect(last.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    // Default debounce (300 ms): the intermediate versions were never checked.
    expect(client.diagnostics.events.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, version]);
  });

  it('applies zfxxgk.rules on didChangeConfiguration: rules off, severities changed', async () => {
    const uri = `file:///tmp/zfxxgk-test/rules-${++serial}.txt`;
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    await client.open(uri, cell.text);
    const before = await client.diagnosticsFor(uri, 1);
    const codes = new Set(before.diagnostics.filter((d) => d.severity === 1).map((d) => String(d.code)));
    expect(codes.size).toBeGreaterThan(0);

    const [first, ...rest] = [...codes];
    client.settings = { rules: Object.fromEntries([[first, 'warning'], ...rest.map((c) => [c, 'off'])]) };
    const next = client.diagnostics.waitForNext((p) => p.uri === uri, 'diagnostics after the settings change');
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await next;
    expect(after.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    expect(after.diagnostics.filter((d) => String(d.code) === first).every((d) => d.severity === 2)).toBe(true);
    expect(after.diagnostics.some((d) => String(d.code) === first)).toBe(true);
    for (const c of rest) expect(after.diagnostics.some((d) => String(d.code) === c)).toBe(false);
  });

  it('caps the number of problems at zfxxgk.maxProblems and says how many are hidden', async () => {
    client.settings = { maxProblems: 1, debounceMs: 0 };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = `file:///tmp/zfxxgk-test/capped-${++serial}.txt`;
    // A title and nothing else: every section is missing, so there are many problems.
    await client.open(uri, '某县2023年政府信息公开工作年度报告\n\n今天没有别的事。\n', 'zfxxgk-report');
    const published = await client.diagnostics.waitFor(
      (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'max-problems'),
      'capped diagnostics',
    );
    const status = await client.status.waitFor((s) => s.uri === uri && s.hidden > 0, 'status with hidden problems');
    expect(published.diagnostics).toHaveLength(2);
    const note = published.diagnostics.find((d) => d.code === 'max-problems')!;
    expect(note.message).toContain(String(status.hidden));
    expect(note.message).toContain('zfxxgk.maxProblems');
    expect(status.errors + status.warnings + status.infos + status.hints).toBe(status.hidden + 1);
  });

  it('with zfxxgk.run = onSave, checks on open and save but not while typing', async () => {
    client.settings = { run: 'onSave', debounceMs: 0 };
    const onSave = client.logs.waitForNext((l) => l.message.includes('"run":"onSave"'), 'onSave settings');
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await onSave;
    const uri = `file:///tmp/zfxxgk-test/onsave-${++serial}.txt`;
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    await client.open(uri, cell.text);
    expect((await client.diagnosticsFor(uri, 1)).diagnostics.some((d) => d.severity === 1)).toBe(true);
    const version = await client.change(uri, [
      { range: { start: { line: cell.line, character: cell.character }, end: { line: cell.line, character: cell.character + 1 } }, text: '3' },
    ]);
    // A change is handled before the next request is answered; with onType and no debounce it would have been published.
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(client.diagnostics.events.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1]);
    await client.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const saved = await client.diagnosticsFor(uri, version);
    expect(saved.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    client.settings = {};
    const onType = client.logs.waitForNext((l) => l.message.includes('"run":"onType"'), 'onType settings again');
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await onType;
  });

  it('speaks English when the client locale is en, and initializationOptions override it', async () => {
    const en = await LspTestClient.start({ locale: 'en-US', settings: { debounceMs: 0 } });
    const zh = await LspTestClient.start({ locale: 'en-US', initializationOptions: { locale: 'zh-CN' }, settings: { debounceMs: 0 } });
    try {
      const text = changeCell(readSeed(), '(七) 总计', 0, '5').text;
      const uri = 'file:///tmp/zfxxgk-test/locale.txt';
      await en.open(uri, text);
      await zh.open(uri, text);
      const [enDiag, zhDiag] = await Promise.all([en.diagnosticsFor(uri, 1), zh.diagnosticsFor(uri, 1)]);
      const cjk = /[\u4e00-\u9fff]/;
      const enErr = enDiag.diagnostics.find((d) => d.severity === 1)!;
      const zhErr = zhDiag.diagnostics.find((d) => d.severity === 1)!;
      expect(zhErr.message).toMatch(cjk);
      expect(enErr.message).toMatch(/[a-z]{3,}/);
      expect(enErr.message).not.toBe(zhErr.message);
    } finally {
      await Promise.all([en.stop(), zh.stop()]);
    }
  });
});
