// text-reuse through the CLI (issue 14, acceptance 4): a folder of two consecutive years of one
// unit sharing 60 % of their sentences, and an unrelated pair.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver/node';
import { putFile, runCli, type CliRun } from '../helpers/cliRun';
import { ensureBuilt } from '../helpers/build';
import { readSeed, seedOfLastYear } from '../helpers/seeds';

let tmp: string;
let cliJs: string;

const cli = (args: string[]): Promise<CliRun> => runCli(cliJs, args, { cwd: tmp });
const put = (name: string, content: string) => putFile(tmp, name, content);

const seed = readSeed(); // 宝丰县人民政府办公室 2023: 20 counted prose sentences
const lastYear = seedOfLastYear;

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-cli-reuse-'));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('text-reuse from the command line', () => {
  it('a folder of two consecutive years sharing 60 % of the sentences: information on this year\'s title with the percentage (text and JSON)', async () => {
    put('reuse/宝丰2022.txt', lastYear(8));
    put('reuse/宝丰2023.txt', seed);
    const dir = path.join(tmp, 'reuse');
    const r = await cli([dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.includes('[text-reuse]'));
    const title = seed.split('\n').findIndex((l) => l.startsWith('宝丰县人民政府办公室 2023 年')) + 1;
    expect(title).toBe(3);
    expect(lines).toEqual([`${path.join(dir, '宝丰2023.txt')}:${title}:1: 信息 [text-reuse] 与上一年度报告（宝丰2022.txt）相同的句子占 60%（12/20 句），重复率超过 50%`]);
    const en = await cli(['--format', 'json', '--locale', 'en', dir]);
    const found = (JSON.parse(en.stdout) as { file: string; diagnostics: Diagnostic[] }[]).flatMap((f) => f.diagnostics.filter((d) => d.code === 'text-reuse').map((d) => ({ file: path.basename(f.file), message: d.message, severity: d.severity })));
    expect(found).toEqual([{ file: '宝丰2023.txt', message: "60% of the sentences are the same as in last year's report (宝丰2022.txt) (12 of 20): more than 50 % repeated", severity: 3 }]);
  });

  it('an unrelated pair (last year\'s prose mostly rewritten), or text-reuse turned off: nothing', async () => {
    put('other/宝丰2022.txt', lastYear(15));
    put('other/宝丰2023.txt', seed);
    const r = await cli([path.join(tmp, 'other')]);
    expect(r.stdout).not.toContain('text-reuse');
    const off = await cli(['--rule', 'text-reuse=off', path.join(tmp, 'reuse')]);
    expect(off.stdout).not.toContain('text-reuse');
  });

  it('the batch page has a column with each report\'s share of last year\'s sentences (an unrelated year shows its own, lower share)', async () => {
    put('page/宝丰2022.txt', lastYear(8));
    put('page/宝丰2023.txt', seed);
    const r = await cli(['--format', 'html', path.join(tmp, 'page')]);
    expect(r.code).toBe(0);
    const cells = [...r.stdout.matchAll(/<td data-key="reuse" data-v="([^"]*)"[^>]*>([^<]*)<\/td>/g)].map((m) => m[2]);
    // 2022 has no report of 2021 beside it: —; 2023 repeats 12 of its 20 sentences.
    expect(cells.sort()).toEqual(['60%', '—']);
    expect(r.stdout).toContain('与上年文字重复率');
  });
});
