// The language status item (the "{}" pop-up beside the language mode in the status bar):
// 年报校验：2 个错误 / 年报校验：通过 / 非年报，未检查.
// Fed by the server's `zfxxgk/status` notification, one per analysed document version.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { t } from './messages';

export type ReportStatus = StatusParams;

export class StatusController implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, ReportStatus>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<ReportStatus>();
  /** Fires after each `zfxxgk/status` notification has been applied (tests wait on it). */
  readonly onDidChange = this.changed.event;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('zfxxgk.status', selector);
    this.item.name = t('statusName');
    this.disposables.push(
      this.item,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('zfxxgk.locale')) {
          this.item.name = t('statusName');
          this.render();
        }
      }),
    );
    this.render();
  }

  /** Called for every `zfxxgk/status` notification. */
  update(status: ReportStatus): void {
    if (!status || typeof status.uri !== 'string') return;
    this.byUri.set(normalizeUri(status.uri), status);
    this.render();
    this.changed.fire(status);
  }

  /** What the language status item shows now (text and detail). */
  get shown(): { text: string; detail: string | undefined; severity: vscode.LanguageStatusSeverity } {
    return { text: this.item.text, detail: this.item.detail, severity: this.item.severity };
  }

  /** Status of the active document, if the server has reported one. */
  get(uri: vscode.Uri): ReportStatus | undefined {
    return this.byUri.get(normalizeUri(uri.toString()));
  }

  render(): void {
    const editor = vscode.window.activeTextEditor;
    const status = editor ? this.get(editor.document.uri) : undefined;
    const item = this.item;
    item.command = undefined;
    item.detail = undefined;
    item.busy = false;
    item.severity = vscode.LanguageStatusSeverity.Information;

    if (!status) {
      item.text = t('statusChecking');
      item.busy = true;
      return;
    }
    if (!status.isReport) {
      item.text = t('statusNotReport');
      item.detail = t('statusDetailNotReport');
      return;
    }
    const { errors, warnings, infos } = status;
    item.detail = t('statusDetail', errors, warnings, infos);
    if (errors > 0) {
      item.text = t('statusErrors', errors);
      item.severity = vscode.LanguageStatusSeverity.Error;
    } else if (warnings > 0) {
      item.text = t('statusWarnings', warnings);
      item.severity = vscode.LanguageStatusSeverity.Warning;
    } else if (infos > 0) {
      item.text = t('statusInfos', infos);
    } else {
      item.text = t('statusPassed');
    }
    if (errors + warnings + infos > 0) {
      item.command = { title: t('commandShowProblems'), command: 'workbench.actions.view.problems' };
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.byUri.clear();
  }
}

/** Server and client may encode the same uri differently (e.g. `%3A` vs `:`); compare parsed forms. */
function normalizeUri(uri: string): string {
  try {
    return vscode.Uri.parse(uri).toString();
  } catch {
    return uri;
  }
}
