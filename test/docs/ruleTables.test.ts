// A rule is stated once, in its file's metadata: the `zfxxgk.rules` setting, its descriptions and
// the rule tables of README.md, README.vsix.md and docs/rules/README.md are written from it by
// scripts/rule-tables.mjs. Editing them by hand fails here (issue 16).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const script = path.join(root, 'scripts', 'rule-tables.mjs');
const FILES = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md', 'README.vsix.md', 'docs/rules/README.md'];

const run = (...args: string[]) => spawnSync(process.execPath, [script, '--check', ...args], { encoding: 'utf8' });

/** A copy of the generated files, one of them changed by `edit`. */
function copyWith(rel: string, edit: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rule-tables-'));
  for (const f of FILES) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    const text = fs.readFileSync(path.join(root, f), 'utf8');
    fs.writeFileSync(path.join(dir, f), f === rel ? edit(text) : text);
  }
  return dir;
}

describe('rule tables and settings follow the rules’ metadata', () => {
  it('are in step now', () => {
    const r = run();
    expect(r.status, r.stderr + r.stdout).toBe(0);
  });

  it.each([
    ['README.md', (t: string) => t.replace('| 错误 | 缺少六个部分之一', '| 警告 | 缺少六个部分之一')],
    ['docs/rules/README.md', (t: string) => t.replace('<!-- /rule-table -->', '| [`new-rule`](new-rule.md) | 错误 | 手写的一行 | — |\n<!-- /rule-table -->')],
    ['package.nls.zh-cn.json', (t: string) => t.replace('`cell-blank`：', '`cell-blank`：（手改）')],
    ['package.json', (t: string) => t.replace('"%config.rules.row-total%"', '"%config.rules.row-total-edited%"')],
  ])('a hand edit of %s is caught', (rel, edit) => {
    const dir = copyWith(rel, edit);
    const r = run('--root', dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(rel);
  });
});
