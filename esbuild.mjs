// Bundles the three entry points into dist/:
//   client/src/extension.ts → dist/client.js  (VS Code extension; 'vscode' stays external)
//   server/src/lsp/main.ts  → dist/server.js  (language server, started by the client over IPC)
//   server/src/cli/main.ts  → dist/cli.js     (command line, `#!/usr/bin/env node`, executable)
//
// Usage: node esbuild.mjs [--production] [--watch] [--outdir DIR]
//   --production  minify, no source maps (used by `npm run package`)
//   --watch       rebuild on change (development)
//   --outdir DIR  write the bundles to DIR instead of dist/ (the real-editor tests package a .vsix
//                 from a staging copy, so they never replace dist/ under a running test)
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 ? path.resolve(process.argv[outdirArg + 1]) : path.join(root, 'dist');

const entries = [
  { name: 'client', entry: 'client/src/extension.ts', outfile: path.join(outdir, 'client.js'), external: ['vscode'] },
  { name: 'server', entry: 'server/src/lsp/main.ts', outfile: path.join(outdir, 'server.js'), external: [] },
  {
    name: 'cli',
    entry: 'server/src/cli/main.ts',
    outfile: path.join(outdir, 'cli.js'),
    external: [],
    banner: '#!/usr/bin/env node',
    executable: true,
  },
];

const missing = entries.filter((e) => !existsSync(path.join(root, e.entry)));
if (missing.length > 0) {
  for (const e of missing) console.error(`[esbuild] missing entry point for ${e.name}: ${e.entry}`);
  process.exit(1);
}

// Start from an empty dist/ so a production build never ships stale source maps.
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

/** Marks the CLI executable after every (re)build and reports errors in a readable way. */
function afterBuild(e) {
  return {
    name: 'after-build',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) {
          console.error(`[esbuild] ${e.name}: ${result.errors.length} error(s)`);
          return;
        }
        if (e.executable) chmodSync(e.outfile, 0o755);
        if (watch) console.log(`[esbuild] ${e.name} rebuilt → ${e.outfile}`);
      });
    },
  };
}

function options(e) {
  return {
    absWorkingDir: root,
    entryPoints: [e.entry],
    outfile: e.outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: e.external,
    banner: e.banner ? { js: e.banner } : undefined,
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    legalComments: production ? 'none' : 'inline',
    plugins: [afterBuild(e)],
  };
}

if (watch) {
  for (const e of entries) {
    const ctx = await esbuild.context(options(e));
    await ctx.watch();
  }
  console.log('[esbuild] watching for changes… (Ctrl+C to stop)');
} else {
  const started = Date.now();
  try {
    await Promise.all(entries.map((e) => esbuild.build(options(e))));
  } catch {
    // esbuild has already printed the errors.
    process.exit(1);
  }
  console.log(
    `[esbuild] built ${entries.map((e) => path.relative(root, e.outfile)).join(', ')} ` +
      `(${production ? 'production' : 'development'}, ${Date.now() - started} ms)`,
  );
}
