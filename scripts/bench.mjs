// `npm run bench`: how fast zfxxgk is, each figure next to a baseline measured in the same run.
//
// The baseline is the least any checker must do: read the text, split it into lines and scan
// every number with one regex. Figures (see docs/performance.md for the last recorded run):
//   1. analysis of each typical report (seeds 000–004, the huaian pdftotext report)
//   2. linear growth: 1×, 10×, 100× a report
//   3. the editing loop through the real server process (didChange → publishDiagnostics,
//      zfxxgk.debounceMs = 0): p50/p99 over 500 edits, of a report and of a 2 MB document
//   4. the CLI over a folder of 10,000 reports (files/s, MB/s, peak RSS), next to markdownlint-cli2;
//      100,000 reports (targets: ≤ 60 s, peak RSS ≤ 500 MB); 1,000 vs 4,000 copies of two
//      unit-years of one unit (target: ≤ 5× the time)
//   5. server memory with 50 reports open; bundle sizes; extension activation time
//
// Everything runs on bundles built here by esbuild (production options) into a temporary
// folder, so the shared dist/ is never touched. Options:
//   --quick          fewer repetitions and 1,000 CLI files, no 100,000 (a smoke run, not for the record)
//   --cli-only       only section 4 (the CLI at scale)
//   --json FILE      also write the figures as JSON (default test-results/bench.json)
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const esbuild = require('esbuild');
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver/node');

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : path.join(root, 'test-results', 'bench.json');
const CLI_ONLY = args.includes('--cli-only');
const CLI_FILES = QUICK ? 1000 : 10000;
const CLI_LARGE = QUICK ? 0 : 100000;
/** Issue 14's targets for the large run. */
const LARGE_MAX_S = 60;
const LARGE_MAX_RSS_MB = 500;
const COPIES_MAX_RATIO = 5;
const EDITS = QUICK ? 100 : 500;

const seedsDir = path.resolve(root, '..', 'shared', 'fixtures', 'seeds');
const realDir = path.resolve(root, '..', 'shared', 'fixtures', 'real');
const FIXTURES = [
  ...fs.readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort().map((n) => path.join(seedsDir, n)),
  path.join(realDir, '2024_huaian-city_pdftotext-layout.txt'),
];

const results = { date: new Date().toISOString(), machine: machine(), figures: {} };

// ---- helpers ----------------------------------------------------------------------------------

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

const fmt = (n, digits = 1) => (n >= 100 ? n.toFixed(0) : n.toFixed(digits));
const fmtUs = (ms) => `${fmt(ms * 1000)} µs`;
const fmtMs = (ms) => `${fmt(ms, 2)} ms`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
function heading(title) {
  console.log(`\n== ${title}`);
}
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log('  ' + r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '));
}

const NUMBER = /\d+/g;
/** The baseline on text in memory: split into lines, scan every number with one regex. */
function scanNumbers(text) {
  let count = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    NUMBER.lastIndex = 0;
    while (NUMBER.exec(line) !== null) count++;
  }
  return count;
}

/**
 * Milliseconds per call of each function, measured in alternating batches (so a busy neighbour
 * slows both alike); the median batch. Each batch runs at least `batchMs`.
 */
function compare(fns, { rounds = QUICK ? 7 : 21, batchMs = QUICK ? 20 : 60 } = {}) {
  const per = fns.map(() => []);
  const iters = fns.map((fn) => {
    for (let i = 0; i < 20; i++) fn(); // warm up
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < batchMs / 4) {
      fn();
      n++;
    }
    return Math.max(1, n * 4);
  });
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      for (let i = 0; i < iters[k]; i++) fn();
      per[k].push((performance.now() - t0) / iters[k]);
    });
  }
  return per.map(median);
}

// ---- build ------------------------------------------------------------------------------------

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-bench-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

function build() {
  const common = { absWorkingDir: root, bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: true, legalComments: 'none', logLevel: 'warning' };
  const out = (n) => path.join(work, 'dist', n);
  esbuild.buildSync({ ...common, entryPoints: ['client/src/extension.ts'], outfile: out('client.js'), external: ['vscode'] });
  esbuild.buildSync({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: out('server.js') });
  esbuild.buildSync({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: out('cli.js'), banner: { js: '#!/usr/bin/env node' } });
  esbuild.buildSync({ ...common, minify: false, entryPoints: ['server/src/engine/index.ts'], outfile: path.join(work, 'engine.js') });
  fs.symlinkSync(path.join(root, 'docs'), path.join(work, 'docs'), 'dir');
  return { client: out('client.js'), server: out('server.js'), cli: out('cli.js'), engine: require(path.join(work, 'engine.js')) };
}

// ---- 1. analysis per report ---------------------------------------------------------------------

function benchAnalysis(engine) {
  heading('1. Analysis of a typical report (budget: ≤ 150 µs per seed report in memory; a ratio to the baseline for comparing runs)');
  const rows = [['report', 'chars', 'baseline', 'analysis', 'ratio', 'read+baseline', 'read+analysis', 'ratio']];
  const out = [];
  // Warm the engine up on every report first (~1 s): otherwise the first report measured pays for
  // the JIT's first optimisation rounds and looks slower than it is.
  const texts = FIXTURES.map((f) => fs.readFileSync(f, 'utf8'));
  for (const until = performance.now() + (QUICK ? 300 : 1000); performance.now() < until; ) for (const t of texts) engine.analyze(t);
  for (const file of FIXTURES) {
    const text = fs.readFileSync(file, 'utf8');
    const [base, full, readBase, readFull] = compare([
      () => scanNumbers(text),
      () => engine.analyze(text),
      () => scanNumbers(fs.readFileSync(file, 'utf8')),
      () => engine.analyze(fs.readFileSync(file, 'utf8')),
    ]);
    const name = path.basename(file).replace(/_[0-9a-f]{16}\.txt$|\.txt$/, '').replace('_pdftotext-layout', '');
    out.push({ report: name, chars: text.length, baselineMs: base, analysisMs: full, ratio: full / base, readBaselineMs: readBase, readAnalysisMs: readFull, readRatio: readFull / readBase });
    rows.push([name, text.length, fmtUs(base), fmtUs(full), `${(full / base).toFixed(1)}×`, fmtUs(readBase), fmtUs(readFull), `${(readFull / readBase).toFixed(1)}×`]);
  }
  table(rows);
  const worst = Math.max(...out.map((r) => r.analysisMs));
  console.log(`  slowest analysis ${fmtUs(worst)} per report; ratios ${Math.min(...out.map((r) => r.ratio)).toFixed(1)}–${Math.max(...out.map((r) => r.ratio)).toFixed(1)}× (text in memory), ` +
    `${Math.min(...out.map((r) => r.readRatio)).toFixed(1)}–${Math.max(...out.map((r) => r.readRatio)).toFixed(1)}× (file read included in both)`);
  results.figures.analysis = out;
}

// ---- 2. linear growth ---------------------------------------------------------------------------

function benchGrowth(engine) {
  heading('2. Linear growth (a report repeated 1×, 10×, 100×)');
  const one = fs.readFileSync(FIXTURES[4], 'utf8');
  const rows = [['size', 'chars', 'baseline', 'analysis', 'ratio', 'analysis per 1,000 chars']];
  const out = [];
  for (const k of [1, 10, 100]) {
    const text = Array.from({ length: k }, () => one).join('\n');
    const [base, full] = compare([() => scanNumbers(text), () => engine.analyze(text)], k === 100 ? { rounds: QUICK ? 3 : 7, batchMs: 200 } : {});
    out.push({ times: k, chars: text.length, baselineMs: base, analysisMs: full, ratio: full / base, perKcharMs: (full / text.length) * 1000 });
    rows.push([`${k}×`, text.length, fmtMs(base), fmtMs(full), `${(full / base).toFixed(1)}×`, fmtUs((full / text.length) * 1000)]);
  }
  table(rows);
  const growth = out[2].perKcharMs / out[0].perKcharMs;
  console.log(`  cost per character at 100× is ${growth.toFixed(2)}× that at 1× (1.00 = perfectly linear)`);
  results.figures.growth = out;
}

// ---- LSP client over stdio ----------------------------------------------------------------------

async function startServer(serverJs, settings) {
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = [];
  const logs = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of [...waiters]) if (w.match(p)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
  let settingsReady;
  const ready = new Promise((r) => (settingsReady = r));
  conn.onNotification('window/logMessage', (p) => {
    logs.push(p.message);
    if (p.message.includes('"debounceMs":0')) settingsReady();
  });
  conn.onNotification('zfxxgk/status', () => {});
  conn.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'zfxxgk' ? settings : null)));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification('initialized', {});
  await Promise.race([ready, new Promise((_, rej) => setTimeout(() => rej(new Error('server never applied debounceMs 0')), 10000))]);
  const diagnostics = (uri, version) =>
    new Promise((resolve) => waiters.push({ match: (p) => p.uri === uri && p.version === version, resolve }));
  const stop = async () => {
    try {
      await Promise.race([conn.sendRequest('shutdown').then(() => conn.sendNotification('exit')), new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      /* killed below */
    }
    setTimeout(() => proc.kill(), 500).unref();
    await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
    conn.dispose();
  };
  return { proc, conn, diagnostics, stop };
}

function rssKiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    /* not Linux */
  }
  const ps = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  return Number(ps.stdout.trim()) || NaN;
}

/** Positions of the number cells of tab-separated table lines (where users type). */
function numberCells(text) {
  const cells = [];
  const lines = text.split('\n');
  lines.forEach((l, line) => {
    if (!l.includes('\t')) return;
    for (const m of l.matchAll(/(?<=\t|^)\d+(?=\t|\r|$)/g)) cells.push({ line, character: m.index, length: m[0].length });
  });
  return cells;
}

// ---- 3. editing loop ----------------------------------------------------------------------------

async function benchEditing(bundles) {
  heading(`3. Editing loop through the server process (didChange → publishDiagnostics, debounceMs 0, ${EDITS} edits)`);
  const report = fs.readFileSync(FIXTURES[4], 'utf8');
  const many = [];
  let bytes = 0;
  for (let i = 0; bytes < 2 * 1024 * 1024; i++) {
    const t = fs.readFileSync(FIXTURES[i % 5], 'utf8');
    many.push(t);
    bytes += Buffer.byteLength(t) + 1;
  }
  const big = many.join('\n');
  const rows = [['document', 'size', 'baseline', 'p50', 'p99', 'max', 'p50/baseline']];
  const out = [];
  for (const [name, text] of [['one report', report], [`${many.length} reports`, big]]) {
    const server = await startServer(bundles.server, { debounceMs: 0 });
    const uri = `file:///bench/${name.replace(/\W+/g, '-')}.txt`;
    const opened = server.diagnostics(uri, 1);
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await opened;
    const cells = numberCells(text);
    const lines = text.split('\n');
    const current = new Map();
    const latencies = [];
    let version = 1;
    for (let i = 0; i < EDITS; i++) {
      // Type a digit into a cell somewhere in the document (spread over all its tables).
      const c = cells[(i * 7919) % cells.length];
      const key = `${c.line}:${c.character}`;
      const old = current.get(key) ?? lines[c.line].slice(c.character, c.character + c.length);
      const next = String((Number(old) + 1 + (i % 3)) % 10);
      current.set(key, next);
      const range = { start: { line: c.line, character: c.character }, end: { line: c.line, character: c.character + old.length } };
      version++;
      const done = server.diagnostics(uri, version);
      const t0 = performance.now();
      await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: next }] });
      await done;
      latencies.push(performance.now() - t0);
    }
    const [base] = compare([() => scanNumbers(text)], { rounds: 5, batchMs: 50 });
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const max = Math.max(...latencies);
    out.push({ document: name, bytes: Buffer.byteLength(text), baselineMs: base, p50Ms: p50, p99Ms: p99, maxMs: max, ratio: p50 / base });
    rows.push([name, kib(Buffer.byteLength(text)), fmtMs(base), fmtMs(p50), fmtMs(p99), fmtMs(max), `${(p50 / base).toFixed(1)}×`]);
    await server.stop();
  }
  table(rows);
  results.figures.editing = out;
}

// ---- 4. CLI over 10,000 reports -----------------------------------------------------------------

/** The seed with its table-三 grand total (（七）总计 · 总计) raised by `by`: one row-total error. */
function withWrongTotal(engine, text, by) {
  const cell = engine.analyze(text).report.table3?.rows.get('total')?.cells[6];
  if (!cell || cell.kind !== 'number') throw new Error('bench: a seed has no table-三 grand total');
  return text.slice(0, cell.start) + String(Number(cell.num) + by) + text.slice(cell.end);
}

function writeCorpus(engine, dir, count) {
  const seeds = FIXTURES.slice(0, 5).map((f) => fs.readFileSync(f, 'utf8'));
  const broken = seeds.map((t, i) => withWrongTotal(engine, t, 1 + i));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
    if (i % 1000 === 0) fs.mkdirSync(sub, { recursive: true });
    // Every third report has one wrong number (a total), as real folders have some.
    const text = (i % 3 === 0 ? broken : seeds)[i % seeds.length];
    fs.writeFileSync(path.join(sub, `report-${String(i).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

function timeProcess(cmd, argv, cwd, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, ...env } });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI bundle run as a whole process, with its peak RSS (all threads: one process) in MiB. */
function timeCli(cli, argv, cwd, env = {}) {
  const preload = path.join(work, 'peak-rss.cjs');
  if (!fs.existsSync(preload)) {
    fs.writeFileSync(preload, `process.on('exit', () => { if (require('node:worker_threads').isMainThread && process.env.ZFXXGK_BENCH_PEAK) require('node:fs').writeFileSync(process.env.ZFXXGK_BENCH_PEAK, String(process.resourceUsage().maxRSS)); });`);
  }
  const peakFile = path.join(work, 'peak-rss.txt');
  fs.rmSync(peakFile, { force: true });
  const r = timeProcess(process.execPath, ['-r', preload, cli, ...argv], cwd, { ...env, ZFXXGK_BENCH_PEAK: peakFile });
  return { ...r, peakMiB: Number(fs.readFileSync(peakFile, 'utf8')) / 1024 };
}

/** What the JSON output says: files reported, and files with errors. */
function reported(stdout) {
  const found = JSON.parse(stdout);
  return Array.isArray(found) ? { checked: found.length, withErrors: found.filter((f) => f.diagnostics.some((d) => d.severity === 1)).length } : { checked: NaN, withErrors: NaN };
}

/** `count` reports in `dir`: copies of seed 004 as its unit's 2022 and 2023 reports, alternately. */
function writeCopies(dir, count) {
  const seed = fs.readFileSync(FIXTURES[4], 'utf8');
  const lastYear = seed.replace('2023 年政府信息公开工作', '2022 年政府信息公开工作');
  if (lastYear === seed) throw new Error('bench: seed 004 has no 2023 title');
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `copy-${String(i).padStart(5, '0')}.txt`), i % 2 ? seed : lastYear);
}

function benchCli(bundles) {
  heading(`4. CLI over a folder of ${CLI_FILES.toLocaleString('en')} reports`);
  const dir = path.join(work, 'corpus');
  const bytes = writeCorpus(bundles.engine, dir, CLI_FILES);
  const baselineScript = path.join(work, 'baseline.js');
  fs.writeFileSync(
    baselineScript,
    `const fs=require('fs'),path=require('path');let n=0;const NUM=/\\d+/g;
     (function walk(d){for(const e of fs.readdirSync(d,{withFileTypes:true})){const p=path.join(d,e.name);
       if(e.isDirectory())walk(p);else{for(const l of fs.readFileSync(p,'utf8').split(/\\r\\n|\\r|\\n/)){NUM.lastIndex=0;while(NUM.exec(l))n++;}}}})(process.argv[2]);
     console.log(n);`,
  );
  const runs = QUICK ? 1 : 2;
  const best = (fn) => Array.from({ length: runs }, fn).sort((a, b) => a.ms - b.ms)[0];
  const base = best(() => timeProcess(process.execPath, [baselineScript, dir], work));
  const ours = best(() => timeCli(bundles.cli, ['--format', 'json', dir], work));
  const single = best(() => timeCli(bundles.cli, ['--format', 'json', dir], work, { ZFXXGK_WORKERS: '1' }));
  const { checked, withErrors } = reported(ours.stdout);
  const mdlBin = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  fs.writeFileSync(path.join(dir, '.markdownlint-cli2.jsonc'), '{ "noBanner": true, "noProgress": true }');
  // One run of the reference is enough: it is slower than ours by a wide margin.
  const mdl = fs.existsSync(mdlBin) ? timeProcess(process.execPath, [mdlBin, '**/*.txt'], dir) : undefined;
  const mb = bytes / 1e6;
  const row = (name, r) => [name, fmt(r.ms / 1000, 2) + ' s', fmt(CLI_FILES / (r.ms / 1000), 0), fmt(mb / (r.ms / 1000), 2), `${(r.ms / base.ms).toFixed(1)}×`, r.peakMiB ? `${fmt(r.peakMiB, 0)} MiB` : ''];
  const rows = [['tool (whole process)', 'wall', 'files/s', 'MB/s', 'vs baseline', 'peak RSS'], row('baseline (read, split, scan)', base), row(`zfxxgk --format json (${machine().cores} threads)`, ours), row('zfxxgk, one thread (ZFXXGK_WORKERS=1)', single)];
  if (mdl) rows.push(row('markdownlint-cli2 (reference)', mdl));
  table(rows);
  console.log(`  ${CLI_FILES} files, ${mb.toFixed(1)} MB; zfxxgk reported on ${checked} files, ${withErrors} with errors (exit ${ours.status}); ${machine().cores} cores available`);
  results.figures.cli = {
    files: CLI_FILES,
    megabytes: mb,
    baseline: { ms: base.ms },
    zfxxgk: { ms: ours.ms, filesPerSec: CLI_FILES / (ours.ms / 1000), mbPerSec: mb / (ours.ms / 1000), peakRssMiB: ours.peakMiB, exit: ours.status, reportedFiles: checked, filesWithErrors: withErrors },
    zfxxgkOneThread: { ms: single.ms, filesPerSec: CLI_FILES / (single.ms / 1000), mbPerSec: mb / (single.ms / 1000), peakRssMiB: single.peakMiB },
    markdownlint: mdl && { ms: mdl.ms, filesPerSec: CLI_FILES / (mdl.ms / 1000), mbPerSec: mb / (mdl.ms / 1000) },
  };
  fs.rmSync(dir, { recursive: true, force: true });

  if (CLI_LARGE) benchCliLarge(bundles, baselineScript);
  benchCliCopies(bundles);
}

/** Issue 14: 100,000 reports in ≤ 60 s with a peak RSS ≤ 500 MB (one run each: it takes a while). */
function benchCliLarge(bundles, baselineScript) {
  heading(`4b. CLI over a folder of ${CLI_LARGE.toLocaleString('en')} reports (targets: ≤ ${LARGE_MAX_S} s, peak RSS ≤ ${LARGE_MAX_RSS_MB} MB)`);
  const dir = path.join(work, 'corpus-large');
  const t0 = performance.now();
  const bytes = writeCorpus(bundles.engine, dir, CLI_LARGE);
  console.log(`  corpus written in ${fmt((performance.now() - t0) / 1000, 1)} s (${(bytes / 1e6).toFixed(0)} MB)`);
  const base = timeProcess(process.execPath, [baselineScript, dir], work);
  const ours = timeCli(bundles.cli, ['--format', 'json', dir], work);
  const { checked, withErrors } = reported(ours.stdout);
  ours.stdout = '';
  const s = ours.ms / 1000;
  table([
    ['tool (whole process)', 'wall', 'files/s', 'MB/s', 'vs baseline', 'peak RSS'],
    ['baseline (read, split, scan)', fmt(base.ms / 1000, 2) + ' s', fmt(CLI_LARGE / (base.ms / 1000), 0), fmt(bytes / 1e6 / (base.ms / 1000), 2), '1.0×', ''],
    [`zfxxgk --format json (${machine().cores} threads)`, fmt(s, 2) + ' s', fmt(CLI_LARGE / s, 0), fmt(bytes / 1e6 / s, 2), `${(ours.ms / base.ms).toFixed(1)}×`, `${fmt(ours.peakMiB, 0)} MiB`],
  ]);
  const timeMet = s <= LARGE_MAX_S;
  const rssMet = ours.peakMiB * 1.048576 <= LARGE_MAX_RSS_MB; // MiB → MB
  console.log(`  ${checked} files reported, ${withErrors} with errors (exit ${ours.status}); time ${timeMet ? 'met' : 'NOT met'} (${fmt(s, 1)} s ≤ ${LARGE_MAX_S} s), peak RSS ${rssMet ? 'met' : 'NOT met'} (${fmt(ours.peakMiB * 1.048576, 0)} MB ≤ ${LARGE_MAX_RSS_MB} MB)`);
  results.figures.cliLarge = { files: CLI_LARGE, megabytes: bytes / 1e6, baseline: { ms: base.ms }, zfxxgk: { ms: ours.ms, filesPerSec: CLI_LARGE / s, peakRssMiB: ours.peakMiB, exit: ours.status, reportedFiles: checked, filesWithErrors: withErrors }, timeMet, rssMet };
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Issue 14: many copies of one unit's two consecutive reports stay linear (4,000 ≤ 5× 1,000). */
function benchCliCopies(bundles) {
  heading(`4c. CLI over copies of two unit-years of one unit (target: 4,000 copies ≤ ${COPIES_MAX_RATIO}× the time of 1,000)`);
  const rows = [['copies', 'wall', 'files/s', 'peak RSS']];
  const out = {};
  for (const n of [1000, 4000]) {
    const dir = path.join(work, `copies-${n}`);
    writeCopies(dir, n);
    const runs = QUICK ? 1 : 2;
    const r = Array.from({ length: runs }, () => timeCli(bundles.cli, ['--format', 'json', dir], work)).sort((a, b) => a.ms - b.ms)[0];
    const { checked } = reported(r.stdout);
    if (checked !== n) throw new Error(`bench: ${checked} of ${n} copies reported`);
    out[n] = { ms: r.ms, filesPerSec: n / (r.ms / 1000), peakRssMiB: r.peakMiB };
    rows.push([n.toLocaleString('en'), fmt(r.ms / 1000, 2) + ' s', fmt(n / (r.ms / 1000), 0), `${fmt(r.peakMiB, 0)} MiB`]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  table(rows);
  const ratio = out[4000].ms / out[1000].ms;
  console.log(`  4,000 copies take ${ratio.toFixed(2)}× the time of 1,000: ${ratio <= COPIES_MAX_RATIO ? 'met' : 'NOT met'} (≤ ${COPIES_MAX_RATIO}×)`);
  results.figures.cliCopies = { ...out, ratio, met: ratio <= COPIES_MAX_RATIO };
}

// ---- 5. memory, bundle sizes, activation --------------------------------------------------------

async function benchMemory(bundles) {
  heading('5. Memory, bundle sizes, activation');
  const server = await startServer(bundles.server, { debounceMs: 0 });
  await new Promise((r) => setTimeout(r, 300));
  const idle = rssKiB(server.proc.pid);
  const seeds = FIXTURES.map((f) => fs.readFileSync(f, 'utf8'));
  const waits = [];
  for (let i = 0; i < 50; i++) {
    const uri = `file:///bench/open-${i}.txt`;
    // Distinct texts (a number changed) so nothing can be shared between documents.
    const text = seeds[i % seeds.length].replace(/\t(\d+)\t/, (_, n) => `\t${Number(n) + i}\t`);
    waits.push(server.diagnostics(uri, 1));
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  }
  await Promise.all(waits);
  await new Promise((r) => setTimeout(r, 300));
  const open50 = rssKiB(server.proc.pid);
  await server.stop();
  const bare = spawnSync(process.execPath, ['-e', 'setTimeout(()=>{console.log(require("fs").readFileSync("/proc/self/status","utf8").match(/VmRSS:\\s+(\\d+)/)?.[1]??"")},200)'], { encoding: 'utf8' });
  const nodeRss = Number(bare.stdout.trim()) || NaN;
  const vs = (kb) => (Number.isNaN(nodeRss) ? '' : `${(kb / nodeRss).toFixed(2)}×`);
  const rows = [['process', 'RSS', 'vs baseline']];
  if (!Number.isNaN(nodeRss)) rows.push(['baseline: an empty node process', `${(nodeRss / 1024).toFixed(1)} MiB`, '1.00×']);
  rows.push(['server, initialised, no documents', `${(idle / 1024).toFixed(1)} MiB`, vs(idle)]);
  rows.push(['server with 50 reports open', `${(open50 / 1024).toFixed(1)} MiB`, vs(open50)]);
  table(rows);
  console.log(`  50 open reports cost ${((open50 - idle) / 1024).toFixed(1)} MiB over the idle server`);

  const sizes = Object.fromEntries(['client', 'server', 'cli'].map((k) => {
    const buf = fs.readFileSync(bundles[k]);
    return [k, { bytes: buf.length, gzipBytes: gzipSync(buf).length }];
  }));
  table([['bundle (minified)', 'size', 'gzip'], ...Object.entries(sizes).map(([k, s]) => [`dist/${k}.js`, kib(s.bytes), kib(s.gzipBytes)])]);

  const metricsFile = path.join(root, 'test-results', 'e2e-metrics.json');
  let activationMs;
  try {
    activationMs = JSON.parse(fs.readFileSync(metricsFile, 'utf8')).activationMs;
  } catch {
    /* not measured yet */
  }
  if (typeof activationMs === 'number') console.log(`  extension activation: ${fmt(activationMs, 0)} ms (from ${path.relative(root, metricsFile)}, written by npm run test:e2e)`);
  else console.log('  extension activation: not measured yet — run `npm run test:e2e` (it writes test-results/e2e-metrics.json), then npm run bench again');
  results.figures.memory = { nodeBaselineKiB: nodeRss, idleKiB: idle, open50KiB: open50 };
  results.figures.bundles = sizes;
  results.figures.activationMs = activationMs ?? null;
}

// ---- main ---------------------------------------------------------------------------------------

const m = machine();
console.log(`zfxxgk bench — ${results.date}\n${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, node ${m.node}${QUICK ? '  (--quick: not for the record)' : ''}`);
const bundles = build();
if (!CLI_ONLY) {
  benchAnalysis(bundles.engine);
  benchGrowth(bundles.engine);
  await benchEditing(bundles);
}
benchCli(bundles);
if (!CLI_ONLY) await benchMemory(bundles);
fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n');
console.log(`\nfigures written to ${path.relative(root, jsonOut)}`);
