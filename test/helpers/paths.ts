// Paths shared by the server and CLI tests. Fixtures live in the repo's sibling folder ../shared.
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const fixturesDir = path.resolve(repoRoot, '..', 'shared', 'fixtures');
export const seedsDir = path.join(fixturesDir, 'seeds');
export const serverJs = path.join(repoRoot, 'dist', 'server.js');
export const cliJs = path.join(repoRoot, 'dist', 'cli.js');
