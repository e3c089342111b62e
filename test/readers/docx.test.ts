// The Word reader on documents made here: merged cells (gridSpan, vMerge, gridBefore/After),
// paragraphs, tabs and breaks, what is not body text, and damaged or foreign files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describePlace, placeAt, readDocx } from '../../server/src/readers';
import { makeDocx, para, editDocx } from '../helpers/sourceFiles';
import { fixturesDir } from '../helpers/paths';

const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${text ? para(text) : '<w:p/>'}</w:tc>`;
const tr = (cells: string, props = '') => `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${cells}</w:tr>`;
const text = (bytes: Uint8Array) => {
  const r = readDocx(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.converted;
};

describe('readDocx', () => {
  it('reads paragraphs in order, one per line, trimmed, NBSP removed, empty ones left out', () => {
    const c = text(makeDocx(para('标题') + '<w:p/>' + para('\u00a0 一、总体情况 ') + para('正文')));
    expect(c.text).toBe('标题\n一、总体情况\n正文\n');
    expect(describePlace(placeAt(c, c.text.indexOf('正文'))!)).toBe('第3段');
  });

  it('joins runs, keeps a body tab, breaks lines at w:br, skips deleted text, field codes and text boxes', () => {
    const body =
      '<w:p><w:r><w:t>收到</w:t></w:r><w:r><w:t>申请</w:t></w:r><w:r><w:tab/><w:t>16</w:t></w:r><w:r><w:br/><w:t>件</w:t></w:r></w:p>' +
      '<w:p><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:drawing><w:txbxContent>' +
      para('文本框') +
      '</w:txbxContent></w:drawing><w:t>保留&amp;</w:t></w:r></w:p>';
    expect(text(makeDocx(body)).text).toBe('收到申请\t16\n件\n保留&\n');
  });

  it('lays a table on its grid: gridSpan and gridBefore/After as empty cells, vMerge continuations empty', () => {
    const table =
      '<w:tbl>' +
      tr(tc('（本列数据的勾稽关系）', '<w:gridSpan w:val="3"/><w:vMerge w:val="restart"/>') + tc('申请人情况', '<w:gridSpan w:val="2"/>')) +
      tr(tc('', '<w:gridSpan w:val="3"/><w:vMerge/>') + tc('自然人') + tc('总计')) +
      tr(tc('一、本年新收') + tc('14') + tc('16'), '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>') +
      '</w:tbl>';
    const c = text(makeDocx(para('前') + table + para('后')));
    expect(c.text).toBe('前\n（本列数据的勾稽关系）\t\t\t申请人情况\t\n\t\t\t自然人\t总计\n\t一、本年新收\t14\t16\t\n后\n');
    expect(describePlace(placeAt(c, c.text.indexOf('14'))!)).toBe('表1 第3行 第3列');
    expect(describePlace(placeAt(c, c.text.indexOf('后'))!)).toBe('第2段');
  });

  it('a cell of several paragraphs is one cell, its paragraphs joined by a space; a nested table stays in its cell', () => {
    const nested = `<w:tbl>${tr(tc('内'))}</w:tbl>`;
    const table = `<w:tbl>${tr(`<w:tc>${para('商业')}${para('企业')}</w:tc><w:tc>${nested}</w:tc>${tc('0')}`)}</w:tbl>`;
    expect(text(makeDocx(table)).text).toBe('商业 企业\t内\t0\n');
  });

  it('says a damaged file is damaged, a zip without a Word body is not a Word document', () => {
    const real = fs.readFileSync(path.join(fixturesDir, 'formats', '2022_gwh.docx'));
    expect(readDocx(real.subarray(0, real.length >> 1))).toMatchObject({ ok: false, problem: { kind: 'corrupt', format: 'docx' } });
    expect(readDocx(strToU8('not a zip at all'))).toMatchObject({ ok: false, problem: { kind: 'corrupt' } });
    expect(readDocx(zipSync({ 'content.xml': strToU8('<x/>') }))).toEqual({ ok: false, problem: { kind: 'not-docx' } });
  });

  it('editDocx (the tests’ helper) changes a number the reader then reads', () => {
    const real = fs.readFileSync(path.join(fixturesDir, 'formats', '2022_gwh.docx'));
    const edited = editDocx(real, (xml) => xml.replace('<w:t>89</w:t>', '<w:t>98</w:t>'));
    expect(text(edited).text).toContain('行政规范性文件\t34\t0\t98');
  });
});
