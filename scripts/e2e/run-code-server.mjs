// `npm run test:e2e` — the extension in real editors, on this machine (no VS Code download needed):
//   1. extension tests (test/e2e/suite, the @vscode/test-electron-style mocha suite) in a real
//      VS Code workbench: code-server 4.100.3 driven by headless chromium;
//   2. UI check: the packaged .vsix installed into code-server, a report with one wrong cell opened,
//      squiggle + Problems panel, quick-fix menu applied; screenshots in test-results/;
//   3. neovim 0.7 headless as a second LSP client of dist/server.js.
// Each stage ends with `N passed, N failed`, and so does the whole run. Exit code 0 only if all pass.
// All processes are started in their own process groups and killed at the end; everything they
// write goes into one scratch folder that is removed (kept with --keep for debugging).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { buildSuite, root } from './build-suite.mjs';
import {
  QUIET_SETTINGS,
  installVsix,
  launchChromium,
  prepareWorkspace,
  removeScratch,
  scratchEnv,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from './codeServer.mjs';
import { runNeovimCheck } from './neovim.mjs';
import { packageVsix } from './packageVsix.mjs';
import { ensureTools } from './tools.mjs';
import { runUiCheck } from './uiCheck.mjs';

const keep = process.argv.includes('--keep');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const resultsDir = path.join(root, 'test-results');
const scratch = path.join(root, '.e2e-scratch', String(process.pid));
const started = Date.now();
const log = (msg) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

const cleanups = [];
async function runCleanups() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (err) {
      console.error('[e2e] cleanup:', err);
    }
  }
}
async function cleanup() {
  await runCleanups();
  if (!keep) {
    removeScratch(scratch);
  } else console.log(`[e2e] scratch kept: ${scratch}`);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    console.error(`[e2e] ${sig}: stopping`);
    await cleanup();
    process.exit(130);
  });
}

/** Stage 1: the mocha suite inside the extension host of code-server. */
async function extensionTests(tools) {
  const suiteFile = await buildSuite();
  const resultsFile = path.join(scratch, 'extension-tests.json');
  const env = scratchEnv(scratch, {
    ZFXXGK_E2E_RESULTS: resultsFile,
    ZFXXGK_E2E_METRICS: path.join(resultsDir, 'e2e-metrics.json'),
  });
  const ws = prepareWorkspace(root, path.join(scratch, 'ws-tests'));
  const userDataDir = path.join(scratch, 'ud-tests');
  writeUserSettings(userDataDir, QUIET_SETTINGS);
  const cs = await startCodeServer({
    codeServer: tools.codeServer,
    userDataDir,
    extensionsDir: path.join(scratch, 'xd-tests'),
    env,
    logFile: path.join(resultsDir, 'code-server-tests.log'),
  });
  cleanups.push(cs.stop);
  log(`code-server up on ${cs.base}`);
  const browser = await launchChromium({ ...tools, scratch, env });
  cleanups.push(() => browser.close());
  const page = await browser.newPage();
  const output = [];
  const consoleLog = [];
  page.on('console', async (msg) => {
    let text = msg.text();
    try {
      // The workbench logs as console.log('%c INFO', 'color: …', format, ...args): format it.
      const vals = await Promise.all(msg.args().map((a) => a.jsonValue()));
      text = typeof vals[0] === 'string' && vals[0].startsWith('%c') ? format(...vals.slice(2)) : format(...vals);
    } catch {
      /* the page is gone; keep the raw text */
    }
    consoleLog.push(text);
    // The extension host's console (mocha's spec reporter) is forwarded to the page console.
    if (msg.text().includes('INFO') && !/^\s*(Resolv|Creating|Updating|\[Service Worker\]|ChatSessionStore)/.test(text)) {
      output.push(text);
      console.log(`  │ ${text.trimEnd()}`);
    }
  });
  cleanups.push(() => writeFileSync(path.join(resultsDir, 'e2e-extension-tests-console.log'), consoleLog.join('\n') + '\n'));
  const exited = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  await page.exposeFunction('codeAutomationLog', () => {});
  const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const url = workbenchUrl(cs.base, ws, [
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(suiteFile)],
  ]);
  await page.goto(url);
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 180_000));
  const code = await Promise.race([exited, timeout]);
  await browser.close();
  await cs.stop();

  let passed = 0;
  let failed = 0;
  if (existsSync(resultsFile)) {
    ({ passed, failed } = JSON.parse(readFileSync(resultsFile, 'utf8')));
  } else {
    const line = output.map((l) => /(\d+) passed, (\d+) failed/.exec(l)).find(Boolean);
    if (line) [passed, failed] = [Number(line[1]), Number(line[2])];
  }
  if (code === 'timeout') {
    console.error('[e2e] the extension tests did not finish within 180 s');
    failed = Math.max(failed, 1);
  } else if (code !== 0 && failed === 0) {
    console.error(`[e2e] the extension host exited with code ${code}`);
    failed = 1;
  }
  if (passed + failed === 0) failed = 1;
  return { passed, failed };
}

async function uiCheck(tools) {
  const vsix = packageVsix(path.join(scratch, 'pkg'), path.join(scratch, 'zfxxgk.vsix'));
  log(`packaged ${path.relative(root, vsix)}`);
  const env = scratchEnv(scratch);
  const userDataDir = path.join(scratch, 'ud-ui');
  const extensionsDir = path.join(scratch, 'xd-ui');
  writeUserSettings(userDataDir, { ...QUIET_SETTINGS, 'zfxxgk.locale': 'zh-CN' });
  installVsix({ codeServer: tools.codeServer, vsix, extensionsDir, userDataDir, env });
  const ws = prepareWorkspace(root, path.join(scratch, 'ws-ui'));
  const cs = await startCodeServer({
    codeServer: tools.codeServer,
    userDataDir,
    extensionsDir,
    env,
    logFile: path.join(resultsDir, 'code-server-ui.log'),
  });
  cleanups.push(cs.stop);
  const browser = await launchChromium({ ...tools, scratch, env });
  cleanups.push(() => browser.close());
  try {
    return await runUiCheck({ browser, url: workbenchUrl(cs.base, ws), workspace: ws, resultsDir, log, extensionsDir });
  } finally {
    await browser.close();
    await cs.stop();
  }
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  // Screenshots of an earlier run must not pass for this run's.
  for (const f of readdirSync(resultsDir)) if (/^e2e-.*\.png$/.test(f)) rmSync(path.join(resultsDir, f));
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const tools = ensureTools({ log: (m) => log(m) });
  // playwright-core and chromium write temporary profiles under TMPDIR: keep them in the scratch folder.
  process.env.TMPDIR = scratchEnv(scratch).TMPDIR;
  if (!existsSync(path.join(root, 'dist', 'server.js'))) throw new Error('dist/ is missing: run `npm run build` first');

  const stages = [
    ['extension tests (code-server)', 'tests', () => extensionTests(tools)],
    ['UI check (code-server + chromium)', 'ui', () => uiCheck(tools)],
    ['neovim LSP check', 'nvim', () => runNeovimCheck({ nvim: tools.nvim, scratch, env: scratchEnv(scratch), log })],
  ].filter(([, key]) => !only || only.split(',').includes(key));

  let passed = 0;
  let failed = 0;
  for (const [name, , fn] of stages) {
    log(`── ${name}`);
    let r;
    try {
      r = await fn();
    } catch (err) {
      console.error(`[e2e] ${name} failed: ${err instanceof Error ? err.stack : err}`);
      r = { passed: 0, failed: 1 };
    }
    await runCleanups();
    console.log(`${name}: ${r.passed} passed, ${r.failed} failed`);
    passed += r.passed;
    failed += r.failed;
  }
  return { passed, failed };
}

let summary = { passed: 0, failed: 1 };
try {
  summary = await main();
} catch (err) {
  console.error(`[e2e] ${err instanceof Error ? err.message : err}`);
} finally {
  await cleanup();
}
log('done');
console.log('');
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(summary.failed === 0 && summary.passed > 0 ? 0 : 1);

