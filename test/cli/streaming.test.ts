// The CLI at scale (issue 14, acceptance 3), in the parts a unit test can pin: the related index
// keeps many copies of one unit-year as one report (linear lookups), JSON is streamed a file at a
// time with formatJson's bytes, and the progress line shows only on a terminal, throttled.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/build';
import { summarize } from '../../server/src/engine';
import { formatJson, JsonWriter, type FileResult } from '../../server/src/cli/format';
import { RelatedIndex } from '../../server/src/cli/related';
import { Progress } from '../../server/src/cli/progress';
import { readSeed } from '../helpers/seeds';

const seed = readSeed(); // 宝丰县人民政府办公室 2023
const lastYear = seed.replace('2023 年政府信息公开工作', '2022 年政府信息公开工作');
const uri = (i: number) => `file:///reports/r${i}.txt`;

describe('RelatedIndex', () => {
  it('4,000 copies of two unit-years: each 2023 copy is handed one 2022 report (the first copy), not 2,000', () => {
    const index = new RelatedIndex();
    const s22 = summarize(lastYear);
    const s23 = summarize(seed);
    for (let i = 0; i < 4000; i++) index.set(uri(i), i % 2 ? s23 : s22);
    expect(index.unitYearOf(uri(1))).toEqual({ unit: s23.unit, year: 2023 });
    const related = index.relatedTo(uri(1), s23);
    expect(related).toEqual([{ uri: uri(0), summary: s22 }]);
    expect(index.relatedTo(uri(0), s22)).toEqual([]); // no 2021 report
  });

  it('copies that differ are all handed over (previousYearReport then compares with none); a --fix re-set moves a file', () => {
    const index = new RelatedIndex();
    const other = summarize(lastYear.replace('四、结转下年度继续办理\t\t4', '四、结转下年度继续办理\t\t5'));
    index.set(uri(0), summarize(lastYear));
    index.set(uri(2), summarize(lastYear));
    index.setJson(uri(4), JSON.stringify(other), other.unit, other.year);
    const self = summarize(seed);
    expect(index.relatedTo(uri(1), self).map((r) => r.uri)).toEqual([uri(0), uri(4)]);
    index.set(uri(0), other); // uri(0) rewritten: uri(2) now stands for the first summary
    expect(index.relatedTo(uri(1), self).map((r) => r.uri)).toEqual([uri(2), uri(4)]);
    index.set(uri(2), summarize(seed)); // no longer a 2022 report
    expect(index.relatedTo(uri(1), self).map((r) => r.uri)).toEqual([uri(4)]);
    expect(index.relatedTo(uri(1), {})).toEqual([]);
  });
});

describe('JsonWriter', () => {
  const results: FileResult[] = [
    { file: 'a.txt', diagnostics: [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, message: '第一行\n第二行 "引号"', severity: 1, code: 'row-total' }] },
    { file: 'b.txt', diagnostics: [] },
    { file: 'c.txt', diagnostics: [], changes: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, oldText: '3', newText: '2', rules: ['row-total'] }] },
  ];
  for (const n of [0, 1, 3]) {
    it(`${n} file(s): the same bytes as formatJson`, () => {
      let out = '';
      const w = new JsonWriter((t) => (out += t));
      for (const r of results.slice(0, n)) w.add(r);
      w.finish();
      expect(out).toBe(formatJson(results.slice(0, n)));
    });
  }
});

describe('Progress', () => {
  const run = (write: ((t: string) => void) | undefined, locale: 'zh-CN' | 'en' = 'zh-CN') => {
    let now = 0;
    const p = new Progress(write, locale, 200, 100, () => now);
    return { p, at: (ms: number) => (now = ms) };
  };

  it('nothing in the first second, then at most every 250 ms, 99 % at most; cleared at the end', () => {
    const out: string[] = [];
    const { p, at } = run((t) => out.push(t));
    p.update(10);
    at(999);
    p.update(20);
    expect(out).toEqual([]);
    at(1000);
    p.update(100);
    at(1100);
    p.update(150); // too soon
    at(1250);
    p.update(200);
    p.clear();
    p.clear(); // once only
    expect(out).toEqual(['\rzfxxgk: 检查中 50%（100 个文件）\x1b[K', '\rzfxxgk: 检查中 99%（100 个文件）\x1b[K', '\r\x1b[K']);
  });

  it('in English with --locale en; nothing at all when stderr is not a terminal', () => {
    const out: string[] = [];
    const en = run((t) => out.push(t), 'en');
    en.at(5000);
    en.p.update(50);
    expect(out).toEqual(['\rzfxxgk: checking 25% (100 files)\x1b[K']);
    const none = run(undefined);
    none.at(5000);
    none.p.update(50);
    none.p.clear(); // no writer: nothing to call
  });
});

describe('stdout into a pipe (cli/stdout.ts)', () => {
  let dir: string;
  let cliJs: string;
  beforeAll(async () => {
    ({ cliJs } = await ensureBuilt());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-cli-pipe-'));
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, `r${i}.txt`), seed.replace('二、上年结转政府信息公开申请数量\t\t0', '二、上年结转政府信息公开申请数量\t\t9'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a slow reader gets all of a large JSON output, in order; one that stops early (head) ends the run quietly', () => {
    const slow = spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(cliJs)} --format json . | (sleep 1; cat)`], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    const parsed = JSON.parse(slow.stdout) as { file: string }[];
    expect(parsed).toHaveLength(300);
    expect(slow.stderr).toBe('');
    const head = spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(cliJs)} . | head -n 2; true`], { cwd: dir, encoding: 'utf8' });
    expect(head.stdout.split('\n').filter((l) => l.includes('.txt:'))).toHaveLength(2);
    expect(head.stderr).toBe('');
  }, 60_000);
});
