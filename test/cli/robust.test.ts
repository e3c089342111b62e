// The command line on hostile folders: binary files, thousands of files, unreadable and oversized
// files (a clear message, exit status 2, the other files still checked), and --fix that never
// leaves half a file behind, even when the process is killed while writing.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cliRun';
import type { Diagnostic } from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { changeCell, readSeed } from '../helpers/seeds';


let tmp: string;
let cliJs: string;
let serial = 0;

function cli(args: string[], cwd = tmp, env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(cliJs, args, { cwd, env, maxBuffer: 256 * 1024 * 1024 });
}

/** A fresh folder under the temp folder. */
function folder(name: string): string {
  const dir = path.join(tmp, `${name}-${++serial}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const files = (run: CliRun) => (JSON.parse(run.stdout) as { file: string; diagnostics: Diagnostic[] }[]).map((r) => path.basename(r.file)).sort();
const broken = () => changeCell(readSeed(), '(七) 总计', 0, '5').text;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-cli-robust-'));
  cliJs = (await ensureBuilt()).cliJs;
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('hostile inputs', () => {
  it('skips binary files in a folder silently, and says so (exit 2) for one named on the command line', async () => {
    const dir = folder('binary');
    fs.writeFileSync(path.join(dir, 'report.txt'), readSeed());
    fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));
    fs.writeFileSync(path.join(dir, 'zeros.md'), Buffer.alloc(4096));
    const inFolder = await cli(['--format', 'json', dir]);
    expect(inFolder.code).toBe(0);
    expect(files(inFolder)).toEqual(['report.txt']);
    expect(inFolder.stderr).toBe('');

    const named = await cli(['--format', 'json', path.join(dir, 'image.txt'), path.join(dir, 'report.txt')]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('image.txt');
    expect(named.stderr).toContain('二进制');
    expect(files(named)).toEqual(['report.txt']);
  });

  it('checks a folder of 3,000 files in nested folders: every report and nothing else', async () => {
    const dir = folder('many');
    const seed = readSeed();
    const wrong = broken();
    let reports = 0;
    let withErrors = 0;
    for (let i = 0; i < 3000; i++) {
      const sub = path.join(dir, `d${i % 10}`, `e${i % 7}`);
      fs.mkdirSync(sub, { recursive: true });
      const kind = i % 4;
      const name = `f${i}.${kind === 3 ? 'md' : 'txt'}`;
      if (kind === 2) fs.writeFileSync(path.join(sub, name), `会议记录 ${i}\n今天讨论了食堂的菜单。\n`);
      else {
        fs.writeFileSync(path.join(sub, name), i % 5 === 0 ? wrong : seed);
        reports++;
        if (i % 5 === 0) withErrors++;
      }
    }
    fs.writeFileSync(path.join(dir, 'd0', 'notes.xlsx'), 'not checked');
    const run = await cli(['--format', 'json', dir]);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { file: string; diagnostics: Diagnostic[] }[];
    expect(results).toHaveLength(reports);
    expect(results.filter((r) => r.diagnostics.some((d) => d.severity === 1))).toHaveLength(withErrors);
    expect(run.stderr).toBe('');
  }, 120_000);

  it('a large batch checked on worker threads prints exactly what one thread prints (text and JSON)', async () => {
    const dir = folder('threads');
    const seed = readSeed();
    const wrong = broken();
    for (let i = 0; i < 600; i++) {
      const sub = path.join(dir, `u${i % 3}`);
      fs.mkdirSync(sub, { recursive: true });
      fs.writeFileSync(path.join(sub, `r${String(i).padStart(3, '0')}.txt`), i % 4 === 0 ? wrong : i % 4 === 1 ? '会议记录\n' : seed);
    }
    fs.writeFileSync(path.join(dir, 'u0', 'blob.txt'), Buffer.alloc(64));
    for (const format of ['text', 'json']) {
      const one = await cli(['--format', format, dir], tmp, { ZFXXGK_WORKERS: '1' });
      const two = await cli(['--format', format, dir], tmp, { ZFXXGK_WORKERS: '2' });
      expect(two.code).toBe(1);
      expect(two.code).toBe(one.code);
      expect(two.stderr).toBe(one.stderr);
      expect(two.stdout).toBe(one.stdout);
    }
  }, 120_000);

  it('a worker thread that dies does not hang the run: the main thread finishes the batch with the same output', async () => {
    const dir = folder('dying-workers');
    const seed = readSeed();
    const wrong = broken();
    for (let i = 0; i < 120; i++) fs.writeFileSync(path.join(dir, `r${String(i).padStart(3, '0')}.txt`), i % 3 === 0 ? wrong : seed);
    const one = await cli(['--format', 'json', dir], tmp, { ZFXXGK_WORKERS: '1' });
    const started = Date.now();
    // Every worker is ended as soon as it starts (a preload, test/helpers/dyingWorkers.cjs).
    const preload = path.resolve(__dirname, '..', 'helpers', 'dyingWorkers.cjs');
    const dying = await cli(['--format', 'json', dir], tmp, { ZFXXGK_WORKERS: '2', NODE_OPTIONS: `--require ${preload}`, ZFXXGK_WORKER_STALL_MS: '300' });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(dying.code).toBe(one.code);
    expect(dying.stdout).toBe(one.stdout);
  }, 60_000);

  it('reports an unreadable file with a clear message and exit 2, and still checks the others', async () => {
    const dir = folder('unreadable');
    fs.writeFileSync(path.join(dir, 'good.txt'), broken());
    fs.symlinkSync('loop.txt', path.join(dir, 'loop.txt')); // a symlink to itself: ELOOP on every read
    const locked = path.join(dir, 'locked.txt');
    fs.writeFileSync(locked, readSeed());
    fs.chmodSync(locked, 0o000);
    const canStillRead = (() => {
      try {
        fs.readFileSync(locked);
        return true; // running as root: permissions do not stop us
      } catch {
        return false;
      }
    })();
    const run = await cli(['--format', 'json', path.join(dir, 'loop.txt'), locked, path.join(dir, 'good.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('无法读取');
    expect(run.stderr).toContain('loop.txt');
    if (!canStillRead) expect(run.stderr).toContain('locked.txt');
    const checked = files(run);
    expect(checked).toContain('good.txt');
    const good = (JSON.parse(run.stdout) as { file: string; diagnostics: Diagnostic[] }[]).find((r) => r.file.endsWith('good.txt'))!;
    expect(good.diagnostics.some((d) => d.severity === 1)).toBe(true);
    fs.chmodSync(locked, 0o644);
  });

  it('refuses a file over the size limit with a clear message (zh and en) and exit 2; the others are checked', async () => {
    const dir = folder('huge');
    fs.writeFileSync(path.join(dir, 'a-report.txt'), readSeed());
    const huge = path.join(dir, 'huge.txt');
    const fd = fs.openSync(huge, 'w');
    const block = Buffer.from('这是一行很长的日志。'.repeat(1000) + '\n');
    for (let written = 0; written <= 21 * 1024 * 1024; written += block.length) fs.writeSync(fd, block);
    fs.closeSync(fd);
    const zh = await cli(['--format', 'json', dir]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/huge\.txt 有 2\d\.\d MB，超过 20\.0 MB 的上限/);
    expect(files(zh)).toEqual(['a-report.txt']);
    const en = await cli(['--locale', 'en', huge, path.join(dir, 'a-report.txt')]);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/huge\.txt is 2\d\.\d MB, over the 20\.0 MB limit/);
    expect(en.stdout).toContain('1 file');
  }, 60_000);
});

describe('--fix is atomic', () => {
  /** A fixable report padded with prose to a few MB, so the write takes long enough to be caught. */
  function bigFixable(): string {
    const padding = '本机关持续做好政府信息公开工作，及时回应社会关切。\n'.repeat(25_000);
    return broken().replace('一、总体情况', `一、总体情况\n${padding}`);
  }

  it('a reader polling the file during --fix only ever sees the whole old or the whole new text', async () => {
    const dir = folder('atomic-read');
    const file = path.join(dir, 'report.txt');
    const original = bigFixable();
    fs.writeFileSync(file, original);
    const originalBytes = fs.readFileSync(file);
    const seen = new Set<string>();
    const child = spawn(process.execPath, [cliJs, '--fix', file], { stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    let running = true;
    void exited.then(() => (running = false));
    let reads = 0;
    while (running) {
      const now = fs.readFileSync(file);
      reads++;
      seen.add(now.equals(originalBytes) ? 'old' : now.length === 0 ? 'EMPTY' : `other:${now.length}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(await exited).toBe(0);
    const fixed = fs.readFileSync(file, 'utf8');
    expect(fixed).not.toBe(original);
    expect(fixed.length).toBe(original.length); // 5 → 3: one digit for one digit
    const fixedBytes = fs.readFileSync(file);
    // Every observation was one of the two complete texts.
    for (const s of seen) if (s !== 'old') expect(s).toBe(`other:${fixedBytes.length}`);
    expect(reads).toBeGreaterThan(5);
    expect(fs.readdirSync(dir)).toEqual(['report.txt']); // no temporary file left behind
  }, 60_000);

  it('killed while writing, it leaves the original intact (or the complete fixed file), never half a file', async () => {
    const dir = folder('atomic-kill');
    const file = path.join(dir, 'report.txt');
    const original = bigFixable();
    fs.writeFileSync(file, original);
    const fixedText = await (async () => {
      const copy = path.join(folder('atomic-reference'), 'report.txt');
      fs.writeFileSync(copy, original);
      expect((await cli(['--fix', copy])).code).toBe(0);
      return fs.readFileSync(copy, 'utf8');
    })();
    let caughtWriting = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      fs.writeFileSync(file, original);
      for (const f of fs.readdirSync(dir)) if (f !== 'report.txt') fs.rmSync(path.join(dir, f));
      const child = spawn(process.execPath, [cliJs, '--fix', file], { stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      // Kill it the moment its temporary file appears: mid-write.
      let done = false;
      void exited.then(() => (done = true));
      while (!done) {
        if (fs.readdirSync(dir).some((f) => f.includes('.zfxxgk-'))) {
          child.kill('SIGKILL');
          caughtWriting++;
          break;
        }
        await new Promise((r) => setImmediate(r));
      }
      await exited;
      const now = fs.readFileSync(file, 'utf8');
      expect(now === original || now === fixedText).toBe(true);
    }
    expect(caughtWriting).toBeGreaterThan(0);
  }, 120_000);
});
