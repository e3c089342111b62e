// Fixture access for the engine tests (../shared beside the repo).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analysis } from '../../server/src/engine';

export const fixturesDir = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures');

function list(dir: string): { name: string; text: string }[] {
  const d = path.join(fixturesDir, dir);
  return fs.readdirSync(d).filter((n) => n.endsWith('.txt')).sort().map((name) => ({ name, text: fs.readFileSync(path.join(d, name), 'utf8') }));
}

export const seeds = list('seeds');
export const reals = list('real');
/** Real reports edited into shapes seen elsewhere (fixtures README: phantom column, blank for zero). */
export const edited = list('edited');
export const huaian = reals.find((r) => r.name.startsWith('2024_huaian'))!;

export const errors = (a: Analysis) => a.findings.filter((f) => f.severity === 'error');
export const ARITHMETIC = new Set(['row-total', 'column-total', 'balance', 'group-total']);
