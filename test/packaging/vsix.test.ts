// What the .vsix ships, from `vsce ls` (the file list `npm run package` packs, .vscodeignore
// applied): the bundles and the assets the manifest and README point at, nothing else — no
// sources, tests, node_modules or source maps.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleIds } from '../../server/src/engine';
// @ts-expect-error — a plain .mjs module shared with scripts/package.mjs
import { unexpectedFiles, VSIX_README } from '../../scripts/package-files.mjs';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
let files: string[];

beforeAll(() => {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  // The same options as scripts/package.mjs: the user page is the package's README.
  const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies', '--readme-path', VSIX_README], { cwd: root, encoding: 'utf8' });
  files = out.split('\n').map((l) => l.trim()).filter(Boolean);
}, 60000);

describe('the .vsix (vsce ls)', () => {
  it('ships nothing unexpected: no sources, tests, node_modules, source maps or repository clutter', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(unexpectedFiles(files)).toEqual([]);
    for (const f of files) {
      expect(f).not.toMatch(/(^|\/)(src|test|node_modules|scripts|examples|\.e2e-scratch|test-results)\//);
      expect(f).not.toMatch(/\.(map|ts|mts|tsx|vsix)$/);
    }
  });

  it('ships the three bundles (main, server, CLI) and what the manifest points at', () => {
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/cli.js']) expect(files, f).toContain(f);
    expect(files).toContain(pkg.main.replace(/^\.\//, ''));
    expect(files).toContain(pkg.bin.zfxxgk.replace(/^\.\//, ''));
    expect(files).toContain(pkg.icon);
    const referenced = [
      ...pkg.contributes.languages.map((l: { configuration?: string }) => l.configuration),
      ...pkg.contributes.grammars.map((g: { path: string }) => g.path),
      ...(pkg.contributes.snippets ?? []).map((s: { path: string }) => s.path),
    ].filter(Boolean);
    for (const p of referenced) expect(files, p).toContain(p.replace(/^\.\//, ''));
    for (const f of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', VSIX_README, 'CHANGELOG.md', 'LICENSE']) {
      expect(files, f).toContain(f);
    }
  });

  it('ships the l10n bundles the manifest names, and a rule page for every rule (the CLI links them)', () => {
    expect(pkg.l10n).toBe('./l10n');
    expect(files).toContain('l10n/bundle.l10n.json');
    expect(files).toContain('l10n/bundle.l10n.zh-cn.json');
    for (const id of ruleIds) expect(files).toContain(`docs/rules/${id}.md`);
  });

  it('ships every picture and page the READMEs show, and each shows at least one picture', () => {
    for (const name of [VSIX_README, 'README.md']) {
      const readme = readFileSync(path.join(root, name), 'utf8');
      const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((u) => !/^https?:/.test(u));
      expect(images.length, name).toBeGreaterThan(0);
      for (const img of images) {
        expect(existsSync(path.join(root, img)), img).toBe(true);
        expect(files, img).toContain(img);
      }
    }
    // The user page's links to rule pages and docs open inside the installed extension.
    const userPage = readFileSync(path.join(root, VSIX_README), 'utf8');
    const links = [...userPage.matchAll(/\]\(((?:docs|images)\/[^)#\s]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(ruleIds.length);
    for (const link of links) expect(files, link).toContain(link);
  });

  it('shows users the user page, not the developer README: no npm, no code-server; Chinese first, then English; settings and privacy', () => {
    // The repository's README.md (npm ci, code-server, tests) stays out of the package.
    expect(files).not.toContain('README.md');
    const page = readFileSync(path.join(root, VSIX_README), 'utf8');
    expect(page).not.toMatch(/\bnpm\b/);
    expect(page).not.toMatch(/code-server|npx|node_modules|git clone/);
    const firstEnglishHeading = page.search(/^# [A-Za-z]/m);
    expect(page.split('\n')[0]).toMatch(/^# .*[\u4e00-\u9fff]/);
    expect(firstEnglishHeading).toBeGreaterThan(page.length / 3);
    for (const heading of ['## 怎么用', '## 设置', '## 隐私', '## How to use it', '## Settings', '## Privacy']) expect(page).toContain(heading);
    // Every setting of the manifest is explained, in both halves.
    for (const key of Object.keys(pkg.contributes.configuration.properties ?? {})) {
      expect(page.split(`\`${key}\``).length - 1, key).toBeGreaterThanOrEqual(2);
    }
    // Every rule, in both halves.
    for (const id of ruleIds) expect(page.split(`docs/rules/${id}.md`).length - 1, id).toBe(2);
    expect(page).toMatch(/不会离开本机/);
    expect(page).toMatch(/nothing leaves the machine/);
  });

  it('names every command so that "zfxxgk", English words and Chinese all find it in the palette of either language', () => {
    const en = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const zh = JSON.parse(readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    const key = (s: string) => /^%(.+)%$/.exec(s)?.[1] ?? '';
    const commands = pkg.contributes.commands as { command: string; title: string; category?: string }[];
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const c of commands) {
      expect(c.category, c.command).toBeDefined();
      for (const [lang, nls] of [['en', en], ['zh-cn', zh]] as const) {
        // What the palette shows and matches: "category: title".
        const shown = `${nls[key(c.category!)]}: ${nls[key(c.title)]}`;
        expect(shown, `${lang} ${c.command}`).toContain('zfxxgk');
        expect(shown, `${lang} ${c.command}`).toMatch(/[\u4e00-\u9fff]/);
        expect(shown, `${lang} ${c.command}`).toMatch(/\bAnnual Report\b/i);
        expect(shown, `${lang} ${c.command}`).toContain('年报');
      }
      // Chinese first in the Chinese palette.
      expect(zh[key(c.category!)]).toMatch(/^[\u4e00-\u9fff]/);
    }
  });

  it('has the marketplace fields: icon, categories, keywords, license, a localised description', () => {
    expect(pkg.icon).toMatch(/\.png$/);
    expect(pkg.categories).toContain('Linters');
    expect(pkg.keywords.length).toBeGreaterThanOrEqual(3);
    expect(pkg.license).toBeTruthy();
    expect(pkg.description).toBe('%description%');
    // PNG signature and a size the marketplace accepts (at least 128×128).
    const icon = readFileSync(path.join(root, pkg.icon));
    expect(icon.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(128);
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(128);
  });
});
