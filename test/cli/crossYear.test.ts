// The CLI compares each report with last year's report of the same unit among its inputs
// (carryover, valid-count-continuity): two copies of a seed as consecutive years of one unit.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putFile, runCli, type CliRun } from '../helpers/cliRun';
import type { Diagnostic } from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { changeCell, readSeed } from '../helpers/seeds';

let tmp: string;
let cliJs: string;

function cli(args: string[]): Promise<CliRun> {
  return runCli(cliJs, args, { cwd: tmp });
}

const put = (name: string, content: string) => putFile(tmp, name, content);

const seed = readSeed(); // 宝丰县人民政府办公室 2023: 上年结转 0, 结转下年度 4 (自然人, 总计)
const lastYear = seed.replace('2023 年政府信息公开工作', '2022 年政府信息公开工作');
const forwardLine = lastYear.split('\n').findIndex((l) => l.startsWith('四、结转下年度'));

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-cli-x-'));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('carryover from the command line', () => {
  it("both years given: warns on this year's 上年结转 (自然人 and 总计), naming last year's file; warnings keep exit code 0", async () => {
    const prev = put('a/宝丰2022.txt', lastYear);
    const cur = put('a/宝丰2023.txt', seed);
    const r = await cli([prev, cur]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const warnings = r.stdout.split('\n').filter((l) => l.includes('[carryover]'));
    const carried = changeCell(seed, '二、上年结转', 0, '0');
    expect(warnings).toEqual([
      `${cur}:${carried.line + 1}:${carried.character + 1}: 警告 [carryover] 二、上年结转·自然人 为 0，但上一年度报告（宝丰2022.txt）的 四、结转下年度继续办理·自然人 为 4`,
      expect.stringMatching(new RegExp(`^${cur}:${carried.line + 1}:\\d+: 警告 \\[carryover\\] 二、上年结转·总计 为 0`)),
    ]);
  });

  it('JSON: the related information is a location in the other file', async () => {
    const prev = put('b/宝丰2022.txt', lastYear);
    const cur = put('b/宝丰2023.txt', seed);
    const r = await cli(['--format', 'json', cur, prev]);
    const results = JSON.parse(r.stdout) as { file: string; diagnostics: Diagnostic[] }[];
    const found = results.find((x) => x.file === cur)!.diagnostics.filter((d) => d.code === 'carryover');
    expect(found).toHaveLength(2);
    const rel = found[0].relatedInformation![0];
    expect(rel.location.uri).toBe(pathToFileURL(path.join(tmp, prev)).href);
    expect(rel.location.range.start.line).toBe(forwardLine);
    expect(lastYear.split('\n')[forwardLine].slice(rel.location.range.start.character, rel.location.range.end.character)).toBe('4');
    // Last year's report has no report of 2021 beside it: nothing to compare there.
    expect(results.find((x) => x.file === prev)!.diagnostics.filter((d) => d.code === 'carryover')).toEqual([]);
  });

  it('a folder of one unit\'s reports is compared too; this year alone is not', async () => {
    put('c/宝丰2022.txt', lastYear);
    const cur = put('c/宝丰2023.txt', seed);
    expect((await cli(['c'])).stdout).toContain('[carryover]');
    expect((await cli([cur])).stdout).not.toContain('[carryover]');
  });

  it('--rule carryover=off silences it', async () => {
    put('d/宝丰2022.txt', lastYear);
    put('d/宝丰2023.txt', seed);
    expect((await cli(['d'])).stdout).toContain('[carryover]');
    expect((await cli(['--rule', 'carryover=off', 'd'])).stdout).not.toContain('[carryover]');
  });
});
