// Writes every fixture of the metamorphic tests in every layout to a folder, for reading by eye
// (the converters are test/helpers/layoutVariants.ts; the tests are test/engine/metamorphic.test.ts).
//
//   node scripts/layout-variants.mjs OUTDIR [FIXTURE...]
//
// FIXTURE is a path under ../shared/fixtures (default: the seeds, real reports and edited files
// whose tables are TAB rows, and seed 001 after its pipe rows are turned into TAB rows). Writes
// OUTDIR/<fixture>.<layout>.txt; the gb18030 layout is written as GB18030 bytes.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const esbuild = require('esbuild');

const [outDir, ...named] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node scripts/layout-variants.mjs OUTDIR [FIXTURE...]');
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-layouts-'));
esbuild.buildSync({
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  entryPoints: ['test/helpers/layoutVariants.ts'],
  outfile: path.join(work, 'layoutVariants.js'),
});
const lv = require(path.join(work, 'layoutVariants.js'));
fs.rmSync(work, { recursive: true, force: true });

const fixtures = path.resolve(root, '..', 'shared', 'fixtures');
const DEFAULT = [
  'seeds/000_561a5a868569ec05.txt',
  'seeds/001_9c9e99d681b0e719.txt',
  'seeds/002_55e4d69d8b577f9e.txt',
  'seeds/003_c64f7a519d6f195b.txt',
  'seeds/004_c00c0f458b041d9c.txt',
  'real/2021_scj.txt',
  'real/2022_gwh.txt',
  'real/2023_htp.txt',
  'real/2024_jjf.txt',
  'real/2025_nyn.txt',
  'edited/2022_gwh-blank-for-zero.txt',
  'edited/2022_gwh-phantom-column.txt',
];

fs.mkdirSync(outDir, { recursive: true });
for (const rel of named.length ? named : DEFAULT) {
  const source = fs.readFileSync(path.join(fixtures, rel), 'utf8');
  // A fixture stored as a pipe table (seed 001) is first turned into TAB rows.
  const tab = source.includes('\t') ? source : lv.pipeToTab(source).text;
  const base = path.basename(rel, '.txt');
  for (const layout of lv.LAYOUTS) {
    const v = lv.convert(tab, layout);
    const file = path.join(outDir, `${base}.${layout}.txt`);
    fs.writeFileSync(file, layout === 'gb18030' ? v.bytes : v.text);
  }
  console.log(`${base}: ${lv.LAYOUTS.length} layouts`);
}
