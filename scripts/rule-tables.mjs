// Writes what the rules' metadata says into the places a person reads it, so a rule is stated
// once (server/src/engine/rules/<rule>.ts: id, default severity, summary, fix):
//   - package.json: the `zfxxgk.rules` setting's one entry per rule;
//   - package.nls.json / package.nls.zh-cn.json: each entry's description (`config.rules.<id>`);
//   - the rule tables of README.md, README.vsix.md and docs/rules/README.md (between
//     `<!-- rule-table:… -->` and `<!-- /rule-table -->`).
//
//   node scripts/rule-tables.mjs            write them
//   node scripts/rule-tables.mjs --check    change nothing; exit 1 and say what differs
//   --root DIR                              work on another copy of the repository (tests)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const check = args.includes('--check');
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = args.includes('--root') ? path.resolve(args[args.indexOf('--root') + 1]) : here;

/** The rules' metadata, from the registry as the engine has it. */
function loadRules() {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-rules-'));
  const out = path.join(work, 'registry.js');
  esbuild.buildSync({ absWorkingDir: here, bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning', entryPoints: ['server/src/engine/rules/registry.ts'], outfile: out });
  const { ALL_RULES } = require(out);
  fs.rmSync(work, { recursive: true, force: true });
  return ALL_RULES.map((r) => r.meta);
}

const LEVELS = ['off', 'information', 'warning', 'error'];
const SEVERITY = { error: ['错误', 'error'], warning: ['警告', 'warning'], information: ['提示', 'information'], hint: ['提示', 'hint'] };
const NO_FIX = '—';

/** The `zfxxgk.rules` setting's entry for each rule. */
function settingEntries(rules) {
  const entries = {};
  for (const r of rules) {
    entries[r.id] = {
      type: 'string',
      enum: LEVELS,
      enumDescriptions: LEVELS.map((l) => `%config.severity.${l}%`),
      markdownDescription: `%config.rules.${r.id}%`,
    };
  }
  return entries;
}

/** package.json with the setting's entries replaced (the rest of the file as it is). */
function packageJson(text, rules) {
  const at = text.indexOf('"zfxxgk.rules"');
  const props = text.indexOf('"properties": {', at);
  if (at < 0 || props < 0) throw new Error('package.json: no "zfxxgk.rules" properties block');
  const open = text.indexOf('{', props);
  let depth = 0;
  let close = open;
  for (; close < text.length; close++) {
    if (text[close] === '{') depth++;
    else if (text[close] === '}' && --depth === 0) break;
  }
  const lineStart = text.lastIndexOf('\n', props) + 1;
  const indent = text.slice(lineStart, props);
  const body = JSON.stringify(settingEntries(rules), null, 2).split('\n').map((l, i) => (i === 0 ? l : indent + l)).join('\n');
  return text.slice(0, open) + body + text.slice(close + 1);
}

/** An nls file with each rule's description set, in registry order where they were. */
function nls(text, rules, lang) {
  const obj = JSON.parse(text);
  const out = {};
  let placed = false;
  const put = () => {
    for (const r of rules) out[`config.rules.${r.id}`] = lang === 'zh' ? `\`${r.id}\`：${r.summary['zh-CN']}` : `\`${r.id}\`: ${r.summary.en}`;
    placed = true;
  };
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('config.rules.')) {
      if (!placed) put();
      continue;
    }
    out[k] = v;
  }
  if (!placed) put();
  return JSON.stringify(out, null, 2) + '\n';
}

/** A rule table: `kind` names its columns and links (see TABLES). */
function table(rules, kind) {
  const { lang, link, fix, head } = TABLE_KINDS[kind];
  const zh = lang === 'zh';
  const rows = rules.map((r) => {
    const cells = [`[\`${r.id}\`](${link}${r.id}.md)`, SEVERITY[r.severity][zh ? 0 : 1], zh ? r.summary['zh-CN'] : r.summary.en];
    if (fix) cells.push(r.fix ? (zh ? r.fix['zh-CN'] : r.fix.en) : NO_FIX);
    return `| ${cells.join(' | ')} |`;
  });
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows].join('\n');
}

const TABLE_KINDS = {
  'readme-zh': { lang: 'zh', link: 'docs/rules/', fix: false, head: ['编号', '默认级别', '检查什么'] },
  'readme-en': { lang: 'en', link: 'docs/rules/', fix: false, head: ['id', 'default', 'what it checks'] },
  'docs-zh': { lang: 'zh', link: '', fix: true, head: ['编号', '默认级别', '检查什么', '一键修正'] },
  'docs-en': { lang: 'en', link: '', fix: true, head: ['id', 'default', 'what it checks', 'fix'] },
};

const MARKED = /(<!-- rule-table:([a-z-]+) -->\n)[^]*?(\n<!-- \/rule-table -->)/g;

/** A Markdown file with every marked table written anew. */
function markdown(text, rules, file) {
  let n = 0;
  const out = text.replace(MARKED, (_m, open, kind, close) => {
    if (!TABLE_KINDS[kind]) throw new Error(`${file}: unknown rule table "${kind}"`);
    n++;
    return open + table(rules, kind) + close;
  });
  if (n === 0) throw new Error(`${file}: no <!-- rule-table:… --> marker`);
  return out;
}

const rules = loadRules();
const FILES = [
  ['package.json', (t) => packageJson(t, rules)],
  ['package.nls.json', (t) => nls(t, rules, 'en')],
  ['package.nls.zh-cn.json', (t) => nls(t, rules, 'zh')],
  ['README.md', (t) => markdown(t, rules, 'README.md')],
  ['README.vsix.md', (t) => markdown(t, rules, 'README.vsix.md')],
  ['docs/rules/README.md', (t) => markdown(t, rules, 'docs/rules/README.md')],
];

let stale = 0;
for (const [rel, make] of FILES) {
  const file = path.join(root, rel);
  const text = fs.readFileSync(file, 'utf8');
  const want = make(text);
  if (want === text) continue;
  stale++;
  if (check) console.error(`${rel}: out of step with the rules' metadata (run: node scripts/rule-tables.mjs)`);
  else fs.writeFileSync(file, want);
}
if (check) {
  console.log(stale ? `${stale} file(s) out of step` : 'rule tables and settings are in step with the rules');
  process.exit(stale ? 1 : 0);
}
console.log(stale ? `wrote ${stale} file(s)` : 'nothing to write');
