// Workspace trust and virtual workspaces, declared honestly: the extension runs in untrusted
// (Restricted Mode) workspaces because it executes nothing from the workspace — no settings that
// name programs, no child processes, no eval; and it says it does not support virtual workspaces
// because the server reads files from disk and only handles file:/untitled: documents.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.ts$/.test(e.name)) out.push({ file: path.relative(repoRoot, p), text: fs.readFileSync(p, 'utf8') });
  }
  return out;
}
const shipped = [...sources(path.join(repoRoot, 'client', 'src')), ...sources(path.join(repoRoot, 'server', 'src'))];

describe('workspace trust and virtual workspaces', () => {
  it('declares full support in untrusted workspaces and no support in virtual ones, with a reason', () => {
    expect(pkg.capabilities.untrustedWorkspaces).toEqual({ supported: true });
    expect(pkg.capabilities.virtualWorkspaces.supported).toBe(false);
    const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8'));
    const key = String(pkg.capabilities.virtualWorkspaces.description).replace(/^%|%$/g, '');
    expect(nls[key]).toMatch(/virtual workspaces/);
  });

  it('has no setting that could name a program, a path or code to run', () => {
    for (const [name, prop] of Object.entries(pkg.contributes.configuration.properties as Record<string, { type: string; enum?: string[] }>)) {
      expect(name).not.toMatch(/path|command|exec|program|script|server|args/i);
      // Strings are closed lists; the rest are numbers or the per-rule severity object.
      if (prop.type === 'string') expect(prop.enum?.length).toBeGreaterThan(0);
    }
  });

  it('starts no process and evaluates no code: the only thread it starts is its own CLI bundle', () => {
    const offenders = shipped.filter(({ text }) => /child_process|\beval\s*\(|new Function\s*\(|node:vm\b|from 'vm'/.test(text));
    expect(offenders.map((o) => o.file)).toEqual([]);
    const workers = shipped.filter(({ text }) => /new Worker\(/.test(text));
    expect(workers.map((w) => w.file)).toEqual([path.join('server', 'src', 'cli', 'workers.ts')]);
    // …started from run.ts's workerScript, which main.ts sets to the bundle itself.
    expect(fs.readFileSync(path.join(repoRoot, 'server', 'src', 'cli', 'main.ts'), 'utf8')).toMatch(/workerScript: __filename/);
  });

  it('handles only file: and untitled: documents (a virtual workspace has neither)', () => {
    const ext = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'extension.ts'), 'utf8');
    expect(ext).toMatch(/SCHEMES = \['file', 'untitled'\] as const/);
  });
});
