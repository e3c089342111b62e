// neovim 0.7 headless as a second LSP client (test/e2e/nvim/check.lua), against dist/server.js.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './build-suite.mjs';
import { killGroup } from './codeServer.mjs';

export async function runNeovimCheck({ nvim, scratch, env, log }) {
  const dir = path.join(scratch, 'nvim');
  mkdirSync(dir, { recursive: true });
  const clean = readFileSync(path.join(root, 'examples', 'clean-2023.txt'), 'utf8');
  const lines = clean.split('\n');
  if (lines[50][25] !== '2') throw new Error('examples/clean-2023.txt changed: line 51 has no 2 at column 26');
  lines[50] = lines[50].slice(0, 25) + '3' + lines[50].slice(26);
  const draft = path.join(dir, 'draft-2023.txt');
  writeFileSync(draft, lines.join('\n'));
  const expected = path.join(dir, 'expected.txt');
  writeFileSync(expected, clean);
  const result = path.join(dir, 'result.txt');

  const child = spawn(nvim, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${path.join(root, 'test', 'e2e', 'nvim', 'check.lua')}`], {
    cwd: dir,
    env: {
      ...env,
      ZFXXGK_SERVER: path.join(root, 'dist', 'server.js'),
      ZFXXGK_FILE: draft,
      ZFXXGK_EXPECTED: expected,
      ZFXXGK_RESULT: result,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.stdout.on('data', () => {});
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), 60_000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  await killGroup(child.pid, 1000); // the server child, if neovim left it behind
  log(`neovim finished in ${Date.now() - started} ms (exit ${code})`);
  const text = existsSync(result) ? readFileSync(result, 'utf8') : '';
  for (const l of text.trim().split('\n').filter(Boolean)) console.log(`  ${l}`);
  const m = /(\d+) passed, (\d+) failed\s*$/.exec(text);
  let passed = m ? Number(m[1]) : 0;
  let failed = m ? Number(m[2]) : 1;
  if (code !== 0 && failed === 0) failed = 1;
  if (code === 'timeout') console.error('[e2e] neovim did not finish within 60 s');
  if (!m && stderr) console.error(stderr.slice(-2000));
  return { passed, failed };
}
