// Bundles the extension integration tests (test/e2e/suite/) into out/test/e2e/index.js, the file
// VS Code's extension host loads as `extensionTestsPath`. 'vscode' and 'mocha' stay external
// (the host provides vscode; mocha is resolved from this repository's node_modules).
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteFile = path.join(root, 'out', 'test', 'e2e', 'index.js');

export async function buildSuite() {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['test/e2e/suite/index.ts'],
    outfile: suiteFile,
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
