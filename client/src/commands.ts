// The two commands in the command palette (category 政府信息公开年报):
//   zfxxgk.fixAll          修正全部可确定的问题 — asks the server to apply every determined fix to the active report
//   zfxxgk.checkWorkspace  检查工作区中的全部年报 — opens every .txt/.md file so the server checks it
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { t } from './messages';

/** Server-side command (implemented by the language server) that applies all determined fixes. */
export const SERVER_FIX_ALL_COMMAND = 'zfxxgk.applyFixAll';
/** Code action kind of the engine's fix-all source action (same as FIX_ALL_KIND in the engine). */
export const FIX_ALL_KIND = 'source.fixAll.zfxxgk';
/** At most this many files are opened by 检查工作区中的全部年报. */
export const MAX_WORKSPACE_FILES = 500;

export function registerCommands(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
  isChecked: (doc: vscode.TextDocument) => boolean,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('zfxxgk.fixAll', (arg?: unknown) => fixAll(getClient(), isChecked, arg)),
    vscode.commands.registerCommand('zfxxgk.checkWorkspace', () => checkWorkspace()),
  );
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
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage(t('serverNotReady'));
    return undefined;
  }
  let applied: number | undefined;
  try {
    const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
      command: SERVER_FIX_ALL_COMMAND,
      arguments: [doc.uri.toString()],
    });
    applied = appliedCount(result);
  } catch (err) {
    // An older or different server without the command: fall back to the fix-all code action.
    try {
      applied = await fixAllViaCodeAction(doc);
    } catch {
      void vscode.window.showErrorMessage(t('fixAllFailed', err instanceof Error ? err.message : String(err)));
      return undefined;
    }
  }
  if (applied === 0) void vscode.window.showInformationMessage(t('fixAllNone'));
  else if (applied === undefined) void vscode.window.showInformationMessage(t('fixAllDoneUnknown'));
  else void vscode.window.showInformationMessage(t('fixAllDone', applied));
  return applied;
}

/** The server may answer with a number, `{ applied }`, or nothing. */
function appliedCount(result: unknown): number | undefined {
  if (typeof result === 'number') return result;
  if (result && typeof result === 'object' && typeof (result as { applied?: unknown }).applied === 'number') {
    return (result as { applied: number }).applied;
  }
  return undefined;
}

async function fixAllViaCodeAction(doc: vscode.TextDocument): Promise<number> {
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      whole,
      FIX_ALL_KIND,
    )) ?? [];
  const action = actions.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind) && a.edit);
  if (!action?.edit) return 0;
  const edits = action.edit.get(doc.uri);
  await vscode.workspace.applyEdit(action.edit);
  return edits.length;
}

async function checkWorkspace(): Promise<number> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(t('checkWorkspaceNoFolder'));
    return 0;
  }
  const files = await vscode.workspace.findFiles(
    '**/*.{txt,md,TXT,MD}',
    '**/{node_modules,.git,dist,out}/**',
    MAX_WORKSPACE_FILES + 1,
  );
  const truncated = files.length > MAX_WORKSPACE_FILES;
  const todo = files.slice(0, MAX_WORKSPACE_FILES);
  let opened = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('checkWorkspaceProgress'), cancellable: true },
    async (progress, token) => {
      for (const file of todo) {
        if (token.isCancellationRequested) break;
        try {
          // Opening (without showing) is enough: the language client sends didOpen and the server checks it.
          await vscode.workspace.openTextDocument(file);
          opened++;
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
  return opened;
}
