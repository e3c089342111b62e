// Packages the .vsix from a staging copy: production bundles are built straight into the copy, so
// the repository's dist/ is never replaced while other tests use it. Same files and manifest as
// `npm run package` (the list comes from `vsce ls`), minus the prepublish step that was done here.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './build-suite.mjs';
import { VSIX_README } from '../package-files.mjs';

/** The files `npm run package` would ship (vsce ls applies .vscodeignore), minus dist/ (built here). */
function shippedFiles(vsce) {
  const r = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies', '--readme-path', VSIX_README], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce ls failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('dist/'));
}

/** Builds `<stagingDir>/../zfxxgk.vsix`-style output at `vsix`; returns its path. */
export function packageVsix(stagingDir, vsix) {
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--outdir', path.join(stagingDir, 'dist')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`production build failed:\n${build.stdout}\n${build.stderr}`);
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  for (const file of shippedFiles(vsce)) {
    const from = path.join(root, file);
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(stagingDir, file)), { recursive: true });
    cpSync(from, path.join(stagingDir, file));
  }
  cpSync(path.join(root, '.vscodeignore'), path.join(stagingDir, '.vscodeignore'));
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.scripts?.['vscode:prepublish'];
  writeFileSync(path.join(stagingDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  mkdirSync(path.dirname(vsix), { recursive: true });
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--readme-path', VSIX_README, '-o', vsix],
    { cwd: stagingDir, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}\n${r.stderr}`);
  return vsix;
}
