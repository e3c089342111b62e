// The commands in the command palette (category 政府信息公开年报):
//   zfxxgk.fixAll          修正全部可确定的问题 — asks the server to apply every determined fix to the active report
//   zfxxgk.checkWorkspace  检查工作区中的全部年报 — opens every .txt/.md file, and the converted text of
//                          every Word / web page / PDF file, so the server checks it
//   zfxxgk.newReport       新建政府信息公开年报 — registered from newReport.ts
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { APPLY_FIX_ALL_COMMAND, type ApplyFixAllResult } from '../../server/src/lsp/protocol';
import { t } from './messages';
import { registerNewReport } from './newReport';
import { CONVERTED_SCHEME } from '../../server/src/lsp/protocol';
import { SOURCE_GLOB, type ConvertedTexts } from './sources/convertedText';

/** At most this many files are opened by 检查工作区中的全部年报. */
export const MAX_WORKSPACE_FILES = 500;

export function registerCommands(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
  isChecked: (doc: vscode.TextDocument) => boolean,
  convertedTexts: ConvertedTexts,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('zfxxgk.fixAll', (arg?: unknown) => fixAll(getClient(), isChecked, arg)),
    vscode.commands.registerCommand('zfxxgk.checkWorkspace', () => checkWorkspace(convertedTexts)),
  );
  registerNewReport(context, getClient); // zfxxgk.newReport 新建政府信息公开年报
}

async function fixAll(
  client: LanguageClient | undefined,
  isChecked: (doc: vscode.TextDocument) => boolean,
  arg?: unknown,
): Promise<number | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const doc = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc || !isChecked(doc)) {
    void vscode.window.showInformationMessage(t('fixAllNoEditor'));
    return undefined;
  }
  if (doc.uri.scheme === CONVERTED_SCHEME) {
    void vscode.window.showInformationMessage(t('convertedReadOnly'));
    return undefined;
  }
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage(t('serverNotReady'));
    return undefined;
  }
  let result: ApplyFixAllResult | null;
  try {
    result = await client.sendRequest(ExecuteCommandRequest.type, {
      command: APPLY_FIX_ALL_COMMAND,
      arguments: [doc.uri.toString()],
    });
  } catch (err) {
    void vscode.window.showErrorMessage(t('fixAllFailed', err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  if (result?.rejected) {
    // The editor refused the edit, e.g. because the document changed in the meantime.
    void vscode.window.showWarningMessage(t('fixAllFailed', result.rejected));
    return 0;
  }
  const applied = result?.applied ?? 0;
  void vscode.window.showInformationMessage(applied === 0 ? t('fixAllNone') : t('fixAllDone', applied));
  return applied;
}

async function checkWorkspace(convertedTexts: ConvertedTexts): Promise<number> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(t('checkWorkspaceNoFolder'));
    return 0;
  }
  const files = await vscode.workspace.findFiles(
    '**/*.{txt,md,TXT,MD}',
    '**/{node_modules,.git,dist,out}/**',
    MAX_WORKSPACE_FILES + 1,
  );
  const sources = await vscode.workspace.findFiles(SOURCE_GLOB, '**/{node_modules,.git,dist,out}/**', MAX_WORKSPACE_FILES + 1);
  const all = [...files, ...sources];
  const truncated = all.length > MAX_WORKSPACE_FILES;
  const todo = all.slice(0, MAX_WORKSPACE_FILES);
  const textCount = Math.min(files.length, todo.length);
  /** Word / web page / PDF files that could not be read, each with its reason. */
  const unreadable: string[] = [];
  let opened = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('checkWorkspaceProgress'), cancellable: true },
    async (progress, token) => {
      for (const [i, file] of todo.entries()) {
        if (token.isCancellationRequested) break;
        try {
          // Opening (without showing) is enough: the language client sends didOpen and the server checks it.
          if (i < textCount) {
            await vscode.workspace.openTextDocument(file);
            opened++;
          } else {
            // A source file's converted text, checked if it looks like a report; its findings are
            // listed in the Problems panel under the file's name.
            const result = await convertedTexts.open(file, 'plaintext');
            if (result.ok) opened++;
            else unreadable.push(result.message);
          }
        } catch {
          // Binary or unreadable file: skip it.
        }
        progress.report({ increment: 100 / todo.length });
      }
    },
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  vscode.window.setStatusBarMessage(t('checkWorkspaceDone', opened), 8000);
  if (truncated) void vscode.window.showWarningMessage(t('checkWorkspaceTruncated', MAX_WORKSPACE_FILES));
  if (unreadable.length > 0) {
    const shown = unreadable.slice(0, 3).join('\n');
    void vscode.window.showWarningMessage(t('checkWorkspaceUnreadable', unreadable.length, unreadable.length > 3 ? `${shown}\n…` : shown));
  }
  return opened;
}
