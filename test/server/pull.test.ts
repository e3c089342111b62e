// Pull diagnostics (textDocument/diagnostic), for clients that declare the capability, such as
// VS Code; and the editor and the CLI agreeing on the same text.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { LspTestClient, PULL_CAPABILITIES } from '../helpers/lspClient';
import { changeCell, readSeed } from '../helpers/seeds';

interface FullReport {
  kind: 'full';
  resultId?: string;
  items: Diagnostic[];
}
type Report = FullReport | { kind: 'unchanged'; resultId: string };

let client: LspTestClient;
let tmp: string;
let cliJs: string;

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  client = await LspTestClient.start({ capabilities: PULL_CAPABILITIES });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-pull-'));
});

afterAll(async () => {
  await client?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const pull = (uri: string, previousResultId?: string) =>
  client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });

/** What a user sees of a diagnostic (the related-information URIs differ between editor and CLI). */
const visible = (d: Diagnostic) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message });

describe('pull diagnostics', () => {
  it('registers a diagnostic provider with inter-file dependencies (carryover reads last year\'s report)', () => {
    expect(client.initializeResult.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true });
  });

  it('answers with the error on the changed cell, and pushes nothing', async () => {
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    const uri = 'file:///tmp/zfxxgk-test/pull-1.txt';
    await client.open(uri, cell.text);
    const report = await pull(uri);
    expect(report.kind).toBe('full');
    const items = (report as FullReport).items;
    const onCell = items.filter(
      (d) => d.severity === 1 && d.range.start.line === cell.line && d.range.start.character === cell.character,
    );
    expect(onCell.length, JSON.stringify(items, null, 1)).toBeGreaterThan(0);
    // The didOpen was handled before the pull was answered; a push would have arrived first.
    expect(client.diagnostics.events.filter((p) => p.uri === uri)).toEqual([]);
    const status = await client.status.waitFor((s) => s.uri === uri, 'status');
    expect(status.errors).toBe(items.filter((d) => d.severity === 1).length);

    // Same version asked again: nothing changed.
    const again = await pull(uri, (report as FullReport).resultId);
    expect(again.kind).toBe('unchanged');

    // Typing the right number back: the next pull is clean.
    await client.change(uri, [
      { range: { start: { line: cell.line, character: cell.character }, end: { line: cell.line, character: cell.character + 1 } }, text: '3' },
    ]);
    const fixed = await pull(uri, (report as FullReport).resultId);
    expect(fixed.kind).toBe('full');
    expect((fixed as FullReport).items.filter((d) => d.severity === 1)).toEqual([]);
  });

  it("a version's status comes after the answer to its pull", async () => {
    const uri = 'file:///tmp/zfxxgk-test/pull-order.txt';
    await client.open(uri, readSeed());
    const seen: string[] = [];
    const mine = () => client.status.events.filter((s) => s.uri === uri).length;
    await pull(uri).then(() => seen.push(`answer, ${mine()} status before it`));
    await client.status.waitFor((s) => s.uri === uri && s.version === 1, 'status');
    expect(seen).toEqual(['answer, 0 status before it']);
  });

  it('reports exactly what the CLI reports for the same text', async () => {
    const cell = changeCell(readSeed(), '四、结转下年度继续办理', 0, '9');
    const file = path.join(tmp, 'same.txt');
    fs.writeFileSync(file, cell.text);
    const uri = 'file:///tmp/zfxxgk-test/pull-same.txt';
    await client.open(uri, cell.text);
    const report = (await pull(uri)) as FullReport;

    const stdout = await new Promise<string>((resolve) =>
      execFile(process.execPath, [cliJs, '--format', 'json', file], (_err, out) => resolve(out)),
    );
    const cli = JSON.parse(stdout) as { file: string; diagnostics: Diagnostic[] }[];
    expect(report.items.length).toBeGreaterThan(0);
    const sort = (ds: Diagnostic[]) =>
      ds.map(visible).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sort(report.items)).toEqual(sort(cli[0].diagnostics));
  });

  it('asks the client to pull again when the settings change', async () => {
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    const uri = 'file:///tmp/zfxxgk-test/pull-settings.txt';
    await client.open(uri, cell.text);
    const before = (await pull(uri)) as FullReport;
    const codes = [...new Set(before.items.filter((d) => d.severity === 1).map((d) => String(d.code)))];
    expect(codes.length).toBeGreaterThan(0);

    client.settings = { rules: Object.fromEntries(codes.map((c) => [c, 'off'])) };
    const refreshed = client.refreshes.waitForNext(() => true, 'workspace/diagnostic/refresh');
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    const after = await pull(uri, before.resultId);
    expect(after.kind).toBe('full');
    expect((after as FullReport).items.filter((d) => d.severity === 1)).toEqual([]);
    client.settings = {};
  });

  it('an unknown document gets an empty report, not an error', async () => {
    const report = await pull('file:///nowhere/unknown.txt');
    expect(report).toMatchObject({ kind: 'full', items: [] });
  });
});
