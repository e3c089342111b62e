// `npm run editor` — try the extension with no VS Code installed: code-server (VS Code in the browser)
// on 127.0.0.1 with the packaged extension installed and a copy of examples/ open. Prints the URL;
// Ctrl+C stops it and removes everything it wrote. Options: --port N (default 8123, else a free one).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { root } from './build-suite.mjs';
import {
  QUIET_SETTINGS,
  freePort,
  installVsix,
  prepareWorkspace,
  removeScratch,
  scratchEnv,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from './codeServer.mjs';
import { packageVsix } from './packageVsix.mjs';
import { ensureTools } from './tools.mjs';

const portArg = process.argv.indexOf('--port');
const wanted = portArg > 0 ? Number(process.argv[portArg + 1]) : 8123;
const scratch = path.join(root, '.e2e-scratch', `editor-${process.pid}`);
let server;

async function stop(code) {
  if (server) await server.stop();
  removeScratch(scratch);
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(0));

try {
  const tools = ensureTools();
  mkdirSync(scratch, { recursive: true });
  console.log('打包扩展 · packaging the extension…');
  const vsix = packageVsix(path.join(scratch, 'pkg'), path.join(scratch, 'zfxxgk.vsix'));
  const env = scratchEnv(scratch);
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  writeUserSettings(userDataDir, { ...QUIET_SETTINGS, 'zfxxgk.locale': 'zh-CN' });
  installVsix({ codeServer: tools.codeServer, vsix, extensionsDir, userDataDir, env });
  const ws = prepareWorkspace(root, path.join(scratch, 'examples'));
  const port = await isFree(wanted) ? wanted : await freePort();
  server = await startCodeServer({ codeServer: tools.codeServer, userDataDir, extensionsDir, env, port });
  const url = workbenchUrl(server.base, ws);
  console.log('');
  console.log(`在浏览器中打开 · open in a browser:  ${url}`);
  console.log(`（打开的是 examples/ 的副本 · a copy of examples/: ${ws}）`);
  console.log('按 Ctrl+C 停止 · Ctrl+C to stop');
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await stop(1);
}

async function isFree(port) {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}
