// Paths shared by the server and CLI tests. Fixtures live in the repo's sibling folder ../shared.
// (The bundles under test come from build.ts's ensureBuilt().)
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const fixturesDir = path.resolve(repoRoot, '..', 'shared', 'fixtures');
export const seedsDir = path.join(fixturesDir, 'seeds');
