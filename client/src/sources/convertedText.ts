// The read-only text of a Word, web page or PDF file (issue 13): documents of the scheme
// `zfxxgk-converted:` (the source file's path, its URI in the query), whose content the language
// server converts (`zfxxgk/convert`). VS Code cannot show those files as text; this text is what
// the server checks, so squiggles, hover, outline and the table preview work on it as on a .txt.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CONVERT_REQUEST, CONVERTED_SCHEME, type ConvertParams, type ConvertResult } from '../../../server/src/lsp/protocol';
import { t } from '../messages';

/** Files the readers convert (.docx .html .htm .pdf) or explain (.doc .wps). */
export const SOURCE_FILE = /\.(docx|html?|pdf|doc|wps)$/i;
/** The glob of the same files, for the workspace check and the file watcher. */
export const SOURCE_GLOB = '**/*.{docx,html,htm,pdf,doc,wps,DOCX,HTML,HTM,PDF,DOC,WPS}';

export const isSourceFile = (uri: vscode.Uri) => uri.scheme === 'file' && SOURCE_FILE.test(uri.path);

export function convertedUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: CONVERTED_SCHEME, path: source.path, query: source.toString() });
}

/** The source file of a converted text, or undefined for any other document. */
export function sourceOf(uri: vscode.Uri): vscode.Uri | undefined {
  return uri.scheme === CONVERTED_SCHEME ? vscode.Uri.parse(uri.query) : undefined;
}

export const fileName = (uri: vscode.Uri) => path.posix.basename(uri.path);

/** A converted text opened as a document, or why it could not be (`年报.pdf：是扫描件…`). */
export type OpenResult = { ok: true; doc: vscode.TextDocument } | { ok: false; message: string };

export class ConvertedTexts implements vscode.TextDocumentContentProvider, vscode.Disposable {
  /** Per source URI: its conversion (a running or settled request), until the file changes. */
  private readonly results = new Map<string, Promise<ConvertResult>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly client: () => Promise<LanguageClient | undefined>) {
    this.disposables.push(vscode.workspace.registerTextDocumentContentProvider(CONVERTED_SCHEME, this));
    // A source file saved again (from Word, say): convert it again and refresh its open text.
    const watcher = vscode.workspace.createFileSystemWatcher(SOURCE_GLOB);
    const again = (uri: vscode.Uri) => {
      if (!this.results.delete(uri.toString())) return;
      this.changed.fire(convertedUri(uri));
    };
    this.disposables.push(watcher, watcher.onDidChange(again), watcher.onDidCreate(again), watcher.onDidDelete(again));
  }

  /** The source file's text, asked of the server once per file version. */
  convert(source: vscode.Uri): Promise<ConvertResult> {
    const key = source.toString();
    let result = this.results.get(key);
    if (!result) {
      result = this.ask(source);
      this.results.set(key, result);
      // A server that was not running is no answer about the file: ask again next time.
      void result.then((r) => {
        if (!r.ok && r.message === t('serverNotReady')) this.results.delete(key);
      });
    }
    return result;
  }

  private async ask(source: vscode.Uri): Promise<ConvertResult> {
    const client = await this.client();
    if (!client?.isRunning()) return { ok: false, message: t('serverNotReady') };
    try {
      return await client.sendRequest<ConvertResult>(CONVERT_REQUEST, { uri: source.toString() } satisfies ConvertParams);
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = sourceOf(uri);
    const result = source ? await this.convert(source) : { ok: false as const, message: uri.toString() };
    if (!result.ok) throw new Error(t('sourceUnreadable', fileName(uri), result.message));
    return result.text;
  }

  /**
   * Opens (without showing) the converted text of `source` in `language`: 'zfxxgk-report' when
   * the user asked for it (checked even if it does not look like a report), 'plaintext' for the
   * workspace check (checked only if it looks like one — a folder's other web pages stay quiet).
   */
  async open(source: vscode.Uri, language: 'zfxxgk-report' | 'plaintext'): Promise<OpenResult> {
    const result = await this.convert(source);
    if (!result.ok) return { ok: false, message: t('sourceUnreadable', fileName(source), result.message) };
    let doc = await vscode.workspace.openTextDocument(convertedUri(source));
    if (doc.languageId !== language && !(language === 'plaintext' && doc.languageId === 'zfxxgk-report')) {
      doc = await vscode.languages.setTextDocumentLanguage(doc, language);
    }
    return { ok: true, doc };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
