// The CLI's stdout, written synchronously. process.stdout queues what a pipe cannot take at once
// and writes it from the event loop — which a batch checked on worker threads never gives back
// until the end (run.ts waits on them synchronously), so a streamed 100,000-file JSON output piped
// into another program piled up in memory (~200 MB of queued writes). Here the text is collected
// up to 64 KB (or 200 ms; on a terminal each write goes at once) and written with fs.writeSync,
// waiting while the pipe is full (EAGAIN): memory stays flat and the reader sets the pace. A reader
// that went away (EPIPE: `zfxxgk … | head`) ends the run quietly.
import * as fs from 'node:fs';

const FLUSH_AT = 64 * 1024;
const FLUSH_AFTER_MS = 200;
const nap = new Int32Array(new SharedArrayBuffer(4));

export class SyncOut {
  private pending: string[] = [];
  private size = 0;
  private flushed = Date.now();

  constructor(
    private readonly fd: number,
    /** The reader went away (EPIPE). */
    private readonly onClosed: () => never,
    /** Write each text at once (a terminal: lines appear as files are checked). */
    private readonly immediate = false,
  ) {}

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.immediate || this.size >= FLUSH_AT || Date.now() - this.flushed >= FLUSH_AFTER_MS) this.flush();
  }

  flush(): void {
    this.flushed = Date.now();
    if (this.size === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.size = 0;
    for (let off = 0; off < bytes.length; ) {
      try {
        off += fs.writeSync(this.fd, bytes, off, bytes.length - off);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') Atomics.wait(nap, 0, 0, 2); // the pipe is full: let the reader catch up
        else if (code === 'EPIPE') this.onClosed();
        else throw err;
      }
    }
  }
}
