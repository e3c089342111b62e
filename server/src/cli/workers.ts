// Checking a large batch of files on every core: worker threads running this same bundle
// (dist/cli.js), fed chunks of paths. run.ts stays synchronous: the main thread sleeps on an
// Atomics counter the workers bump, and takes their answers with receiveMessageOnPort.
//
// Two rounds, mirroring run.ts's sequential path exactly:
//   1. read + looksLikeReport + summarize every file (for the cross-file rules' index);
//   2. analyze + toDiagnostics every file, given the related reports the main thread picked.
// Only for checking (no --fix: fixing rewrites summaries in order) and the text/json formats.
import * as os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, isMainThread, workerData, type MessagePort } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver';
import * as engine from '../engine';
import { readTextFile } from './files';
import { checkFile } from './checkFile';
import { RelatedIndex } from './related';

/**
 * Below this many files one thread is as fast or faster: each worker starts cold (loading the
 * bundle, warming the JIT). Measured on 2 cores: 1,000 files 1.15 s on one thread vs 1.44 s on
 * two; 2,000 about even; 10,000 8.2 s vs 6.4 s.
 */
export const MIN_FILES_FOR_WORKERS = 2000;
const MAX_THREADS = 8;
const CHUNK = 50;
const ROLE = 'zfxxgk-cli-worker';
/**
 * A worker that has not answered its task for this long is given up on: its task runs on the main
 * thread. (A worker that dies — out of memory, killed — cannot be noticed otherwise: its 'exit'
 * event would need the event loop, which the synchronous wait below does not give back.)
 * ZFXXGK_WORKER_STALL_MS overrides it (tests).
 */
function stallMs(): number {
  const env = process.env.ZFXXGK_WORKER_STALL_MS;
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : 60_000;
}

/**
 * How many worker threads to use for `files` files (0: check on the main thread). ZFXXGK_WORKERS
 * overrides it for any batch: 0 or 1 is one thread, N ≥ 2 is N workers.
 */
export function workerCount(files: number): number {
  const env = process.env.ZFXXGK_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env) >= 2 ? Math.min(Number(env), MAX_THREADS) : 0;
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (cores < 2 || files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.min(cores, MAX_THREADS);
}

export type ReadOutcome =
  | { ok: true }
  | { ok: false; kind: 'binary' }
  | { ok: false; kind: 'unreadable'; why: string }
  | { ok: false; kind: 'too-large'; bytes: number };

/** Round 1, per file. */
export interface Surveyed {
  read: ReadOutcome;
  looksLikeReport: boolean;
  /** For reports, and for every readable file named on the command line (its own side of the comparison). */
  summary?: engine.ReportSummary;
}

/** Round 2, per file (undefined fields: the file was skipped: not a report, or unreadable now). */
export interface Checked {
  read: ReadOutcome;
  skipped: boolean;
  diagnostics: Diagnostic[];
  internalErrors: string[];
  fixable: number;
  /** The checker threw (a bug): run.ts reports it as it does on its own thread. */
  crash?: string;
}

interface SurveyTask {
  kind: 'survey';
  items: { path: string; explicit: boolean }[];
}
interface CheckTask {
  kind: 'check';
  items: { path: string; explicit: boolean; uri: string; related: engine.RelatedReport[] }[];
  options: engine.AnalyzeOptions;
  docsBaseUri?: string;
}
type Task = SurveyTask | CheckTask;

function outcome(read: ReturnType<typeof readTextFile>): ReadOutcome {
  if (read.ok) return { ok: true };
  return read.kind === 'unreadable' ? { ok: false, kind: 'unreadable', why: read.why } : read.kind === 'too-large' ? { ok: false, kind: 'too-large', bytes: read.bytes } : { ok: false, kind: 'binary' };
}

/** Texts a worker read in round 1, kept for round 2 (which gets the same chunks): read once, as on one thread. */
const kept = new Map<string, ReturnType<typeof readTextFile>>();

export function survey(item: { path: string; explicit: boolean }, keep = false): Surveyed {
  const read = readTextFile(item.path);
  if (keep) kept.set(item.path, read);
  if (!read.ok) return { read: outcome(read), looksLikeReport: false };
  const looks = engine.looksLikeReport(read.file.text);
  let summary: engine.ReportSummary | undefined;
  try {
    if (looks || item.explicit) summary = engine.summarize(read.file.text);
  } catch {
    // Checked on its own below.
  }
  return { read: { ok: true }, looksLikeReport: looks, summary };
}

export function check(item: CheckTask['items'][number], options: engine.AnalyzeOptions, docsBaseUri?: string): Checked {
  const read = kept.get(item.path) ?? readTextFile(item.path);
  kept.delete(item.path);
  if (!read.ok) return { read: outcome(read), skipped: true, diagnostics: [], internalErrors: [], fixable: 0 };
  const text = read.file.text;
  if (!item.explicit && !engine.looksLikeReport(text)) return { read: { ok: true }, skipped: true, diagnostics: [], internalErrors: [], fixable: 0 };
  try {
    const { diagnostics, internalErrors, fixable } = checkFile({ text, uri: item.uri }, { ...options, related: item.related }, docsBaseUri);
    return { read: { ok: true }, skipped: false, diagnostics, internalErrors: [...internalErrors], fixable };
  } catch (err) {
    return { read: { ok: true }, skipped: false, diagnostics: [], internalErrors: [], fixable: 0, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

function runTask(task: Task, inWorker = false): unknown[] {
  if (task.kind === 'survey') return task.items.map((item) => survey(item, inWorker));
  return task.items.map((item) => check(item, task.options, task.docsBaseUri));
}

// ---- the worker side ------------------------------------------------------------------------------

/** True in a worker started by this module; main.ts then serves tasks instead of running the CLI. */
export function isCliWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

export function serveAsWorker(): void {
  const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };
  const counter = new Int32Array(signal);
  port.on('message', (msg: { id: number; task: Task }) => {
    let results: unknown[];
    let error: string | undefined;
    try {
      results = runTask(msg.task, true);
    } catch (err) {
      results = [];
      error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    }
    port.postMessage({ id: msg.id, results, error });
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  });
}

// ---- the main side --------------------------------------------------------------------------------

interface Pool {
  counter: Int32Array;
  workers: { worker: Worker; port: MessagePort; busy?: number; since: number; dead: boolean }[];
}

/** `threads` workers running `script` (this bundle), started once for both rounds. */
function startPool(script: string, threads: number): Pool {
  const signal = new SharedArrayBuffer(4);
  const workers: Pool['workers'] = [];
  for (let i = 0; i < threads; i++) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(script, { workerData: { role: ROLE, port: port2, signal }, transferList: [port2] });
    worker.unref();
    const w = { worker, port: port1, busy: undefined as number | undefined, since: 0, dead: false };
    worker.on('error', () => (w.dead = true));
    worker.on('exit', () => (w.dead = true));
    workers.push(w);
  }
  return { counter: new Int32Array(signal), workers };
}

function stopPool(pool: Pool): void {
  for (const w of pool.workers) void w.worker.terminate();
}

/**
 * Runs `tasks` on the pool and returns their results in task order. Synchronous: the main thread
 * has nothing else to do meanwhile. A task a worker could not finish (the worker died) is run on
 * the main thread instead, so results never go missing.
 */
function runPool(pool: Pool, tasks: Task[], ranOn?: number[]): { results: unknown[][]; ranOn: number[] } {
  const { counter, workers } = pool;
  const results: unknown[][] = new Array(tasks.length);
  const where: number[] = new Array(tasks.length).fill(-1);
  // With `ranOn` (round 2), each task goes to the worker that ran task i of round 1 (it kept the
  // texts); otherwise to whichever worker is free.
  const queues = workers.map((_, k) => (ranOn ? tasks.map((_, i) => i).filter((i) => ranOn[i] === k) : []));
  let next = 0;
  let done = 0;
  const take = (k: number): number | undefined => {
    if (ranOn) return queues[k].shift();
    return next < tasks.length ? next++ : undefined;
  };
  const give = (w: Pool['workers'][number]) => {
    if (w.dead) return;
    const i = take(workers.indexOf(w));
    if (i === undefined) return;
    w.busy = i;
    w.since = Date.now();
    where[i] = workers.indexOf(w);
    w.port.postMessage({ id: i, task: tasks[i] });
  };
  if (ranOn) {
    // Round-1 tasks that ran here (their worker had died): their round-2 tasks run here too.
    ranOn.forEach((k, i) => {
      if (k < 0 && i < tasks.length) {
        results[i] = runTask(tasks[i]);
        done++;
      }
    });
  }
  workers.forEach(give);
  let seen = Atomics.load(counter, 0);
  while (done < tasks.length) {
    // Sleep until a worker reports (or 1 s passes: then look for dead workers).
    Atomics.wait(counter, 0, seen, Math.min(1000, stallMs()));
    seen = Atomics.load(counter, 0);
    let progressed = false;
    for (const w of workers) {
      if (w.dead) continue; // given up on: its task is (or will be) run here, answer or not
      let msg;
      while ((msg = receiveMessageOnPort(w.port))) {
        const { id, results: r, error } = msg.message as { id: number; results: unknown[]; error?: string };
        results[id] = error ? runTask(tasks[id]) : r;
        done++;
        progressed = true;
        w.busy = undefined;
        give(w);
      }
    }
    if (!progressed) {
      const stall = stallMs();
      for (const w of workers) {
        if (!w.dead && w.busy !== undefined && Date.now() - w.since > stall) {
          w.dead = true;
          void w.worker.terminate();
        }
      }
      for (const w of workers) {
        if (w.dead && w.busy !== undefined) {
          results[w.busy] = runTask(tasks[w.busy]);
          done++;
          w.busy = undefined;
        }
      }
      // A dead worker's queue (round 2) and, when all are dead, everything left: run here.
      workers.forEach((w, k) => {
        if (!w.dead) return;
        for (let i; (i = queues[k].shift()) !== undefined; done++) results[i] = runTask(tasks[i]);
      });
      if (workers.every((w) => w.dead)) {
        for (; next < tasks.length; next++, done++) results[next] = runTask(tasks[next]);
      }
    }
  }
  return { results, ranOn: where };
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Round 1 on the workers: one Surveyed per item, in order. */
function surveyInWorkers(pool: Pool, items: { path: string; explicit: boolean }[]): { surveyed: Surveyed[]; ranOn: number[] } {
  const { results, ranOn } = runPool(pool, chunks(items).map((c) => ({ kind: 'survey', items: c }) as Task));
  return { surveyed: results.flat() as Surveyed[], ranOn };
}

/** Round 2 on the workers: one Checked per item, in order. */
function checkInWorkers(pool: Pool, items: CheckTask['items'], ranOn: number[], options: engine.AnalyzeOptions, docsBaseUri?: string): Checked[] {
  return runPool(pool, chunks(items).map((c) => ({ kind: 'check', items: c, options, docsBaseUri }) as Task), ranOn).results.flat() as Checked[];
}

/**
 * Both rounds for a whole batch, with the cross-file index built in between exactly as run.ts
 * builds it: a Checked per target (by identity).
 */
export function checkAllInWorkers<T extends { path: string; explicit: boolean }>(
  script: string,
  threads: number,
  targets: T[],
  uriOf: (t: T) => string,
  options: engine.AnalyzeOptions,
  docsBaseUri?: string,
): Map<T, Checked> {
  const pool = startPool(script, threads);
  try {
    return checkAll(pool, targets, uriOf, options, docsBaseUri);
  } finally {
    stopPool(pool);
  }
}

function checkAll<T extends { path: string; explicit: boolean }>(
  pool: Pool,
  targets: T[],
  uriOf: (t: T) => string,
  options: engine.AnalyzeOptions,
  docsBaseUri?: string,
): Map<T, Checked> {
  const { surveyed, ranOn } = surveyInWorkers(pool, targets.map((t) => ({ path: t.path, explicit: t.explicit })));
  const index = new RelatedIndex();
  targets.forEach((t, i) => {
    const s = surveyed[i];
    if (s.looksLikeReport && s.summary) index.set(uriOf(t), s.summary);
  });
  const items = targets.map((t, i) => {
    const uri = uriOf(t);
    const self = surveyed[i].summary;
    return { path: t.path, explicit: t.explicit, uri, related: self ? index.relatedTo(uri, self) : [] };
  });
  const checked = checkInWorkers(pool, items, ranOn, options, docsBaseUri);
  return new Map(targets.map((t, i) => [t, checked[i]]));
}
