// The language server: connection, documents, settings, debouncing, the analysis cache, and the
// mapping of LSP requests onto engine functions. Nothing about reports lives here.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as engine from '../engine';
import type { Locale } from '../engine';
import { AnalysisCache } from './analysisCache';
import { computeDiagnostics, type DocumentDiagnostics } from './diagnostics';
import { messages } from './messages';
import {
  APPLY_FIX_ALL_COMMAND,
  FIX_ALL_EDITS_REQUEST,
  STATUS_NOTIFICATION,
  TABLE_VIEW_REQUEST,
  type TableViewModel,
  type TableViewParams,
  type ApplyFixAllResult,
  type FixAllEditsParams,
  NEW_REPORT_REQUEST,
  type NewReportParams,
  type NewReportResult,
  CONVERT_REQUEST,
  CONVERTED_SCHEME,
  type ConvertParams,
  type ConvertResult,
} from './protocol';
import { convertFile } from './convert';
import { OpenDocuments } from './openDocuments';
import { PreparedTexts } from './preparedTexts';
import { RelatedReports, type RelatedFor } from './relatedReports';
import { DEFAULT_SETTINGS, resolveLocale, sanitizeSettings, type Settings } from './settings';

export interface ServerOptions {
  /** Base URI of the rule docs (…/docs/rules/); defaults to ../docs/rules next to the bundle. */
  docsBaseUri?: string;
}

function defaultDocsBaseUri(): string {
  return pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).href + '/';
}

/** A short stable hash of a string (for diagnostic result ids). */
function hashKey(key: string): string {
  let h = 5381;
  for (let i = 0; i < key.length; i++) h = ((h * 33) ^ key.charCodeAt(i)) >>> 0;
  return h.toString(36);
}

function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** The read-only text of a converted Word / web page / PDF file (see protocol.ts). */
const isConverted = (uri: string) => uri.startsWith(`${CONVERTED_SCHEME}:`);

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const docsBaseUri = options.docsBaseUri ?? defaultDocsBaseUri();

  let locale: Locale = 'zh-CN';
  let settings: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  // One parse per document version, shared by the cross-file lookup and the analysis.
  /** Everything kept for each open document, in one record (closing drops it). */
  const openDocs = new OpenDocuments();
  const preparedTexts = new PreparedTexts(openDocs);
  const prepared = (doc: TextDocument) => preparedTexts.get(doc);
  const cache = new AnalysisCache(
    { locale },
    (uri, errors) => connection.console.error(`[zfxxgk] internal error while checking ${uri} (please report): ${errors.join('; ')}`),
    prepared,
    openDocs,
  );

  // Client capabilities, decided at initialize.
  let pullDiagnostics = false;
  let diagnosticRefresh = false;
  let configurationRequests = false;


  const log = (message: string) => connection.console.log(`[zfxxgk] ${message}`);
  const logError = (what: string, err: unknown) =>
    connection.console.error(`[zfxxgk] ${what} failed: ${errorText(err)}`);

  /** Wraps a handler so an exception is logged and answered with `fallback`, never a crash. */
  function safe<P extends unknown[], R>(what: string, fallback: R, fn: (...args: P) => R | Promise<R>) {
    return async (...args: P): Promise<R> => {
      try {
        return await fn(...args);
      } catch (err) {
        logError(what, err);
        return fallback;
      }
    };
  }

  // Cross-file rules: last year's report of the same unit, among open documents and files nearby.
  const relatedReports = new RelatedReports(undefined, prepared);
  function relatedFor(doc: TextDocument): RelatedFor {
    try {
      return relatedReports.relatedFor(doc, documents.all());
    } catch (err) {
      logError(`looking for reports related to ${doc.uri}`, err);
      return { reports: [], key: '' };
    }
  }
  const analysisOf = (doc: TextDocument) => cache.get(doc, relatedFor(doc));

  /** Re-check open documents whose related reports changed (another file was edited, saved, created, deleted). */
  let dependentsTimer: NodeJS.Timeout | undefined;
  function recheckDependents(changedUri?: string): void {
    if (dependentsTimer) clearTimeout(dependentsTimer);
    dependentsTimer = setTimeout(() => {
      dependentsTimer = undefined;
      try {
        // Compared with what the user was last shown, not with the cache: a hover or code-action
        // request may already have re-analysed the document against the new reports.
        const stale: { uri: string; related: RelatedFor }[] = [];
        for (const d of documents.all()) {
          const shown = openDocs.peek(d.uri)?.shownRelatedKey;
          if (d.uri === changedUri || shown === undefined) continue;
          const related = relatedFor(d);
          if (shown !== related.key) stale.push({ uri: d.uri, related });
        }
        if (stale.length === 0) return;
        openDocs.forgetPulled();
        if (pullDiagnostics) {
          if (diagnosticRefresh) void connection.languages.diagnostics.refresh();
        } else {
          for (const d of stale) pushNow(d.uri, d.related);
        }
      } catch (err) {
        logError('re-checking dependent documents', err);
      }
    }, Math.max(settings.debounceMs, 0));
  }

  /** The analysis of an open report document, or undefined (unknown uri or not a report). */
  function reportAnalysis(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const cached = analysisOf(doc);
    return cached.isReport ? { doc, analysis: cached.analysis } : undefined;
  }

  function isValidPosition(doc: TextDocument, pos: Position): boolean {
    if (!Number.isInteger(pos.line) || !Number.isInteger(pos.character)) return false;
    if (pos.line < 0 || pos.character < 0 || pos.line >= doc.lineCount) return false;
    const lineText = doc.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } });
    return pos.character <= lineText.replace(/\r?\n$/, '').length;
  }

  /**
   * Diagnostics of `doc` (against `related`, looked up when not given). The caller sends them, then
   * the status (sendStatus): a client that sees the status of version N can rely on N's
   * diagnostics being out.
   */
  function diagnose(doc: TextDocument, related: RelatedFor = relatedFor(doc)): DocumentDiagnostics {
    openDocs.of(doc.uri).shownRelatedKey = related.key;
    return computeDiagnostics(doc, cache.get(doc, related), {
      locale,
      maxProblems: settings.maxProblems,
      docsBaseUri,
    });
  }

  function sendStatus(result: DocumentDiagnostics): void {
    try {
      connection.sendNotification(STATUS_NOTIFICATION, result.status).catch(() => undefined);
    } catch {
      // Sent a turn later in pull mode: the connection may have closed meanwhile, and then there
      // is no one to tell (logging would go over the same closed connection and throw again).
    }
  }

  // ---- push diagnostics -------------------------------------------------------------------

  /**
   * debounceMs 0: check once the change messages already queued behind this one are handled. The
   * connection handles one queued message per turn of the event loop, so wait two turns; a
   * newer change cancels this and starts again (a flood of queued changes = one check, of the last).
   */
  function pushWhenQueueHandled(uri: string, turns: number): void {
    openDocs.of(uri).immediate = setImmediate(() => {
      const record = openDocs.peek(uri);
      if (record) record.immediate = undefined;
      if (turns > 1) pushWhenQueueHandled(uri, turns - 1);
      else pushNow(uri);
    });
  }

  function pushNow(uri: string, related?: RelatedFor): void {
    openDocs.cancelPending(uri);
    try {
      const doc = documents.get(uri);
      if (!doc) return;
      const result = diagnose(doc, related);
      openDocs.of(uri).pushedVersion = doc.version;
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: result.items });
      sendStatus(result);
    } catch (err) {
      logError(`validating ${uri}`, err);
    }
  }

  function schedulePush(uri: string): void {
    openDocs.cancelPending(uri);
    if (settings.debounceMs <= 0) {
      pushWhenQueueHandled(uri, 2);
      return;
    }
    openDocs.of(uri).timer = setTimeout(() => pushNow(uri), settings.debounceMs);
  }

  // ---- lifecycle --------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    diagnosticRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
    configurationRequests = !!caps.workspace?.configuration;
    locale = resolveLocale(params.locale, params.initializationOptions);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    relatedReports.setWorkspaceFolders(folders);
    cache.setOptions({ locale, rules: settings.rules });

    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        documentSymbolProvider: true,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        completionProvider: { resolveProvider: false },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, engine.FIX_ALL_KIND],
          resolveProvider: false,
        },
        executeCommandProvider: { commands: [APPLY_FIX_ALL_COMMAND] },
        diagnosticProvider: pullDiagnostics
          ? { identifier: 'zfxxgk', interFileDependencies: true, workspaceDiagnostics: false }
          : undefined,
      },
      serverInfo: { name: 'zfxxgk' },
    };
  });

  // Settings: read at start and again on every didChangeConfiguration (the VS Code client sends
  // those through `synchronize.configurationSection`; other clients send their own).
  connection.onInitialized(safe('initialized', undefined, () => reloadSettings(undefined)));

  async function reloadSettings(pushed: unknown): Promise<void> {
    let raw: unknown = pushed;
    if (configurationRequests) {
      try {
        raw = await connection.workspace.getConfiguration({ section: 'zfxxgk' });
      } catch (err) {
        logError('workspace/configuration', err);
      }
    }
    const next = sanitizeSettings(raw);
    const changed = JSON.stringify(next) !== JSON.stringify(settings);
    settings = next;
    if (!changed) return;
    log(`settings: ${JSON.stringify(settings)}`);
    cache.setOptions({ locale, rules: settings.rules });
    openDocs.forgetPulled();
    if (pullDiagnostics) {
      if (diagnosticRefresh) void connection.languages.diagnostics.refresh();
    } else {
      for (const doc of documents.all()) pushNow(doc.uri);
    }
  }

  connection.onDidChangeConfiguration(
    safe('didChangeConfiguration', undefined, async (params) => {
      const pushed = (params?.settings as Record<string, unknown> | undefined)?.zfxxgk;
      await reloadSettings(pushed);
    }),
  );

  // ---- documents --------------------------------------------------------------------------

  documents.onDidOpen((e) => {
    openDocs.of(e.document.uri).checkedVersion = e.document.version;
    if (!pullDiagnostics) pushNow(e.document.uri);
  });

  documents.onDidChangeContent((e) => {
    if (settings.run === 'onType') recheckDependents(e.document.uri);
    const { uri, version } = e.document;
    if (pullDiagnostics || openDocs.peek(uri)?.pushedVersion === version) return; // just pushed on open
    if (settings.run === 'onType') schedulePush(uri);
  });

  documents.onDidSave((e) => {
    const { uri, version } = e.document;
    openDocs.of(uri).checkedVersion = version;
    if (settings.run !== 'onSave') return;
    recheckDependents(uri);
    if (pullDiagnostics) {
      if (diagnosticRefresh) void connection.languages.diagnostics.refresh();
    } else {
      pushNow(uri);
    }
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    openDocs.close(uri); // its parse, analysis, pending check and bookkeeping
    relatedReports.documentClosed(uri);
    recheckDependents(uri); // its saved file (if any) is what the others see now
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // ---- pull diagnostics -------------------------------------------------------------------

  connection.languages.diagnostics.on(
    safe<[{ textDocument: { uri: string }; previousResultId?: string }], DocumentDiagnosticReport>(
      'textDocument/diagnostic',
      { kind: DocumentDiagnosticReportKind.Full, items: [] },
      (params) => {
        const uri = params.textDocument.uri;
        const doc = documents.get(uri);
        if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        const previous = openDocs.peek(uri)?.lastPulled;
        // onSave mode: between saves, keep reporting what the last checked version had.
        if (settings.run === 'onSave' && previous && openDocs.peek(uri)?.checkedVersion !== doc.version) {
          return params.previousResultId === previous.resultId
            ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previous.resultId }
            : { kind: DocumentDiagnosticReportKind.Full, resultId: previous.resultId, items: previous.items };
        }
        const related = relatedFor(doc);
        const resultId = `${cache.settingsGeneration}:${doc.version}:${hashKey(related.key)}`;
        if (previous && previous.resultId === resultId && params.previousResultId === resultId) {
          return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
        }
        const result = diagnose(doc, related);
        const items = result.items;
        openDocs.of(uri).lastPulled = { resultId, items };
        // After the report: the response is queued for writing when this handler returns.
        setImmediate(() => sendStatus(result));
        return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
      },
    ),
  );

  // ---- features ---------------------------------------------------------------------------

  connection.onDocumentSymbol(
    safe('textDocument/documentSymbol', [], (params) => {
      const found = reportAnalysis(params.textDocument.uri);
      return found ? engine.documentSymbols(found.doc, found.analysis) : [];
    }),
  );

  connection.onCodeLens(
    safe('textDocument/codeLens', [], (params) => {
      const found = reportAnalysis(params.textDocument.uri);
      if (!found) return [];
      const lenses = engine.codeLenses(found.doc, found.analysis, { fixAllCommand: APPLY_FIX_ALL_COMMAND });
      // A converted file's text cannot be edited: its lenses only inform (✓ / ✗ N 处不一致).
      return isConverted(found.doc.uri) ? lenses.filter((l) => !l.command?.command) : lenses;
    }),
  );

  connection.onFoldingRanges(
    safe('textDocument/foldingRange', [], (params) => {
      const found = reportAnalysis(params.textDocument.uri);
      return found ? engine.foldingRanges(found.analysis) : [];
    }),
  );

  connection.onCompletion(
    safe('textDocument/completion', [], (params) => {
      const found = reportAnalysis(params.textDocument.uri);
      if (!found || !isValidPosition(found.doc, params.position)) return [];
      return engine.completions(found.analysis, params.position);
    }),
  );

  // A new report's draft: not wrapped in safe() so an invalid year reaches the client as an error.
  connection.onRequest(NEW_REPORT_REQUEST, (params: NewReportParams): NewReportResult | ResponseError<void> => {
    const problem = engine.invalidReportYear(params?.year);
    if (typeof params?.unit !== 'string' || problem) {
      const what = problem ?? { zh: '请填写单位名称', en: 'Enter the name of the unit' };
      return new ResponseError(ErrorCodes.InvalidParams, locale === 'en' ? what.en : what.zh);
    }
    const draft = engine.newReport(params.unit, Number(params.year), { eol: params.eol === '\r\n' ? '\r\n' : '\n' });
    return { text: draft.text, title: draft.title, version: draft.version };
  });

  connection.onHover(
    safe('textDocument/hover', null, (params) => {
      const found = reportAnalysis(params.textDocument.uri);
      if (!found || !isValidPosition(found.doc, params.position)) return null;
      return engine.hover(found.doc, found.analysis, params.position);
    }),
  );

  connection.onCodeAction(
    safe('textDocument/codeAction', [], (params) => {
      const found = reportAnalysis(params.textDocument.uri);
      if (!found || isConverted(found.doc.uri)) return []; // read-only: fixes go in its .txt draft
      return engine.codeActions(found.doc, found.analysis, params.range, params.context?.only, { rules: settings.rules });
    }),
  );

  /** Edits that turn the document into exactly what `zfxxgk --fix` would write. */
  function fixAllEdits(uri: string): { doc: TextDocument; edits: TextEdit[]; applied: number } | undefined {
    const found = reportAnalysis(uri);
    if (!found) return undefined;
    const fixed = engine.fixAll(found.doc.getText(), { locale, rules: settings.rules, related: relatedFor(found.doc).reports });
    return { doc: found.doc, edits: engine.toTextEdits(found.doc, fixed.edits), applied: fixed.applied };
  }

  connection.onRequest(
    FIX_ALL_EDITS_REQUEST,
    safe<[FixAllEditsParams], TextEdit[]>(FIX_ALL_EDITS_REQUEST, [], (params) => {
      return (params && typeof params.uri === 'string' && fixAllEdits(params.uri)?.edits) || [];
    }),
  );

  // A Word, web page or PDF file's report text (the client shows it read-only and checks it).
  connection.onRequest(CONVERT_REQUEST, async (params: ConvertParams): Promise<ConvertResult> => {
    if (typeof params?.uri !== 'string') return { ok: false, message: locale === 'en' ? 'no file given' : '没有指定文件' };
    try {
      return await convertFile(params.uri, locale);
    } catch (err) {
      logError(`${CONVERT_REQUEST} ${params.uri}`, err);
      return { ok: false, message: errorText(err) };
    }
  });

  // The table preview's model of an open report (null: unknown document or not a report).
  connection.onRequest(
    TABLE_VIEW_REQUEST,
    safe<[TableViewParams], TableViewModel | null>(TABLE_VIEW_REQUEST, null, (params) => {
      const found = params && typeof params.uri === 'string' ? reportAnalysis(params.uri) : undefined;
      return found ? engine.tableView(found.doc, found.analysis) : null;
    }),
  );

  connection.onExecuteCommand(
    safe<[{ command: string; arguments?: unknown[] }], ApplyFixAllResult | null>(
      'workspace/executeCommand',
      null,
      async (params) => {
        if (params.command !== APPLY_FIX_ALL_COMMAND) return null;
        const arg = params.arguments?.[0];
        const uri =
          typeof arg === 'string' ? arg : typeof (arg as { uri?: unknown })?.uri === 'string' ? (arg as { uri: string }).uri : undefined;
        const result = uri ? fixAllEdits(uri) : undefined;
        if (!result || result.edits.length === 0) return { applied: 0, edits: 0 };
        const response = await connection.workspace.applyEdit({
          label: messages.fixAllLabel(locale),
          edit: {
            documentChanges: [{ textDocument: { uri: result.doc.uri, version: result.doc.version }, edits: result.edits }],
          },
        });
        return response.applied
          ? { applied: result.applied, edits: result.edits.length }
          : { applied: 0, edits: result.edits.length, rejected: response.failureReason ?? 'rejected' };
      },
    ),
  );

  // Files changed on disk (the VS Code client watches *.txt / *.md through synchronize.fileEvents).
  connection.onDidChangeWatchedFiles(
    safe('workspace/didChangeWatchedFiles', undefined, (params) => {
      for (const change of params.changes ?? []) relatedReports.fileChanged(change.uri);
      recheckDependents();
    }),
  );

  connection.onShutdown(() => {
    if (dependentsTimer) clearTimeout(dependentsTimer);
    openDocs.cancelAll();
  });

  documents.listen(connection);
  connection.listen();
}
