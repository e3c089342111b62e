// `zfxxgk/tableView` through the real bundled server: the table preview's data for an open report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_VIEW_REQUEST, type TableViewModel } from '../../server/src/lsp/protocol';
import { ensureBuilt } from '../helpers/build';
import { LspTestClient } from '../helpers/lspClient';
import { repoRoot } from '../helpers/paths';

const mistakes = fs.readFileSync(path.join(repoRoot, 'examples', 'mistakes-2023.txt'), 'utf8');
const notReport = fs.readFileSync(path.join(repoRoot, 'examples', 'not-a-report.txt'), 'utf8');

let client: LspTestClient;
let english: LspTestClient | undefined;

beforeAll(async () => {
  await ensureBuilt();
  client = await LspTestClient.start({ settings: { debounceMs: 0 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await client?.stop();
  await english?.stop();
});

const cell = (m: TableViewModel, id: string) => m.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).find((c) => c.id === id);

describe('zfxxgk/tableView', () => {
  it('marks the wrong cell of the mistakes example with its range and expected value', async () => {
    const uri = 'file:///tmp/zfxxgk-preview/mistakes.txt';
    await client.open(uri, mistakes);
    const model = await client.request<TableViewModel | null>(TABLE_VIEW_REQUEST, { uri });
    expect(model).not.toBeNull();
    expect(model!).toMatchObject({ uri, version: 1, locale: 'zh-CN', template: 'F2021' });
    expect(model!.tables.map((t) => [t.id, t.found])).toEqual([['t2', true], ['t3', true], ['t4', true]]);
    expect(cell(model!, 't3:r4.1:0')).toMatchObject({
      state: 'wrong',
      raw: '3',
      expected: 2,
      range: { start: { line: 50, character: 25 }, end: { line: 50, character: 26 } },
    });
    expect(model!.equations.find((e) => e.id === 'H2:r4.1')).toMatchObject({ ok: false, formula: '3 + 0 + 0 + 0 + 0 + 0 = 3 ≠ 2' });
  });

  it('follows an edit: after correcting the cell the model of the new version has no wrong cell in table 三', async () => {
    const uri = 'file:///tmp/zfxxgk-preview/edited.txt';
    await client.open(uri, mistakes);
    const version = await client.change(uri, [{ range: { start: { line: 50, character: 25 }, end: { line: 50, character: 26 } }, text: '2' }]);
    const model = (await client.request<TableViewModel | null>(TABLE_VIEW_REQUEST, { uri }))!;
    expect(model.version).toBe(version);
    expect(cell(model, 't3:r4.1:0')).toMatchObject({ state: 'ok', raw: '2', value: 2 });
    expect(model.equations.filter((e) => e.table === 't3' && !e.ok)).toEqual([]);
    // The diagnostics of that version agree: no row-total or column-total left.
    const published = await client.diagnosticsFor(uri, version);
    expect(published.diagnostics.map((d) => d.code)).not.toContain('row-total');
  });

  it('answers null for a document that is not a report, an unknown uri and malformed params, and keeps running', async () => {
    const uri = 'file:///tmp/zfxxgk-preview/notice.txt';
    await client.open(uri, notReport);
    expect(await client.request(TABLE_VIEW_REQUEST, { uri })).toBeNull();
    expect(await client.request(TABLE_VIEW_REQUEST, { uri: 'file:///nowhere.txt' })).toBeNull();
    expect(await client.request(TABLE_VIEW_REQUEST, { uri: 42 })).toBeNull();
    expect(await client.request(TABLE_VIEW_REQUEST, null)).toBeNull();
    expect(client.alive).toBe(true);
  });

  it('speaks the client locale', async () => {
    english = await LspTestClient.start({ settings: { debounceMs: 0 }, locale: 'en' });
    const uri = 'file:///tmp/zfxxgk-preview/en.txt';
    await english.open(uri, mistakes);
    const model = (await english.request<TableViewModel | null>(TABLE_VIEW_REQUEST, { uri }))!;
    expect(model.locale).toBe('en');
    expect(cell(model, 't3:r4.1:0')!.message).toMatch(/should be 2/);
  });
});
