// `npm run test:fuzz:long`: the fuzz suite (test/fuzz) with many more runs than in `npm test`.
// FUZZ_RUNS (default 3000 here) and FUZZ_SEED (default: the fixed CI seed) can be set to explore.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS || '3000' };
console.log(`fuzz: ${env.FUZZ_RUNS} runs per property, seed ${env.FUZZ_SEED || 'fixed (CI)'}`);
const run = spawnSync(process.execPath, ['test/run-vitest.mjs', 'test/fuzz', '--testTimeout=600000'], { cwd: root, env, stdio: 'inherit' });
process.exit(run.status ?? 1);
