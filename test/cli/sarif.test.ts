// `--format sarif` as a CI pipeline uses it: the bundled CLI on temporary copies, its output
// validated against the SARIF 2.1.0 JSON schema (test/fixtures/sarif-schema-2.1.0.json, see the
// README there), and read back the way a SARIF viewer reads it (regions, fixes, rule metadata).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cliRun';
import { RULES, ruleIds } from '../../server/src/engine';
import { ensureBuilt } from '../helpers/build';
import { repoRoot } from '../helpers/paths';
import { allSeeds, changeCell, readSeed } from '../helpers/seeds';

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface Location {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region };
  message?: { text: string };
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Location[];
  relatedLocations?: Location[];
  fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Region; insertedContent: { text: string } }[] }[] }[];
}
interface Rule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Rule[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[]; ruleConfigurationOverrides?: unknown[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: { location: { uri: string }; encoding: string }[];
    results: Result[];
    columnKind: string;
  }[];
}

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

let tmp: string;
let cliJs: string;
let serial = 0;

function cli(args: string[]): Promise<CliRun> {
  return runCli(cliJs, args, { cwd: tmp });
}

function put(content: string, name = `r${++serial}/报告.txt`): string {
  const full = path.join(tmp, name);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return name;
}

/** Runs the CLI with --format sarif and returns the log after checking it against the schema. */
async function sarif(args: string[]): Promise<{ code: number; log: SarifLog; stderr: string }> {
  const r = await cli(['--format', 'sarif', ...args]);
  const log = JSON.parse(r.stdout) as SarifLog;
  const ok = validate(log);
  expect(ok ? [] : validate.errors, 'schema errors').toEqual([]);
  return { code: r.code, log, stderr: r.stderr };
}

/** UTF-16 offset of a SARIF (1-based line, 1-based UTF-16 column) position in text with \n / \r\n lines. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

beforeAll(async () => {
  ({ cliJs } = await ensureBuilt());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-sarif-'));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('SARIF 2.1.0 output', () => {
  it('validates for every seed report and every example, with no result on the consistent seeds', async () => {
    const seeds = allSeeds().map((s) => put(fs.readFileSync(s, 'utf8'), `seeds/${path.basename(s)}`));
    const { code, log } = await sarif(seeds);
    expect(code).toBe(0);
    const run = log.runs[0];
    expect(run.artifacts.map((a) => a.location.uri)).toEqual(seeds);
    expect(run.results.filter((r) => r.level === 'error')).toEqual([]);
    fs.cpSync(path.join(repoRoot, 'examples'), path.join(tmp, 'examples'), { recursive: true });
    const examples = await sarif(['examples']);
    expect(examples.code).toBe(1); // mistakes-2023.txt has errors
    expect(new Set(examples.log.runs[0].results.map((r) => r.ruleId))).toEqual(
      new Set(['group-total', 'row-total', 'section-missing', 'section-title', 'template-version']),
    );
  });

  it('describes the tool and every rule in the chosen language, with help pages', async () => {
    const file = put(readSeed());
    for (const locale of ['zh-CN', 'en'] as const) {
      const { log } = await sarif(['--locale', locale, file]);
      const driver = log.runs[0].tool.driver;
      expect(driver.name).toBe('zfxxgk');
      expect(driver.version).toBe(JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
      // No link into the machine that ran the check (file:///tmp/… on a CI runner): the help travels inside the log.
      expect(driver.informationUri).toBeUndefined();
      expect(driver.rules.map((r) => r.id)).toEqual(ruleIds);
      for (const rule of driver.rules) {
        const meta = RULES[rule.id as keyof typeof RULES];
        // A name unlike the id (SARIF §3.49.7; the SARIF Multitool warns SARIF1001 otherwise): row-total → RowTotal, none for balance.
        if (rule.id.includes('-')) expect(rule.name).toBe(rule.id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(''));
        else expect(rule.name).toBeUndefined();
        expect(rule.shortDescription.text).toBe(meta.title[locale]);
        expect(rule.fullDescription.text).toBe(meta.description[locale]);
        expect(rule.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', information: 'note', hint: 'note' }[meta.severity]);
        expect(rule.helpUri).toBeUndefined();
        // The page's text travels inside the log: CI viewers show it without access to the build machine.
        expect(rule.help.markdown).toBe(fs.readFileSync(path.join(repoRoot, 'docs/rules', `${rule.id}.md`), 'utf8'));
      }
    }
  });

  it('links nowhere into the machine that ran it: no helpUri (nor any URI but SRCROOT\'s base) starts with file:', async () => {
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    for (const locale of ['zh-CN', 'en']) {
      const { log } = await sarif(['--locale', locale, put(cell.text), 'examples-missing.txt']);
      const uris: string[] = [];
      JSON.stringify(log, (key, value) => {
        if ((key === 'helpUri' || key === 'informationUri' || key === 'uri') && typeof value === 'string') uris.push(value);
        return value;
      });
      const helpUris = log.runs[0].tool.driver.rules.map((r) => r.helpUri).filter((u) => u !== undefined);
      expect(helpUris.filter((u) => u.startsWith('file:'))).toEqual([]);
      // The one absolute file: URI is SRCROOT itself (what relative artifact URIs resolve against).
      expect(uris.filter((u) => u.startsWith('file:'))).toEqual([log.runs[0].originalUriBaseIds.SRCROOT.uri]);
      // Every rule's help is in the log itself, in the rule's own page.
      for (const rule of log.runs[0].tool.driver.rules) expect(rule.help.markdown).toContain(rule.id);
    }
  });

  it('locates a wrong cell with 1-based line/column in UTF-16 code units relative to SRCROOT, and its fix restores the report', async () => {
    const original = readSeed();
    const cell = changeCell(original, '(七) 总计', 0, '5');
    const file = put(cell.text);
    const { code, log } = await sarif([file]);
    expect(code).toBe(1);
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds.SRCROOT.uri).toBe(pathToFileURL(tmp).href + '/');
    const hit = run.results.find((r) => r.locations[0].physicalLocation.region.startLine === cell.line + 1);
    expect(hit, JSON.stringify(run.results)).toBeDefined();
    const loc = hit!.locations[0].physicalLocation;
    // The file name is Chinese: percent-encoded, relative to SRCROOT.
    expect(loc.artifactLocation).toEqual({ uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' });
    expect(decodeURIComponent(loc.artifactLocation.uri)).toBe(file);
    expect(loc.region).toEqual({ startLine: cell.line + 1, startColumn: cell.character + 1, endLine: cell.line + 1, endColumn: cell.character + 2 });
    expect(hit!.level).toBe('error');
    expect(hit!.ruleIndex).toBe(ruleIds.indexOf(hit!.ruleId as (typeof ruleIds)[number]));
    expect(hit!.relatedLocations!.length).toBeGreaterThan(1);
    // Applying the determined fixes (as a SARIF viewer would) gives back the consistent seed.
    const replacements = run.results.flatMap((r) => r.fixes ?? []).flatMap((f) => f.artifactChanges.flatMap((c) => c.replacements));
    expect(replacements.length).toBeGreaterThan(0);
    let text = cell.text;
    const edits = replacements
      .map((r) => ({
        start: offsetOf(text, r.deletedRegion.startLine, r.deletedRegion.startColumn),
        end: offsetOf(text, r.deletedRegion.endLine, r.deletedRegion.endColumn),
        newText: r.insertedContent.text,
      }))
      .sort((a, b) => b.start - a.start);
    for (const e of edits) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    expect(text).toBe(original);
  });

  it('counts columns in UTF-16 code units past a character outside the BMP', async () => {
    // 𠀀 (U+20000) is two UTF-16 code units, one code point, four UTF-8 bytes: only UTF-16 columns match the editor.
    const cell = changeCell(readSeed().replace('(七) 总计', '(七) 总计𠀀'), '(七) 总计', 0, '5');
    const { log } = await sarif([put(cell.text)]);
    const lineText = cell.text.split('\n')[cell.line];
    expect([...lineText.slice(0, cell.character)].length).toBe(cell.character - 1);
    const hit = log.runs[0].results.find((r) => r.locations[0].physicalLocation.region.startLine === cell.line + 1);
    expect(hit, JSON.stringify(log.runs[0].results)).toBeDefined();
    expect(hit!.locations[0].physicalLocation.region).toMatchObject({ startColumn: cell.character + 1, endColumn: cell.character + 2 });
  });

  it('speaks English with --locale en, errors only with --quiet, and records --rule overrides', async () => {
    const cell = changeCell(readSeed(), '(七) 总计', 0, '5');
    const file = put(cell.text.replace('五、存在的主要问题及改进情况', '五、存在问题及改进情况'));
    const all = await sarif(['--locale', 'en', file]);
    const levels = new Set(all.log.runs[0].results.map((r) => r.level));
    expect(levels).toEqual(new Set(['error', 'warning']));
    // English sentences (they quote the report's Chinese labels).
    expect(all.log.runs[0].results.map((r) => r.message.text)).toEqual([expect.stringMatching(/^\(VII\) total .* should be 3/), expect.stringMatching(/^Section title .* differs from/)]);
    const quiet = await sarif(['--quiet', file]);
    expect(quiet.code).toBe(1);
    expect(quiet.log.runs[0].results.length).toBeGreaterThan(0);
    expect(quiet.log.runs[0].results.every((r) => r.level === 'error')).toBe(true);
    const overridden = await sarif(['--rule', 'section-title=off', '--rule', 'row-total=information', file]);
    const inv = overridden.log.runs[0].invocations[0];
    expect(inv.ruleConfigurationOverrides).toEqual([
      { descriptor: { id: 'section-title', index: ruleIds.indexOf('section-title') }, configuration: { enabled: false } },
      { descriptor: { id: 'row-total', index: ruleIds.indexOf('row-total') }, configuration: { enabled: true, level: 'note' } },
    ]);
    expect(overridden.log.runs[0].results.some((r) => r.ruleId === 'section-title')).toBe(false);
    expect(overridden.log.runs[0].results.filter((r) => r.ruleId === 'row-total').every((r) => r.level === 'note')).toBe(true);
  });

  it('reports a file it cannot read as a tool execution notification, still valid, exit 2', async () => {
    const file = put(readSeed());
    const { code, log, stderr } = await sarif([file, 'missing/没有这个文件.txt']);
    expect(code).toBe(2);
    expect(stderr).toContain('没有这个文件.txt');
    const inv = log.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications!.map((n) => n.message.text)).toEqual([expect.stringContaining('没有这个文件.txt')]);
    expect(log.runs[0].artifacts).toHaveLength(1);
  });

  it('points related locations into last year\'s report (another artifact)', async () => {
    const seed = readSeed();
    const lastYear = seed.replace('2023 年政府信息公开工作', '2022 年政府信息公开工作');
    const prev = put(lastYear, 'x/宝丰2022.txt');
    const cur = put(seed, 'x/宝丰2023.txt');
    const { log } = await sarif([prev, cur]);
    const carry = log.runs[0].results.filter((r) => r.ruleId === 'carryover');
    expect(carry.length).toBeGreaterThan(0);
    expect(carry[0].locations[0].physicalLocation.artifactLocation.uri).toBe(encodeURI(cur));
    expect(carry[0].relatedLocations!.map((l) => l.physicalLocation.artifactLocation)).toContainEqual({ uri: encodeURI(prev), uriBaseId: 'SRCROOT' });
  });

  it('rejects what is not SARIF 2.1.0 (the schema check is real)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'zfxxgk' } }, results: [{ message: { text: 'x' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'zfxxgk', informationUri: 'not a uri' } } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'zfxxgk' } }, results: [] }] })).toBe(true);
  });
});
