// `--format html` (issue 14, acceptance 1): the page for ../shared/fixtures/real, opened in headless
// chromium (Debian's, through playwright-core from the e2e tools cache — installed the way
// scripts/e2e/tools.mjs does when missing): one row per report, 2024_jjf and 2025_nyn show their
// errors, sorting by errors works, a click on 2025_nyn shows its findings and its grid marks the
// wrong cells with the value they should hold, filters work, and no request leaves the page.
// Screenshots: test-results/html-report-*.png.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/build';
import { runCli } from '../helpers/cliRun';
import { fixturesDir, repoRoot } from '../helpers/paths';
import { readSeed } from '../helpers/seeds';
// @ts-expect-error plain ESM scripts without types
import { ensureTools } from '../../scripts/e2e/tools.mjs';
// @ts-expect-error plain ESM scripts without types
import { launchChromium } from '../../scripts/e2e/codeServer.mjs';

interface PwPage {
  goto(url: string): Promise<unknown>;
  on(event: string, cb: (x: never) => void): void;
  locator(selector: string): PwLocator;
  screenshot(o: { path: string; fullPage?: boolean }): Promise<unknown>;
  selectOption(selector: string, value: string): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
  setViewportSize(s: { width: number; height: number }): Promise<void>;
}
interface PwLocator {
  count(): Promise<number>;
  click(): Promise<void>;
  first(): PwLocator;
  nth(i: number): PwLocator;
  filter(o: { hasText: string }): PwLocator;
  locator(selector: string): PwLocator;
  allTextContents(): Promise<string[]>;
  textContent(): Promise<string | null>;
  isVisible(): Promise<boolean>;
  getAttribute(name: string): Promise<string | null>;
  screenshot(o: { path: string }): Promise<unknown>;
}

const real = path.join(fixturesDir, 'real');
const shots = path.join(repoRoot, 'test-results');
let tmp: string;
let browser: { newPage(): Promise<PwPage>; close(): Promise<void> } | undefined;
let page: PwPage;
let pageUrl: string;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  const { cliJs } = await ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-html-'));
  // zfxxgk --format html ../shared/fixtures/real > out.html
  const r = await runCli(cliJs, ['--format', 'html', real], { cwd: tmp });
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^20 个文件，\d+ 个错误/);
  const out = path.join(tmp, 'out.html');
  fs.writeFileSync(out, r.stdout);
  pageUrl = pathToFileURL(out).href;

  const tools = ensureTools({ log: () => {} });
  browser = await launchChromium({ playwrightCore: tools.playwrightCore, chromium: tools.chromium, scratch: tmp, env: { ...process.env, HOME: tmp } });
  page = await browser!.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  page.on('request', (req: { url(): string }) => requests.push(req.url()));
  page.on('console', (msg: { type(): string; text(): string }) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text());
  });
  page.on('pageerror', (err: Error) => problems.push(err.message));
  await page.goto(pageUrl);
  fs.mkdirSync(shots, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const rowOf = (name: string) => page.locator('#report-table tbody tr.report').filter({ hasText: name });
const cell = (row: PwLocator, key: string) => row.locator(`td[data-key="${key}"]`);
const column = (key: string) => page.locator(`#report-table tbody tr.report:not([hidden]) td[data-key="${key}"]`).allTextContents();

describe('the html page of a folder, in chromium', { timeout: 60_000 }, () => {
  it('one row per report, with unit, year, template, counts, status and carry-over; problems per rule', async () => {
    await page.screenshot({ path: path.join(shots, 'html-report-overview.png'), fullPage: false });
    const files = await column('file');
    expect(files).toHaveLength(20);
    expect(new Set(files).size).toBe(20);
    for (const f of ['2021_scj', '2022_gwh', '2023_htp', '2024_jjf', '2025_nyn', '2024_huaian-city_pdftotext-layout']) {
      expect(files).toContain(path.join(real, `${f}.txt`));
    }
    expect(await page.locator('#totals').textContent()).toMatch(/^共 20 份报告：\d+ 份有错误，\d+ 份有警告，\d+ 份通过$/);

    const nyn = rowOf('2025_nyn');
    expect(await cell(nyn, 'unit').textContent()).toBe('平潭综合实验区农业农村局');
    expect(await cell(nyn, 'year').textContent()).toBe('2025');
    expect(await cell(nyn, 'template').textContent()).toBe('2021 版');
    expect(await cell(nyn, 'errors').textContent()).toBe('5');
    expect(await cell(nyn, 'warnings').textContent()).toBe('2');
    expect(await cell(nyn, 'status').textContent()).toBe('有错误');
    expect(await cell(nyn, 'carryover').textContent()).toBe('无上年报告');
    const jjf = rowOf('2024_jjf');
    expect(await cell(jjf, 'errors').textContent()).toBe('4');
    expect(await cell(jjf, 'status').textContent()).toBe('有错误');

    const rules = await page.locator('#rules tbody tr').allTextContents();
    expect(rules.find((t) => t.startsWith('row-total'))).toBe('row-total行合计（H2）41');
    expect(await page.locator('#rules tbody tr[data-rule="column-total"] td.num').first().textContent()).toBe('3');
    expect(await page.locator('#rules svg.bar rect').count()).toBe(await page.locator('#rules tbody tr').count());
  });

  it('sorting by errors: a click sorts high to low, another low to high', async () => {
    const header = page.locator('#report-table thead button[data-key="errors"]');
    await header.click();
    const down = (await column('errors')).map(Number);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThan(down.at(-1)!);
    expect(await page.locator('#report-table thead th[aria-sort="descending"] button').getAttribute('data-key')).toBe('errors');
    await page.screenshot({ path: path.join(shots, 'html-report-sorted-by-errors.png') });
    await header.click();
    const up = (await column('errors')).map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const years = page.locator('#report-table thead button[data-key="year"]');
    await years.click();
    const y = (await column('year')).map((t) => (t === '—' ? -1 : Number(t)));
    expect(y).toEqual([...y].sort((a, b) => b - a));
  });

  it('filters: by status, by rule, by year, by unit', async () => {
    await page.selectOption('#f-status', 'errors');
    const statuses = await column('status');
    expect(statuses.length).toBeGreaterThan(1);
    expect(new Set(statuses)).toEqual(new Set(['有错误']));
    await page.selectOption('#f-status', '');
    await page.selectOption('#f-rule', 'column-total');
    expect((await column('file')).map((f) => path.basename(f)).sort()).toEqual(['2024_jjf.txt', '2025_nyn.txt']);
    await page.selectOption('#f-rule', '');
    await page.selectOption('#f-year', '2025');
    expect((await column('file')).map((f) => path.basename(f))).toEqual(['2025_nyn.txt']);
    expect(await page.locator('#shown').textContent()).toBe('显示 1 / 20 份');
    await page.selectOption('#f-year', '');
    await page.selectOption('#f-unit', '平潭综合实验区经济发展局');
    expect((await column('file')).map((f) => path.basename(f))).toEqual(['2024_jjf.txt']);
    await page.selectOption('#f-unit', '');
    expect(await column('file')).toHaveLength(20);
  });

  it('a click on 2025_nyn shows its findings and its table 三 with the wrong cells marked and the value they should hold', async () => {
    expect(await page.locator('article.detail:not([hidden])').count()).toBe(0);
    await rowOf('2025_nyn').click();
    const detail = page.locator('article.detail:not([hidden])');
    expect(await detail.count()).toBe(1);
    expect(await detail.locator('h3').textContent()).toBe(path.join(real, '2025_nyn.txt'));
    const findings = await detail.locator('table.findings tbody tr').allTextContents();
    expect(findings).toHaveLength(7);
    expect(findings).toContain('28:32错误row-total一、本年新收政府信息公开申请数量·总计 应为 1：本行各类申请人之和为 1，此处为 0');
    expect(findings.filter((t) => t.includes('column-total'))).toHaveLength(1);

    const wrong = detail.locator('table.grid-t3 td.cell.wrong');
    const marked = await wrong.allTextContents();
    expect(marked.length).toBeGreaterThanOrEqual(3);
    // 一、本年新收·总计 is 0, should be 1; （一）予以公开·总计 is 6, should be 0.
    expect(marked).toContain('0应为 1');
    expect(marked).toContain('6应为 0');
    expect(await detail.locator('table.grid-t3 td.cell.ok').count()).toBeGreaterThan(20);
    expect(await detail.locator('table.grid-t2').count()).toBe(1);
    expect(await detail.locator('table.grid-t4').count()).toBe(1);
    expect(await detail.locator('ul.eqs li').count()).toBeGreaterThanOrEqual(3);
    await detail.screenshot({ path: path.join(shots, 'html-report-2025_nyn.png') });
    await detail.locator('table.grid-t3').screenshot({ path: path.join(shots, 'html-report-2025_nyn-table3.png') });

    // Another report replaces it.
    await rowOf('2024_jjf').click();
    expect(await page.locator('article.detail:not([hidden]) h3').textContent()).toBe(path.join(real, '2024_jjf.txt'));
    expect(await page.locator('article.detail:not([hidden]) table.grid-t3 td.cell.wrong').count()).toBeGreaterThanOrEqual(1);
  });

  it('no request leaves the page (only the file itself), no CSP violation or script error', async () => {
    expect(requests).toEqual([pageUrl]);
    expect(problems).toEqual([]);
  });
});

describe('the html page as a file', () => {
  it('self-contained: a strict CSP, one nonce’d style and script, nothing that loads (src, href, url(), @import); text from reports escaped', async () => {
    const { cliJs } = await ensureBuilt();
    const dir = path.join(tmp, 'esc');
    fs.mkdirSync(dir, { recursive: true });
    // A report with markup in a table cell (and in its file name): escaped on the page, never markup.
    const lines = fs.readFileSync(path.join(real, '2025_nyn.txt'), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('（二）部分公开'));
    lines[at] = lines[at].replace(/\t0\t0\t0$/, '\t<script>alert(1)</script>\t0\t0');
    fs.writeFileSync(path.join(dir, '<b>x&y".txt'), lines.join('\n'));
    const out = path.join(dir, '页.html');
    // The details are spooled in the temporary folder while the files are checked: none left after.
    const spoolDir = fs.mkdtempSync(path.join(tmp, 'tmpdir-'));
    const r = await runCli(cliJs, ['--format', 'html', '-o', out, dir], { cwd: tmp, env: { TMPDIR: spoolDir } });
    expect(fs.readdirSync(spoolDir)).toEqual([]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^已写入 .*页\.html：1 个文件/);
    const html = fs.readFileSync(out, 'utf8');
    const nonce = /<script nonce="([0-9a-f]{32})">/.exec(html)![1];
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-${nonce}&#39;; script-src &#39;nonce-${nonce}&#39;;`);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<style\b/g)).toHaveLength(1);
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).not.toMatch(/\s(src|href|style|srcset|action)=/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('此处为「&lt;script&gt;alert(1)&lt;/script&gt;」');
    expect(html).toContain('<td class="cell invalid" data-cell="t3:r2:4"');
    expect(html).toContain('&lt;b&gt;x&amp;y&quot;.txt');
  });

  it('a Word file: its findings give their place in the file', async () => {
    const { cliJs } = await ensureBuilt();
    const r = await runCli(cliJs, ['--format', 'html', path.join(fixturesDir, 'formats', '2025_nyn.docx')], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<th>原文件中的位置</th>');
    const places = [...r.stdout.matchAll(/<tr class="sev1"><td class="num">\d+:\d+<\/td><td>([^<]*)<\/td><td>错误<\/td><td><code>row-total<\/code>/g)].map((m) => m[1]);
    expect(places).toHaveLength(4);
    for (const p of places) expect(p).toMatch(/^表\d+ 第\d+行 第\d+列$/);
    expect(r.stdout.match(/class="cell wrong"/g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('--locale en: the page in English', async () => {
    const { cliJs } = await ensureBuilt();
    const r = await runCli(cliJs, ['--format', 'html', '--locale', 'en', path.join(real, '2025_nyn.txt'), path.join(real, '2024_jjf.txt')], { cwd: tmp });
    expect(r.stderr).toMatch(/^2 files, 9 errors, 3 warnings/);
    expect(r.stdout).toContain('<html lang="en">');
    expect(r.stdout).toContain('<title>Annual report check results</title>');
    expect(r.stdout).toContain('2 reports: 2 with errors, 0 with warnings, 0 passed');
    expect(r.stdout).toContain('>Carry-over vs last year<');
    expect(r.stdout).toContain('>no report of last year</td>');
    expect(r.stdout).toContain('should be 1');
    expect(r.stdout).not.toMatch(/>(文件|错误|有错误|应为 \d)</);
  });

  it('carry-over against last year: the mismatches the carryover rule finds, with last year’s file', async () => {
    const { cliJs } = await ensureBuilt();
    const dir = path.join(tmp, 'carry');
    fs.mkdirSync(dir, { recursive: true });
    const seed = readSeed(); // 宝丰县人民政府办公室 2023: 上年结转 0, 结转下年度 4 (自然人, 总计)
    fs.writeFileSync(path.join(dir, '宝丰2023.txt'), seed);
    fs.writeFileSync(path.join(dir, '宝丰2022.txt'), seed.replace('2023 年政府信息公开工作', '2022 年政府信息公开工作'));
    const r = await runCli(cliJs, ['--format', 'html', dir], { cwd: tmp });
    const carry = [...r.stdout.matchAll(/<tr class="report [^"]*" id="r-\d+"[^>]*><td data-key="file" data-v="([^"]*)"[\s\S]*?<td data-key="carryover" data-v="[^"]*" class="carry (\w+)">([^<]*)<\/td>/g)].map((m) => [path.basename(m[1]), m[2], m[3]]);
    expect(carry).toEqual([
      ['宝丰2022.txt', 'none', '无上年报告'],
      ['宝丰2023.txt', 'mismatch', '不一致 2 处（宝丰2022.txt）'],
    ]);
  });
});
