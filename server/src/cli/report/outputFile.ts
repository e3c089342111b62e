// `--output FILE`: what would go to stdout is written to FILE instead, for every format. Written as
// it comes into a temporary file beside FILE, renamed over it at the end — a run that stops half
// way leaves no half-written page or spreadsheet under the name.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export class OutputFile {
  private fd: number | undefined;
  private readonly tmp: string;

  /** Throws (the caller says why) when FILE's folder cannot be written. */
  constructor(readonly file: string) {
    const dir = path.dirname(path.resolve(file));
    this.tmp = path.join(dir, `.${path.basename(file)}.zfxxgk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    this.fd = fs.openSync(this.tmp, 'wx', 0o644);
  }

  write(text: string): void {
    if (this.fd === undefined) return;
    fs.writeSync(this.fd, text);
  }

  /** Moves the finished output into place. */
  finish(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(this.tmp, this.file);
    } catch (err) {
      fs.rmSync(this.tmp, { force: true });
      throw err;
    }
  }

  /** Gives up: the temporary file goes, FILE is left as it was. */
  abandon(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    fs.rmSync(this.tmp, { force: true });
  }
}
