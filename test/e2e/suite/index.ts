// Entry point of the extension integration tests, loaded by the VS Code extension host
// (`extensionTestsPath`), the @vscode/test-electron way. Used unchanged by both runners:
// scripts/e2e/run-vscode.mjs (desktop VS Code) and scripts/e2e/run-code-server.mjs (code-server).
// Ends with the plain line `N passed, N failed`; rejects when a test failed so the host exits non-zero.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'spec' });
  // Load every bundled test file beside this one (scripts/e2e/build-suite.mjs builds one per
  // test/e2e/suite/*.test.ts), after registering the tdd globals (suite/test/…) for it.
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) {
    const file = path.join(__dirname, f);
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    require(file);
  }

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
