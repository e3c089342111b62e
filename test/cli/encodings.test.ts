// Files as Windows tools save them: GB18030/GBK with CRLF, UTF-8 with a BOM. The CLI reads them,
// finds the same problems as in the UTF-8 original, and `--fix` writes back the same encoding and
// line ends, byte for byte. Also the pdftotext report: one changed table-三 cell, `--fix` restores it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cliRun';
import type { Diagnostic } from 'vscode-languageserver/node';
import { analyze, applyEdits } from '../../server/src/engine';
import { ensureBuilt } from '../helpers/build';
import { fixturesDir } from '../helpers/paths';
import { allSeeds, changeCell, toCrlf } from '../helpers/seeds';


let tmp: string;
let cliJs: string;
let serial = 0;

function cli(args: string[]): Promise<CliRun> {
  return runCli(cliJs, args, { cwd: tmp });
}

function put(content: Buffer): string {
  const name = `enc-${++serial}.txt`;
  fs.writeFileSync(path.join(tmp, name), content);
  return name;
}

const gb = (text: string) => iconv.encode(text, 'gb18030');

async function diagnostics(file: string): Promise<Diagnostic[]> {
  const r = await cli(['--format', 'json', file]);
  expect(r.stderr).toBe('');
  const parsed = JSON.parse(r.stdout) as { file: string; diagnostics: Diagnostic[] }[];
  return parsed[0].diagnostics.map((d) => ({ ...d, data: undefined }));
}

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-enc-'));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('GB18030 with CRLF', () => {
  it.each(allSeeds().map((p) => [path.basename(p), p]))('%s: the same findings as the UTF-8 original', async (_name, seedPath) => {
    const utf8 = fs.readFileSync(seedPath, 'utf8');
    const crlf = toCrlf(utf8);
    const a = await diagnostics(put(Buffer.from(utf8, 'utf8')));
    const b = await diagnostics(put(gb(crlf)));
    // Same rules, messages and places (line/character do not depend on the line ends).
    expect(b).toEqual(a);
  });

  it('a changed cell is found, and --fix restores the file byte for byte in GB18030 with CRLF', async () => {
    const original = toCrlf(fs.readFileSync(allSeeds()[4], 'utf8'));
    const originalBytes = gb(original);
    // changeCell works on \n lines; convert back to CRLF after the edit.
    const cell = changeCell(original.replace(/\r\n/g, '\n'), '(七) 总计', 0, '5');
    const file = put(gb(toCrlf(cell.text)));
    const check = await cli([file]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${file}:${cell.line + 1}:${cell.character + 1}: 错误 [column-total]`);

    const fix = await cli(['--fix', file]);
    expect(fix.stderr).toBe('');
    expect(fix.code).toBe(0);
    expect(fix.stdout).toMatch(/已修正 1/);
    const after = fs.readFileSync(path.join(tmp, file));
    expect(after.equals(originalBytes)).toBe(true);
    expect(after.includes(Buffer.from('\r\n'))).toBe(true);
    // No temporary file is left beside it.
    expect(fs.readdirSync(tmp).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('GBK bytes (the two-byte subset of GB18030) are read as GB18030 and written back unchanged', async () => {
    const original = fs.readFileSync(allSeeds()[0], 'utf8');
    const bytes = iconv.encode(original, 'gbk');
    expect(bytes.equals(gb(original))).toBe(true); // the seeds use only GBK characters
    const a = analyze(original);
    const c = a.report.table3!.rows.get('r1')!.cells[6];
    const broken = applyEdits(original, [{ start: c.start, end: c.end, newText: String(Number(c.num) + 3) }]);
    const file = put(iconv.encode(broken, 'gbk'));
    const fix = await cli(['--fix', file]);
    expect(fix.code).toBe(0);
    expect(fs.readFileSync(path.join(tmp, file)).equals(bytes)).toBe(true);
  });
});

describe('UTF-8 with a BOM and CRLF', () => {
  it('the same findings as without, and --fix keeps both', async () => {
    const seed = fs.readFileSync(allSeeds()[1], 'utf8');
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const original = Buffer.concat([bom, Buffer.from(toCrlf(seed), 'utf8')]);
    expect(await diagnostics(put(original))).toEqual(await diagnostics(put(Buffer.from(seed, 'utf8'))));
    const t = toCrlf(seed);
    const c = analyze(t).report.table3!.rows.get('new')!.cells[0];
    const broken = applyEdits(t, [{ start: c.start, end: c.end, newText: String(Number(c.num) + 1) }]);
    const file = put(Buffer.concat([bom, Buffer.from(broken, 'utf8')]));
    expect((await cli(['--fix', file])).code).toBe(0);
    expect(fs.readFileSync(path.join(tmp, file)).equals(original)).toBe(true);
  });
});

describe('the pdftotext -layout report (huaian 2024)', () => {
  const huaianPath = path.join(fixturesDir, 'real', '2024_huaian-city_pdftotext-layout.txt');

  it('is clean; a changed table-三 cell is one error on that cell, and --fix restores the file exactly', async () => {
    const original = fs.readFileSync(huaianPath);
    const clean = await cli([put(original)]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^1 个文件，/m);
    expect(clean.stdout.split('\n').filter((l) => l.includes(': 错误') || l.includes(': 警告'))).toEqual([]);

    const text = original.toString('utf8');
    const rows = analyze(text).report.table3!.rows;
    // One cell of each kind: a leaf in the middle of the table, a row total, the （七）总计 row.
    for (const [row, col] of [['r4.1', 0], ['r3.8', 6], ['total', 1]] as const) {
      const c = rows.get(row)!.cells[col];
      const broken = applyEdits(text, [{ start: c.start, end: c.end, newText: String(Number(c.num) + 2) }]);
      const file = put(Buffer.from(broken, 'utf8'));
      const r = await cli(['--format', 'json', file]);
      expect(r.code).toBe(1);
      const diags = (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }[])[0].diagnostics.filter((d) => d.severity === 1);
      expect(diags.length).toBe(1);
      const lines = text.slice(0, c.start).split('\n');
      expect(diags[0].range.start).toEqual({ line: lines.length - 1, character: lines[lines.length - 1].length });
      const fix = await cli(['--fix', file]);
      expect(fix.code).toBe(0);
      expect(fs.readFileSync(path.join(tmp, file)).equals(original)).toBe(true);
    }
  });

  it('also in GB18030 with CRLF', async () => {
    const text = toCrlf(fs.readFileSync(huaianPath, 'utf8'));
    const original = gb(text);
    const c = analyze(text).report.table3!.rows.get('r1')!.cells[0];
    const file = put(gb(applyEdits(text, [{ start: c.start, end: c.end, newText: '1' }])));
    expect((await cli([file])).code).toBe(1);
    expect((await cli(['--fix', file])).code).toBe(0);
    expect(fs.readFileSync(path.join(tmp, file)).equals(original)).toBe(true);
  });
});
