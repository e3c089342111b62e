import { describe, expect, it } from 'vitest';
import { analyze, fixAll, invalidReportYear, newReport, NEW_REPORT_MAX_YEAR, NEW_REPORT_MIN_YEAR } from '../../server/src/engine';
import { NEW_REPORT_YEARS } from '../../server/src/lsp/protocol';

const SECTIONS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

describe('new report draft', () => {
  for (const [year, version] of [[2019, 'F2019'], [2020, 'F2019'], [2021, 'F2021'], [2022, 'F2021'], [2024, 'F2021'], [2030, 'F2021']] as const) {
    it(`${year}: the ${version} template, six canonical sections, every table read, zero findings`, () => {
      const draft = newReport('某某县人民政府办公室', year);
      expect(draft.version).toBe(version);
      expect(draft.title).toBe(`某某县人民政府办公室${year}年政府信息公开工作年度报告`);
      expect(draft.text.split('\n')[0]).toBe(draft.title);
      expect(draft.text).toContain(`统计期限为${year}年1月1日至${year}年12月31日`);
      const a = analyze(draft.text);
      expect(a.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      expect(a.isReport).toBe(true);
      expect(a.report.year?.value).toBe(year);
      expect(a.report.version.detected).toBe(version);
      expect(a.report.sections.map((s) => s.heading.text)).toEqual(SECTIONS);
      expect(a.report.sections.every((s) => s.heading.canonical)).toBe(true);
      expect(a.report.sections[0].subHeadings.map((h) => h.text)).toEqual(['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']);
      // 2 + leaves + 总计 + 结转: F2021 has 21 leaves, F2019 19.
      expect(a.report.table3?.rows.size).toBe(version === 'F2021' ? 25 : 23);
      expect(a.report.table2?.rows.length).toBe(version === 'F2021' ? 6 : 8);
      expect(a.report.table4?.cells.map((c) => c.raw)).toEqual(Array(15).fill('0'));
      for (const row of a.report.table3!.rows.values()) expect(row.cells.map((c) => c.raw)).toEqual(Array(7).fill('0'));
      expect(fixAll(draft.text).edits).toEqual([]);
    });
  }

  it('CRLF drafts and English analysis are clean too; the unit name is kept on one line', () => {
    const draft = newReport('  某某市\n某某区 人民政府  ', 2023, { eol: '\r\n' });
    expect(draft.text.includes('\n') && !/[^\r]\n/.test(draft.text)).toBe(true);
    expect(draft.title).toBe('某某市 某某区 人民政府2023年政府信息公开工作年度报告');
    expect(analyze(draft.text, { locale: 'en' }).findings).toEqual([]);
  });

  it('accepts only four-digit years from 2019 on, in both languages', () => {
    for (const ok of [2019, 2024, '2021', NEW_REPORT_MAX_YEAR]) expect(invalidReportYear(ok)).toBeUndefined();
    for (const bad of [2018, 1999, 20245, 2024.5, '24', '二〇二四', '', undefined, NaN, NEW_REPORT_MAX_YEAR + 1]) {
      const why = invalidReportYear(bad);
      expect(why?.zh, String(bad)).toContain('四位年份');
      expect(why?.en, String(bad)).toContain('four-digit year');
    }
    expect([NEW_REPORT_MIN_YEAR, NEW_REPORT_MAX_YEAR]).toEqual([NEW_REPORT_YEARS.min, NEW_REPORT_YEARS.max]);
  });
});
