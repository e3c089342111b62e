// What a user does with the extension, in a real VS Code workbench (code-server or desktop VS Code).
// The workspace is a scratch copy of examples/ with `zfxxgk.locale: zh-CN` (the workbench itself
// runs in English here), prepared by the runner. Waits on events, never on fixed sleeps.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ZfxxgkApi } from '../../../client/src/extension';
import { HAN, analysed as analysedBy, codeOf, diagnosticsWhere, extensionApi, ours, quickFixesWhere, workspaceFolder } from './helpers';

let api: ZfxxgkApi;
const analysed = (doc: vscode.TextDocument) => analysedBy(api, doc);
const workspaceFile = (name: string) => vscode.Uri.joinPath(workspaceFolder(), name);

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

function at(ds: vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const d = ds.find((x) => codeOf(x) === code);
  assert.ok(d, `expected a ${code} diagnostic, got: ${ds.map((x) => `${codeOf(x)}@${x.range.start.line}`).join(', ')}`);
  return d;
}

function lines(text: string): string[] {
  return text.split('\n');
}

suite('zfxxgk in a real VS Code workbench', () => {
  suiteSetup(async () => {
    api = await extensionApi();
    const activationMs = api.activationMs;
    assert.ok(api.client?.isRunning(), 'the language client did not start its server');
    const metrics = process.env.ZFXXGK_E2E_METRICS;
    if (metrics) {
      fs.mkdirSync(path.dirname(metrics), { recursive: true });
      fs.writeFileSync(metrics, JSON.stringify({ activationMs, vscode: vscode.version }) + '\n');
    }
  });

  test('a report with wrong cells gets Chinese diagnostics on exactly those cells', async () => {
    const editor = await open('mistakes-2023.txt');
    const uri = editor.document.uri;
    const ds = await diagnosticsWhere(uri, 'row-total and group-total errors', (d) =>
      ['row-total', 'group-total'].every((c) => d.some((x) => codeOf(x) === c)),
    );
    const row = at(ds, 'row-total');
    assert.equal(row.severity, vscode.DiagnosticSeverity.Error);
    // Line 51, the 自然人 cell of （四）无法提供 › 1.本机关不掌握相关政府信息: "3", should be 2.
    assert.deepEqual([row.range.start.line, row.range.start.character, row.range.end.character], [50, 25, 26]);
    assert.equal(editor.document.getText(row.range), '3');
    assert.match(row.message, /应为 2/);
    // Related information points only at what explains it: the row's 总计 (line 51) and the
    // column's （七）总计 (line 62) — at most three entries, not every cell of both equations.
    const related = row.relatedInformation ?? [];
    assert.ok(related.length >= 1 && related.length <= 3, `expected 1–3 related entries, got ${related.length}`);
    assert.deepEqual(
      related.map((r) => [r.location.range.start.line, editor.document.getText(r.location.range), r.message]),
      [
        [50, '2', '本行总计为 2'],
        [61, '3', '本列（七）总计为 3'],
      ],
    );
    const group = at(ds, 'group-total');
    assert.deepEqual([group.range.start.line, group.range.start.character], [69, 8]);
    assert.equal(editor.document.getText(group.range), '2');
    assert.match(group.message, /行政复议/);
    // section-missing sits where section 六 goes — the end of the text, after section 五's last
    // line (line 80) — not on the 五 heading (line 72, where section-title is), and says so.
    const missing = at(ds, 'section-missing');
    assert.equal(missing.message, '缺少第六部分「六、其他需要报告的事项」，应在第五部分之后');
    const lastLine = editor.document.lineAt(79);
    assert.ok(missing.range.isEmpty, 'an empty range where the section would be inserted');
    assert.deepEqual([missing.range.start.line, missing.range.start.character], [79, lastLine.text.length]);
    assert.equal(at(ds, 'section-title').range.start.line, 71);
    assert.equal(at(ds, 'section-title').severity, vscode.DiagnosticSeverity.Warning);
    for (const d of ds) assert.match(d.message, HAN, `message not in Chinese: ${d.message}`);
    // The language status item follows the active editor.
    const status = await analysed(editor.document);
    assert.ok(status.isReport);
    assert.equal(api.statusItem().text, `年报校验：${status.errors} 个错误`);
    assert.equal(api.statusItem().severity, vscode.LanguageStatusSeverity.Error);
  });

  test('hover on a located mistake: the other cells of its row and column say where it is, in words', async () => {
    const { document } = await open('mistakes-2023.txt');
    await diagnosticsWhere(document.uri, 'row-total error', (d) => d.some((x) => codeOf(x) === 'row-total'));
    const hoverText = async (line: number, character: number) => {
      const pos = new vscode.Position(line, character);
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, pos)) ?? [];
      return hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n');
    };
    // （七）总计·自然人 (line 62): a correct total — no ✗, the place of the mistake in words.
    assert.equal(document.getText(new vscode.Range(61, 7, 61, 8)), '3');
    const total = await hoverText(61, 7);
    assert.match(total, /本列不平衡，错误在第 51 行「（四）无法提供 › 1」自然人列，应为 2/);
    assert.ok(!total.includes('✗'), `a correct total marked ✗: ${total}`);
    assert.ok(!/的行合计|·总计 =/.test(total), `machine phrasing in: ${total}`);
    // The row's own 总计 (line 51, "2"): the row does not add up because of its 自然人 cell.
    assert.equal(document.getText(new vscode.Range(50, 37, 50, 38)), '2');
    const rowTotal = await hoverText(50, 37);
    assert.match(rowTotal, /本行不平衡，错误在第 51 行「（四）无法提供 › 1」自然人列，应为 2/);
    assert.ok(!rowTotal.includes('✗'), `a correct total marked ✗: ${rowTotal}`);
  });

  test('the clean report and a non-report file stay silent', async () => {
    const clean = await open('clean-2023.txt');
    const s = await analysed(clean.document);
    assert.ok(s.isReport, 'clean-2023.txt should be recognised as a report');
    assert.deepEqual(ours(clean.document.uri), []);
    assert.equal(api.statusItem().text, '年报校验：通过');

    const notice = await open('not-a-report.txt');
    const n = await analysed(notice.document);
    assert.equal(n.isReport, false);
    assert.deepEqual(ours(notice.document.uri), []);
    assert.equal(api.statusItem().text, '非年报，未检查');
  });

  test('a Markdown report is checked too', async () => {
    const md = await open('report.md');
    assert.equal(md.document.languageId, 'markdown');
    await analysed(md.document);
    // The server sends a version's status after its diagnostics, but VS Code shows pulled
    // diagnostics on its own schedule: wait for the diagnostics themselves.
    const ds = await diagnosticsWhere(md.document.uri, 'the template-version warning', (d) => d.some((x) => codeOf(x) === 'template-version'));
    assert.deepEqual(
      ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message),
      [],
    );
    assert.ok(ds.some((d) => codeOf(d) === 'template-version'), 'expected the template-version warning');
  });

  test('outline: the six sections, in order', async () => {
    const { document } = await open('clean-2023.txt');
    const symbols =
      (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      )) ?? [];
    const all: vscode.DocumentSymbol[] = [];
    const walk = (xs: vscode.DocumentSymbol[]) => xs.forEach((x) => (all.push(x), walk(x.children ?? [])));
    walk(symbols);
    const sections = all.filter((s) => /^[一二三四五六]、/.test(s.name)).map((s) => s.name.slice(0, 2));
    assert.deepEqual(sections, ['一、', '二、', '三、', '四、', '五、', '六、']);
    assert.ok(all.some((s) => s.name.includes('表') || s.name.includes('情况')), 'tables are in the outline');
  });

  test('hover on a total shows its formula', async () => {
    const { document } = await open('clean-2023.txt');
    // Line 51's last cell: 总计 of （四）无法提供 › 1.本机关不掌握相关政府信息.
    const pos = new vscode.Position(50, 37);
    assert.equal(document.getText(new vscode.Range(pos, pos.translate(0, 1))), '2');
    const hovers =
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, pos)) ?? [];
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(text, /总计/);
    assert.match(text, /✓/);
  });

  test('the quick fix for the wrong cell repairs it, and only it', async () => {
    const editor = await open('mistakes-2023.txt');
    const doc = editor.document;
    const before = doc.getText();
    const row = at(
      await diagnosticsWhere(doc.uri, 'row-total error', (d) => d.some((x) => codeOf(x) === 'row-total')),
      'row-total',
    );
    const isFix = (a: vscode.CodeAction) => !!a.edit && a.title.startsWith('改为 2');
    const actions = await quickFixesWhere(doc.uri, row.range, 'the row-total quick fix', (as) => as.some(isFix));
    const fix = actions.find(isFix);
    assert.ok(fix, `no quick fix for row-total among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(fix.title, HAN);
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)), 'the workspace edit was not applied');
    await diagnosticsWhere(doc.uri, 'row-total gone', (d) => !d.some((x) => codeOf(x) === 'row-total'));
    const expected = lines(before);
    expected[50] = expected[50].slice(0, 25) + '2' + expected[50].slice(26);
    assert.equal(doc.getText(), expected.join('\n'));
  });

  test('fix-all applies every determined fix and leaves the suggestions (table 四’s total, the missing section) to the user', async () => {
    const editor = await open('mistakes-2023.txt');
    const doc = editor.document;
    const before = doc.getText();
    await diagnosticsWhere(doc.uri, 'group-total error', (d) => d.some((x) => codeOf(x) === 'group-total'));
    await vscode.commands.executeCommand('zfxxgk.fixAll');
    const left = await diagnosticsWhere(
      doc.uri,
      'only group-total and section-missing left',
      (d) => d.length === 2 && d.every((x) => ['group-total', 'section-missing'].includes(codeOf(x))),
    );
    assert.equal(left.length, 2);
    const expected = lines(before);
    expected[50] = expected[50].slice(0, 25) + '2' + expected[50].slice(26); // no-op if the quick fix ran
    expected[71] = expected[71].replace('五、存在问题及改进情况', '五、存在的主要问题及改进情况');
    assert.equal(doc.getText(), expected.join('\n'));
    assert.equal(doc.getText().replace(/\r/g, ''), doc.getText(), 'line endings untouched');
  });

  test('an edit that breaks a total makes a new diagnostic appear', async () => {
    const editor = await open('clean-2023.txt');
    const doc = editor.document;
    await analysed(doc);
    assert.deepEqual(ours(doc.uri), []);
    const cell = new vscode.Range(50, 25, 50, 26);
    assert.equal(doc.getText(cell), '2');
    assert.ok(await editor.edit((b) => b.replace(cell, '5')));
    const ds = await diagnosticsWhere(doc.uri, 'an error after the edit', (d) =>
      d.some((x) => x.severity === vscode.DiagnosticSeverity.Error),
    );
    const err = ds.find((x) => x.range.isEqual(cell));
    assert.ok(err, `no error on the edited cell; got ${ds.map((x) => `${codeOf(x)}@${x.range.start.line}:${x.range.start.character}`).join(', ')}`);
    assert.match(err.message, /应为 2/);
    // Undo the edit → silent again.
    assert.ok(await editor.edit((b) => b.replace(cell, '2')));
    await diagnosticsWhere(doc.uri, 'no diagnostics after undoing the edit', (d) => d.length === 0);
  });
});
