// Every user-visible string exists in Chinese (zh-CN) and English: the manifest (package.nls*),
// the client's l10n bundles, the server's and the CLI's own message tables, the rules' names and
// descriptions (and their docs pages), and the engine's messages and fix titles. A string added in
// one language only makes this file fail.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '../../client/src/messageStrings';
import type { ArgError } from '../../server/src/cli/args';
import { cliMessages, type CliMessages, type Counts } from '../../server/src/cli/messages';
import { analyze, RULES, ruleIds } from '../../server/src/engine';
import { messages as serverMessages } from '../../server/src/lsp/messages';
import { changeCell, readSeed } from '../helpers/seeds';

const root = path.resolve(__dirname, '../..');
const readJson = (p: string) => JSON.parse(readFileSync(path.join(root, p), 'utf8')) as Record<string, unknown>;
const CJK = /[\u3400-\u9fff]/u;
const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
// What the `vscode` stand-in below reports (vi.mock is hoisted, so its state is too).
const state = vi.hoisted(() => ({ setting: 'auto', uiLanguage: 'en', bundle: undefined as Record<string, string> | undefined }));

describe('manifest (package.nls.json / package.nls.zh-cn.json)', () => {
  const pkg = readFileSync(path.join(root, 'package.json'), 'utf8');
  const en = readJson('package.nls.json');
  const zh = readJson('package.nls.zh-cn.json');

  it('has every %key% of package.json in both languages, and the same keys in both files', () => {
    const used = [...new Set([...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((k) => typeof en[k] !== 'string' || !en[k])).toEqual([]);
    expect(used.filter((k) => typeof zh[k] !== 'string' || !zh[k])).toEqual([]);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    // No leftovers: a key nobody uses is a string nobody checks.
    expect(Object.keys(en).filter((k) => !used.includes(k))).toEqual([]);
  });

  it('has Chinese in every zh-cn string', () => {
    expect(Object.entries(zh).filter(([, v]) => !CJK.test(String(v)))).toEqual([]);
  });
});

describe('client strings (l10n/ bundles)', () => {
  const source = readJson('l10n/bundle.l10n.json');
  const zh = readJson('l10n/bundle.l10n.zh-cn.json');
  const english = Object.values(MESSAGES) as string[];

  it('the manifest points VS Code at l10n/', () => {
    expect(readJson('package.json').l10n).toBe('./l10n');
  });

  it('bundle.l10n.json lists exactly the source strings of client/src/messageStrings.ts', () => {
    expect(Object.keys(source).sort()).toEqual([...new Set(english)].sort());
    for (const [k, v] of Object.entries(source)) expect(v).toBe(k);
  });

  it('bundle.l10n.zh-cn.json translates every one of them into Chinese, with the same {n} arguments', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(source).sort());
    for (const [k, v] of Object.entries(zh)) {
      expect(typeof v === 'string' && CJK.test(v), `${k} → ${String(v)}`).toBe(true);
      expect(placeholders(v as string), k).toEqual(placeholders(k));
    }
  });

  it('no two message keys share an English string (the bundles are keyed by it)', () => {
    expect(english.length).toBe(new Set(english).size);
  });
});

describe('the client speaks the language of zfxxgk.locale, even one VS Code is not displayed in', () => {
  // messages.ts runs in the extension host; here `vscode` is a stand-in with the parts it reads.
  vi.mock('vscode', () => ({
    env: {
      get language() {
        return state.uiLanguage;
      },
    },
    workspace: { getConfiguration: () => ({ get: () => state.setting }) },
    l10n: {
      get bundle() {
        return state.bundle;
      },
      t: (message: string, ...args: unknown[]) =>
        `l10n:${(state.bundle?.[message] ?? message).replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]))}`,
    },
  }));
  const zhBundle = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;

  it.each([
    // setting, VS Code display language, what VS Code loaded → expected text
    ['auto', 'en', undefined, 'Fixed 3 problem(s).'],
    ['auto', 'zh-cn', 'zh', 'l10n:已修正 3 处问题。'], // vscode.l10n does the work
    ['en', 'zh-cn', 'zh', 'Fixed 3 problem(s).'], // forced English under a Chinese UI
    ['zh-CN', 'en', undefined, '已修正 3 处问题。'], // forced Chinese under an English UI: read from l10n/
    ['auto', 'de', undefined, '已修正 3 处问题。'], // the server's rule: not English → Chinese
  ] as const)('setting %s, UI %s', async (setting, uiLanguage, loaded, expected) => {
    Object.assign(state, { setting, uiLanguage, bundle: loaded ? zhBundle : undefined });
    const { t } = await import('../../client/src/messages');
    expect(t('fixAllDone', 3)).toBe(expected);
  });
});

describe('server and CLI message tables', () => {
  it('the language server says everything in both languages', () => {
    const pairs = [
      [serverMessages.hiddenProblems('zh-CN', 5, 100), serverMessages.hiddenProblems('en', 5, 100)],
      [serverMessages.fixAllLabel('zh-CN'), serverMessages.fixAllLabel('en')],
    ];
    expect(Object.keys(serverMessages)).toHaveLength(pairs.length); // a new message needs a line here
    for (const [zh, en] of pairs) {
      expect(zh).toMatch(CJK);
      expect(en).not.toMatch(CJK);
    }
  });

  const argErrors: ArgError[] = [
    { kind: 'unknown-option', option: '--x' },
    { kind: 'missing-value', option: '--format' },
    { kind: 'bad-value', option: '--format', value: 'xml', allowed: ['text', 'json'] },
    { kind: 'no-paths' },
  ];
  const counts: Counts = { files: 2, errors: 1, warnings: 2, infos: 3, hints: 4, fixed: 5, fixable: 6 };
  /** Every string a CLI message table can produce, with sample arguments. */
  function render(m: CliMessages): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(m)) {
      if (typeof value === 'string') out[key] = [value];
      else if (Array.isArray(value)) out[key] = value.slice(1) as string[];
      else if (key === 'argError') out[key] = argErrors.map((e) => m.argError(e));
      else if (key === 'summary') out[key] = [m.summary(counts)];
      else out[key] = [(value as (...a: unknown[]) => string)(...Array.from({ length: value.length }, (_v, i) => (i === 0 ? 'a.txt' : 'why')))];
    }
    return out;
  }

  it('the CLI has the same messages in both languages: Chinese in zh-CN, none in en', () => {
    const zh = render(cliMessages('zh-CN'));
    const en = render(cliMessages('en'));
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      expect(en[key]).toHaveLength(zh[key].length);
      zh[key].forEach((s, i) => {
        expect(s, key).toMatch(CJK);
        expect(en[key][i], key).not.toMatch(CJK);
        expect(en[key][i], key).not.toBe(s);
      });
    }
  });
});

describe('rules', () => {
  it.each(ruleIds)('%s has a Chinese and an English name and description, and a docs page', (id) => {
    const meta = RULES[id];
    for (const field of [meta.title, meta.description]) {
      expect(field['zh-CN']).toMatch(CJK);
      expect(field.en).toMatch(/[A-Za-z]{3}/);
      expect(field.en).not.toBe(field['zh-CN']);
    }
    expect(existsSync(path.join(root, 'docs/rules', `${id}.md`))).toBe(true);
  });

  it('every finding and fix title on broken reports exists in both languages', () => {
    const seed = readSeed();
    const inputs = [
      readFileSync(path.join(root, 'examples/mistakes-2023.txt'), 'utf8'),
      changeCell(seed, '(七) 总计', 0, '5').text,
      changeCell(changeCell(seed, '二、上年结转', 1, '').text, '行政规范性文件', 0, '-1').text,
      seed.replace('五、存在的主要问题及改进情况', '五、存在问题及改进情况').replace('2023 年政府信息公开工作', '2018 年政府信息公开工作'),
    ];
    const seen = new Set<string>();
    for (const text of inputs) {
      const zh = analyze(text, { locale: 'zh-CN' }).findings;
      const en = analyze(text, { locale: 'en' }).findings;
      expect(en.map((f) => f.ruleId)).toEqual(zh.map((f) => f.ruleId));
      zh.forEach((f, i) => {
        seen.add(f.ruleId);
        const g = en[i];
        expect(f.message).toMatch(CJK);
        expect(g.message, g.message).toMatch(/[A-Za-z]{3}/);
        expect(g.message).not.toBe(f.message);
        for (const [a, b] of [[f.fix, g.fix], ...(f.suggestions ?? []).map((s, j) => [s, g.suggestions?.[j]])]) {
          if (!a) continue;
          expect(a.title).toMatch(CJK);
          expect(b?.title).toMatch(/[A-Za-z]{3}/);
        }
      });
    }
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });
});
