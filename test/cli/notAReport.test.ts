// Issue 15, item 4: an empty file, or a file that is not a report named directly, gets one finding
// ("文件为空" / "看起来不是政府信息公开年报…"), not six section-missing errors. The engine says it
// (rules/sectionMissing.ts), so the CLI and the editor (a document forced to the report language,
// test/server/push.test.ts) say the same. In a folder such files are skipped, as before.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/build';
import { putFile, runCli, type CliRun } from '../helpers/cliRun';

let tmp: string;
let cliJs: string;

const cli = (args: string[]): Promise<CliRun> => runCli(cliJs, args, { cwd: tmp });
/** The problem lines of a text-format run (not the summary). */
const problems = (out: string) => out.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));

const NOTES = '会议纪要\n\n今天讨论了三件事。\n一、天气\n二、午饭\n';
const NOT_A_REPORT_ZH = '看起来不是政府信息公开年报：没有标题、章节标题或统计表';
const NOT_A_REPORT_EN = 'This does not look like a government information disclosure annual report: no title, section headings or tables';

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-not-a-report-'));
  putFile(tmp, 'empty.txt', '');
  putFile(tmp, 'blank.txt', '\n\n   \n');
  putFile(tmp, 'notes.txt', NOTES);
  putFile(tmp, 'folder/notes.txt', NOTES);
  putFile(tmp, 'folder/empty.txt', '');
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a file named directly that is empty or not a report', () => {
  it('an empty file: one error, 文件为空', async () => {
    const run = await cli(['empty.txt', 'blank.txt']);
    expect(problems(run.stdout)).toEqual(['empty.txt:1:1: 错误 [section-missing] 文件为空', 'blank.txt:1:1: 错误 [section-missing] 文件为空']);
    expect(run.code).toBe(1);
  });

  it('a text that is not a report: one error saying so, not six missing sections', async () => {
    const run = await cli(['notes.txt']);
    expect(problems(run.stdout)).toEqual([`notes.txt:1:1: 错误 [section-missing] ${NOT_A_REPORT_ZH}`]);
    expect(run.stdout).not.toContain('缺少第');
    expect(run.code).toBe(1);
  });

  it('in English', async () => {
    const run = await cli(['--locale', 'en', 'empty.txt', 'notes.txt']);
    expect(problems(run.stdout)).toEqual(['empty.txt:1:1: error [section-missing] The file is empty', `notes.txt:1:1: error [section-missing] ${NOT_A_REPORT_EN}`]);
  });

  it('JSON: one diagnostic at 0:0', async () => {
    const run = await cli(['--format', 'json', 'notes.txt']);
    const files = JSON.parse(run.stdout) as { file: string; diagnostics: { code: string; message: string; range: unknown }[] }[];
    const diagnostics = files.flatMap((f) => f.diagnostics);
    expect(diagnostics.map((d) => [d.code, d.message, d.range])).toEqual([['section-missing', NOT_A_REPORT_ZH, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]]);
  });

  it('inside a folder such files are skipped silently, as before', async () => {
    const run = await cli(['folder']);
    expect(problems(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
  });
});
