// Runs the whole vitest suite once (no watch) and ends with one plain line: `N passed, N failed`.
// Exit code: 0 only when every test passed and at least one test ran.
// Extra arguments are passed to vitest (e.g. `node test/run-vitest.mjs test/engine`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const vitestBin = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

// Kept after the run for anyone who wants the details (test-results/ is git-ignored).
const jsonFile = path.join(root, 'test-results', 'vitest.json');
mkdirSync(path.dirname(jsonFile), { recursive: true });
rmSync(jsonFile, { force: true });

const run = spawnSync(
  process.execPath,
  [vitestBin, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let total = 0;
let haveReport = false;
try {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  total = report.numTotalTests ?? 0;
  // A test file that fails to load counts as a failure even though it has no tests.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'),
  ).length;
  failed += brokenFiles;
  haveReport = true;
} catch {
  // vitest did not get as far as writing results (config error, crash).
}

console.log('');
console.log(`${passed} passed, ${failed} failed`);

let code = 0;
if (!haveReport) {
  console.error('vitest did not produce results (exit code ' + run.status + ').');
  code = run.status || 1;
} else if (failed > 0 || run.status !== 0) {
  code = run.status || 1;
} else if (total === 0 || passed === 0) {
  console.error('No tests ran.');
  code = 1;
}
process.exit(code);
