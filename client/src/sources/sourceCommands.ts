// The commands for Word, web page and PDF files (category 政府信息公开年报):
//   zfxxgk.checkAsReport   按年报检查此文件 — opens the file's converted text (an .html file stays an
//                          HTML file in its editor; this is how a web page is checked)
//   zfxxgk.saveTextDraft   另存为文本草稿 — saves that text as 年报.docx.txt beside the file (asks
//                          before overwriting) and opens it: there every quick fix works
import * as vscode from 'vscode';
import { t } from '../messages';
import { fileName, isSourceFile, sourceOf, type ConvertedTexts } from './convertedText';

export interface SaveTextDraftArgs {
  uri?: vscode.Uri;
  /** true: overwrite an existing draft without asking; false: never; unset: ask. */
  overwrite?: boolean;
}

export function registerSourceCommands(context: vscode.ExtensionContext, texts: ConvertedTexts): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('zfxxgk.checkAsReport', (arg?: unknown) => checkAsReport(texts, arg)),
    vscode.commands.registerCommand('zfxxgk.saveTextDraft', (arg?: unknown) => saveTextDraft(texts, arg)),
  );
}

/**
 * The source file a command is about: the URI it was given (the explorer's file, or a converted
 * text), else the active editor's (a converted text, an .html file, or a Word/PDF file's tab).
 */
function targetSource(arg: unknown): vscode.Uri | undefined {
  const given = arg instanceof vscode.Uri ? arg : (arg as SaveTextDraftArgs | undefined)?.uri;
  const candidates = [given, vscode.window.activeTextEditor?.document.uri, activeCustomEditorUri()];
  for (const uri of candidates) {
    if (!uri) continue;
    const source = sourceOf(uri) ?? uri;
    if (isSourceFile(source)) return source;
  }
  return undefined;
}

function activeCustomEditorUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom ? input.uri : undefined;
}

async function checkAsReport(texts: ConvertedTexts, arg: unknown): Promise<vscode.TextEditor | undefined> {
  const source = targetSource(arg);
  if (!source) {
    void vscode.window.showInformationMessage(t('sourceNoFile'));
    return undefined;
  }
  const opened = await texts.open(source, 'zfxxgk-report');
  if (!opened.ok) {
    void vscode.window.showErrorMessage(opened.message);
    return undefined;
  }
  return vscode.window.showTextDocument(opened.doc, { preview: false });
}

/** Resolves with the draft's URI, or undefined when nothing was written. */
async function saveTextDraft(texts: ConvertedTexts, arg: unknown): Promise<vscode.Uri | undefined> {
  const source = targetSource(arg);
  if (!source) {
    void vscode.window.showInformationMessage(t('sourceNoFile'));
    return undefined;
  }
  const result = await texts.convert(source);
  if (!result.ok) {
    void vscode.window.showErrorMessage(t('sourceUnreadable', fileName(source), result.message));
    return undefined;
  }
  // The same name as the CLI's --fix-to-text: 年报.docx → 年报.docx.txt.
  const draft = source.with({ path: `${source.path}.txt` });
  const exists = await vscode.workspace.fs.stat(draft).then(
    () => true,
    () => false,
  );
  if (exists) {
    const overwrite = (arg as SaveTextDraftArgs | undefined)?.overwrite ?? (await askOverwrite(draft));
    if (!overwrite) return undefined;
  }
  // UTF-8 with a BOM, as the CLI writes it, so Windows Notepad reads it as UTF-8 too.
  const utf8 = new TextEncoder().encode(result.text);
  const bytes = new Uint8Array(3 + utf8.length);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(utf8, 3);
  try {
    await vscode.workspace.fs.writeFile(draft, bytes);
  } catch (err) {
    void vscode.window.showErrorMessage(t('draftFailed', fileName(draft), err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(draft);
  await vscode.window.showTextDocument(doc, { preview: false });
  vscode.window.setStatusBarMessage(t('draftSaved', fileName(draft)), 8000);
  return draft;
}

async function askOverwrite(draft: vscode.Uri): Promise<boolean> {
  const overwrite = t('draftOverwrite');
  const answer = await vscode.window.showWarningMessage(t('draftExists', fileName(draft)), { modal: true }, overwrite);
  return answer === overwrite;
}
