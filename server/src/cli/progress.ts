// Progress of a long run on stderr, only when stderr is a terminal (never in a pipe, a file or CI
// logs): one line redrawn in place — 「zfxxgk: 检查中 45%（100,000 个文件）」 — at most four times a
// second, first after a second (a short run shows nothing), and wiped before anything else is
// written to stderr and at the end.
import type { Locale } from '../engine';

const text = {
  'zh-CN': (percent: number, files: string) => `zfxxgk: 检查中 ${percent}%（${files} 个文件）`,
  en: (percent: number, files: string) => `zfxxgk: checking ${percent}% (${files} files)`,
};

export const PROGRESS_FIRST_MS = 1000;
export const PROGRESS_EVERY_MS = 250;

export class Progress {
  private shown = false;
  private last = 0;
  private readonly started: number;

  /** `total`: units of work (run.ts: files × 2 with worker threads, a summary and a check each). */
  constructor(
    private readonly write: ((text: string) => void) | undefined,
    private readonly locale: Locale,
    private readonly total: number,
    private readonly files: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** `done` of `total` units finished. */
  update(done: number): void {
    if (!this.write || this.total === 0) return;
    const t = this.now();
    if (t - this.started < PROGRESS_FIRST_MS || t - this.last < PROGRESS_EVERY_MS) return;
    this.last = t;
    const percent = Math.min(99, Math.floor((done / this.total) * 100));
    const line = text[this.locale === 'en' ? 'en' : 'zh-CN'](percent, this.files.toLocaleString('en'));
    this.write(`\r${line}\x1b[K`);
    this.shown = true;
  }

  /** Wipes the line (before other stderr output, and at the end). */
  clear(): void {
    if (!this.shown || !this.write) return;
    this.write('\r\x1b[K');
    this.shown = false;
  }
}
