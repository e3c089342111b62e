// A minimal LSP client for the tests: spawns the real bundled server (`node server.js --stdio`,
// a snapshot of dist/server.js, see build.ts),
// speaks JSON-RPC over its stdin/stdout, records every notification, and lets tests wait for the
// one they expect (promises resolved by notifications; timeouts only as failure guards).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { ensureBuilt } from './build';

export type { StatusParams };

/** A list of events that tests can wait on: waitFor resolves with the first event (past or future) matching. */
export class EventLog<T> {
  readonly events: T[] = [];
  private waiters: { match: (e: T) => boolean; resolve: (e: T) => void }[] = [];

  push(event: T): void {
    this.events.push(event);
    const ready = this.waiters.filter((w) => w.match(event));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(event);
  }

  /** Resolves with the first event matching, looking at past events from index `from` on (default: all). */
  waitFor(match: (e: T) => boolean, what: string, timeoutMs = 5000, from = 0): Promise<T> {
    const past = this.events.slice(from).find(match);
    if (past) return Promise.resolve(past);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = (e: T) => {
        clearTimeout(timer);
        resolve(e);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  /** Like waitFor, but only for events that arrive after this call. */
  waitForNext(match: (e: T) => boolean, what: string, timeoutMs = 5000): Promise<T> {
    return this.waitFor(match, what, timeoutMs, this.events.length);
  }
}

export interface StartOptions {
  /** Client capabilities; defaults to a push-only client with workspace/configuration support. */
  capabilities?: ClientCapabilities;
  locale?: string;
  initializationOptions?: unknown;
  /** What the client answers to workspace/configuration for section 'zfxxgk'. */
  settings?: Record<string, unknown>;
  /** Workspace folder URIs sent at initialize (default: none). */
  workspaceFolders?: string[];
}

export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export const PULL_CAPABILITIES: ClientCapabilities = {
  ...PUSH_CAPABILITIES,
  workspace: { ...PUSH_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
  textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

export class LspTestClient {
  readonly diagnostics = new EventLog<PublishDiagnosticsParams>();
  readonly status = new EventLog<StatusParams>();
  readonly logs = new EventLog<{ type: number; message: string }>();
  readonly refreshes = new EventLog<number>();
  /** Diagnostics and status notifications in the order they arrived: `diagnostics <uri> <version>`, `status <uri> <version>`. */
  readonly arrivals: string[] = [];
  /** The client's copy of each open document (kept in sync with what it sends). */
  readonly docs = new Map<string, TextDocument>();
  settings: Record<string, unknown>;
  stderr = '';
  initializeResult!: InitializeResult;
  private exited: Promise<number | null>;

  /** Waits until the server has logged settings holding `fragment` (they are read after `initialized`). */
  async settingsLoaded(fragment = '"debounceMs":0'): Promise<void> {
    await this.logs.waitFor((l) => l.message.includes(fragment), 'settings to be loaded');
  }

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly conn: ProtocolConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => (this.stderr += chunk));

    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.arrivals.push(`diagnostics ${p.uri} ${p.version}`);
      this.diagnostics.push(p);
    });
    conn.onNotification('zfxxgk/status', (p: StatusParams) => {
      this.arrivals.push(`status ${p.uri} ${p.version}`);
      this.status.push(p);
    });
    conn.onNotification('window/logMessage', (p: { type: number; message: string }) => this.logs.push(p));
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((item) => (item.section === 'zfxxgk' ? this.settings : null)),
    );
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes.push(Date.now());
      return null;
    });
    conn.onRequest('workspace/applyEdit', (p: { edit: { documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[] } }) => {
      for (const change of p.edit.documentChanges ?? []) {
        const doc = this.docs.get(change.textDocument.uri);
        if (!doc || (change.textDocument.version !== null && change.textDocument.version !== doc.version)) {
          return { applied: false, failureReason: 'version mismatch' };
        }
        this.applyEdits(change.textDocument.uri, change.edits);
      }
      return { applied: true };
    });
    conn.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const { serverJs } = await ensureBuilt();
    const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new LspTestClient(proc, conn, options.settings ?? {});
    client.initializeResult = await conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      locale: options.locale,
      capabilities: options.capabilities ?? PUSH_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, version, text);
    this.docs.set(uri, doc);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return doc;
  }

  /** Sends incremental changes (applied in order) and updates the local copy; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    TextDocument.update(doc, changes, doc.version + 1);
    await this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: doc.version },
      contentChanges: changes,
    });
    return doc.version;
  }

  /** Applies TextEdits (relative to the current text, as in a WorkspaceEdit) as one didChange. */
  async applyEdits(uri: string, edits: TextEdit[]): Promise<number> {
    // Later edits first, so each change's range is still valid when it is applied.
    const ordered = [...edits].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    );
    return this.change(uri, ordered.map((e) => ({ range: e.range, text: e.newText })));
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  /** Diagnostics published for exactly this document version. */
  diagnosticsFor(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.waitFor((p) => p.uri === uri && p.version === version, `diagnostics of ${uri} v${version}`, timeoutMs);
  }

  /** Writes raw bytes to the server's stdin (for malformed-input tests). */
  writeRaw(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.proc.stdin.write(data, (err) => (err ? reject(err) : resolve())));
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    try {
      await Promise.race([
        (async () => {
          await this.conn.sendRequest('shutdown');
          await this.conn.sendNotification('exit');
          await this.exited;
        })(),
        new Promise((r) => setTimeout(r, 2000)),
      ]);
    } catch {
      /* fall through to kill */
    }
    if (this.alive) this.proc.kill();
    this.conn.dispose();
  }
}
