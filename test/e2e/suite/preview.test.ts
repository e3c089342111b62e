// The table preview in a real workbench: 显示表格预览 opens a webview beside the report, its script
// renders the grid under the strict CSP with the wrong cell marked, a click on that cell selects
// it in the editor, and an edit re-renders the preview. Waits on events, never on fixed sleeps.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ZfxxgkApi } from '../../../client/src/extension';
import type { TableViewModel } from '../../../server/src/lsp/protocol';
import { waitUntil } from './helpers';

const WRONG = 't3:r4.1:0'; // （四）无法提供 › 1.本机关不掌握相关政府信息 · 自然人: "3", should be 2
const WRONG_RANGE = new vscode.Range(50, 25, 50, 26);

const cellOf = (m: TableViewModel, id: string) => m.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).find((c) => c.id === id);

suite('table preview', () => {
  let api: ZfxxgkApi;
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<ZfxxgkApi>('zfxxgk.zfxxgk');
    assert.ok(ext, 'the extension is not installed in this workbench');
    api = await ext.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need a workspace folder (a copy of examples/)');
    // Other suites fix the workspace's mistakes-2023.txt (and it may get saved): preview a fresh
    // copy of the repository's example, in a folder of its own.
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(ext.extensionPath, 'examples', 'mistakes-2023.txt')));
    const copy = vscode.Uri.joinPath(folder.uri, 'preview', 'mistakes-2023.txt');
    await vscode.workspace.fs.writeFile(copy, bytes);
    const doc = await vscode.workspace.openTextDocument(copy);
    assert.equal(doc.getText(WRONG_RANGE), '3', `examples/mistakes-2023.txt changed: the wrong cell is not where the test expects it; line 51 is ${doc.lineAt(50).text}`);
    editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  });

  suiteTeardown(async () => {
    await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('显示表格预览 opens beside the report, the webview shows the wrong cell, a click selects it in the editor', async () => {
    const doc = editor.document;
    await vscode.commands.executeCommand('zfxxgk.showPreview');
    assert.ok(api.preview.isOpen(), 'the preview panel did not open');
    assert.equal(api.preview.uri?.toString(), doc.uri.toString());

    const model = await waitUntil(
      'the preview model of mistakes-2023.txt',
      () => {
        const m = api.preview.model();
        return m && m.version === doc.version && cellOf(m, WRONG)?.state === 'wrong' ? m : undefined;
      },
      [api.preview.onDidUpdate],
    );
    assert.equal(cellOf(model, WRONG)?.expected, 2);
    assert.equal(model.locale, 'zh-CN');

    // The panel is a webview tab titled in Chinese, beside the editor.
    const tab = await waitUntil(
      'a webview tab for the preview',
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('zfxxgk.preview')),
      [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups],
    );
    assert.equal(tab.label, '表格预览：mistakes-2023.txt');
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One);

    // The webview's own script ran under the CSP and rendered the grid with the wrong cell marked.
    const rendered = await waitUntil(
      'the webview to render the model',
      () => {
        const r = api.preview.rendered();
        return r && r.version === model.version && r.wrong.includes(WRONG) ? r : undefined;
      },
      [api.preview.onDidRender],
    );
    const cells = model.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).length;
    assert.equal(rendered.cells, cells);
    assert.ok(cells >= 25 * 7 + 15, `only ${cells} cells rendered`);

    // A click on the wrong cell selects exactly that cell in the report's editor.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const shown = await api.preview.click(WRONG);
    assert.ok(shown, 'the click did not show an editor');
    assert.equal(shown.document.uri.toString(), doc.uri.toString());
    assert.equal(shown.viewColumn, vscode.ViewColumn.One, 'the click should reuse the report\'s editor');
    assert.ok(shown.selection.isEqual(new vscode.Selection(WRONG_RANGE.start, WRONG_RANGE.end)), `selection is ${JSON.stringify(shown.selection)}`);
    assert.equal(shown.document.getText(shown.selection), '3');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());
  });

  test('with zfxxgk.run = onSave, a click after typing (unsaved) still selects the right cell', async () => {
    const config = vscode.workspace.getConfiguration('zfxxgk');
    await config.update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
    try {
      const doc = editor.document;
      const before = api.preview.model();
      assert.ok(before);
      // A new line at the top: every cell moves one line down; the server checks nothing until saved.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '\n')));
      assert.notEqual(before.version, doc.version);
      const shown = await api.preview.click(WRONG);
      assert.ok(shown, 'the click did not show an editor');
      const moved = new vscode.Range(WRONG_RANGE.start.translate(1), WRONG_RANGE.end.translate(1));
      assert.ok(shown.selection.isEqual(new vscode.Selection(moved.start, moved.end)), `selection is ${JSON.stringify(shown.selection)}`);
      assert.equal(shown.document.getText(shown.selection), '3');
      assert.ok(await editor.edit((b) => b.delete(new vscode.Range(0, 0, 1, 0))));
    } finally {
      await config.update('run', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('an edit in the report re-renders the preview: the corrected cell is no longer wrong', async () => {
    const doc = editor.document;
    const ok = await editor.edit((b) => b.replace(WRONG_RANGE, '2'));
    assert.ok(ok);
    const model = await waitUntil(
      `the preview model of version ${doc.version}`,
      () => {
        const m = api.preview.model();
        return m && m.version === doc.version ? m : undefined;
      },
      [api.preview.onDidUpdate],
    );
    assert.equal(cellOf(model, WRONG)?.state, 'ok');
    assert.equal(cellOf(model, WRONG)?.raw, '2');
    assert.deepEqual(model.equations.filter((e) => e.table === 't3' && !e.ok).map((e) => e.id), []);
    const rendered = await waitUntil(
      'the webview to render the edited version',
      () => {
        const r = api.preview.rendered();
        return r && r.version === doc.version ? r : undefined;
      },
      [api.preview.onDidRender],
    );
    assert.deepEqual(rendered.wrong, ['t4:t4:4']); // table 四's total is still off
  });
});
