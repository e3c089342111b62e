// Protocol abuse against the real server process (dist/server.js over stdio): malformed JSON,
// unknown methods, requests about unknown or closed documents, out-of-range positions, didChange
// with bad ranges, a flood of 1,000 changes. The server answers with errors or null, stays up,
// keeps its memory bounded, and its last diagnostics describe the last text exactly.
import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, toDiagnostics } from '../../server/src/engine';
import { ensureBuilt } from '../helpers/build';
import { LspTestClient } from '../helpers/lspClient';
import { changeCell, readSeed } from '../helpers/seeds';

beforeAll(async () => {
  await ensureBuilt();
});

/** Resident memory of a process in MiB (Linux /proc; undefined elsewhere). */
function rssMiB(pid: number | undefined): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** What the user must see for `text`: the engine's own diagnostics, in a comparable form. */
function expectedFor(uri: string, text: string): string[] {
  const doc = TextDocument.create(uri, 'plaintext', 1, text);
  return toDiagnostics(doc, analyze(text)).map(key).sort();
}
const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.severity} ${d.message}`;
const got = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code !== 'max-problems').map(key).sort();

describe('protocol abuse', () => {
  let client: LspTestClient;
  let serial = 0;
  const nextUri = (name: string) => `file:///tmp/zfxxgk-abuse/${name}-${++serial}.txt`;

  beforeAll(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 } });
    await client.logs.waitFor((l) => l.message.includes('"debounceMs":0'), 'settings with debounceMs 0');
  });
  afterAll(async () => {
    await client?.stop();
  });

  async function stillServes(): Promise<void> {
    const uri = nextUri('alive');
    await client.open(uri, readSeed());
    await client.diagnosticsFor(uri, 1);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.length).toBeGreaterThan(0);
    await client.close(uri);
    expect(client.alive).toBe(true);
  }

  it('malformed JSON, a wrong Content-Length and invalid UTF-8 are dropped; the server keeps serving', async () => {
    const frame = (body: Buffer) => Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    await client.writeRaw(frame(Buffer.from('{"jsonrpc":"2.0","id":9001,"method":"textDocument/hover","params":', 'utf8')));
    await client.writeRaw(frame(Buffer.from('[1,2,3]', 'utf8')));
    await client.writeRaw(frame(Buffer.from('null', 'utf8')));
    await client.writeRaw(frame(Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28])));
    await client.writeRaw(frame(Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: 'not an object' }), 'utf8')));
    await client.writeRaw(frame(Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: null, contentChanges: 5 } }), 'utf8')));
    await stillServes();
  });

  it('unknown requests get MethodNotFound; unknown notifications are ignored', async () => {
    await expect(client.request('zfxxgk/doesNotExist', { x: 1 })).rejects.toMatchObject({ code: -32601 });
    await expect(client.request('textDocument/noSuchFeature', {})).rejects.toMatchObject({ code: -32601 });
    await client.conn.sendNotification('zfxxgk/noSuchNotification', { a: [1, 2, 3] });
    await client.conn.sendNotification('$/noSuchThing', null);
    await stillServes();
  });

  it('requests about a closed document answer null or empty, like an unknown one', async () => {
    const uri = nextUri('closed');
    const text = changeCell(readSeed(), '(七) 总计', 0, '5').text;
    await client.open(uri, text);
    expect((await client.diagnosticsFor(uri, 1)).diagnostics.length).toBeGreaterThan(0);
    const cleared = client.diagnostics.waitForNext((p) => p.uri === uri && p.diagnostics.length === 0, 'diagnostics cleared on close');
    await client.close(uri);
    await cleared;
    const doc = { uri };
    const zero = { line: 0, character: 0 };
    expect(await client.request<Hover | null>('textDocument/hover', { textDocument: doc, position: zero })).toBeNull();
    expect(await client.request('textDocument/documentSymbol', { textDocument: doc })).toEqual([]);
    expect(await client.request('textDocument/codeAction', { textDocument: doc, range: { start: zero, end: zero }, context: { diagnostics: [] } })).toEqual([]);
    expect(await client.request('zfxxgk/fixAllEdits', doc)).toEqual([]);
    expect(await client.request('workspace/executeCommand', { command: 'zfxxgk.applyFixAll', arguments: [uri] })).toMatchObject({ applied: 0 });
    // A change for the closed document is ignored: nothing is published for it.
    const before = client.diagnostics.events.length;
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'x' }] });
    await stillServes();
    expect(client.diagnostics.events.slice(before).some((p) => p.uri === uri)).toBe(false);
  });

  it('out-of-range and malformed positions and ranges answer null or empty, never a crash', async () => {
    const uri = nextUri('positions');
    const text = changeCell(readSeed(), '(七) 总计', 0, '5').text;
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const bad = [
      { line: -1, character: 0 },
      { line: 0, character: -5 },
      { line: 1e9, character: 0 },
      { line: 0, character: 1e9 },
      { line: 2 ** 31, character: 2 ** 31 },
      { line: 1.5, character: 0 },
      { line: 'x', character: null },
      null,
    ];
    for (const position of bad) {
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }).catch(() => null);
      expect(hover).toBeNull();
      const range = { start: position, end: position };
      const actions = await client
        .request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } })
        .catch((e: { code?: number }) => (typeof e?.code === 'number' ? [] : Promise.reject(e)));
      expect(Array.isArray(actions)).toBe(true);
    }
    // A reversed range (end before start) is a legal question with a legal answer.
    const reversed = await client.request<unknown[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 60, character: 0 }, end: { line: 1, character: 0 } },
      context: { diagnostics: [] },
    });
    expect(Array.isArray(reversed)).toBe(true);
    await stillServes();
  });

  it('didChange with bad ranges does not crash; a full resync makes the diagnostics right again', async () => {
    const uri = nextUri('bad-ranges');
    await client.open(uri, readSeed());
    await client.diagnosticsFor(uri, 1);
    const badRanges = [
      { start: { line: 5, character: 10 }, end: { line: 2, character: 0 } }, // end before start
      { start: { line: 100000, character: 0 }, end: { line: 100001, character: 5 } }, // past the end
      { start: { line: -3, character: -1 }, end: { line: 0, character: 2 } }, // negative
      { start: { line: 0, character: 1e9 }, end: { line: 0, character: 1e9 + 1 } },
      { start: { line: 3, character: 0.5 }, end: { line: 3, character: 2.5 } },
    ];
    let version = 1;
    for (const range of badRanges) {
      await client.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range, text: '\t9\n一、' }],
      });
    }
    // Version going backwards and a change with no text at all.
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: 'stale' }] });
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: badRanges[0] }] });
    expect(client.alive).toBe(true);
    const final = changeCell(readSeed(), '(七) 总计', 0, '5').text;
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: final }] });
    const published = await client.diagnosticsFor(uri, version);
    expect(got(published)).toEqual(expectedFor(uri, final));
    expect(got(published).some((d) => d.includes('row-total') || d.includes('column-total'))).toBe(true);
  });

  it('a flood of 1,000 changes within a second: memory stays bounded, the queued changes are checked once and the last diagnostics fit the last text', async () => {
    const uri = nextUri('flood');
    const seed = readSeed();
    const cell = changeCell(seed, '(七) 总计', 0, '3');
    await client.open(uri, seed);
    await client.diagnosticsFor(uri, 1);
    const rssBefore = rssMiB(client.proc.pid);
    let version = 1;
    const started = Date.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < 1000; i++) {
      // Type digits into the 自然人 total and insert/delete a line of prose, like a very fast typist.
      const digit = String((i * 7) % 10);
      const edit = i % 2 === 0
        ? { range: { start: { line: cell.line, character: cell.character }, end: { line: cell.line, character: cell.character + 1 } }, text: digit }
        : { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: i % 4 === 1 ? '补充说明。\n' : '' };
      if (i % 4 === 3) edit.range.end = { line: 3, character: 0 }; // delete the line added before
      const doc = client.docs.get(uri)!;
      TextDocument.update(doc, [edit], ++version);
      sends.push(client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit] }));
    }
    await Promise.all(sends);
    const sentWithinMs = Date.now() - started;
    const last = await client.diagnosticsFor(uri, version, 30_000);
    const finalText = client.docs.get(uri)!.getText();
    expect(got(last)).toEqual(expectedFor(uri, finalText));
    expect(sentWithinMs).toBeLessThan(1000);
    // Even with debounceMs 0, changes queued behind each other are checked once, after the last.
    const checked = client.diagnostics.events.filter((p) => p.uri === uri && p.version !== 1).length;
    expect(checked).toBeLessThan(200);
    // The server answers at once after the flood.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.length).toBeGreaterThan(0);
    const rssAfter = rssMiB(client.proc.pid);
    if (rssBefore !== undefined && rssAfter !== undefined) {
      expect(rssAfter).toBeLessThan(rssBefore + 100);
      expect(rssAfter).toBeLessThan(400);
    }
  }, 60_000);

  it('with the default debounce, a flood is checked once for the final version', async () => {
    const slow = await LspTestClient.start({ settings: {} });
    try {
      const uri = nextUri('flood-debounced');
      const seed = readSeed();
      await slow.open(uri, seed);
      await slow.diagnosticsFor(uri, 1);
      const cell = changeCell(seed, '(七) 总计', 0, '3');
      let version = 1;
      for (let i = 0; i < 1000; i++) {
        version = await slow.change(uri, [
          { range: { start: { line: cell.line, character: cell.character }, end: { line: cell.line, character: cell.character + 1 } }, text: String(i % 10) },
        ]);
      }
      const last = await slow.diagnosticsFor(uri, version, 10_000);
      expect(got(last)).toEqual(expectedFor(uri, slow.docs.get(uri)!.getText()));
      const published = slow.diagnostics.events.filter((p) => p.uri === uri).map((p) => p.version);
      expect(published.length).toBeLessThan(20); // debounced: not one per change
    } finally {
      await slow.stop();
    }
  }, 60_000);
});
