// The VS Code client starts the server over Node IPC (--node-ipc), not stdio: the same bundle must
// work there too.
import { fork } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { PUSH_CAPABILITIES } from '../helpers/lspClient';
import { changeCell, readSeed } from '../helpers/seeds';

let child: ReturnType<typeof fork>;
let conn: ProtocolConnection;

beforeAll(async () => {
  const { serverJs } = await ensureBuilt();
  child = fork(serverJs, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.listen();
});

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    await conn.sendRequest('shutdown').catch(() => undefined);
    await conn.sendNotification('exit').catch(() => undefined);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    if (child.exitCode === null) child.kill();
  }
  conn.dispose();
});

it('checks a report opened over IPC', async () => {
  const init = await conn.sendRequest<{ capabilities: { textDocumentSync?: unknown } }>('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: PUSH_CAPABILITIES,
    locale: 'zh-cn',
  });
  expect(init.capabilities.textDocumentSync).toBeTruthy();
  await conn.sendNotification('initialized', {});

  const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
  const uri = 'file:///tmp/zfxxgk-test/ipc.txt';
  const published = new Promise<PublishDiagnosticsParams>((resolve) =>
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri === uri) resolve(p);
    }),
  );
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: cell.text } });
  const { diagnostics } = await published;
  expect(diagnostics.some((d) => d.severity === 1 && d.range.start.line === cell.line && d.range.start.character === cell.character)).toBe(true);
});
