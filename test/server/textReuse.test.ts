// text-reuse in the editor: last year's report only on disk in the workspace folder, summarised
// (with its sentence fingerprint) and cached per mtime/size by lsp/relatedReports.ts; rewriting
// that file's prose clears the information on this year's report.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { LspTestClient } from '../helpers/lspClient';
import { readSeed, seedOfLastYear } from '../helpers/seeds';

const seed = readSeed(); // 宝丰县人民政府办公室 2023: 20 counted prose sentences
const lastYear = seedOfLastYear;
const reuse = (p: PublishDiagnosticsParams): Diagnostic[] => p.diagnostics.filter((d) => d.code === 'text-reuse');

let root: string;
const write = (rel: string, text: string) => {
  const full = path.join(root, rel);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return pathToFileURL(full).href;
};

beforeAll(async () => {
  await ensureBuilt();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-ws-reuse-'));
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('text-reuse in the editor', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 }, workspaceFolders: [pathToFileURL(root).href] });
    await client.settingsLoaded();
  });
  afterAll(async () => {
    await client?.stop();
  });

  it("last year's report on disk: information with the percentage; its prose rewritten on disk: cleared", async () => {
    const prevUri = write('archive/宝丰2022.txt', lastYear(8));
    const curUri = write('b/宝丰2023.txt', seed);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: prevUri, type: 1 }, { uri: curUri, type: 1 }] });
    await client.open(curUri, seed);
    const found = reuse(await client.diagnosticsFor(curUri, 1));
    expect(found.map((d) => [d.message, d.severity])).toEqual([['与上一年度报告（宝丰2022.txt）相同的句子占 60%（12/20 句），重复率超过 50%', 3]]);
    expect(found[0].relatedInformation![0].location.uri).toBe(prevUri);

    const cleared = client.diagnostics.waitForNext((p) => p.uri === curUri && reuse(p).length === 0, 'text-reuse to clear');
    write('archive/宝丰2022.txt', lastYear(15));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: prevUri, type: 2 }] });
    await cleared;
    await client.close(curUri);
  });
});
