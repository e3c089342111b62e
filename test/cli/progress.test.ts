// Progress on stderr for a long run (issue 14): shown when stderr is a terminal (here a
// pseudo-terminal made by util-linux `script`), never in a pipe.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/build';
import { readSeed } from '../helpers/seeds';

let tmp: string;
let cliJs: string;
const FILES = 3000; // long enough (> 1 s) for the first redraw

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-cli-progress-'));
  const seed = readSeed();
  fs.mkdirSync(path.join(tmp, 'many'));
  for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(tmp, 'many', `r${i}.txt`), seed);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('progress on stderr', () => {
  it('on a terminal: a percentage redrawn in place, wiped at the end', () => {
    const log = path.join(tmp, 'tty.log');
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(cliJs)} --quiet many > /dev/null`;
    const r = spawnSync('script', ['-qec', cmd, log], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const out = fs.readFileSync(log, 'utf8');
    const lines = [...out.matchAll(/\r(zfxxgk: 检查中 (\d+)%（3,000 个文件）)\x1b\[K/g)];
    expect(lines.length).toBeGreaterThan(0);
    const percents = lines.map((m) => Number(m[2]));
    expect([...percents].sort((a, b) => a - b)).toEqual(percents); // only forward
    expect(Math.max(...percents)).toBeLessThan(100);
    expect(out).toMatch(/\r\x1b\[K/); // wiped
  }, 150_000);

  it('in a pipe: nothing on stderr', () => {
    const r = spawnSync(process.execPath, [cliJs, '--quiet', 'many'], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  }, 150_000);
});
