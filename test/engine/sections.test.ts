import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, fixAll } from '../../server/src/engine';
import { matchHeading } from '../../server/src/engine/parse/headings';
import { splitLines } from '../../server/src/engine/text/lines';
import { errors, seeds } from './fixtures';

const TITLES = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

/** Remove section i (its heading line up to the next heading line). */
function deleteSection(text: string, i: number): string {
  const a = analyze(text);
  const s = a.report.sections.find((x) => x.index === i)!;
  const start = a.report.lines[s.lineIndex].start;
  const next = a.report.sections.find((x) => x.index === i + 1);
  const end = next ? a.report.lines[next.lineIndex].start : text.length;
  return text.slice(0, start) + text.slice(end);
}

describe('section-missing', () => {
  for (const seed of seeds) {
    it(`${seed.name}: deleting any one section names it, and its fix puts it back`, () => {
      for (let i = 0; i < 6; i++) {
        const broken = deleteSection(seed.text, i);
        const a = analyze(broken);
        const missing = a.findings.filter((f) => f.ruleId === 'section-missing');
        expect(missing.length, TITLES[i]).toBe(1);
        expect(missing[0].severity).toBe('error');
        expect(missing[0].message).toContain(TITLES[i]);
        expect(missing[0].fix).toBeUndefined();
        const fixed = applyEdits(broken, missing[0].suggestions![0].edits);
        const b = analyze(fixed);
        expect(b.findings.filter((f) => f.ruleId === 'section-missing' || f.ruleId === 'table-missing'), TITLES[i]).toEqual([]);
        expect(errors(b).map((f) => f.message), TITLES[i]).toEqual([]);
        expect(b.report.sections.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
      }
    });
  }

  const NUMERALS = '一二三四五六';
  for (const seed of seeds) {
    it(`${seed.name}: the finding sits where the section goes (the end of the text before it), never on another heading, and says where`, () => {
      for (let i = 0; i < 6; i++) {
        const broken = deleteSection(seed.text, i);
        const a = analyze(broken);
        const f = a.findings.find((x) => x.ruleId === 'section-missing')!;
        // An empty range at the end of the last written line before the insertion point.
        const insertAt = f.suggestions![0].edits[0].start;
        expect(f.range.start, TITLES[i]).toBe(f.range.end);
        expect(broken.slice(f.range.start, insertAt).trim(), TITLES[i]).toBe('');
        expect(f.range.start, TITLES[i]).toBeLessThanOrEqual(insertAt);
        const line = a.report.lines.find((l) => l.start <= f.range.start && f.range.start <= l.end)!;
        expect(a.report.sections.some((x) => x.lineIndex === line.index) && line.index > 0, TITLES[i]).toBe(false);
        // 「，应在第N部分之后」 (and 「、第M部分之前」 when a later section is there); 一 goes before 二.
        const where = i === 0 ? '，应在第二部分之前' : i === 5 ? '，应在第五部分之后' : `，应在第${NUMERALS[i - 1]}部分之后、第${NUMERALS[i + 1]}部分之前`;
        expect(f.message, TITLES[i]).toBe(`缺少第${NUMERALS[i]}部分「${TITLES[i]}」${where}`);
      }
    });
  }

  it('says where in English too', () => {
    const broken = deleteSection(seeds[0].text, 5);
    expect(analyze(broken, { locale: 'en' }).findings.find((x) => x.ruleId === 'section-missing')!.message).toBe(
      'Missing section 六、其他需要报告的事项 (VI. Other matters to report); it belongs after section V',
    );
    const middle = deleteSection(seeds[0].text, 2);
    expect(analyze(middle, { locale: 'en' }).findings.find((x) => x.ruleId === 'section-missing')!.message).toMatch(/; it belongs between sections II and IV$/);
  });

  it('an empty text, or one with no title, section heading or table, gets one finding instead of six', () => {
    for (const [text, zh, en] of [
      ['', '文件为空', 'The file is empty'],
      ['  \n\n\t\n', '文件为空', 'The file is empty'],
      ['会议纪要\n今天讨论了三件事。\n一、天气\n二、午饭\n', '看起来不是政府信息公开年报：没有标题、章节标题或统计表', 'This does not look like a government information disclosure annual report: no title, section headings or tables'],
    ]) {
      const a = analyze(text);
      expect(a.findings.map((f) => [f.ruleId, f.severity, f.message, f.range])).toEqual([['section-missing', 'error', zh, { start: 0, end: 0 }]]);
      expect(a.findings[0].suggestions).toBeUndefined();
      expect(analyze(text, { locale: 'en' }).findings.map((f) => f.message)).toEqual([en]);
    }
    // A title alone is a report with nothing in it yet: the six sections are named.
    expect(analyze('某县2023年政府信息公开工作年度报告\n').findings.filter((f) => f.ruleId === 'section-missing').length).toBe(6);
  });

  it('the inserted template table is recognised and consistent (all zeros)', () => {
    const broken = deleteSection(seeds[4].text, 2);
    const fix = analyze(broken).findings.find((f) => f.ruleId === 'section-missing')!.suggestions![0];
    expect(fix.edits[0].newText).toContain('四、结转下年度继续办理');
    const b = analyze(applyEdits(broken, fix.edits));
    expect(b.report.table3!.rows.size).toBe(25);
  });

  it('fix-all never invents missing sections (their zero tables would be made-up data)', () => {
    let text = seeds[0].text;
    text = deleteSection(text, 5);
    text = deleteSection(text, 1);
    expect(fixAll(text).text).toBe(text);
  });

  it('applying the suggestions for several missing sections puts them back in order', () => {
    let text = seeds[0].text;
    text = deleteSection(text, 5);
    text = deleteSection(text, 3);
    text = deleteSection(text, 1);
    const edits = analyze(text).findings.filter((f) => f.ruleId === 'section-missing').flatMap((f) => f.suggestions![0].edits);
    const a = analyze(applyEdits(text, edits));
    expect(a.report.sections.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(errors(a)).toEqual([]);
  });
});

describe('section-order, section-duplicate, section-title', () => {
  const text = seeds[4].text;
  const a = analyze(text);
  const sec = (i: number) => a.report.sections[i];
  const block = (i: number) => text.slice(a.report.lines[sec(i).lineIndex].start, i < 5 ? a.report.lines[sec(i + 1).lineIndex].start : text.length);

  it('五 and 六 swapped: section-order on the one out of place', () => {
    const start = a.report.lines[sec(4).lineIndex].start;
    const five = block(4);
    const six = block(5).replace(/\s*$/, '\n\n');
    const swapped = text.slice(0, start) + six + five;
    const f = analyze(swapped).findings.filter((x) => x.ruleId === 'section-order');
    expect(f.length).toBe(1);
    expect(f[0].message).toBe('「五、存在的主要问题及改进情况」应在「六、其他需要报告的事项」之前');
    expect(swapped.slice(f[0].range.start, f[0].range.end)).toBe('五、存在的主要问题及改进情况');
  });

  it('a section written twice: section-duplicate on the second', () => {
    const twice = text + '\n' + block(5);
    const f = analyze(twice).findings.filter((x) => x.ruleId === 'section-duplicate');
    expect(f.length).toBe(1);
    expect(f[0].range.start).toBeGreaterThan(sec(5).heading.start);
    expect(f[0].related[0].range.start).toBe(sec(5).heading.start);
  });

  it.each([
    ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 3],
    ['四、政府信息公开行政复议及行政诉讼情况', 3],
    ['四、政府信息公开行政法复议、行政诉讼情况', 3],
    ['五、政府信息公开工作存在的主要问题及改进情况', 4],
    ['五、存在问题及改进情况', 4],
    ['五、存在的主要问题和改进措施', 4],
    // Worded by key words (numeral + words of the section), not in the list of known variants.
    ['五、存在的主要问题及明年工作计划', 4],
    ['五、存在的不足及下一步工作打算', 4],
    ['五、存在的主要问题及下一步工作计划', 4],
    ['五、存在的主要问题及2024年工作计划', 4],
    ['五．存在的主要问题及明年工作计划', 4],
    ['五.存在的主要问题及明年工作计划', 4],
    ['一、基本情况', 0],
    ['六、其它需要报告的事项', 5],
    // A known wording that goes on naming the section: the whole heading is the variant.
    ['六、其他需要报告的事项及附表', 5],
  ])('variant %s: recognised, warned, fixed to the canonical title', (variant, i) => {
    const h = sec(i as number).heading;
    const changed = text.slice(0, h.start) + variant + text.slice(h.end);
    const b = analyze(changed);
    expect(b.report.sections.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
    const f = b.findings.filter((x) => x.ruleId === 'section-title');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(changed.slice(f[0].range.start, f[0].range.end)).toBe(variant);
    expect(applyEdits(changed, f[0].fix!.edits)).toBe(text);
  });

  it.each(['## 五、存在的主要问题及明年工作计划', '**五、存在的主要问题及明年工作计划**', '### 六、其他需要报告的事项及附表'])(
    'markdown heading %s: section-title on the words, the marks kept by the fix',
    (line) => {
      const h = sec(line.includes('六') ? 5 : 4).heading;
      const changed = text.slice(0, h.start) + line + text.slice(h.end);
      const b = analyze(changed);
      expect(b.report.sections.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(b.findings.filter((x) => x.ruleId === 'section-missing')).toEqual([]);
      const f = b.findings.filter((x) => x.ruleId === 'section-title');
      expect(f.map((x) => x.severity)).toEqual(['warning']);
      const words = line.replace(/^[#\s]+|\*+/g, '');
      expect(changed.slice(f[0].range.start, f[0].range.end)).toBe(words);
      const canonical = TITLES[line.includes('六') ? 5 : 4];
      expect(applyEdits(changed, f[0].fix!.edits)).toBe(text.slice(0, h.start) + line.replace(words, canonical) + text.slice(h.end));
    },
  );

  it.each([
    // Rows of the section-三 table, one per line (a one-cell-per-line layout): never headings.
    '四、结转下年度继续办理',
    '一、本年新收政府信息公开申请数量',
    '二、上年结转政府信息公开申请数量',
    '三、本年度办理结果',
    // Prose: numbered sentences inside a section.
    '五、存在的问题主要是人员不足，工作有待加强。',
    '二、针对公开工作中存在的问题，我局将进一步加强培训。',
    '五、加强问题整改，及时回应群众关切。',
  ])('%s is not a heading', (row) => {
    expect(matchHeading(splitLines(row)[0])).toBeUndefined();
  });

  it('recognises markdown headings and a heading glued to its first sentence, quietly', () => {
    const glued = text.replace('一、总体情况\n\n', '## 一、总体情况2023年，');
    const b = analyze(glued);
    expect(b.report.sections.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(b.findings).toEqual([]);
  });

  it('numbered paragraphs in section 五 (二、针对…问题。) are not sections', () => {
    expect(a.report.sections.length).toBe(6);
    expect(a.findings).toEqual([]);
  });
});
