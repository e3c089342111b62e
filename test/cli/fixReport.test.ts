// Issue 15 items 5 and 10: `--fix` says what it changed (file:line:col: 已修正 3 → 2 [row-total]),
// `--dry-run` says it without writing; a missing path is said once, exits 2, and prints no
// "0 个文件，0 个错误" summary that would read as a pass; --help and the README list the same levels.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../server/src/engine';
import { describeChanges } from '../../server/src/cli/changes';
import { ensureBuilt } from '../helpers/build';
import { runCli, type CliRun } from '../helpers/cliRun';
import { fixturesDir, repoRoot } from '../helpers/paths';
import { allSeeds, changeCell, readSeed } from '../helpers/seeds';

let tmp: string;
let cliJs: string;
let serial = 0;

function cli(args: string[]): Promise<CliRun> {
  return runCli(cliJs, args, { cwd: tmp });
}

function put(content: string, name = `report-${++serial}.txt`): string {
  const full = path.join(tmp, name);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return name;
}

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-fixreport-'));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const mistakes = () => fs.readFileSync(path.join(repoRoot, 'examples', 'mistakes-2023.txt'), 'utf8');

describe('--fix lists its changes', () => {
  it('prints file:line:col: 已修正 old → new [rule] for each change, then what is left', async () => {
    const file = put(mistakes());
    const r = await cli(['--fix', file]);
    expect(r.code).toBe(1); // group-total (a suggestion) and section-missing remain
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain(`${file}:51:26: 已修正 3 → 2 [row-total]`);
    expect(lines).toContain(`${file}:72:1: 已修正 五、存在问题及改进情况 → 五、存在的主要问题及改进情况 [section-title]`);
    // The change lines come before the file's remaining problems, and the summary counts them.
    expect(lines.findIndex((l) => l.includes('已修正 3 → 2'))).toBeLessThan(lines.findIndex((l) => l.includes('[group-total]')));
    expect(lines.at(-1)).toBe('1 个文件，2 个错误，0 个警告（已修正 2 处）');
    expect(fs.readFileSync(path.join(tmp, file), 'utf8')).toContain('五、存在的主要问题及改进情况');
  });

  it('says it in English with --locale en, and the problem matchers do not read change lines as problems', async () => {
    const file = put(mistakes());
    const r = await cli(['--fix', '--locale', 'en', file]);
    expect(r.stdout).toContain(`${file}:51:26: fixed 3 → 2 [row-total]\n`);
    expect(r.stdout).toMatch(/\(fixed 2\)$/m);
    expect(r.stdout).not.toMatch(/已修正|将修正/);
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const zh = await cli(['--fix', put(mistakes())]);
    for (const matcher of pkg.contributes.problemMatchers as { pattern: { regexp: string } }[]) {
      const re = new RegExp(matcher.pattern.regexp);
      for (const line of [...r.stdout.split('\n'), ...zh.stdout.split('\n')].filter((l) => / → /.test(l))) expect(re.test(line), line).toBe(false);
    }
  });

  it('--dry-run prints the same changes at the same places, writes nothing, and reports what would remain', async () => {
    const text = mistakes();
    const file = put(text);
    const before = fs.statSync(path.join(tmp, file));
    const dry = await cli(['--dry-run', file]);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toContain(`${file}:51:26: 将修正 3 → 2 [row-total]\n`);
    expect(dry.stdout).toMatch(/（可修正 2 处，未写入文件）$/m);
    expect(fs.readFileSync(path.join(tmp, file), 'utf8')).toBe(text);
    expect(fs.statSync(path.join(tmp, file)).mtimeMs).toBe(before.mtimeMs);
    const en = await cli(['--dry-run', '--locale', 'en', file]);
    expect(en.stdout).toContain(`${file}:51:26: would fix 3 → 2 [row-total]\n`);
    expect(en.stdout).toMatch(/\(would fix 2; nothing written\)$/m);

    // The real run then prints the same changes (with 已修正) and the same remaining problems.
    const real = await cli(['--fix', file]);
    expect(real.code).toBe(dry.code);
    expect(real.stdout).toBe(dry.stdout.replaceAll('将修正', '已修正').replace('可修正 2 处，未写入文件', '已修正 2 处'));
  });

  it('a blank filled in says （空白）; a change on a line after an edit that changed its length stands where it now is', async () => {
    const seed = readSeed();
    // Two wrong cells on one row line with different lengths: 3 → 10 widens the line.
    const cell = changeCell(seed, '(七) 总计', 0, '10');
    const file = put(cell.text);
    const r = await cli(['--fix', file]);
    for (const line of r.stdout.split('\n').filter((l) => l.includes(' → '))) {
      const m = /^(.+):(\d+):(\d+): 已修正 (.+) → (.+?)( \[[a-z, -]+\])?$/.exec(line);
      expect(m, line).not.toBeNull();
      const written = fs.readFileSync(path.join(tmp, file), 'utf8').split('\n')[Number(m![2]) - 1];
      expect(written.slice(Number(m![3]) - 1).startsWith(m![5] === '（空白）' ? '' : m![5]), line).toBe(true);
    }
    expect(fs.readFileSync(path.join(tmp, file), 'utf8')).toBe(seed);

    // A blank between written cells: the fill-in is determined (its row total says 0).
    const blank = changeCell(seed, '(七) 总计', 1, '');
    const b = put(blank.text);
    const dry = await cli(['--dry-run', b]);
    expect(dry.stdout).toContain(`${b}:${blank.line + 1}:${blank.character + 1}: 将修正 （空白） → 0 [cell-blank]\n`);
  });

  it('--format json carries the changes (0-based ranges in the original text) with the diagnostics', async () => {
    const file = put(mistakes());
    const r = await cli(['--dry-run', '--format', 'json', file]);
    const out = JSON.parse(r.stdout) as { file: string; changes?: { range: { start: { line: number; character: number } }; oldText: string; newText: string; rules: string[] }[] }[];
    expect(out[0].changes).toContainEqual(
      expect.objectContaining({ range: expect.objectContaining({ start: { line: 50, character: 25 } }), oldText: '3', newText: '2', rules: ['row-total'] }),
    );
    const plain = JSON.parse((await cli(['--format', 'json', file])).stdout) as object[];
    expect(plain[0]).not.toHaveProperty('changes');
  });

  it('every change of fix-all names the rule it came from and together they are exactly fix-all (seeds +1, edited and real fixtures)', () => {
    const texts: string[] = [];
    for (const s of allSeeds()) {
      const seed = fs.readFileSync(s, 'utf8');
      for (const [prefix, col] of [['(七) 总计', 0], ['(七) 总计', 3], ['（一）予以公开', 1]] as const) {
        try {
          const lineText = seed.split('\n').find((l) => l.startsWith(prefix));
          if (!lineText) continue;
          const n = Number([...lineText.matchAll(/(?<=\t|^)(\d+)(?=\t|\r|$)/g)][col]?.[1]);
          if (Number.isFinite(n)) texts.push(changeCell(seed, prefix, col, String(n + 1)).text);
        } catch {
          // a seed without that row or column
        }
      }
    }
    for (const dir of ['edited', 'real']) {
      const d = path.join(fixturesDir, dir);
      if (fs.existsSync(d)) for (const n of fs.readdirSync(d).filter((x) => x.endsWith('.txt'))) texts.push(fs.readFileSync(path.join(d, n), 'utf8'));
    }
    let changed = 0;
    for (const text of texts) {
      const fixed = engine.fixAll(text, {});
      const changes = describeChanges(text, fixed, {});
      expect(engine.applyEdits(text, changes.map((c) => ({ start: c.start, end: c.end, newText: c.newText })))).toBe(fixed.text);
      for (const c of changes) {
        expect(c.rules.length, JSON.stringify(c)).toBeGreaterThan(0);
        for (const id of c.rules) expect(engine.ruleIds).toContain(id);
      }
      if (changes.length) changed++;
    }
    expect(changed).toBeGreaterThan(10);
  });
});

describe('a path that is not there', () => {
  it('is said once, exits 2, and prints no summary when nothing was checked', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const r = await cli(['--locale', locale, 'no-such-file.txt']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([locale === 'en' ? 'zfxxgk: no such file or folder: no-such-file.txt' : 'zfxxgk: 找不到文件或文件夹：no-such-file.txt']);
    }
    const fix = await cli(['--fix', 'missing-dir/']);
    expect(fix.code).toBe(2);
    expect(fix.stdout).toBe('');
  });

  it('beside files that were checked: the summary says a path was not checked', async () => {
    const good = put(readSeed());
    const r = await cli(['no-such-file.txt', good]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^1 个文件，0 个错误，0 个警告；另有 1 个路径未能检查（见上文）$/m);
    const en = await cli(['--locale', 'en', 'no-such-file.txt', good]);
    expect(en.stdout).toMatch(/^1 file, 0 errors, 0 warnings; 1 path could not be checked \(see above\)$/m);
  });
});

describe('--rule levels', () => {
  it('--help (zh and en) and both halves of the README list the same levels, and the CLI accepts each', async () => {
    const levels = ['off', 'hint', 'information', 'warning', 'error'];
    for (const locale of ['zh-CN', 'en']) {
      const help = (await cli(['--help', '--locale', locale])).stdout;
      expect(help).toContain(levels.join('|'));
      expect(help).toContain('--dry-run');
    }
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const ruleLines = readme.split('\n').filter((l) => l.startsWith('- `--rule'));
    expect(ruleLines).toHaveLength(2);
    for (const line of ruleLines) {
      const listed = [...line.matchAll(/`(off|hint|information|warning|error)`/g)].map((m) => m[1]);
      expect(listed, line).toEqual(levels);
    }
    const file = put(readSeed());
    for (const level of levels) expect((await cli(['--rule', `cell-blank=${level}`, file])).code, level).toBe(0);
  });
});
