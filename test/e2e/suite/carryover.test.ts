// Carry-over in the real editor: two reports of one unit in the workspace folder. This year's
// 二、上年结转 must equal last year's 四、结转下年度继续办理; when last year's file changes on disk,
// the warning on this year's open report follows (client file watcher → server re-check).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhere, extensionApi, workspaceFolder } from './helpers';

const CARRY_IN = 39; // 0-based line of 二、上年结转… in examples/clean-2023.txt
const CARRY_OUT = 62; // 0-based line of 四、结转下年度继续办理

suite('carry-over between two years of one unit', () => {
  let folder: vscode.Uri;
  let lastYear: vscode.Uri;
  let thisYear: vscode.Uri;
  let lastYearText: string[];

  suiteSetup(async () => {
    await extensionApi();
    const ws = { uri: workspaceFolder() };
    folder = vscode.Uri.joinPath(ws.uri, 'carryover');
    // Another unit than the examples in the workspace root, so these two files change nothing there.
    const clean = new TextDecoder()
      .decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ws.uri, 'clean-2023.txt')))
      .replace('宝丰县人民政府办公室', '鲁山县人民政府办公室');
    assert.match(clean, /鲁山县人民政府办公室 2023 年/);
    const lines = clean.split('\n');
    assert.match(lines[CARRY_IN], /^二、上年结转/);
    assert.match(lines[CARRY_OUT], /^四、结转下年度继续办理\t\t4\t/);
    // Last year's report of the same unit: the same text for 2022; it carried 4 applications over
    // (自然人 4, 总计 4), while this year's report says it received 0 from last year.
    lastYearText = clean.replace(/2023/g, '2022').split('\n');
    lastYear = vscode.Uri.joinPath(folder, '鲁山县政府办-2022.txt');
    thisYear = vscode.Uri.joinPath(folder, '鲁山县政府办-2023.txt');
    await vscode.workspace.fs.writeFile(lastYear, new TextEncoder().encode(lastYearText.join('\n')));
    await vscode.workspace.fs.writeFile(thisYear, new TextEncoder().encode(clean));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  test("this year's 上年结转 is checked against last year's file in the same folder", async () => {
    const doc = await vscode.workspace.openTextDocument(thisYear);
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsWhere(doc.uri, 'a carryover warning', (d) => d.some((x) => codeOf(x) === 'carryover'));
    const w = ds.find((x) => codeOf(x) === 'carryover');
    assert.ok(w);
    assert.equal(w.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(w.range.start.line, CARRY_IN);
    assert.match(w.message, /2022/);
    assert.ok(
      w.relatedInformation?.some((r) => r.location.uri.toString() === lastYear.toString() && r.location.range.start.line === CARRY_OUT),
      'related information points at last year\'s 结转下年度 row',
    );
  });

  test("correcting last year's file on disk clears the warning", async () => {
    const doc = await vscode.workspace.openTextDocument(thisYear);
    await diagnosticsWhere(doc.uri, 'the carryover warning', (d) => d.some((x) => codeOf(x) === 'carryover'));
    const fixed = [...lastYearText];
    fixed[CARRY_OUT] = fixed[CARRY_OUT].replace(/\t4\t/g, '\t0\t').replace(/\t4\t?$/, '\t0\t');
    assert.notEqual(fixed[CARRY_OUT], lastYearText[CARRY_OUT]);
    await vscode.workspace.fs.writeFile(lastYear, new TextEncoder().encode(fixed.join('\n')));
    await diagnosticsWhere(doc.uri, 'no carryover warning', (d) => !d.some((x) => codeOf(x) === 'carryover'));
  });
});
