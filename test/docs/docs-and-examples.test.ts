// The shipped documentation and examples say what the engine does: every rule has a page, the
// manifest's settings list every rule, and the example files behave as examples/README.md says.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, fixAll, looksLikeReport, RULES, ruleIds } from '../../server/src/engine';

const root = path.resolve(__dirname, '../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls = JSON.parse(read('package.nls.json'));
const nlsZh = JSON.parse(read('package.nls.zh-cn.json'));

describe('docs/rules', () => {
  it.each(ruleIds)('%s has a page, listed in the index and the README with its default severity', (id) => {
    const page = `docs/rules/${id}.md`;
    expect(existsSync(path.join(root, page))).toBe(true);
    const text = read(page);
    expect(text.startsWith(`# \`${id}\``)).toBe(true);
    const zhSeverity = { error: '错误', warning: '警告', information: '提示', hint: '提示' }[RULES[id].severity];
    expect(text).toContain(`默认级别：**${zhSeverity}**`);
    expect(text).toContain(`"zfxxgk.rules": { "${id}": "off" }`);
    expect(read('docs/rules/README.md')).toContain(`| [\`${id}\`](${id}.md) | ${zhSeverity} |`);
    expect(read('README.md')).toContain(`| [\`${id}\`](docs/rules/${id}.md) | ${zhSeverity} |`);
  });

  it('has no page for a rule that does not exist', () => {
    const pages = ['README.md', ...ruleIds.map((id) => `${id}.md`)].sort();
    expect(readdirSync(path.join(root, 'docs/rules')).sort()).toEqual(pages);
  });
});

describe('package.json', () => {
  it('offers every rule id in the zfxxgk.rules setting, each with a description in both languages', () => {
    const rules = pkg.contributes.configuration.properties['zfxxgk.rules'];
    expect(Object.keys(rules.properties).sort()).toEqual([...ruleIds].sort());
    for (const id of ruleIds) {
      const key = `config.rules.${id}`;
      expect(rules.properties[id].markdownDescription).toBe(`%${key}%`);
      expect(nls[key]).toBeTruthy();
      expect(nlsZh[key]).toBeTruthy();
    }
  });

  it('has every %placeholder% in both package.nls files', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) {
      expect(nls, k).toHaveProperty([k]);
      expect(nlsZh, k).toHaveProperty([k]);
    }
    expect(Object.keys(nls).sort()).toEqual(Object.keys(nlsZh).sort());
  });
});

describe('examples', () => {
  const ex = (name: string) => read(`examples/${name}`);

  it('clean-2023.txt and report.md have no errors', () => {
    for (const name of ['clean-2023.txt', 'report.md']) {
      const a = analyze(ex(name));
      expect(a.isReport).toBe(true);
      expect(a.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    }
  });

  it('report.md has exactly the template-version warning the README mentions', () => {
    expect(analyze(ex('report.md')).findings.map((f) => f.ruleId)).toEqual(['template-version']);
  });

  it('mistakes-2023.txt shows the four documented mistakes; fix-all restores the located cell and the title, not the table-四 total (one equation: a suggestion) or the missing section', () => {
    const text = ex('mistakes-2023.txt');
    const a = analyze(text);
    expect(a.findings.map((f) => f.ruleId).sort()).toEqual(['group-total', 'row-total', 'section-missing', 'section-title']);
    // The missing section is only a suggestion: its content is the clerk's to write.
    expect(a.findings.filter((f) => f.fix).map((f) => f.ruleId).sort()).toEqual(['row-total', 'section-title']);
    expect(a.findings.find((f) => f.ruleId === 'section-missing')!.suggestions?.length).toBeGreaterThan(0);
    const groupTotal = a.findings.find((f) => f.ruleId === 'group-total')!;
    expect(groupTotal.suggestions?.[0].edits.map((e) => e.newText)).toEqual(['0']);
    const fixed = fixAll(text);
    expect(fixed.applied).toBe(2);
    expect(analyze(fixed.text).findings.map((f) => f.ruleId).sort()).toEqual(['group-total', 'section-missing']);
    // With the suggestion taken too, everything before section 六 is back to the clean report.
    const suggested = applyEdits(fixed.text, analyze(fixed.text).findings.find((f) => f.ruleId === 'group-total')!.suggestions![0].edits);
    const clean = ex('clean-2023.txt');
    expect(clean.startsWith(suggested.trimEnd())).toBe(true);
  });

  it('the row-total mistake is located on the 自然人 cell of 1.本机关不掌握相关政府信息, value 2', () => {
    const text = ex('mistakes-2023.txt');
    const f = analyze(text).findings.find((x) => x.ruleId === 'row-total')!;
    const line = text.slice(text.lastIndexOf('\n', f.range.start) + 1, text.indexOf('\n', f.range.end));
    expect(line).toContain('1.本机关不掌握相关政府信息');
    expect(text.slice(f.range.start, f.range.end)).toBe('3');
    expect(f.fix!.edits).toEqual([{ start: f.range.start, end: f.range.end, newText: '2' }]);
  });

  it('not-a-report.txt and the examples README are not reports', () => {
    expect(looksLikeReport(ex('not-a-report.txt'))).toBe(false);
    expect(analyze(ex('not-a-report.txt')).isReport).toBe(false);
    expect(looksLikeReport(ex('README.md'))).toBe(false);
  });
});
