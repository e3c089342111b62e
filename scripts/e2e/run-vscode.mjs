// `npm run test:vscode` — the same extension test suite (test/e2e/suite) in desktop VS Code, through
// @vscode/test-electron. For machines that can download VS Code (a laptop, hosted CI); on this
// project's build machines the download is blocked, so `npm test` uses scripts/e2e/run-code-server.mjs.
// Set VSCODE_EXECUTABLE to use an installed VS Code instead of downloading one.
// Ends with `N passed, N failed`; exits non-zero when a test fails or VS Code cannot start.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, root } from './build-suite.mjs';
import { prepareWorkspace, removeScratch, scratchEnv, writeUserSettings, QUIET_SETTINGS } from './codeServer.mjs';

const scratch = path.join(root, '.e2e-scratch', `vscode-${process.pid}`);
const resultsDir = path.join(root, 'test-results');
let passed = 0;
let failed = 0;
try {
  mkdirSync(resultsDir, { recursive: true });
  const suiteFile = await buildSuite();
  const ws = prepareWorkspace(root, path.join(scratch, 'ws'));
  const userDataDir = path.join(scratch, 'ud');
  writeUserSettings(userDataDir, QUIET_SETTINGS);
  const resultsFile = path.join(scratch, 'extension-tests.json');
  const env = scratchEnv(scratch);
  await runTests({
    version: '1.100.3',
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: root,
    extensionTestsPath: suiteFile,
    launchArgs: [ws, '--disable-extensions', `--user-data-dir=${userDataDir}`, '--disable-workspace-trust'],
    extensionTestsEnv: {
      ZFXXGK_E2E_RESULTS: resultsFile,
      ZFXXGK_E2E_METRICS: path.join(resultsDir, 'e2e-metrics.json'),
      TMPDIR: env.TMPDIR,
    },
  });
  ({ passed, failed } = JSON.parse(readFileSync(resultsFile, 'utf8')));
} catch (err) {
  console.error(`[test:vscode] ${err instanceof Error ? err.message : err}`);
  if (/ENOTFOUND|ECONNREFUSED|EAI_AGAIN/.test(String(err))) {
    console.error("[test:vscode] VS Code could not be downloaded. Set VSCODE_EXECUTABLE to an installed VS Code, or run `npm run test:e2e` (code-server, no download).");
  }
  failed = Math.max(failed, 1);
} finally {
  removeScratch(scratch);
}
console.log('');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
