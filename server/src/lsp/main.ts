// Entry point of dist/server.js. The transport comes from the command line, as usual for
// vscode-languageserver: --stdio, --node-ipc or --socket=PORT (the VS Code client uses IPC).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one answer, not the editor's language server: log and keep serving.
process.on('uncaughtException', (err) => {
  connection.console.error(`[zfxxgk] uncaught exception: ${err?.stack ?? err}`);
});
process.on('unhandledRejection', (reason) => {
  connection.console.error(`[zfxxgk] unhandled rejection: ${(reason as Error)?.stack ?? reason}`);
});

startServer(connection);
