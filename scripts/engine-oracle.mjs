// Differential check for engine refactors: dumps what `analyze()` (and `summarize()`) return for
// every seed, real excerpt, the huaian report, the examples and a few hundred deterministically
// damaged variants (lines deleted / duplicated / swapped, digits changed, characters inserted).
//
//   node scripts/engine-oracle.mjs --write FILE   record the current engine's output
//   node scripts/engine-oracle.mjs --check FILE   compare the current engine with a recording
//
// The engine is bundled from the working tree into a temporary folder (dist/ is not touched).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const esbuild = require('esbuild');
const args = process.argv.slice(2);
const mode = args[0];
const file = args[1];
if (!['--write', '--check'].includes(mode) || !file) {
  console.error('usage: node scripts/engine-oracle.mjs --write|--check FILE [--variants N]');
  process.exit(2);
}
const VARIANTS = args.includes('--variants') ? Number(args[args.indexOf('--variants') + 1]) : 40;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-oracle-'));
esbuild.buildSync({ absWorkingDir: root, bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning', entryPoints: ['server/src/engine/index.ts'], outfile: path.join(work, 'engine.js') });
const engine = require(path.join(work, 'engine.js'));
fs.rmSync(work, { recursive: true, force: true });

const shared = path.resolve(root, '..', 'shared', 'fixtures');
const inputs = [];
for (const dir of [path.join(shared, 'seeds'), path.join(shared, 'real'), path.join(root, 'examples')]) {
  for (const n of fs.readdirSync(dir).sort()) if (/\.(txt|md)$/.test(n)) inputs.push([path.relative(root, path.join(dir, n)), fs.readFileSync(path.join(dir, n), 'utf8')]);
}

// Deterministic PRNG (mulberry32) so every run damages the same way.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const PASTE = ['。', '，', '\t', ' ', '|', '１', '0', '9', '年', '一、', '（二）', '\r\n', '总计', '收到', '件', '2023', '：', '—'];
function damage(text, r) {
  const lines = text.split('\n');
  const ops = 1 + Math.floor(r() * 4);
  for (let k = 0; k < ops; k++) {
    const op = Math.floor(r() * 6);
    const i = Math.floor(r() * lines.length);
    if (op === 0) lines.splice(i, 1);
    else if (op === 1) lines.splice(i, 0, lines[i] ?? '');
    else if (op === 2) {
      const j = Math.floor(r() * lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    } else if (op === 3 || op === 4) {
      // change a digit (several times on one line)
      const l = lines[i] ?? '';
      const ds = [...l.matchAll(/\d/g)];
      if (ds.length) {
        const d = ds[Math.floor(r() * ds.length)];
        lines[i] = l.slice(0, d.index) + String(Math.floor(r() * 10)) + l.slice(d.index + 1);
      }
    } else {
      const l = lines[i] ?? '';
      const at = Math.floor(r() * (l.length + 1));
      lines[i] = l.slice(0, at) + PASTE[Math.floor(r() * PASTE.length)] + l.slice(at);
    }
  }
  return lines.join('\n');
}

const cases = [];
for (const [name, text] of inputs) cases.push([name, text]);
const r = rng(20261122);
for (const [name, text] of inputs) for (let v = 0; v < VARIANTS; v++) cases.push([`${name}#${v}`, damage(text, r)]);
// a few concatenations and CRLF copies
cases.push(['seeds-joined', inputs.filter(([n]) => n.includes('seeds/0')).map(([, t]) => t).join('\n')]);
for (const [name, text] of inputs.slice(0, 8)) cases.push([`${name}@crlf`, text.replace(/\n/g, '\r\n')]);

function dump(text, locale) {
  const a = engine.analyze(text, { locale });
  return {
    isReport: a.isReport,
    internalErrors: a.internalErrors,
    findings: a.findings,
    summary: engine.summarize(text),
  };
}

const out = {};
for (const [name, text] of cases) {
  out[name] = dump(text, 'zh-CN');
  if (name.indexOf('#') < 0 || name.endsWith('#0')) out[`${name}/en`] = dump(text, 'en');
}

if (mode === '--write') {
  fs.writeFileSync(file, JSON.stringify(out));
  console.log(`recorded ${Object.keys(out).length} analyses (${cases.length} texts) to ${file}`);
} else {
  const want = JSON.parse(fs.readFileSync(file, 'utf8'));
  let diff = 0;
  for (const k of Object.keys(want)) {
    const a = JSON.stringify(want[k]);
    const b = JSON.stringify(out[k]);
    if (a !== b) {
      diff++;
      if (diff <= 5) {
        let i = 0;
        while (i < a.length && a[i] === b?.[i]) i++;
        console.log(`DIFF ${k}\n  was: …${a.slice(Math.max(0, i - 200), i + 200)}\n  now: …${(b ?? 'missing').slice(Math.max(0, i - 200), i + 200)}`);
      }
    }
  }
  console.log(`${Object.keys(want).length - diff} identical, ${diff} different`);
  process.exit(diff ? 1 : 0);
}
