// Checking a large batch of files on every core: worker threads running this same bundle
// (dist/cli.js), fed chunks of paths. run.ts stays synchronous: the main thread sleeps on an
// Atomics counter the workers bump, and takes their answers with receiveMessageOnPort.
//
// Two rounds, mirroring run.ts's sequential path exactly:
//   1. read + looksLikeReport + summarize every file (for the cross-file rules' index);
//   2. read again + analyze + toDiagnostics every file, given the related reports the main thread
//      picked; each result goes to run.ts as soon as it (and those before it) is done.
// The main thread keeps only the index (one summary per distinct report, a uri per file): no
// text, no diagnostics. Only for checking (no --fix: fixing rewrites summaries in order) and the
// text/json formats.
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
 * A worker's young generation (V8's default is 3 × 16 MB per thread): each file's garbage dies
 * young, and a smaller nursery keeps a 100,000-file run's RSS ~100 MB lower at no measurable cost.
 */
const YOUNG_MB = 12;
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

/** Round 1, per file: what the main thread needs for the index, and nothing else. */
export interface Surveyed {
  read: ReadOutcome;
  looksLikeReport: boolean;
  /**
   * For reports, and for every readable file named on the command line (its own side of the
   * comparison): its summary as JSON (a string crosses threads cheaply; the index parses it only
   * for a summary it has not seen), and its unit and year.
   */
  summaryJson?: string;
  unit?: string;
  year?: number;
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
  /** The related reports of the chunk, each once (many files share last year's report). */
  reports: engine.RelatedReport[];
  /** `related`: indexes into `reports`. */
  items: { path: string; explicit: boolean; uri: string; related: number[] }[];
  options: engine.AnalyzeOptions;
  docsBaseUri?: string;
}
type Task = SurveyTask | CheckTask;

function outcome(read: ReturnType<typeof readTextFile>): ReadOutcome {
  if (read.ok) return { ok: true };
  return read.kind === 'unreadable' ? { ok: false, kind: 'unreadable', why: read.why } : read.kind === 'too-large' ? { ok: false, kind: 'too-large', bytes: read.bytes } : { ok: false, kind: 'binary' };
}

// Round 2 reads each file again (from the OS's cache): keeping round 1's texts until round 2 held
// every file of the batch in memory (~8 KB each, 800 MB for 100,000 reports).
export function survey(item: { path: string; explicit: boolean }): Surveyed {
  const read = readTextFile(item.path);
  if (!read.ok) return { read: outcome(read), looksLikeReport: false };
  const looks = engine.looksLikeReport(read.file.text);
  try {
    if (looks || item.explicit) {
      const summary = engine.summarize(read.file.text);
      return { read: { ok: true }, looksLikeReport: looks, summaryJson: JSON.stringify(summary), unit: summary.unit, year: summary.year };
    }
  } catch {
    // Checked on its own below.
  }
  return { read: { ok: true }, looksLikeReport: looks };
}

export function check(item: { path: string; explicit: boolean; uri: string; related: engine.RelatedReport[] }, options: engine.AnalyzeOptions, docsBaseUri?: string): Checked {
  const read = readTextFile(item.path);
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

function runTask(task: Task): unknown[] {
  if (task.kind === 'survey') return task.items.map((item) => survey(item));
  return task.items.map((item) => check({ ...item, related: item.related.map((k) => task.reports[k]) }, task.options, task.docsBaseUri));
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
      results = runTask(msg.task);
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

interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  /** The task it is working on, and since when. */
  busy?: { id: number; task: Task };
  since: number;
  dead: boolean;
}

interface Pool {
  counter: Int32Array;
  workers: PoolWorker[];
}

/** `threads` workers running `script` (this bundle), started once for both rounds. */
function startPool(script: string, threads: number): Pool {
  const signal = new SharedArrayBuffer(4);
  const workers: PoolWorker[] = [];
  for (let i = 0; i < threads; i++) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(script, { workerData: { role: ROLE, port: port2, signal }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
    worker.unref();
    const w: PoolWorker = { worker, port: port1, since: 0, dead: false };
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
 * Runs tasks 0 … count−1 on the pool, each made when a worker is free to take it (`makeTask`), and
 * hands their results to `onResults` in task order as they come (a task finished early waits for
 * the ones before it: at most a few per worker). Synchronous: the main thread has nothing else to
 * do meanwhile. A task a worker could not finish (the worker died) is run on the main thread
 * instead, so results never go missing.
 */
function runPool(pool: Pool, count: number, makeTask: (id: number) => Task, onResults: (id: number, results: unknown[]) => void): void {
  const { counter, workers } = pool;
  const waiting = new Map<number, unknown[]>();
  let nextOut = 0;
  const deliver = (id: number, results: unknown[]) => {
    waiting.set(id, results);
    for (let r; (r = waiting.get(nextOut)) !== undefined; nextOut++) {
      waiting.delete(nextOut);
      onResults(nextOut, r);
    }
  };
  let next = 0;
  const give = (w: PoolWorker) => {
    if (w.dead || next >= count) return;
    const id = next++;
    const task = makeTask(id);
    w.busy = { id, task };
    w.since = Date.now();
    w.port.postMessage({ id, task });
  };
  workers.forEach(give);
  let seen = Atomics.load(counter, 0);
  while (nextOut < count) {
    // Sleep until a worker reports (or 1 s passes: then look for dead workers).
    Atomics.wait(counter, 0, seen, Math.min(1000, stallMs()));
    seen = Atomics.load(counter, 0);
    let progressed = false;
    for (const w of workers) {
      if (w.dead) continue; // given up on: its task is (or will be) run here, answer or not
      let msg;
      while ((msg = receiveMessageOnPort(w.port))) {
        const { id, results, error } = msg.message as { id: number; results: unknown[]; error?: string };
        const task = w.busy!.task;
        w.busy = undefined;
        progressed = true;
        give(w); // before delivering: the worker works while this thread writes the output
        deliver(id, error ? runTask(task) : results);
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
          const { id, task } = w.busy;
          w.busy = undefined;
          deliver(id, runTask(task));
        }
      }
      // When all are dead, everything left: run here.
      if (workers.every((w) => w.dead)) {
        while (next < count) {
          const id = next++;
          deliver(id, runTask(makeTask(id)));
        }
      }
    }
  }
}

/**
 * Both rounds for a whole batch, with the cross-file index (`index`, which may already hold other
 * files' summaries: Word/PDF sources read on the main thread) filled in between exactly as run.ts
 * fills it. `onChecked` gets each target's result in order, as soon as it and those before it are
 * done; nothing of a checked file is kept here. `onProgress`: files surveyed + files checked.
 */
export function checkAllInWorkers<T extends { path: string; explicit: boolean }>(
  script: string,
  threads: number,
  targets: readonly T[],
  uriOf: (t: T) => string,
  index: RelatedIndex,
  options: engine.AnalyzeOptions,
  docsBaseUri: string | undefined,
  onChecked: (target: T, checked: Checked) => void,
  onProgress?: (done: number) => void,
): void {
  const pool = startPool(script, threads);
  try {
    checkAll(pool, targets, uriOf, index, options, docsBaseUri, onChecked, onProgress);
  } finally {
    stopPool(pool);
  }
}

function checkAll<T extends { path: string; explicit: boolean }>(
  pool: Pool,
  targets: readonly T[],
  uriOf: (t: T) => string,
  index: RelatedIndex,
  options: engine.AnalyzeOptions,
  docsBaseUri: string | undefined,
  onChecked: (target: T, checked: Checked) => void,
  onProgress?: (done: number) => void,
): void {
  const chunks = Math.ceil(targets.length / CHUNK);
  const slice = (id: number) => targets.slice(id * CHUNK, (id + 1) * CHUNK);
  let done = 0;
  // Round 1: each report's summary into the index; a file named on the command line that is not
  // a report keeps its unit and year (its own side of the comparison).
  const selves = new Map<T, { unit?: string; year?: number }>();
  runPool(
    pool,
    chunks,
    (id) => ({ kind: 'survey', items: slice(id).map((t) => ({ path: t.path, explicit: t.explicit })) }),
    (id, results) => {
      const items = slice(id);
      (results as Surveyed[]).forEach((s, k) => {
        if (s.summaryJson === undefined) return;
        if (s.looksLikeReport) index.setJson(uriOf(items[k]), s.summaryJson, s.unit, s.year);
        else selves.set(items[k], { unit: s.unit, year: s.year });
      });
      onProgress?.((done += items.length));
    },
  );
  // Round 2: each chunk's related reports picked when a worker takes it.
  runPool(
    pool,
    chunks,
    (id) => {
      const reports: engine.RelatedReport[] = [];
      const at = new Map<engine.RelatedReport['summary'], number>();
      const items = slice(id).map((t) => {
        const uri = uriOf(t);
        const self = index.unitYearOf(uri) ?? selves.get(t);
        const related = (self ? index.relatedTo(uri, self) : []).map((r) => {
          let k = at.get(r.summary);
          if (k === undefined || reports[k].uri !== r.uri) at.set(r.summary, (k = reports.push(r) - 1));
          return k;
        });
        return { path: t.path, explicit: t.explicit, uri, related };
      });
      return { kind: 'check', reports, items, options, docsBaseUri };
    },
    (id, results) => {
      const items = slice(id);
      (results as Checked[]).forEach((c, k) => onChecked(items[k], c));
      onProgress?.((done += items.length));
    },
  );
}
