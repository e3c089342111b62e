// Entry point of dist/cli.js (the `zfxxgk` command; esbuild adds the #!/usr/bin/env node banner).
import * as path from 'node:path';
import { isatty } from 'node:tty';
import { pathToFileURL } from 'node:url';
import pkg from '../../../package.json';
import { run } from './run';
import { SyncOut } from './stdout';
import { isCliWorker, serveAsWorker } from './workers';

// Piping into `head` closes stdout early: stop quietly instead of throwing EPIPE.
const stdout = new SyncOut(1, () => process.exit(process.exitCode ?? 0), isatty(1));

if (isCliWorker()) {
  serveAsWorker(); // a worker thread of a large batch (workers.ts), not a second CLI run
} else {
  void run(
    process.argv.slice(2),
    {
      stdout: (text) => stdout.write(text),
      // What went to stdout before a message goes out first (the order a terminal shows them in).
      stderr: (text) => (stdout.flush(), process.stderr.write(text)),
      stderrIsTTY: process.stderr.isTTY === true,
    },
    {
      version: pkg.version,
      docsBaseUri: pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).href + '/',
      workerScript: __filename,
    },
  ).then(
    (code) => {
      stdout.flush();
      process.exitCode = code;
    },
    (err: unknown) => {
      stdout.flush();
      throw err;
    },
  );
}
