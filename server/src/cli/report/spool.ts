// Text written out of memory as it comes and read back once, in order: the html page's details
// (each report's findings and grids), so a batch of many reports keeps only their small rows in
// memory. A temporary file in the system's temporary folder, removed when read back or dropped.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';

export class Spool {
  private readonly file = path.join(os.tmpdir(), `zfxxgk-${process.pid}-${randomBytes(6).toString('hex')}.spool`);
  private fd: number | undefined = fs.openSync(this.file, 'wx+', 0o600);
  /** A run that ends before drainTo (an exception, process.exit) leaves no file behind. */
  private readonly onExit = () => this.drop();

  constructor() {
    process.once('exit', this.onExit);
  }

  write(text: string): void {
    fs.writeSync(this.fd!, text);
  }

  /** Hands everything written, in order, to `out` in pieces of about 1 MB; then the file goes. */
  drainTo(out: (text: string) => void): void {
    const fd = this.fd!;
    const buf = Buffer.alloc(1 << 20);
    const decoder = new StringDecoder('utf8');
    let pos = 0;
    try {
      for (;;) {
        const n = fs.readSync(fd, buf, 0, buf.length, pos);
        if (n === 0) break;
        pos += n;
        out(decoder.write(buf.subarray(0, n)));
      }
      const rest = decoder.end();
      if (rest) out(rest);
    } finally {
      this.drop();
    }
  }

  drop(): void {
    process.removeListener('exit', this.onExit);
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    fs.rmSync(this.file, { force: true });
  }
}
