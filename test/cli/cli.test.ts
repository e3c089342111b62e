// The command line, as a user runs it: `node dist/cli.js …` on temporary copies of the seeds.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cliRun';
import type { Diagnostic } from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { repoRoot } from '../helpers/paths';
import { allSeeds, changeCell, readSeed, SEED_004, toCrlf } from '../helpers/seeds';


function cli(args: string[], cwd = tmp): Promise<CliRun> {
  return runCli(cliJs, args, { cwd });
}

let tmp: string;
let cliJs: string;
let serial = 0;

/** Writes `content` to a fresh file in the temp folder and returns its path relative to the temp folder. */
function put(content: string | Buffer, name = `report-${++serial}.txt`): string {
  const full = path.join(tmp, name);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return name;
}

/** Node can decode GB18030 but not encode it: invert the decoder over all two-byte codes (enough for these texts). */
function encodeGb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (table.has(ch)) out.push(...table.get(ch)!);
    else throw new Error(`cannot encode ${ch} in this test`);
  }
  return Buffer.from(out);
}

const ARITHMETIC = /: (错误|警告|error|warning) \[(row-total|column-total|balance)\]/; // a problem line (not a --fix change line)
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-cli-'));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('checking', () => {
  it('passes a clean seed report with exit code 0', async () => {
    const file = put(readSeed());
    const r = await cli([file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 个文件，0 个错误/);
  });

  it('finds no arithmetic error in any seed', async () => {
    const files = allSeeds().map((s) => put(fs.readFileSync(s), `seeds-${serial}/${path.basename(s)}`));
    const r = await cli(files);
    expect(r.stdout).not.toMatch(ARITHMETIC);
    expect(r.stdout).toMatch(new RegExp(`${files.length} 个文件`));
  });

  it('points at a changed cell as file:line:col and exits 1', async () => {
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    const file = put(cell.text);
    const r = await cli([file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const hit = lines.find((l) => l.startsWith(`${file}:${cell.line + 1}:${cell.character + 1}: 错误 [`));
    expect(hit, r.stdout).toBeDefined();
    expect(hit).toMatch(ARITHMETIC);
    expect(lines.some((l) => /^1 个文件，[1-9]\d* 个错误，\d+ 个警告/.test(l))).toBe(true);
    expect(r.stdout).toMatch(/可用 --fix 自动修正/);
  });

  it('prints LSP diagnostics as JSON with 0-based UTF-16 positions', async () => {
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    const file = put(cell.text);
    const r = await cli(['--format', 'json', file]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: Diagnostic[] }[];
    expect(out).toHaveLength(1);
    expect(out[0].file).toBe(file);
    const onCell = out[0].diagnostics.find(
      (d) => d.severity === 1 && d.range.start.line === cell.line && d.range.start.character === cell.character,
    );
    expect(onCell, r.stdout).toBeDefined();
    expect(onCell!.range.end).toEqual({ line: cell.line, character: cell.character + 1 });
    // The line holds Chinese before the cell: a UTF-8 byte column would be larger.
    const lineText = cell.text.split('\n')[cell.line];
    expect(Buffer.byteLength(lineText.slice(0, cell.character), 'utf8')).toBeGreaterThan(cell.character);
    expect(onCell).toMatchObject({ source: 'zfxxgk', code: expect.stringMatching(/^(row-total|column-total|balance)$/) });
  });

  it('speaks English with --locale en', async () => {
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    const file = put(cell.text);
    const r = await cli(['--locale', 'en', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:${cell.line + 1}:${cell.character + 1}: error [`);
    expect(r.stdout).toMatch(/^1 file, [1-9]\d* errors?, \d+ warnings?$/m);
    expect(r.stdout).not.toContain('错误');
  });

  it('checks the reports in a folder, recursively and in sorted order, skipping other text files', async () => {
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    const dir = `folder-${++serial}`;
    put(readSeed(), `${dir}/b-clean.txt`);
    put(cell.text, `${dir}/a/changed.md`);
    put('购物清单\n牛奶 2 盒\n鸡蛋 12 个\n', `${dir}/notes.txt`);
    put(readSeed(), `${dir}/report.json`);
    put(readSeed(), `${dir}/.hidden/old.txt`);
    const r = await cli(['--format', 'json', dir]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string }[];
    expect(out.map((f) => f.file)).toEqual([path.join(dir, 'a', 'changed.md'), path.join(dir, 'b-clean.txt')]);

    const text = await cli([dir]);
    expect(text.stdout).toContain(`${path.join(dir, 'a', 'changed.md')}:${cell.line + 1}:${cell.character + 1}: 错误`);
    expect(text.stdout).not.toContain('notes.txt');
    expect(text.stdout).toMatch(/^2 个文件，/m);
  });

  it('always checks a file named explicitly, even if it does not look like a report', async () => {
    const file = put('购物清单\n牛奶 2 盒\n');
    const r = await cli([file]);
    expect(r.stdout).toMatch(/^1 个文件，/m);
    expect(r.stdout).toContain(`${file}:`); // something is said about it (e.g. missing sections)
  });
});

describe('--fix', () => {
  async function fixRestores(original: Buffer): Promise<void> {
    const text = original.toString('utf8').replace(/^\uFEFF/, '');
    const cell = changeCell(text, '(七) 总计', 0, '5');
    const bom = original.subarray(0, 3).equals(BOM);
    const file = put(Buffer.concat([bom ? BOM : Buffer.alloc(0), Buffer.from(cell.text, 'utf8')]));
    const r = await cli(['--fix', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已修正 [1-9]/);
    expect(r.stdout).not.toMatch(ARITHMETIC);
    expect(fs.readFileSync(path.join(tmp, file)).equals(original)).toBe(true);
  }

  it('restores the original bytes of a report with one changed cell', async () => {
    await fixRestores(fs.readFileSync(SEED_004));
  });

  it('keeps CRLF line endings', async () => {
    await fixRestores(Buffer.from(toCrlf(readSeed()), 'utf8'));
  });

  it('keeps a UTF-8 BOM', async () => {
    await fixRestores(Buffer.concat([BOM, Buffer.from(toCrlf(readSeed()), 'utf8')]));
  });

  it('keeps UTF-16LE (Windows Notepad "Unicode")', async () => {
    const original = Buffer.from('\uFEFF' + toCrlf(readSeed()), 'utf16le');
    const cell = changeCell(toCrlf(readSeed()), '(七) 总计', 0, '5');
    const file = put(Buffer.from('\uFEFF' + cell.text, 'utf16le'));
    const r = await cli(['--fix', file]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(tmp, file)).equals(original)).toBe(true);
  });

  it('reads GB18030 files and rewrites them in GB18030 (more in encodings.test.ts)', async () => {
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    const bytes = encodeGb18030(cell.text);
    const file = put(bytes);
    const check = await cli([file]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${file}:${cell.line + 1}:${cell.character + 1}: 错误`);
    const fix = await cli(['--fix', file]);
    expect(fix.stderr).toBe('');
    expect(fix.code).toBe(0);
    expect(fs.readFileSync(path.join(tmp, file)).equals(encodeGb18030(readSeed()))).toBe(true);
  });

  it('leaves a file with nothing to fix untouched, and leaves no temporary files behind', async () => {
    const dir = `untouched-${++serial}`;
    const file = put(readSeed(), `${dir}/clean.txt`);
    const full = path.join(tmp, file);
    const before = fs.statSync(full);
    const r = await cli(['--fix', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('已修正');
    const after = fs.statSync(full);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);

    put(changeCell(readSeed(), '(七) 总计', 0, '5').text, `${dir}/changed.txt`);
    expect((await cli(['--fix', dir])).code).toBe(0);
    expect(fs.readdirSync(path.join(tmp, dir)).sort()).toEqual(['changed.txt', 'clean.txt']);
  });

  it('keeps the file mode', async () => {
    const file = put(changeCell(readSeed(), '(七) 总计', 0, '5').text);
    fs.chmodSync(path.join(tmp, file), 0o640);
    expect((await cli(['--fix', file])).code).toBe(0);
    expect(fs.statSync(path.join(tmp, file)).mode & 0o777).toBe(0o640);
  });
});

describe('usage and I/O errors', () => {
  it('exits 2 on a bad option value, an unknown option, or no path', async () => {
    for (const args of [['--format', 'xml', 'a.txt'], ['--frobnicate', 'a.txt'], [], ['--locale']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^zfxxgk: /);
      expect(r.stderr).toContain('--help');
      expect(r.stdout).toBe('');
    }
  });

  it('exits 2 for a missing file, but still checks the others', async () => {
    const good = put(readSeed());
    const r = await cli(['no-such-file.txt', good]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-file.txt');
    expect(r.stderr).toContain('找不到');
    expect(r.stdout).toMatch(/^1 个文件，0 个错误/m);
  });

  it('refuses a binary file with a clear message', async () => {
    const bin = put(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), `binary-${++serial}.txt`);
    const r = await cli([bin]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(bin);
    expect(r.stderr).toContain('二进制');
  });

  it('prints help and version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fix');
    expect(help.stdout).toContain('用法');
    const enHelp = await cli(['--help', '--locale', 'en']);
    expect(enHelp.stdout).toContain('Usage');
    const version = await cli(['--version']);
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });
});
