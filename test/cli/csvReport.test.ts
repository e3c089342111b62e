// `--format csv` (issue 14, acceptance 2): UTF-8 with a BOM, one row per finding, RFC 4180 quoting;
// read back with a plain RFC 4180 parser, Chinese intact, and the same findings as --format json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { runCli, type CliRun } from '../helpers/cliRun';
import { fixturesDir } from '../helpers/paths';
import { csvField } from '../../server/src/cli/report/csv';

/** RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold commas, CRLF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === '"') throw new Error(`bare quote in an unquoted field at ${i}`);
    if (c === ',') { record.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); field = ''; record = []; i += 2; continue; }
    if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    field += c; i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length) throw new Error('last record not ended by CRLF');
  return records;
}

let tmp: string;
let cliJs: string;
const real = path.join(fixturesDir, 'real');
const cli = (args: string[]): Promise<CliRun> => runCli(cliJs, args, { cwd: tmp });

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-csv-'));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('--format csv', () => {
  it('the parser of this test is RFC 4180 (quotes, commas, CRLF inside a field)', () => {
    const row = ['a,b', 'say "hi"', 'two\r\nlines', '年报', ''].map(csvField).join(',') + '\r\n';
    expect(parseCsv(row)).toEqual([['a,b', 'say "hi"', 'two\r\nlines', '年报', '']]);
  });

  it('a folder: BOM, a header, one row per finding (the findings of --format json), Chinese intact', async () => {
    const out = path.join(tmp, '检查结果.csv');
    const r = await cli(['--format', 'csv', '--output', out, real]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^已写入 .*检查结果\.csv：20 个文件，\d+ 个错误/);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(['文件', '单位', '年度', '规则', '级别', '行', '列', '说明', '原文件中的位置']);
    for (const row of rows) expect(row).toHaveLength(9);

    const json = JSON.parse((await cli(['--format', 'json', real])).stdout) as { file: string; diagnostics: Diagnostic[] }[];
    const expected = json.flatMap((f) => f.diagnostics.map((d) => [f.file, String(d.code), String(d.range.start.line + 1), String(d.range.start.character + 1), d.message]));
    expect(rows.map((row) => [row[0], row[3], row[5], row[6], row[7]])).toEqual(expected);

    const nyn = rows.filter((row) => row[0].endsWith('2025_nyn.txt'));
    expect(nyn.find((row) => row[3] === 'row-total')).toEqual([
      path.join(real, '2025_nyn.txt'),
      '平潭综合实验区农业农村局',
      '2025',
      'row-total',
      '错误',
      '28',
      '32',
      '一、本年新收政府信息公开申请数量·总计 应为 1：本行各类申请人之和为 1，此处为 0',
      '',
    ]);
    expect(rows.filter((row) => row[0].endsWith('2024_jjf.txt') && row[4] === '错误').map((row) => row[3])).toEqual(['column-total', 'column-total', 'balance', 'balance']);
  });

  it('stdout gives the same sheet as --output; a file name with a comma and quotes is quoted and read back', async () => {
    const odd = path.join(tmp, 'odd');
    fs.mkdirSync(odd, { recursive: true });
    const name = path.join(odd, '农业,农村 "2025".txt');
    fs.copyFileSync(path.join(real, '2025_nyn.txt'), name);
    const r = await cli(['--format', 'csv', name]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`"${name.replace(/"/g, '""')}"`);
    const rows = parseCsv(r.stdout.slice(1)).slice(1);
    expect(rows.length).toBe(7);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set([name]));

    const out = path.join(tmp, 'same.csv');
    await cli(['--format', 'csv', '-o', out, name]);
    expect(fs.readFileSync(out, 'utf8')).toBe(r.stdout);
  });

  it('Word files give their place in the source; a file that cannot be read is a row 未检查 with the reason', async () => {
    const bad = path.join(tmp, '损坏.docx');
    fs.writeFileSync(bad, 'PK\u0003\u0004 not really a zip');
    const r = await cli(['--format', 'csv', path.join(fixturesDir, 'formats', '2025_nyn.docx'), bad]);
    expect(r.code).toBe(2);
    const rows = parseCsv(r.stdout.slice(1)).slice(1);
    const rowTotal = rows.filter((row) => row[3] === 'row-total');
    expect(rowTotal).toHaveLength(4);
    for (const row of rowTotal) expect(row[8]).toMatch(/^表\d+ 第\d+行 第\d+列$/);
    const unread = rows.find((row) => row[0] === bad)!;
    expect(unread[4]).toBe('未检查');
    expect(unread[7]).toContain('损坏.docx');
  });

  it('--locale en: English header and levels', async () => {
    const r = await cli(['--format', 'csv', '--locale', 'en', path.join(real, '2024_jjf.txt')]);
    const [header, ...rows] = parseCsv(r.stdout.slice(1));
    expect(header).toEqual(['file', 'unit', 'year', 'rule', 'severity', 'line', 'column', 'message', 'source place']);
    expect(rows.filter((row) => row[4] === 'error')).toHaveLength(4);
  });
});
