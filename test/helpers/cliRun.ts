// Runs the bundled CLI (a snapshot of dist/cli.js, see build.ts) in a child process and collects
// its exit code and output. Shared by the CLI tests.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  cliJs: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string>; maxBuffer?: number },
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliJs, ...args],
      {
        cwd: opts.cwd,
        encoding: 'utf8',
        maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024,
        env: opts.env ? { ...process.env, ...opts.env } : process.env,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Writes `content` to `name` under `dir` (creating folders); returns `name`. */
export function putFile(dir: string, name: string, content: string | Buffer): string {
  const full = path.join(dir, name);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return name;
}
