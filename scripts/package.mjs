// `npm run package`: builds the .vsix with vsce (its vscode:prepublish step makes the production
// bundles in dist/), then reports its size and file count — and fails if anything outside
// scripts/package-files.mjs got in (sources, tests, node_modules, source maps).
//   node scripts/package.mjs [-o out.vsix]
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unexpectedFiles, VSIX_README } from './package-files.mjs';
import { inflateRawSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const oIndex = process.argv.indexOf('-o');
const out = path.resolve(root, oIndex > 0 ? process.argv[oIndex + 1] : `${pkg.name}-${pkg.version}.vsix`);

const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const r = spawnSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--readme-path', VSIX_README, '-o', out],
  { cwd: root, stdio: 'inherit' },
);
if (r.status !== 0) process.exit(r.status ?? 1);

/** Entries of a zip file from its central directory: name, compressed and uncompressed size. */
function zipEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip central directory');
    const nameLength = buf.readUInt16LE(p + 28);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** The bytes of one entry (stored or deflated). */
function entryData(buf, e) {
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const raw = buf.subarray(start, start + e.compressed);
  return e.method === 8 ? inflateRawSync(raw) : raw;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const zip = readFileSync(out);
const files = zipEntries(zip).filter((e) => e.name.startsWith('extension/') && !e.name.endsWith('/'));
const names = files.map((e) => e.name.slice('extension/'.length));
const bytes = statSync(out).size;
const unpacked = files.reduce((n, e) => n + e.size, 0);

console.log(`\n${path.relative(process.cwd(), out) || out}: ${kb(bytes)} (${bytes} bytes), ${files.length} files, ${kb(unpacked)} unpacked`);
const byFolder = new Map();
for (const e of files) {
  const name = e.name.slice('extension/'.length);
  const folder = name.includes('/') ? name.slice(0, name.indexOf('/') + 1) : name;
  const f = byFolder.get(folder) ?? { files: 0, size: 0, compressed: 0 };
  byFolder.set(folder, { files: f.files + 1, size: f.size + e.size, compressed: f.compressed + e.compressed });
}
for (const [folder, f] of [...byFolder].sort((a, b) => b[1].compressed - a[1].compressed)) {
  console.log(`  ${folder.padEnd(28)} ${String(f.files).padStart(3)} file${f.files === 1 ? ' ' : 's'}  ${kb(f.size).padStart(10)}  → ${kb(f.compressed).padStart(9)}`);
}
// The extension view shows extension/readme.md: the user page, not the developer README.
const readme = files.find((e) => e.name.toLowerCase() === 'extension/readme.md');
const readmeText = readme ? entryData(zip, readme).toString('utf8') : '';
if (!readme || readmeText !== readFileSync(path.join(root, VSIX_README), 'utf8') || /\bnpm\b/.test(readmeText)) {
  console.error(`\nThe package's readme.md must be ${VSIX_README} (the user page, no npm): ${readme ? 'it is not' : 'none found'}`);
  process.exit(1);
}
console.log(`  readme.md = ${VSIX_README} (${kb(Buffer.byteLength(readmeText))}; no "npm")`);
const unexpected = unexpectedFiles(names);
if (unexpected.length) {
  console.error(`\nUnexpected files in the package (see scripts/package-files.mjs):\n  ${unexpected.join('\n  ')}`);
  process.exit(1);
}
