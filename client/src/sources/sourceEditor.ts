// Opening a Word or PDF file (or an old .doc/.wps) in VS Code: a read-only custom editor, the
// default for those files, that replaces itself with the file's converted text — a clerk
// double-clicks 年报.docx and sees the report with its squiggles. A file that cannot be read stays
// in this editor as a page saying why (a scan, a password, a damaged file, an old format).
import * as vscode from 'vscode';
import { t } from '../messages';
import { fileName, type ConvertedTexts } from './convertedText';

export const SOURCE_EDITOR_VIEW_TYPE = 'zfxxgk.sourceFile';

/** What the editor last showed for a file (for the integration tests). */
export type SourceEditorShown = { state: 'converting' } | { state: 'converted'; text: vscode.Uri } | { state: 'problem'; message: string };

export class SourceEditor implements vscode.CustomReadonlyEditorProvider {
  readonly shown = new Map<string, SourceEditorShown>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the source file's URI whenever `shown` changes for it. */
  readonly onDidShow = this.changed.event;

  constructor(private readonly texts: ConvertedTexts) {}

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(this.changed, vscode.window.registerCustomEditorProvider(SOURCE_EDITOR_VIEW_TYPE, this));
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const source = document.uri;
    panel.webview.options = { enableScripts: false };
    panel.webview.html = sourcePage(panel.webview, t('sourceConverting', fileName(source)));
    this.show(source, { state: 'converting' });
    const opened = await this.texts.open(source, 'zfxxgk-report');
    if (!opened.ok) {
      panel.webview.html = sourcePage(panel.webview, opened.message, t('sourceProblemHint'));
      this.show(source, { state: 'problem', message: opened.message });
      return;
    }
    await vscode.window.showTextDocument(opened.doc, { viewColumn: panel.viewColumn, preview: false });
    // The text took its place: close this tab (it only said "converting…").
    const tab = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((tb) => tb.input instanceof vscode.TabInputCustom && tb.input.viewType === SOURCE_EDITOR_VIEW_TYPE && tb.input.uri.toString() === source.toString());
    if (tab) await vscode.window.tabGroups.close(tab);
    this.show(source, { state: 'converted', text: opened.doc.uri });
  }

  private show(source: vscode.Uri, shown: SourceEditorShown): void {
    this.shown.set(source.toString(), shown);
    this.changed.fire(source);
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A static page (no script) with a message and an optional hint, in the theme's colours. */
export function sourcePage(webview: Pick<vscode.Webview, 'cspSource'>, message: string, hint?: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline';">
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:2em;max-width:48em;line-height:1.6}
p.message{font-size:1.2em}p.hint{color:var(--vscode-descriptionForeground)}</style>
</head><body><p class="message">${escapeHtml(message)}</p>${hint ? `<p class="hint">${escapeHtml(hint)}</p>` : ''}</body></html>`;
}
