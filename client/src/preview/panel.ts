// The table preview: a webview beside the editor showing the report's tables 二, 三, 四 as grids
// (data from the server's `zfxxgk/tableView`), wrong cells in red with the expected value, and
// every equation with ✓/✗. A click on a cell selects that cell in the editor; the preview follows
// the active report and re-renders when the server reports on a new version (zfxxgk/status,
// diagnostics). Command zfxxgk.showPreview (显示表格预览), also an editor-title button.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_LANGUAGE_ID, TABLE_VIEW_REQUEST, type TableViewCell, type TableViewModel, type TableViewParams } from '../../../server/src/lsp/protocol';
import { currentLocale, t } from '../messages';
import type { ReportStatus } from '../status';
import { messageBody, modelBody, nonceFrom, pageHtml, type PreviewStrings } from './html';

export const SHOW_PREVIEW_COMMAND = 'zfxxgk.showPreview';
export const PREVIEW_VIEW_TYPE = 'zfxxgk.preview';
/** Context key: the active editor holds a report (for the editor-title button). */
export const REPORT_EDITOR_CONTEXT = 'zfxxgk.reportEditor';

/** What the webview script said after its last render (proof that it runs under the CSP). */
export interface PreviewRendered {
  version: number | null;
  cells: number;
  wrong: string[];
}

/** The preview, seen from tests (part of the extension's API). */
export interface PreviewApi {
  isOpen(): boolean;
  /** The document the preview shows. */
  readonly uri: vscode.Uri | undefined;
  /** The last model sent to the webview (undefined before the first, or for a non-report). */
  model(): TableViewModel | undefined;
  /** The webview script's report of its last render. */
  rendered(): PreviewRendered | undefined;
  /** Fires after a model has been posted to the webview. */
  readonly onDidUpdate: vscode.Event<TableViewModel | undefined>;
  /** Fires when the webview script has rendered (its 'rendered' message). */
  readonly onDidRender: vscode.Event<PreviewRendered>;
  /** Does what a click on the cell with this id does in the webview; resolves with the editor. */
  click(id: string): Promise<vscode.TextEditor | undefined>;
}

const REFRESH_DELAY_MS = 30;

interface Deps {
  getClient: () => LanguageClient | undefined;
  status: (uri: vscode.Uri) => ReportStatus | undefined;
  onDidChangeStatus: vscode.Event<ReportStatus>;
  selector: vscode.DocumentSelector;
}

export function registerPreview(context: vscode.ExtensionContext, deps: Deps): PreviewApi {
  const preview = new PreviewController(deps);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand(SHOW_PREVIEW_COMMAND, (arg?: unknown) => preview.show(arg instanceof vscode.Uri ? arg : undefined)),
  );
  return preview.api;
}

function previewStrings(pageTitle: string): PreviewStrings {
  return {
    lang: currentLocale(),
    pageTitle,
    loading: t('previewLoading'),
    notReport: t('previewNotReport'),
    hint: t('previewHint'),
    tableNotFound: t('previewTableNotFound'),
    allOk: t('previewAllOk'),
    wrong: t('previewWrong', '{0}'),
    blank: t('previewBlank', '{0}'),
    invalid: t('previewInvalid', '{0}'),
    missing: t('previewMissing', '{0}'),
    expected: t('previewExpected', '{0}'),
    legendWrong: t('previewLegendWrong'),
    legendBlank: t('previewLegendBlank'),
    legendInvalid: t('previewLegendInvalid'),
    legendMissing: t('previewLegendMissing'),
    blankCell: t('previewBlankCell'),
    missingCell: t('previewMissingCell'),
    equations: t('previewEquations'),
    equationsOk: t('previewEquationsOk', '{0}'),
    equationsNone: t('previewEquationsNone'),
    eqOk: t('previewEqOk'),
    eqViolated: t('previewEqViolated'),
    eqUnknown: t('previewEqUnknown'),
    templateF2021: t('previewTemplateF2021'),
    templateF2019: t('previewTemplateF2019'),
  };
}

const toRange = (r: NonNullable<TableViewCell['range']>) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

class PreviewController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private docUri: vscode.Uri | undefined;
  private last: TableViewModel | undefined;
  private lastBody: string | undefined;
  private lastRendered: PreviewRendered | undefined;
  private timer: NodeJS.Timeout | undefined;
  private requestSeq = 0;
  private contextValue: boolean | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly panelDisposables: vscode.Disposable[] = [];
  private readonly updated = new vscode.EventEmitter<TableViewModel | undefined>();
  private readonly renderedEvent = new vscode.EventEmitter<PreviewRendered>();

  readonly api: PreviewApi;

  constructor(private readonly deps: Deps) {
    const self = this;
    this.api = {
      isOpen: () => !!this.panel,
      get uri() {
        return self.docUri;
      },
      model: () => this.last,
      rendered: () => this.lastRendered,
      onDidUpdate: this.updated.event,
      onDidRender: this.renderedEvent.event,
      click: (id) => this.reveal(id),
    };
    this.disposables.push(
      this.updated,
      this.renderedEvent,
      vscode.window.onDidChangeActiveTextEditor((e) => {
        this.updateContext();
        if (e && this.panel && this.isReport(e.document) && e.document.uri.toString() !== this.docUri?.toString()) this.follow(e.document.uri);
      }),
      deps.onDidChangeStatus((s) => {
        this.updateContext();
        if (!this.panel) return;
        const active = vscode.window.activeTextEditor?.document;
        // The active editor just turned out to be a report: follow it.
        if (s.isReport && active && sameUri(active.uri, s.uri) && !sameUri(active.uri, this.docUri?.toString())) {
          this.follow(active.uri);
          return;
        }
        if (sameUri(this.docUri, s.uri)) this.scheduleRefresh();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.panel && this.docUri && e.uris.some((u) => u.toString() === this.docUri!.toString())) this.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.panel && this.last && e.textEditor.document.uri.toString() === this.docUri?.toString()) {
          void this.panel.webview.postMessage({ type: 'select', id: this.cellAt(e.selections[0]?.active) ?? null });
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('zfxxgk.locale') && this.panel) {
          this.panel.title = this.title();
          this.panel.webview.html = this.page(this.lastBody);
          this.scheduleRefresh();
        }
      }),
    );
    this.updateContext();
  }

  /** zfxxgk.showPreview: open (or reveal) the preview of `uri` or of the active editor's document. */
  async show(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri ?? this.docUri;
    const doc = target && vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    if (!target || !doc || vscode.languages.match(this.deps.selector, doc) === 0) {
      void vscode.window.showInformationMessage(t('previewNoEditor'));
      return;
    }
    if (!this.panel) {
      this.docUri = target; // titles the new panel
      this.createPanel();
    } else {
      this.panel.reveal(undefined, true);
    }
    this.follow(target);
  }

  private createPanel(): void {
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      this.title(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // Everything is inlined with a nonce: the page may load no file at all.
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    this.panel = panel;
    this.panelDisposables.push(
      panel.onDidDispose(() => this.panelClosed()),
      panel.webview.onDidReceiveMessage((msg: unknown) => this.onMessage(msg)),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.scheduleRefresh();
      }),
    );
    panel.webview.html = this.page(undefined);
  }

  private panelClosed(): void {
    for (const d of this.panelDisposables.splice(0)) d.dispose();
    if (this.timer) clearTimeout(this.timer);
    this.panel = undefined;
    this.last = undefined;
    this.lastBody = undefined;
    this.lastRendered = undefined;
    this.docUri = undefined;
  }

  private follow(uri: vscode.Uri): void {
    if (!this.panel) return;
    if (uri.toString() !== this.docUri?.toString()) {
      this.docUri = uri;
      this.last = undefined;
    }
    this.panel.title = this.title();
    void this.refresh();
  }

  private title(): string {
    return t('previewTitle', this.docUri ? path.basename(this.docUri.path) : '');
  }

  private page(body: string | undefined): string {
    return pageHtml({ cspSource: this.panel!.webview.cspSource, nonce: nonceFrom(randomBytes(16)), strings: previewStrings(this.title()), body });
  }

  private scheduleRefresh(): void {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  /** Asks the server for the model of the shown document and renders it (answers out of order are dropped). */
  private async refresh(): Promise<void> {
    const panel = this.panel;
    const uri = this.docUri;
    const client = this.deps.getClient();
    if (!panel || !uri) return;
    if (!client || !client.isRunning()) return; // a status notification will follow the start
    const seq = ++this.requestSeq;
    let model: TableViewModel | null;
    try {
      const params: TableViewParams = { uri: client.code2ProtocolConverter.asUri(uri) };
      model = await client.sendRequest<TableViewModel | null>(TABLE_VIEW_REQUEST, params);
    } catch (err) {
      console.error('[zfxxgk] table preview request failed:', err);
      return;
    }
    if (seq !== this.requestSeq || panel !== this.panel || uri !== this.docUri) return;
    // The report was closed (the server no longer knows it): keep showing its last tables rather
    // than claiming it is not a report.
    if (!model && this.last && !openDocument(uri)) return;
    const strings = previewStrings(this.title());
    this.last = model ?? undefined;
    this.lastBody = model ? modelBody(model, strings) : messageBody(strings.notReport);
    void panel.webview.postMessage({ type: 'render', html: this.lastBody });
    this.updated.fire(this.last);
  }

  private onMessage(msg: unknown): void {
    if (!msg || typeof msg !== 'object') return;
    const m = msg as { type?: unknown; id?: unknown; version?: unknown; cells?: unknown; wrong?: unknown };
    if (m.type === 'ready') {
      if (this.lastBody && this.panel) void this.panel.webview.postMessage({ type: 'render', html: this.lastBody });
    } else if (m.type === 'reveal' && typeof m.id === 'string') {
      void this.reveal(m.id);
    } else if (m.type === 'rendered') {
      this.lastRendered = {
        version: typeof m.version === 'number' ? m.version : null,
        cells: typeof m.cells === 'number' ? m.cells : 0,
        wrong: Array.isArray(m.wrong) ? m.wrong.filter((x): x is string => typeof x === 'string') : [],
      };
      this.renderedEvent.fire(this.lastRendered);
    }
  }

  /** Selects the cell `id` in an editor of the shown document (reusing a visible one) and reveals it. */
  private async reveal(id: string): Promise<vscode.TextEditor | undefined> {
    const uri = this.docUri;
    // The model may describe an older version (typed since, or zfxxgk.run = onSave): ask again, and
    // never select by stale ranges.
    const open = uri && openDocument(uri);
    // A refresh started meanwhile (typing, the cursor outline) supersedes ours, which then sets
    // nothing: ask again, a few times, rather than give up on the click.
    for (let i = 0; i < 3 && open && this.last && this.last.version !== open.version; i++) await this.refresh();
    if (open && this.last && this.last.version !== open.version) return undefined;
    const cell = this.findCell(id);
    if (!uri || !cell?.range) return undefined;
    const range = toRange(cell.range);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const viewColumn = visible?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const doc = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn, selection: range, preserveFocus: false, preview: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  private findCell(id: string): TableViewCell | undefined {
    for (const table of this.last?.tables ?? []) for (const row of table.rows) for (const c of row.cells) if (c.id === id) return c;
    return undefined;
  }

  /** The id of the cell the position is in (for outlining it in the preview). */
  private cellAt(pos: vscode.Position | undefined): string | undefined {
    if (!pos) return undefined;
    const open = this.docUri && openDocument(this.docUri);
    if (open && this.last && this.last.version !== open.version) {
      this.scheduleRefresh(); // stale ranges would outline the wrong cell
      return undefined;
    }
    for (const table of this.last?.tables ?? []) {
      for (const row of table.rows) {
        for (const c of row.cells) if (c.range && toRange(c.range).contains(pos)) return c.id;
      }
    }
    return undefined;
  }

  private isReport(doc: vscode.TextDocument): boolean {
    if (doc.languageId === REPORT_LANGUAGE_ID) return true;
    return vscode.languages.match(this.deps.selector, doc) > 0 && this.deps.status(doc.uri)?.isReport === true;
  }

  /** Sets `zfxxgk.reportEditor` for the editor-title button. */
  private updateContext(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const value = !!doc && this.isReport(doc);
    if (value === this.contextValue) return;
    this.contextValue = value;
    void vscode.commands.executeCommand('setContext', REPORT_EDITOR_CONTEXT, value);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function sameUri(a: vscode.Uri | string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  try {
    return vscode.Uri.parse(a.toString()).toString() === vscode.Uri.parse(b).toString();
  } catch {
    return a.toString() === b;
  }
}

/** The open text document for `uri`, if VS Code has it open. */
function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
}
