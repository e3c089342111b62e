// Word, web page and PDF files in a real workbench (issue 13, acceptance 2): opening a .docx whose
// total is wrong shows its converted text (read-only) with the squiggle on the wrong cell, and the
// table preview marks the cell; 另存为文本草稿 writes a .txt with the same findings where the quick
// fixes work; a damaged .docx and a scanned PDF show the readers' message; an .html file stays
// HTML and 按年报检查此文件 checks it; the workspace check includes these files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ZfxxgkApi } from '../../../client/src/extension';
import type { TableViewModel } from '../../../server/src/lsp/protocol';
import { editDocx, makePdf } from '../../helpers/sourceFiles';
import { codeOf, diagnosticsWhere, extensionApi, ours, quickFixesWhere, waitUntil, workspaceFolder } from './helpers';

const CONVERTED = 'zfxxgk-converted';
/** The fixture reports (../shared/fixtures/formats, beside the repository). */
const formats = (ext: vscode.Extension<unknown>) => path.join(ext.extensionPath, '..', 'shared', 'fixtures', 'formats');

/** 2022_gwh.docx with 一、本年新收 · 总计 changed from 16 to 17 (the row's parts add up to 16). */
function wrongTotal(docx: Uint8Array): Uint8Array {
  return editDocx(docx, (xml) => {
    const at = xml.indexOf('<w:t>16</w:t>', xml.indexOf('本年新收'));
    assert.ok(at > 0, '2022_gwh.docx changed: no 16 after 本年新收');
    return `${xml.slice(0, at)}<w:t>17</w:t>${xml.slice(at + '<w:t>16</w:t>'.length)}`;
  });
}

const findings = (uri: vscode.Uri) =>
  ours(uri)
    .map((d) => `${codeOf(d)} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`)
    .sort();

const customTab = (uri: vscode.Uri) =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.toString() === uri.toString());

suite('Word, web page and PDF files', () => {
  let api: ZfxxgkApi;
  let dir: vscode.Uri;
  let fixtures: string;
  let docx: vscode.Uri;
  let converted: vscode.TextDocument;

  /** Opens a source file as a user does (double-click) and waits for what its editor shows. */
  async function open(uri: vscode.Uri, state: 'converted' | 'problem') {
    await vscode.commands.executeCommand('vscode.open', uri);
    return waitUntil(
      () => `${path.basename(uri.path)} to be ${state}; it is ${JSON.stringify(api.sourceEditor.shown(uri))}`,
      () => {
        const s = api.sourceEditor.shown(uri);
        return s?.state === state ? s : undefined;
      },
      [api.sourceEditor.onDidShow],
      30_000,
    );
  }

  suiteSetup(async () => {
    api = await extensionApi();
    const ext = vscode.extensions.getExtension('zfxxgk.zfxxgk');
    assert.ok(ext);
    fixtures = formats(ext);
    dir = vscode.Uri.joinPath(workspaceFolder(), 'sources');
    docx = vscode.Uri.joinPath(dir, '2022年报.docx');
    await vscode.workspace.fs.writeFile(docx, wrongTotal(fs.readFileSync(path.join(fixtures, '2022_gwh.docx'))));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opening the .docx shows its text read-only, the squiggle on the wrong total, hover and outline; the table preview marks the cell', async () => {
    const shown = await open(docx, 'converted');
    assert.equal(shown.state, 'converted');
    const editor = await waitUntil(
      'the converted text to be the active editor',
      () => vscode.window.activeTextEditor?.document.uri.scheme === CONVERTED && vscode.window.activeTextEditor,
      [vscode.window.onDidChangeActiveTextEditor],
    );
    converted = editor.document;
    assert.equal(converted.languageId, 'zfxxgk-report');
    assert.equal(path.basename(converted.uri.path), '2022年报.docx');
    assert.equal(customTab(docx), undefined, 'the converting… tab should have closed');

    const ds = await diagnosticsWhere(converted.uri, 'row-total on the converted text', (d) => d.some((x) => codeOf(x) === 'row-total'));
    const wrong = ds.find((d) => codeOf(d) === 'row-total');
    assert.ok(wrong);
    assert.equal(wrong.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(converted.getText(wrong.range), '17');
    assert.match(converted.lineAt(wrong.range.start.line).text, /^一、本年新收/);
    assert.match(wrong.message, /应为 16/);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', converted.uri, wrong.range.start);
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /总计/);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', converted.uri);
    assert.ok(symbols.length >= 6, `outline: ${symbols.map((s) => s.name).join(' / ')}`);
    // Read-only: 修正全部可确定的问题 says to save a text draft first, and changes nothing.
    assert.equal(await vscode.commands.executeCommand('zfxxgk.fixAll', converted.uri), undefined);
    assert.equal(converted.getText(wrong.range), '17');

    await vscode.commands.executeCommand('zfxxgk.showPreview');
    const model = await waitUntil(
      'the preview model of the converted text with a wrong cell',
      () => {
        const m: TableViewModel | undefined = api.preview.model();
        return m && m.version === converted.version && m.tables.some((t) => t.rows.some((r) => r.cells.some((c) => c.state === 'wrong'))) ? m : undefined;
      },
      [api.preview.onDidUpdate],
    );
    const cells = model.tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
    const marked = cells.filter((c) => c.state === 'wrong');
    assert.equal(marked.length, 1, `wrong cells: ${marked.map((c) => c.id).join(', ')}`);
    assert.equal(marked[0].raw, '17');
    assert.equal(marked[0].expected, 16);
    assert.equal(marked[0].range?.start.line, wrong.range.start.line);
    await waitUntil('the webview to render the wrong cell', () => api.preview.rendered()?.wrong.includes(marked[0].id), [api.preview.onDidRender]);
  });

  test('另存为文本草稿 writes 2022年报.docx.txt beside it with the same findings, and there the quick fix works', async () => {
    assert.ok(converted, 'the first test opens the converted text');
    const draft = await vscode.commands.executeCommand<vscode.Uri | undefined>('zfxxgk.saveTextDraft', converted.uri);
    assert.ok(draft, 'no draft was written');
    assert.equal(draft.fsPath, `${docx.fsPath}.txt`);
    const bytes = fs.readFileSync(draft.fsPath);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM, as the CLI writes it');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), draft.toString());

    const expected = findings(converted.uri);
    await diagnosticsWhere(draft, 'the draft to have the .docx findings', () => findings(draft).join('\n') === expected.join('\n'));
    const wrong = ours(draft).find((d) => codeOf(d) === 'row-total');
    assert.ok(wrong);
    const fixes = await quickFixesWhere(draft, wrong.range, 'the draft', (a) => a.some((x) => x.edit && x.title.includes('16')));
    const fix = fixes.find((x) => x.edit && x.title.includes('16'));
    assert.ok(fix?.edit && (await vscode.workspace.applyEdit(fix.edit)));
    const doc = await vscode.workspace.openTextDocument(draft);
    assert.equal(doc.getText(wrong.range), '16');
    await diagnosticsWhere(draft, 'row-total gone after the fix', (d) => !d.some((x) => codeOf(x) === 'row-total'));
    await doc.save();

    // A second save does not overwrite the (now fixed) draft unless the user says so.
    assert.equal(await vscode.commands.executeCommand('zfxxgk.saveTextDraft', { uri: docx, overwrite: false }), undefined);
    assert.equal(fs.readFileSync(draft.fsPath, 'utf8').replace(/^\uFEFF/, ''), doc.getText());
  });

  test('a damaged .docx and a scanned PDF stay in their tab with the readers\' message', async () => {
    const broken = vscode.Uri.joinPath(dir, '损坏.docx');
    const whole = fs.readFileSync(path.join(fixtures, '2023_htp.docx'));
    await vscode.workspace.fs.writeFile(broken, whole.subarray(0, whole.length >> 1));
    const scan = vscode.Uri.joinPath(dir, '扫描件.pdf');
    await vscode.workspace.fs.writeFile(scan, makePdf([[], []]));

    const a = await open(broken, 'problem');
    assert.ok(a.state === 'problem');
    assert.match(a.message, /^无法检查 损坏\.docx：文件已损坏，无法作为 Word 文档打开/);
    assert.ok(customTab(broken), 'the damaged file keeps its tab');
    const b = await open(scan, 'problem');
    assert.ok(b.state === 'problem');
    assert.match(b.message, /^无法检查 扫描件\.pdf：是扫描件（2 页都没有文字层/);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === CONVERTED && d.uri.path.endsWith('扫描件.pdf')));
  });

  test('an .html file stays HTML; 按年报检查此文件 opens its text, checked as a report', async () => {
    const html = vscode.Uri.joinPath(dir, '2023年报.html');
    await vscode.workspace.fs.writeFile(html, fs.readFileSync(path.join(fixtures, '2023_htp.html')));
    const page = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(html));
    assert.equal(page.document.languageId, 'html');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('zfxxgk.checkAsReport');
    assert.ok(editor);
    assert.equal(editor.document.uri.scheme, CONVERTED);
    assert.equal(editor.document.languageId, 'zfxxgk-report');
    const status = await waitUntil('the web page\'s text to be checked', () => api.status(editor.document.uri), [api.onDidChangeStatus]);
    assert.equal(status.isReport, true);
    assert.equal(page.document.languageId, 'html', 'the web page is still an HTML file');
  });

  test('检查工作区中的全部年报 includes Word, web page and PDF files', async () => {
    const other = vscode.Uri.joinPath(dir, '2024年报.pdf');
    await vscode.workspace.fs.writeFile(other, fs.readFileSync(path.join(fixtures, '2024_jjf.pdf')));
    const opened = await vscode.commands.executeCommand<number>('zfxxgk.checkWorkspace');
    const text = await waitUntil(
      'the PDF\'s converted text to be open and checked',
      () => {
        const d = vscode.workspace.textDocuments.find((x) => x.uri.scheme === CONVERTED && x.uri.path.endsWith('2024年报.pdf'));
        return d && api.status(d.uri)?.isReport ? d : undefined;
      },
      [api.onDidChangeStatus, vscode.workspace.onDidOpenTextDocument],
      30_000,
    );
    assert.equal(text.languageId, 'plaintext', 'the workspace check lets the server decide what is a report');
    // .txt/.md files, plus 2022年报.docx, 2023年报.html and 2024年报.pdf (the damaged and scanned files are listed as unreadable).
    assert.ok(opened >= 3 + 4, `opened ${opened}`);
  });
});
