// The tests drive the real bundles (dist/server.js, dist/cli.js). Other people build and clean
// dist/ while tests run (esbuild.mjs empties it first), so each test process works on its own
// snapshot of the bundles, taken once:
// - dist/ fresh (newer than the sources, as after `npm test`'s build): copy dist/{server,cli}.js;
// - missing or stale (`npx vitest run test/server` after an edit): bundle the entry points with
//   esbuild straight into the snapshot, never touching the shared dist/.
// The snapshot has `docs` linked to the repo's docs/, so rule links resolve as in the package.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll } from 'vitest';
import { repoRoot } from './paths';

export interface Bundles {
  serverJs: string;
  cliJs: string;
  /** true when copied from dist/, false when built from the sources for this run. */
  fromDist: boolean;
}

const ENTRIES = [
  { name: 'server.js', entry: 'server/src/lsp/main.ts', banner: '' },
  { name: 'cli.js', entry: 'server/src/cli/main.ts', banner: '#!/usr/bin/env node' },
];

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

function copyFresh(dir: string): boolean {
  const sources = Math.max(newestMtime(path.join(repoRoot, 'server', 'src')), newestMtime(path.join(repoRoot, 'package.json')));
  try {
    for (const { name } of ENTRIES) {
      const from = path.join(repoRoot, 'dist', name);
      if (fs.statSync(from).mtimeMs < sources) return false;
      fs.copyFileSync(from, path.join(dir, name));
    }
    return true;
  } catch {
    return false; // missing, or removed by a concurrent build
  }
}

function buildInto(dir: string): void {
  for (const { name, entry, banner } of ENTRIES) {
    // The same bundle options as esbuild.mjs (cjs for node 20, everything bundled).
    buildSync({
      absWorkingDir: repoRoot,
      entryPoints: [entry],
      outfile: path.join(dir, name),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      banner: banner ? { js: banner } : undefined,
      logLevel: 'warning',
    });
  }
}

let snapshot: Promise<Bundles> | undefined;
let snapshotRoot: string | undefined;

// Registered when a test file imports this module: the snapshot goes when that file's tests are done.
afterAll(() => {
  if (snapshotRoot) fs.rmSync(snapshotRoot, { recursive: true, force: true });
  snapshotRoot = undefined;
  snapshot = undefined;
});

export function ensureBuilt(): Promise<Bundles> {
  snapshot ??= (async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-bundles-'));
    snapshotRoot = root;
    const dir = path.join(root, 'dist');
    fs.mkdirSync(dir);
    fs.symlinkSync(path.join(repoRoot, 'docs'), path.join(root, 'docs'), 'dir');
    const fromDist = copyFresh(dir);
    if (!fromDist) buildInto(dir);
    return { serverJs: path.join(dir, 'server.js'), cliJs: path.join(dir, 'cli.js'), fromDist };
  })();
  return snapshot;
}
