// Bundles the extension integration tests (test/e2e/suite/) into out/test/e2e/: index.js, the file
// VS Code's extension host loads as `extensionTestsPath`, and one bundle per `*.test.ts`, which
// index.js loads at run time (a new test file is picked up with no registration).
// 'vscode' and 'mocha' stay external (the host provides vscode; mocha comes from node_modules).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteFile = path.join(root, 'out', 'test', 'e2e', 'index.js');

export async function buildSuite() {
  const dir = path.join(root, 'test', 'e2e', 'suite');
  const tests = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
  rmSync(path.dirname(suiteFile), { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['test/e2e/suite/index.ts', ...tests.map((f) => `test/e2e/suite/${f}`)],
    outdir: path.dirname(suiteFile),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return suiteFile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildSuite();
  console.log(`[e2e] built ${path.relative(root, suiteFile)}`);
}
