// Packages the .vsix from a staging copy: production bundles are built straight into the copy, so
// the repository's dist/ is never replaced while other tests use it. Same files and manifest as
// `npm run package` (.vscodeignore applies), minus the prepublish step that was done here.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './build-suite.mjs';

const SHIPPED = [
  'package.nls.json',
  'package.nls.zh-cn.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'language-configuration.json',
  '.vscodeignore',
  'docs',
  'images',
  'syntaxes',
  'l10n',
];

/** Builds `<stagingDir>/../zfxxgk.vsix`-style output at `vsix`; returns its path. */
export function packageVsix(stagingDir, vsix) {
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--outdir', path.join(stagingDir, 'dist')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`production build failed:\n${build.stdout}\n${build.stderr}`);
  for (const name of SHIPPED) {
    const from = path.join(root, name);
    if (existsSync(from)) cpSync(from, path.join(stagingDir, name), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.scripts?.['vscode:prepublish'];
  writeFileSync(path.join(stagingDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  mkdirSync(path.dirname(vsix), { recursive: true });
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '-o', vsix],
    { cwd: stagingDir, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}\n${r.stderr}`);
  return vsix;
}
