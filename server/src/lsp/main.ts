// Entry point of dist/server.js. The transport comes from the command line, as usual for
// vscode-languageserver: --stdio, --node-ipc or --socket=PORT (the VS Code client uses IPC).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one answer, not the editor's language server: log and keep serving. When the
// connection itself is gone, logging over it throws too: then stderr, never a second exception.
function report(message: string): void {
  try {
    connection.console.error(message);
  } catch {
    try {
      process.stderr.write(`${message}\n`);
    } catch {
      // nowhere left to say it
    }
  }
}
process.on('uncaughtException', (err) => report(`[zfxxgk] uncaught exception: ${err?.stack ?? err}`));
process.on('unhandledRejection', (reason) => report(`[zfxxgk] unhandled rejection: ${(reason as Error)?.stack ?? reason}`));

startServer(connection);
