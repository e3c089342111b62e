// Makes sure dist/server.js and dist/cli.js exist and are newer than their sources, so the tests
// drive the real bundles. `npm test` builds first, so usually this does nothing; run alone
// (`npx vitest run test/server`), it builds once, under a lock, because test files run in parallel.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliJs, repoRoot, serverJs } from './paths';

const SOURCE_DIRS = ['server/src'];
const SOURCE_FILES = ['package.json', 'esbuild.mjs'];

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

function isFresh(): boolean {
  const sources = Math.max(
    ...SOURCE_DIRS.map((d) => newestMtime(path.join(repoRoot, d))),
    ...SOURCE_FILES.map((f) => newestMtime(path.join(repoRoot, f))),
  );
  return [serverJs, cliJs].every((out) => fs.existsSync(out) && fs.statSync(out).mtimeMs >= sources);
}

function build(): void {
  const viaScript = fs.existsSync(path.join(repoRoot, 'esbuild.mjs'))
    ? spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, encoding: 'utf8' })
    : undefined;
  if (viaScript?.status === 0 && isFresh()) return;
  // No build script, or it failed for a part we do not test (e.g. the client): bundle just ours.
  const esbuild = path.join(repoRoot, 'node_modules', 'esbuild', 'bin', 'esbuild');
  for (const [entry, out, banner] of [
    ['server/src/lsp/main.ts', 'dist/server.js', ''],
    ['server/src/cli/main.ts', 'dist/cli.js', '--banner:js=#!/usr/bin/env node'],
  ]) {
    const args = [esbuild, entry, '--bundle', '--platform=node', '--format=cjs', '--target=node20', `--outfile=${out}`];
    if (banner) args.push(banner);
    const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(`building ${out} failed:\n${viaScript?.stderr ?? ''}\n${r.stderr}`);
    }
  }
}

const lockDir = path.join(
  os.tmpdir(),
  `zfxxgk-build-${createHash('sha1').update(repoRoot).digest('hex').slice(0, 12)}.lock`,
);

/** Builds the bundles if they are missing or older than the sources (one builder at a time). */
export async function ensureBuilt(): Promise<void> {
  if (isFresh()) return;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      // Someone else is building; a lock older than a minute is left over from a crash.
      try {
        if (Date.now() - fs.statSync(lockDir).mtimeMs > 60_000) fs.rmSync(lockDir, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lockDir}`);
      await new Promise((r) => setTimeout(r, 100)); // polling a lock, not synchronising on an event
    }
  }
  try {
    if (!isFresh()) build();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
