// Carry-over in the editor: two reports of one unit (2022 and 2023) in a workspace folder, through
// the real server process. The warning names the other file, and follows changes to it (open
// document edits, or files changed on disk and announced by workspace/didChangeWatchedFiles).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { LspTestClient, PULL_CAPABILITIES } from '../helpers/lspClient';
import { changeCell, readSeed } from '../helpers/seeds';

const seed = readSeed(); // 宝丰县人民政府办公室 2023: 上年结转 0
const lastYear = seed.replace('2023 年政府信息公开工作', '2022 年政府信息公开工作'); // 结转下年度 4 (自然人, 总计)
/** Last year's report carrying forward nothing: agrees with this year's 上年结转 0. */
const lastYearAgreeing = changeCell(changeCell(lastYear, '四、结转下年度', 0, '0').text, '四、结转下年度', 6, '0').text;
const forwardLine = lastYear.split('\n').findIndex((l) => l.startsWith('四、结转下年度'));

let root: string;
const write = (rel: string, text: string) => {
  const full = path.join(root, rel);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return pathToFileURL(full).href;
};
/** The same reports for another unit (each test its own unit: all share one workspace folder). */
const asUnit = (text: string, unit: string) => text.replace('宝丰县人民政府办公室', unit);
const carryover = (p: PublishDiagnosticsParams): Diagnostic[] => p.diagnostics.filter((d) => d.code === 'carryover');

beforeAll(async () => {
  await ensureBuilt();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-ws-'));
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('carryover in the editor (push diagnostics)', () => {
  let client: LspTestClient;
  beforeAll(async () => {
    client = await LspTestClient.start({ settings: { debounceMs: 0 }, workspaceFolders: [pathToFileURL(root).href] });
    await client.settingsLoaded();
  });
  afterAll(async () => {
    await client?.stop();
  });

  it('both files open in one folder: warns with related info in the other file, and follows its edits', async () => {
    const prevUri = write('a/宝丰2022.txt', lastYear);
    const curUri = write('a/宝丰2023.txt', seed);
    await client.open(prevUri, lastYear);
    await client.open(curUri, seed);

    const first = await client.diagnosticsFor(curUri, 1);
    const warnings = carryover(first);
    expect(warnings.map((d) => d.message)).toEqual([
      '二、上年结转·自然人 为 0，但上一年度报告（宝丰2022.txt）的 四、结转下年度继续办理·自然人 为 4',
      '二、上年结转·总计 为 0，但上一年度报告（宝丰2022.txt）的 四、结转下年度继续办理·总计 为 4',
    ]);
    expect(warnings[0].severity).toBe(2);
    const rel = warnings[0].relatedInformation![0];
    expect(rel.location.uri).toBe(prevUri);
    expect(rel.location.range.start.line).toBe(forwardLine);
    expect(lastYear.split('\n')[forwardLine].slice(rel.location.range.start.character, rel.location.range.end.character)).toBe('4');

    // Edit last year's (open) report so both agree: this year's warnings go away, without touching it.
    const cleared = client.diagnostics.waitForNext((p) => p.uri === curUri && carryover(p).length === 0, 'carryover to clear');
    await client.change(prevUri, [{ text: lastYearAgreeing }]);
    await cleared;

    // And back: they return.
    const back = client.diagnostics.waitForNext((p) => p.uri === curUri && carryover(p).length === 2, 'carryover to return');
    await client.change(prevUri, [{ text: lastYear }]);
    await back;

    await client.close(prevUri);
    await client.close(curUri);
  });

  it("last year's report only on disk (elsewhere in the workspace folder): found, and re-read when the file changes", async () => {
    const prevUri = write('archive/2022/鲁山2022.txt', asUnit(lastYear, '鲁山县人民政府办公室'));
    const cur = asUnit(seed, '鲁山县人民政府办公室');
    const curUri = write('b/鲁山2023.txt', cur);
    // As VS Code's file watcher does when files appear in the workspace:
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: prevUri, type: 1 }, { uri: curUri, type: 1 }] });
    await client.open(curUri, cur);
    const first = await client.diagnosticsFor(curUri, 1);
    expect(carryover(first)).toHaveLength(2);
    expect(carryover(first)[0].relatedInformation![0].location.uri).toBe(prevUri);

    const cleared = client.diagnostics.waitForNext((p) => p.uri === curUri && carryover(p).length === 0, 'carryover to clear');
    write('archive/2022/鲁山2022.txt', asUnit(lastYearAgreeing, '鲁山县人民政府办公室'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: prevUri, type: 2 }] });
    await cleared;
    await client.close(curUri);
  });

  it('the warning clears even when a request re-analysed the document before the file event arrived', async () => {
    // VS Code asks for code actions / hovers all the time; such a request already sees last year's
    // new file. The re-check must still publish the new diagnostics (found in code-server).
    const prevUri = write('e/叶县2022.txt', asUnit(lastYear, '叶县人民政府办公室'));
    const cur = asUnit(seed, '叶县人民政府办公室');
    const curUri = write('e/叶县2023.txt', cur);
    await client.open(curUri, cur);
    expect(carryover(await client.diagnosticsFor(curUri, 1))).toHaveLength(2);
    const cleared = client.diagnostics.waitForNext((p) => p.uri === curUri && carryover(p).length === 0, 'carryover to clear');
    write('e/叶县2022.txt', asUnit(lastYearAgreeing, '叶县人民政府办公室'));
    await client.request('textDocument/hover', { textDocument: { uri: curUri }, position: { line: forwardLine, character: 0 } });
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: prevUri, type: 2 }] });
    await cleared;
    await client.close(curUri);
  });

  it('an unreadable or binary file in the folder is skipped, never a crash', async () => {
    write('c/garbage.txt', '\u0000\u0001\u0002');
    fs.mkdirSync(path.join(root, 'c', 'folder.txt'), { recursive: true }); // a folder named like a report
    const cur = asUnit(seed, '郏县人民政府办公室');
    const curUri = write('c/郏县2023.txt', cur);
    await client.open(curUri, cur);
    const d = await client.diagnosticsFor(curUri, 1);
    expect(carryover(d)).toEqual([]);
    expect(d.diagnostics.filter((x) => x.severity === 1)).toEqual([]);
    expect(client.alive).toBe(true);
    await client.close(curUri);
  });
});

describe('carryover in the editor (pull diagnostics)', () => {
  it('asks the client to pull again when the other file changes, and the new pull has the warning', async () => {
    const client = await LspTestClient.start({ capabilities: PULL_CAPABILITIES, settings: { debounceMs: 0 } });
    try {
      await client.settingsLoaded();
      expect(client.initializeResult.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true });
      const prevUri = write('d/宝丰2022.txt', lastYearAgreeing);
      const curUri = write('d/宝丰2023.txt', seed); // no workspace folder here: its own folder is searched
      await client.open(prevUri, lastYearAgreeing);
      await client.open(curUri, seed);
      const pull = () => client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: curUri } });
      expect((await pull()).items.filter((d) => d.code === 'carryover')).toEqual([]);
      const refreshed = client.refreshes.waitForNext(() => true, 'a diagnostic refresh');
      await client.change(prevUri, [{ text: lastYear }]);
      await refreshed;
      expect((await pull()).items.filter((d) => d.code === 'carryover')).toHaveLength(2);
    } finally {
      await client.stop();
    }
  });
});
