// prose-table: numbers the prose states against the tables, on real text edited to disagree.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../server/src/engine';
import { changeCell } from '../helpers/seeds';
import { huaian, reals, seeds } from './fixtures';

const prose = (a: Analysis) => a.findings.filter((f) => f.ruleId === 'prose-table');
const seed000 = seeds[0].text;
const seed004 = seeds[4].text;

/** Replace the one occurrence of `from` (must be unique) by `to`; returns the text and where `to` starts. */
function edit(text: string, from: string, to: string): { text: string; at: number } {
  const at = text.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, at + 1)).toBe(-1);
  return { text: text.slice(0, at) + to + text.slice(at + from.length), at };
}

/** The single prose-table finding: it sits exactly on `number`, found inside `context` of the text. */
function onlyFinding(text: string, context: string, number: string, locale?: 'en') {
  const a = analyze(text, { locale });
  const found = prose(a);
  expect(found.map((f) => f.message)).toHaveLength(1);
  const start = text.indexOf(context) + context.indexOf(number);
  expect(found[0].range).toEqual({ start, end: start + number.length });
  expect(found[0].severity).toBe('warning');
  return { finding: found[0], analysis: a };
}

describe('prose-table stays silent on consistent reports', () => {
  it.each([...seeds, ...reals].map((s) => [s.name, s.text]))('%s', (_name, text) => {
    expect(prose(analyze(text)).map((f) => f.message)).toEqual([]);
  });
});

describe('prose-table: seed 004 ("今年共收到依申请公开申请 7 件，其中 1 件予以公开…剩余 4 件转结到下一年度办理")', () => {
  it('收到 9 件 while the table has 7 new applications: warns on the 9 and points at 一、本年新收·总计', () => {
    const { text } = edit(seed004, '共收到依申请公开申请 7 件', '共收到依申请公开申请 9 件');
    const { finding, analysis } = onlyFinding(text, '共收到依申请公开申请 9 件', '9');
    expect(finding.message).toContain('收到申请 9 件');
    expect(finding.message).toContain('一、本年新收·总计 为 7');
    const newRow = analysis.report.table3!.rows.get('new')!;
    expect(finding.related.map((r) => r.range)).toContainEqual({ start: newRow.cells[6].start, end: newRow.cells[6].end });
    expect(text.slice(finding.related[0].range.start, finding.related[0].range.end)).toBe('7');
  });

  it('number before the keyword: "其中 2 件予以公开" while （一）予以公开 is 1', () => {
    const { text } = edit(seed004, '其中 1 件予以公开', '其中 2 件予以公开');
    const { finding } = onlyFinding(text, '其中 2 件予以公开', '2');
    expect(finding.message).toContain('（一）予以公开·总计 为 1');
  });

  it('"剩余 5 件转结到下一年度办理" while 四、结转下年度继续办理 is 4', () => {
    const { text } = edit(seed004, '剩余 4 件转结', '剩余 5 件转结');
    const { finding } = onlyFinding(text, '剩余 5 件转结', '5');
    expect(finding.message).toContain('四、结转下年度继续办理·总计 为 4');
  });

  it('"予以公开及部分公开 1 件、无法提供 3 件" (the spec\'s real pattern): the sum agrees, 无法提供 (items 1–3) is 2', () => {
    const { text } = edit(seed004, '其中 1 件予以公开、2 件不属于本机关掌握的相关信息', '其中予以公开及部分公开 1 件、无法提供 3 件');
    const { finding } = onlyFinding(text, '无法提供 3 件', '3');
    expect(finding.message).toBe('正文写无法提供 3 件，与表格不符：（四）无法提供（1～3 项总计之和） 为 2');
    expect(finding.related).toHaveLength(3);
  });

  it('不予公开, 不予处理 and 其他处理 are the sums of their sub-rows (all 0 here)', () => {
    const { text } = edit(seed004, '其中 1 件予以公开、2 件不属于本机关掌握的相关信息', '其中不予公开 1 件、不予处理 2 件、其他处理 4 件');
    const found = prose(analyze(text)).map((f) => f.message);
    expect(found).toEqual([
      '正文写不予公开 1 件，与表格不符：（三）不予公开（1～8 项总计之和） 为 0',
      '正文写不予处理 2 件，与表格不符：（五）不予处理（1～5 项总计之和） 为 0',
      '正文写其他处理 4 件，与表格不符：（六）其他处理·总计 为 0',
    ]);
    // A sum of eight (or five) rows is one related place spanning their 总计 cells, not eight.
    const related = prose(analyze(text)).map((f) => f.related.length);
    expect(related).toEqual([1, 1, 3]);
  });

  it('says it in English with --locale en', () => {
    const { text } = edit(seed004, '共收到依申请公开申请 7 件', '共收到依申请公开申请 9 件');
    const { finding } = onlyFinding(text, '共收到依申请公开申请 9 件', '9', 'en');
    expect(finding.message).toMatch(/^The text says 9 applications received, but the table disagrees: I\. new applications · total is 7/);
  });

  it('stays silent when the sentence is about another year or a comparison', () => {
    for (const [from, to] of [
      ['今年共收到依申请公开申请 7 件', '2022 年共收到依申请公开申请 9 件'],
      ['今年共收到依申请公开申请 7 件', '今年共收到依申请公开申请 9 件（同比增加 2 件）'],
      ['今年共收到依申请公开申请 7 件', '今年各部门共收到依申请公开申请 9 件'],
    ]) {
      expect(prose(analyze(edit(seed004, from, to).text)).map((f) => f.message)).toEqual([]);
    }
  });
});

describe('prose-table: the huaian report (pdftotext, sentences wrapped over lines)', () => {
  const text = huaian.text;

  it('受理 N 件 may mean 一 or 一 + 二: 3153 (= 3119 + 34) is accepted, 3120 is not', () => {
    expect(prose(analyze(edit(text, '申请 3119 件', '申请 3153 件').text))).toEqual([]);
    const { text: broken } = edit(text, '申请 3119 件', '申请 3120 件');
    const { finding } = onlyFinding(broken, '申请 3120 件', '3120');
    expect(finding.message).toContain('一、本年新收·总计 为 3119');
    expect(finding.message).toContain('为 3153');
  });

  it('"答\\n复 3051 件" (the keyword broken over two lines) against （七）总计 3050', () => {
    const { text: broken } = edit(text, '复 3050 件', '复 3051 件');
    const { finding } = onlyFinding(broken, '复 3051 件', '3051');
    expect(finding.message).toContain('（七）总计·总计 为 3050');
  });

  it('行政复议 352 件 against table 四, and 尚\\n未审结 38 件 (wrapped) against its cell', () => {
    const a = edit(text, '行政复议 351', '行政复议 352');
    const { finding, analysis } = onlyFinding(a.text, '行政复议 352', '352');
    const t4 = analysis.report.table4!.cells[4];
    expect(finding.related.map((r) => r.range)).toEqual([{ start: t4.start, end: t4.end }]);
    expect(a.text.slice(t4.start, t4.end)).toBe('351');

    const b = edit(text, '未审结 37 件', '未审结 38 件');
    const { finding: pending } = onlyFinding(b.text, '未审结 38 件', '38');
    expect(pending.message).toContain('行政复议·尚未审结 为 37');
  });

  it('行政诉讼 outcomes are the sum of both kinds of suits (结果维持 25 = 13 + 12)', () => {
    const { text: broken } = edit(text, '其中结果维持 25', '其中结果维持 24');
    const { finding } = onlyFinding(broken, '其中结果维持 24', '24');
    expect(finding.message).toContain('行政诉讼·结果维持（两类起诉之和） 为 25');
    expect(finding.related).toHaveLength(2);
  });
});

describe('prose-table: "未接到申请" and "未发生行政复议和诉讼" against non-zero tables (seed 000)', () => {
  // Two applications from natural persons, both carried forward: the tables still add up.
  let text = changeCell(seed000, '一、本年新收', 0, '2').text;
  text = changeCell(text, '一、本年新收', 6, '2').text;
  text = changeCell(text, '四、结转下年度', 0, '2').text;
  text = changeCell(text, '四、结转下年度', 6, '2').text;

  it('"2023 年度辛店镇未接到政府信息公开申请" while 一、本年新收 is 2', () => {
    const a = analyze(text);
    expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const found = prose(a);
    expect(found).toHaveLength(1);
    const start = text.indexOf('未接到政府信息公开申请');
    expect(found[0].range).toEqual({ start, end: start + '未接到政府信息公开申请'.length });
    expect(found[0].message).toBe('正文说未收到申请，但表格中 一、本年新收·总计 为 2');
  });

  it('"未发生…行政复议和诉讼案件" while table 四 has one reconsideration (upheld): only 行政复议 is named', () => {
    const lines = seed000.split('\n');
    const row = lines.findIndex((l) => /^0\t0\t0\t0\t0\t0/.test(l));
    lines[row] = '1\t0\t0\t0\t1\t' + lines[row].split('\t').slice(5).join('\t');
    const t = lines.join('\n');
    const found = prose(analyze(t));
    expect(found.map((f) => f.message)).toEqual(['正文说没有行政复议，但表格中 行政复议·总计 为 1']);
    const start = t.indexOf('未发生有关政府信息公开事务');
    expect(found[0].range).toEqual({ start, end: start + 3 });
  });
});
