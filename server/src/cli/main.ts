// Entry point of dist/cli.js (the `zfxxgk` command; esbuild adds the #!/usr/bin/env node banner).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../../package.json';
import { run } from './run';
import { isCliWorker, serveAsWorker } from './workers';

// Piping into `head` closes stdout early: stop quietly instead of throwing EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

if (isCliWorker()) {
  serveAsWorker(); // a worker thread of a large batch (workers.ts), not a second CLI run
} else {
  void run(
    process.argv.slice(2),
    {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      stderrIsTTY: process.stderr.isTTY === true,
    },
    {
      version: pkg.version,
      docsBaseUri: pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).href + '/',
      workerScript: __filename,
    },
  ).then((code) => {
    process.exitCode = code;
  });
}
