// The text output as CI logs and VS Code tasks read it: --quiet, and the problem matchers the
// extension contributes (package.json contributes.problemMatchers) applied to real CLI output the
// way VS Code applies them (RegExp per line, severity word → severity, else the matcher's default).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putFile, runCli, type CliRun } from '../helpers/cliRun';
import type { Diagnostic } from 'vscode-languageserver/node';
import { ensureBuilt } from '../helpers/build';
import { repoRoot } from '../helpers/paths';
import { changeCell, readSeed } from '../helpers/seeds';

interface Matcher {
  name: string;
  owner: string;
  severity?: string;
  fileLocation: unknown;
  pattern: { regexp: string; file: number; line: number; column: number; severity?: number; code: number; message: number };
}
interface Marker {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const matchers = pkg.contributes.problemMatchers as Matcher[];
const matcher = (name: string) => matchers.find((m) => m.name === name)!;

/** VS Code's ProblemMatcher.getSeverity: error / warning|warn / info (any case), E W I, hint|note → info; else the matcher's severity, else error. */
function vscodeSeverity(word: string | undefined, fallback: string | undefined): Marker['severity'] {
  const w = word?.toLowerCase();
  if (w === 'error' || word === 'E') return 'error';
  if (w === 'warning' || w === 'warn' || word === 'W') return 'warning';
  if (w === 'info' || w === 'hint' || w === 'note' || word === 'I') return 'info';
  return (fallback as Marker['severity'] | undefined) ?? 'error';
}

function apply(m: Matcher, output: string): Marker[] {
  const re = new RegExp(m.pattern.regexp);
  const out: Marker[] = [];
  for (const line of output.split(/\r?\n/)) {
    const g = re.exec(line);
    if (!g) continue;
    out.push({
      file: g[m.pattern.file],
      line: Number(g[m.pattern.line]),
      column: Number(g[m.pattern.column]),
      severity: vscodeSeverity(m.pattern.severity ? g[m.pattern.severity] : undefined, m.severity),
      code: g[m.pattern.code],
      message: g[m.pattern.message],
    });
  }
  return out;
}

let tmp: string;
let cliJs: string;

function cli(args: string[]): Promise<CliRun> {
  return runCli(cliJs, args, { cwd: tmp });
}

const put = (name: string, content: string) => putFile(tmp, name, content);

/** What the editor would show: the JSON diagnostics as 1-based markers (the expected answer). */
async function expectedMarkers(args: string[]): Promise<Marker[]> {
  const r = await cli(['--format', 'json', ...args]);
  const severity = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' } as const;
  return (JSON.parse(r.stdout) as { file: string; diagnostics: Diagnostic[] }[]).flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({
      file,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: severity[(d.severity ?? 1) as 1 | 2 | 3 | 4],
      code: String(d.code),
      message: d.message.replace(/\s*\r?\n\s*/g, ' '),
    })),
  );
}

// A report with an error (a changed total), a warning (a reworded heading) and, through --rule,
// an information and a hint: every severity word of both languages appears in the output.
const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
const broken = cell.text.replace('五、存在的主要问题及改进情况', '五、存在问题及改进情况');
const RULES = ['--rule', 'cell-blank=information', '--rule', 'cell-invalid=hint'];
let files: string[];

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-ci-'));
  // a blank cell for the information, a negative count for the hint
  const blank = changeCell(broken, '二、上年结转', 1, '');
  const negative = changeCell(blank.text, '行政规范性文件', 0, '-1');
  files = [put('年报 2023/宝丰.txt', negative.text), put('b.txt', broken)];
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('problem matchers (contributes.problemMatchers)', () => {
  it('are contributed under the names the README uses, owned apart from the live diagnostics', () => {
    expect(matchers.map((m) => m.name)).toEqual(['zfxxgk', 'zfxxgk-error', 'zfxxgk-warning', 'zfxxgk-info']);
    for (const m of matchers) {
      expect(m.owner).toBe('zfxxgk-cli'); // not the language client's 'zfxxgk' collection: a task run must not wipe it
      expect(m.fileLocation).toEqual(['autoDetect', '${workspaceFolder}']);
    }
  });

  it('$zfxxgk reads every problem of the English output with its severity, line, column, rule and message', async () => {
    const expected = await expectedMarkers(['--locale', 'en', ...RULES, ...files]);
    expect(new Set(expected.map((m) => m.severity))).toEqual(new Set(['error', 'warning', 'info']));
    const r = await cli(['--locale', 'en', ...RULES, ...files]);
    expect(r.stdout).toMatch(/: hint \[cell-invalid\]/);
    expect(apply(matcher('zfxxgk'), r.stdout)).toEqual(expected);
  });

  it('$zfxxgk reads every problem of the Chinese output too (severity words 错误/警告/信息/提示 matched)', async () => {
    const expected = await expectedMarkers([...RULES, ...files]);
    const r = await cli([...RULES, ...files]);
    for (const word of ['错误', '警告', '信息', '提示']) expect(r.stdout).toContain(`: ${word} [`);
    const got = apply(matcher('zfxxgk'), r.stdout);
    expect(got.map(({ severity: _s, ...m }) => m)).toEqual(expected.map(({ severity: _s, ...m }) => m));
  });

  it.each(['zh-CN', 'en'])('the three per-severity matchers together give exact severities (%s)', async (locale) => {
    const expected = await expectedMarkers(['--locale', locale, ...RULES, ...files]);
    const r = await cli(['--locale', locale, ...RULES, ...files]);
    const got = ['zfxxgk-error', 'zfxxgk-warning', 'zfxxgk-info'].flatMap((n) => apply(matcher(n), r.stdout));
    const key = (m: Marker) => `${m.file}:${m.line}:${m.column}:${m.code}:${m.message}`;
    expect(got.map((m) => `${key(m)} ${m.severity}`).sort()).toEqual(expected.map((m) => `${key(m)} ${m.severity}`).sort());
  });

  it('match no summary line, no fix line and no line of a clean run', async () => {
    const clean = put('clean.txt', readSeed());
    for (const locale of ['zh-CN', 'en']) {
      const fixme = put('fixme.txt', cell.text);
      const r = await cli(['--locale', locale, '--fix', clean, fixme]);
      expect(r.stdout).toMatch(locale === 'en' ? /^fixme\.txt:\d+:\d+: fixed \d+ → \d+ \[[a-z-]+\]$/m : /^fixme\.txt:\d+:\d+: 已修正 \d+ → \d+ \[[a-z-]+\]$/m);
      expect(r.stdout).toMatch(locale === 'en' ? /\(fixed 1\)/ : /已修正 1 处/);
      for (const m of matchers) expect(apply(m, r.stdout)).toEqual([]);
    }
  });
});

describe('--quiet', () => {
  it('prints the errors only, no summary, and still exits 1', async () => {
    const all = await cli([...RULES, ...files]);
    const quiet = await cli(['--quiet', ...RULES, ...files]);
    expect(quiet.code).toBe(1);
    const errorLines = all.stdout.split('\n').filter((l) => /^.+:\d+:\d+: 错误 \[/.test(l));
    expect(errorLines.length).toBeGreaterThan(0);
    expect(quiet.stdout).toBe(errorLines.join('\n') + '\n');
    const en = await cli(['-q', '--locale', 'en', ...files]);
    expect(en.stdout.trim().split('\n').every((l) => /: error \[/.test(l))).toBe(true);
  });

  it('prints nothing at all for warnings only (exit 0), and keeps warnings out of --format json', async () => {
    const file = put('warn-only.txt', readSeed().replace('五、存在的主要问题及改进情况', '五、存在问题及改进情况'));
    const loud = await cli([file]);
    expect(loud.stdout).toMatch(/警告 \[section-title\]/);
    const quiet = await cli(['--quiet', file]);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    const json = JSON.parse((await cli(['--quiet', '--format', 'json', file])).stdout);
    expect(json).toEqual([{ file, diagnostics: [] }]);
  });

  it('and --format sarif are documented in --help, in Chinese and in English', async () => {
    const zh = await cli(['--help']);
    expect(zh.stdout).toMatch(/-q, --quiet +只报告错误/);
    expect(zh.stdout).toMatch(/--format text\|json\|sarif/);
    expect(zh.stdout).toContain('SARIF 2.1.0');
    const en = await cli(['--help', '--locale', 'en']);
    expect(en.stdout).toMatch(/-q, --quiet +report errors only/);
    expect(en.stdout).toContain('SARIF 2.1.0');
  });
});
