// VS Code extension entry point. Kept small on purpose: start the language server (dist/server.js),
// register the two commands, and show the check result in the language status item.
// Everything about reports lives in the server and its engine.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
  type StaticFeature,
} from 'vscode-languageclient/node';
import { CONVERTED_SCHEME, STATUS_NOTIFICATION } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { restartingErrorHandler } from './restart';
import { currentLocale, t } from './messages';
import { StatusController, type ReportStatus } from './status';
import { registerPreview, type PreviewApi } from './preview/panel';
import { ConvertedTexts } from './sources/convertedText';
import { registerSourceCommands } from './sources/sourceCommands';
import { SourceEditor, type SourceEditorShown } from './sources/sourceEditor';

/** Languages the server looks at; it decides itself whether a document is a report. */
export const LANGUAGES = ['plaintext', 'markdown', 'zfxxgk-report'] as const;
export const SCHEMES = ['file', 'untitled'] as const;
/** …and the read-only text of a Word / web page / PDF file (sources/convertedText.ts), converted from a file: file. */
export const DOCUMENT_SELECTOR: { language: string; scheme: string }[] = [
  ...LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme }))),
  ...['plaintext', 'zfxxgk-report'].map((language) => ({ language, scheme: CONVERTED_SCHEME })),
];

let client: LanguageClient | undefined;

/** Returned from activate() so integration tests can look inside. */
export interface ZfxxgkApi {
  readonly client: LanguageClient | undefined;
  status(uri: vscode.Uri): ReportStatus | undefined;
  /** Fires after the server reported on a document (one event per analysed version). */
  readonly onDidChangeStatus: vscode.Event<ReportStatus>;
  /** What the language status item shows for the active editor. */
  statusItem(): { text: string; detail: string | undefined; severity: vscode.LanguageStatusSeverity };
  /** Milliseconds activate() took, server start and initialize handshake included. */
  readonly activationMs: number;
  /** The table preview (zfxxgk.showPreview): its last model, the webview's render report, clicks. */
  readonly preview: PreviewApi;
  /** Word / PDF files opened in VS Code: what their editor last showed, per source file URI. */
  readonly sourceEditor: { shown(uri: vscode.Uri): SourceEditorShown | undefined; readonly onDidShow: vscode.Event<vscode.Uri> };
}

export async function activate(context: vscode.ExtensionContext): Promise<ZfxxgkApi> {
  const activationStarted = Date.now();
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // Evaluated at every (re)start, so a changed zfxxgk.locale takes effect after restart.
    initializationOptions: () => ({ locale: currentLocale() }),
    // fileEvents: last year's report changing on disk re-checks this year's (carryover rule).
    synchronize: { configurationSection: 'zfxxgk', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{txt,md}') },
    // Never pop the output channel up in the user's face; errors still go to the channel.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // A crashed server is restarted and the user is told once (zh/en); see restart.ts.
    errorHandler: restartingErrorHandler(),
  };

  const status = new StatusController(DOCUMENT_SELECTOR);
  context.subscriptions.push(status);

  client = new LanguageClient('zfxxgk', t('statusName'), serverOptions, clientOptions);
  client.registerFeature(pushDiagnosticsOnly);
  context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, (params: ReportStatus) => status.update(params)));

  const preview = registerPreview(context, {
    getClient: () => client,
    status: (uri) => status.get(uri),
    onDidChangeStatus: status.onDidChange,
    selector: DOCUMENT_SELECTOR,
  });

  // Word, web page and PDF files: their text comes from the server once it has started.
  let started: () => void = () => undefined;
  const serverStarted = new Promise<void>((resolve) => (started = resolve));
  const convertedTexts = new ConvertedTexts(() => serverStarted.then(() => client));
  context.subscriptions.push(convertedTexts);
  const sourceEditor = new SourceEditor(convertedTexts);
  sourceEditor.register(context);
  registerSourceCommands(context, convertedTexts);

  registerCommands(
    context,
    () => client,
    (doc) => vscode.languages.match(DOCUMENT_SELECTOR, doc) > 0,
    convertedTexts,
  );

  // The server's messages are produced in the locale given at initialisation; restart on change.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('zfxxgk.locale') && client?.isRunning()) {
        await client.restart().catch((err: unknown) => console.error('[zfxxgk] restart after a locale change failed:', err));
      }
    }),
  );

  try {
    await client.start();
  } catch (err) {
    // No pop-up: the language client has already written the reason to its output channel.
    console.error('[zfxxgk] language server failed to start:', err);
  }
  started();

  const activationMs = Date.now() - activationStarted;
  return {
    activationMs,
    get client() {
      return client;
    },
    status: (uri) => status.get(uri),
    onDidChangeStatus: status.onDidChange,
    statusItem: () => status.shown,
    preview,
    sourceEditor: { shown: (uri) => sourceEditor.shown.get(uri.toString()), onDidShow: sourceEditor.onDidShow },
  };
}

/**
 * Ask the server to push diagnostics instead of having them pulled. vscode-languageclient pulls
 * diagnostics only for documents shown in an editor tab, so the documents that
 * 检查工作区中的全部年报 opens in the background would never be checked; with push, every open
 * document is, and the server applies zfxxgk.run / zfxxgk.debounceMs itself.
 * (Registered after the built-in features, so this runs after the pull feature filled its part.)
 */
const pushDiagnosticsOnly: StaticFeature = {
  fillClientCapabilities(capabilities) {
    if (capabilities.textDocument) delete capabilities.textDocument.diagnostic;
    if (capabilities.workspace) delete capabilities.workspace.diagnostics;
  },
  initialize() {},
  getState: () => ({ kind: 'static' }),
  clear() {},
};

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
