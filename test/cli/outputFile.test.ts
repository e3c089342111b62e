// `--output FILE` (-o): every format writes to FILE what it would print; a folder that cannot be
// written is an error (exit 2) before anything is checked, and nothing is left behind.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/build';
import { runCli, type CliRun } from '../helpers/cliRun';
import { fixturesDir } from '../helpers/paths';

let tmp: string;
let cliJs: string;
const cli = (args: string[]): Promise<CliRun> => runCli(cliJs, args, { cwd: tmp });
const inputs = ['2024_jjf.txt', '2025_nyn.txt'].map((f) => path.join(fixturesDir, 'real', f));

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-out-'));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('--output FILE', () => {
  it.each(['text', 'json', 'sarif'])('--format %s: the file holds what stdout would, same exit code, nothing on stdout', async (format) => {
    const printed = await cli(['--format', format, ...inputs]);
    const out = path.join(tmp, `结果.${format}`);
    const written = await cli(['--format', format, '--output', out, ...inputs]);
    expect(written.code).toBe(printed.code);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe(printed.stderr);
    expect(fs.readFileSync(out, 'utf8')).toBe(printed.stdout);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('html: the page goes to the file, the summary to stderr; an existing file is replaced', async () => {
    const out = path.join(tmp, '检查结果.html');
    fs.writeFileSync(out, 'old');
    const r = await cli(['--format', 'html', '-o', out, ...inputs]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`已写入 ${out}：2 个文件，9 个错误，3 个警告\n其中 2 个问题可用 --fix 自动修正\n`);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
  });

  it('a folder that does not exist: exit 2 with the reason, nothing checked, nothing written', async () => {
    const out = path.join(tmp, 'no-such-folder', 'out.csv');
    const r = await cli(['--format', 'csv', '--output', out, ...inputs]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^zfxxgk: 无法写入 .*out\.csv：ENOENT/);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });

  it('--output needs a value; --help lists the new formats and the option in both languages', async () => {
    const r = await cli(['--output']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('选项 --output 缺少取值');
    const zh = await cli(['--help']);
    expect(zh.stdout).toContain('--format text|json|sarif|html|csv');
    expect(zh.stdout).toContain('-o, --output 文件');
    const en = await cli(['--help', '--locale', 'en']);
    expect(en.stdout).toContain('--format text|json|sarif|html|csv');
    expect(en.stdout).toContain('-o, --output FILE');
    const bad = await cli(['--format', 'xlsx', inputs[0]]);
    expect(bad.stderr).toContain('（可选：text、json、sarif、html、csv）');
  });
});
