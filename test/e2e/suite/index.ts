// Entry point of the extension integration tests, loaded by the VS Code extension host
// (`extensionTestsPath`), the @vscode/test-electron way. Used unchanged by both runners:
// scripts/e2e/run-vscode.mjs (desktop VS Code) and scripts/e2e/run-code-server.mjs (code-server).
// Ends with the plain line `N passed, N failed`; rejects when a test failed so the host exits non-zero.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'spec' });
  // Register the tdd globals (suite/test/…) and load the tests, bundled into this file.
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  require('./extension.test');

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      const failed = failures;
      console.log(`${passed} passed, ${failed} failed`);
      const out = process.env.ZFXXGK_E2E_RESULTS;
      if (out) {
        try {
          fs.mkdirSync(path.dirname(out), { recursive: true });
          fs.writeFileSync(out, JSON.stringify({ passed, failed }) + '\n');
        } catch (err) {
          console.error('[e2e] could not write results:', err);
        }
      }
      if (failed > 0 || passed === 0) reject(new Error(`${failed} extension test(s) failed`));
      else resolve();
    });
  });
}
