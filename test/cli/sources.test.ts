// Issue 13 on the command line: Word, web page and PDF files checked like their text — the same
// findings, each naming its place in the source (acceptance 1); a mixed folder where every report
// is counted and a scan or a damaged .docx is said, exit 2, the others still checked (acceptance 3);
// --fix never rewrites them, --fix-to-text writes a .txt draft.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { runCli, type CliRun } from '../helpers/cliRun';
import { fixturesDir } from '../helpers/paths';
import { makeDocx, makePdf, para } from '../helpers/sourceFiles';

const REPORTS = ['2021_scj', '2022_gwh', '2023_htp', '2024_jjf', '2025_nyn'];
let tmp: string;
let cliJs: string;
const cli = (args: string[], cwd = tmp): Promise<CliRun> => runCli(cliJs, args, { cwd });
const formats = (name: string) => path.join(fixturesDir, 'formats', name);
type Placed = Diagnostic & { place?: { text: string; format: string } };
const json = (r: CliRun) => JSON.parse(r.stdout) as { file: string; diagnostics: Placed[] }[];
const said = (ds: Placed[]) => ds.map((d) => `${d.code} ${d.severity} ${d.message}`).sort();

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-sources-'));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('acceptance 1: each report’s .docx, .html and .pdf give the findings of its .txt, each naming its place', () => {
  it.each(REPORTS)('%s', async (name) => {
    const txt = await cli(['--format', 'json', path.join(fixturesDir, 'real', `${name}.txt`)]);
    const want = said(json(txt)[0].diagnostics);
    for (const ext of ['docx', 'html', 'pdf']) {
      const r = await cli(['--format', 'json', formats(`${name}.${ext}`)]);
      expect(r.stderr).toBe('');
      const [file] = json(r);
      expect(said(file.diagnostics), ext).toEqual(want);
      for (const d of file.diagnostics) {
        expect(d.place?.format).toBe(ext);
        expect(d.place?.text).toMatch(ext === 'pdf' ? /^第\d+页$/ : /^(表\d+ 第\d+行 第\d+列|第\d+段)$/);
      }
      expect(r.code).toBe(json(txt)[0].diagnostics.some((d) => d.severity === 1) ? 1 : 0);
    }
  });

  it('the text output names the place instead of a line: 文件:表2 第27行 第4列: 错误 [column-total] …', async () => {
    const r = await cli([formats('2024_jjf.docx')]);
    expect(r.stdout).toMatch(/2024_jjf\.docx:表2 第\d+行 第\d+列: 错误 \[column-total\] （七）总计·自然人 应为 3/);
    expect(r.stdout).toMatch(/2024_jjf\.docx:第\d+段: 警告 \[section-title\]/);
    const pdf = await cli(['--locale', 'en', formats('2024_jjf.pdf')]);
    expect(pdf.stdout).toMatch(/2024_jjf\.pdf:page \d+: error \[column-total\]/);
  });

  it('SARIF: a source’s results carry its place as a logical location, no line region and no fix', async () => {
    const r = await cli(['--format', 'sarif', formats('2025_nyn.docx')], tmp);
    const log = JSON.parse(r.stdout);
    const results = log.runs[0].results as { locations: { physicalLocation: { region?: unknown }; logicalLocations: { name: string }[] }[]; fixes?: unknown }[];
    expect(results.length).toBeGreaterThan(0);
    for (const res of results) {
      expect(res.locations[0].physicalLocation.region).toBeUndefined();
      expect(res.locations[0].logicalLocations[0].name).toMatch(/^(表\d+ 第\d+行 第\d+列|第\d+段)$/);
      expect(res.fixes).toBeUndefined();
    }
  });
});

describe('acceptance 3: a folder of .txt, .docx, .html and .pdf files', () => {
  it('checks and counts every report; a scanned PDF and a damaged .docx are said, exit 2, the others still checked', async () => {
    const dir = path.join(tmp, 'mixed');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.copyFileSync(path.join(fixturesDir, 'real', '2022_gwh.txt'), path.join(dir, '2022_gwh.txt'));
    fs.copyFileSync(formats('2023_htp.docx'), path.join(dir, '2023_htp.docx'));
    fs.copyFileSync(formats('2024_jjf.html'), path.join(dir, 'sub', '2024_jjf.html'));
    fs.copyFileSync(formats('2025_nyn.pdf'), path.join(dir, '2025_nyn.pdf'));
    fs.writeFileSync(path.join(dir, '扫描件.pdf'), makePdf([[], []]));
    const docx = fs.readFileSync(formats('2021_scj.docx'));
    fs.writeFileSync(path.join(dir, '损坏.docx'), docx.subarray(0, docx.length >> 1));
    fs.writeFileSync(path.join(dir, '会议通知.docx'), makeDocx(para('关于召开会议的通知') + para('请准时参加。'))); // not a report: skipped
    const before = fs.readdirSync(dir).sort();

    const r = await cli(['mixed']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('扫描件.pdf：是扫描件（2 页都没有文字层');
    expect(r.stderr).toMatch(/损坏\.docx：文件已损坏，无法作为 Word 文档打开/);
    expect(r.stderr).not.toContain('会议通知');
    for (const f of ['2023_htp.docx:', '2024_jjf.html:', '2025_nyn.pdf:']) expect(r.stdout).toContain(f); // 2022_gwh.txt: no findings, counted
    expect(r.stdout).toMatch(/^4 个文件，\d+ 个错误/m);
    expect(fs.readdirSync(dir).sort()).toEqual(before); // nothing written
  });

  it('a .docx named on the command line that is not a report, and an old .doc, are said: exit 2', async () => {
    fs.writeFileSync(path.join(tmp, '通知.docx'), makeDocx(para('关于召开会议的通知')));
    fs.writeFileSync(path.join(tmp, '年报.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const r = await cli(['通知.docx', '年报.doc', formats('2022_gwh.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('通知.docx：看起来不是政府信息公开工作年度报告');
    expect(r.stderr).toContain('年报.doc：是旧版 Word 格式（.doc）');
    expect(r.stdout).toMatch(/^1 个文件，0 个错误/m);
    const en = await cli(['--locale', 'en', '年报.doc']);
    expect(en.stderr).toContain('save it as a Word document (.docx)');
  });
});

describe('--fix and --fix-to-text', () => {
  it('--fix leaves a .docx as it is and says how to get the fixed text', async () => {
    const file = path.join(tmp, 'nyn.docx');
    fs.copyFileSync(formats('2025_nyn.docx'), file);
    const r = await cli(['--fix', 'nyn.docx']);
    expect(r.stderr).toContain('nyn.docx：--fix 不改写 Word、网页和 PDF 文件');
    expect(fs.readFileSync(file).equals(fs.readFileSync(formats('2025_nyn.docx')))).toBe(true);
    expect(fs.existsSync(`${file}.txt`)).toBe(false);
  });

  it('--fix-to-text writes the fixed report as a .txt draft beside the file and reports what remains in it', async () => {
    fs.copyFileSync(formats('2025_nyn.pdf'), path.join(tmp, 'nyn.pdf'));
    const txtRun = await cli(['--fix', '--format', 'json', path.join(fixturesDir, 'real', '2025_nyn.txt')].filter((a) => a !== '--fix'));
    const r = await cli(['--fix-to-text', 'nyn.pdf']);
    const draft = path.join(tmp, 'nyn.pdf.txt');
    expect(r.stdout).toMatch(/nyn\.pdf: 已另存文本草稿 nyn\.pdf\.txt（修正 \d+ 处）/);
    expect(fs.readFileSync(draft).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // What remains is reported in the draft, by line and column; the draft checks the same way again.
    const again = await cli(['--format', 'json', 'nyn.pdf.txt']);
    const remaining = json(again)[0].diagnostics;
    expect(r.stdout.split('\n').filter((l) => l.startsWith('nyn.pdf.txt:')).length).toBe(remaining.length);
    expect(remaining.length).toBeLessThanOrEqual(json(txtRun)[0].diagnostics.length);
  });
});
