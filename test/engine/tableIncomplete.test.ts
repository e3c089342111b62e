// table-incomplete: a table 二/三 that is there but lacks template rows gets one warning on its
// first line naming them; complete reports (seeds, huaian, examples, new-report drafts) stay silent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis, Finding } from '../../server/src/engine';
import { analyze, newReport } from '../../server/src/engine';
import { missingTableRows } from '../../server/src/engine/rules/tableIncomplete';
import { huaian, reals, seeds } from './fixtures';

const incomplete = (a: Analysis): Finding[] => a.findings.filter((f) => f.ruleId === 'table-incomplete');
const excerpt = (name: string) => reals.find((r) => r.name === name)!.text;
const seed = (prefix: string) => seeds.find((s) => s.name.startsWith(prefix))!.text;
const exampleText = (name: string) => readFileSync(path.resolve(__dirname, '../../examples', name), 'utf8');

/** The text without the (first) line that contains `needle`. */
function dropLine(text: string, needle: string): string {
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(0, start) + text.slice(end + 1);
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;
const slice = (text: string, f: Finding) => text.slice(f.range.start, f.range.end);

describe('table-incomplete: silent on complete reports', () => {
  it('the five seeds, the huaian report and the examples', () => {
    for (const { name, text } of [...seeds, huaian]) expect(incomplete(analyze(text)), name).toEqual([]);
    for (const name of ['clean-2023.txt', 'mistakes-2023.txt', 'report.md', 'not-a-report.txt']) {
      expect(incomplete(analyze(exampleText(name))), name).toEqual([]);
    }
  });

  it('new-report drafts of both formats, in both languages', () => {
    for (const year of [2019, 2020, 2021, 2024]) {
      const { text } = newReport('某某县人民政府办公室', year);
      expect(incomplete(analyze(text)), String(year)).toEqual([]);
      expect(incomplete(analyze(text, { locale: 'en' })), String(year)).toEqual([]);
    }
  });

  it('（六）其他处理 as one row in a 2021-format table counts as present (template-version says the rest)', () => {
    const a = analyze(seed('003'));
    expect(a.report.table3!.rows.has('r6')).toBe(true);
    expect(a.findings.map((f) => f.ruleId)).toContain('template-version');
    expect(incomplete(a)).toEqual([]);
  });

  it('a row excluded for its shape is not missing: only table-row-shape speaks', () => {
    const text = seed('000').replace(/(2\. 没有现成信息需要另行制作)\t0\t0/, '$1\t0');
    const a = analyze(text);
    expect(a.findings.filter((f) => f.ruleId === 'table-row-shape').length).toBe(1);
    expect(incomplete(a)).toEqual([]);
  });

  it('table 四 is read whole or not at all: a short data row is table-row-shape, not table-incomplete', () => {
    const text = seed('000');
    const row = text.split('\n').find((l) => /^0(\t0){14}\s*$/.test(l))!;
    const a = analyze(text.replace(row, '0\t0\t0\t0\t0\t0\t0\t0\t0\t0'));
    expect(a.report.table4).toBeUndefined();
    expect(a.findings.map((f) => f.ruleId)).toContain('table-row-shape');
    expect(incomplete(a)).toEqual([]);
  });
});

describe('table-incomplete: seeds with rows deleted', () => {
  it('table 三 (2021 format) without 2.没有现成信息需要另行制作: one warning on the table’s first line', () => {
    const text = dropLine(seed('000'), '2. 没有现成信息需要另行制作');
    const [f, ...more] = incomplete(analyze(text));
    expect(more).toEqual([]);
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('第三部分统计表缺少 1 行（或无法识别）：（四）无法提供 › 2.没有现成信息需要另行制作');
    expect(slice(text, f)).toBe('(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计');
    const en = incomplete(analyze(text, { locale: 'en' }));
    expect(en.map((x) => x.message)).toEqual(['The table of section III lacks 1 of its 25 template rows (or they could not be read): （四）无法提供 › 2.没有现成信息需要另行制作']);
  });

  it('table 三 (2021 format) without its three （六） sub-rows lists all three; without 3.其他 only that one', () => {
    let text = seed('000');
    for (const n of ['逾期不补正', '收费通知', '3. 其他']) text = dropLine(text, n);
    expect(missingTableRows(analyze(text).report).map((t) => t.missing)).toEqual([[
      '（六）其他处理 › 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '（六）其他处理 › 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '（六）其他处理 › 3.其他',
    ]]);
    expect(missingTableRows(analyze(dropLine(seed('000'), '3. 其他')).report).map((t) => t.missing)).toEqual([['（六）其他处理 › 3.其他']]);
  });

  it('table 三 (2019 format) without （六）其他处理 and （七）总计', () => {
    const text = dropLine(dropLine(seed('002'), '(六) 其他处理'), '(七) 总计');
    const fs = incomplete(analyze(text));
    expect(fs.map((f) => f.message)).toEqual(['第三部分统计表缺少 2 行（或无法识别）：（六）其他处理、（七）总计']);
    expect(analyze(text, { locale: 'en' }).findings.find((f) => f.ruleId === 'table-incomplete')!.message).toContain('2 of its 23 template rows');
  });

  it('table 二 (2021 format) without 行政强制, (2019 format) without 政府集中采购', () => {
    const t21 = dropLine(seed('000'), '行政强制');
    const [f21] = incomplete(analyze(t21));
    expect(f21.message).toBe('第二部分统计表缺少 1 行（或无法识别）：第二十条第（六）项 › 行政强制');
    expect(slice(t21, f21)).toBe('第二十条第（一）项');
    const t19 = dropLine(seed('002'), '政府集中采购');
    expect(incomplete(analyze(t19)).map((f) => f.message)).toEqual(['第二部分统计表缺少 1 行（或无法识别）：第二十条第（九）项 › 政府集中采购']);
    expect(incomplete(analyze(t19, { locale: 'en' })).map((f) => f.message)).toEqual(['The table of section II lacks 1 of its 8 template rows (or they could not be read): 第二十条第（九）项 › 政府集中采购']);
  });

  it('more than five missing rows: five named, then 等 (zh) / … (en)', () => {
    let text = seed('001');
    for (const n of ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息']) text = dropLine(text, n);
    const [f] = incomplete(analyze(text));
    expect(f.message).toMatch(/^第三部分统计表缺少 6 行（或无法识别）：（三）不予公开 › 1\.属于国家秘密、.*、（三）不予公开 › 5\.属于三类内部事务信息 等$/);
    expect(f.message).not.toContain('6.属于四类过程性信息');
    const [en] = incomplete(analyze(text, { locale: 'en' }));
    expect(en.message.endsWith('（三）不予公开 › 5.属于三类内部事务信息; …')).toBe(true);
  });
});

describe('table-incomplete: the real excerpts', () => {
  /** Per excerpt: [section index, how many rows are missing] of each warning. */
  const EXPECTED: Record<string, [number, number][]> = {
    'excerpt-2019-01.txt': [[1, 7], [2, 23]],
    'excerpt-2020-02.txt': [],
    'excerpt-2020-03.txt': [[2, 18]],
    'excerpt-2020-04.txt': [[1, 2]],
    'excerpt-2020-05.txt': [],
    'excerpt-2022-06.txt': [],
    'excerpt-2022-07.txt': [[1, 5]],
    'excerpt-2022-08.txt': [],
    'excerpt-2022-09.txt': [],
    'excerpt-2022-10.txt': [[1, 3]],
    'excerpt-2022-11.txt': [],
    'excerpt-2022-12.txt': [[1, 1]],
    'excerpt-2023-13.txt': [[2, 16]],
    'excerpt-2024-14.txt': [[2, 15]],
    'excerpt-2024-15.txt': [],
    'excerpt-2024-16.txt': [[2, 14]],
  };

  it('every excerpt is listed', () => {
    expect(reals.filter((r) => r.name.startsWith('excerpt-')).map((r) => r.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: one warning per incomplete table, with its count', (name, want) => {
    const text = excerpt(name);
    const a = analyze(text);
    expect(missingTableRows(a.report).map((t) => [t.section, t.missing.length])).toEqual(want);
    const fs = incomplete(a);
    expect(fs.length).toBe(want.length);
    for (const [i, [section, n]] of want.entries()) {
      const numeral = section === 1 ? '二' : '三';
      const table = a.report[section === 1 ? 'table2' : 'table3']!;
      expect(lineOf(text, fs[i].range.start)).toBe(lineOf(text, table.range.start));
      if (name === 'excerpt-2019-01.txt' && section === 2) expect(fs[i].message).toBe('第三部分统计表没有数据行（只有表头，或数字无法识别）');
      else expect(fs[i].message.startsWith(`第${numeral}部分统计表缺少 ${n} 行（或无法识别）：`)).toBe(true);
    }
  });

  const ROWS_FROM_3_6 = [
    '（三）不予公开 › 6.属于四类过程性信息',
    '（三）不予公开 › 7.属于行政执法案卷',
    '（三）不予公开 › 8.属于行政查询事项',
    '（四）无法提供 › 1.本机关不掌握相关政府信息',
    '（四）无法提供 › 2.没有现成信息需要另行制作',
    '（四）无法提供 › 3.补正后申请内容仍不明确',
    '（五）不予处理 › 1.信访举报投诉类申请',
    '（五）不予处理 › 2.重复申请',
    '（五）不予处理 › 3.要求提供公开出版物',
    '（五）不予处理 › 4.无正当理由大量反复申请',
    '（五）不予处理 › 5.要求行政机关确认或重新出具已获取信息',
  ];
  const F2021_TAIL = [
    '（六）其他处理 › 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '（六）其他处理 › 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '（六）其他处理 › 3.其他',
    '（七）总计',
    '四、结转下年度继续办理',
  ];

  it('2020-03 (2019 format) is cut inside 2.其他法律行政法规禁止公开: 18 of 23 rows missing, （六） as one row', () => {
    expect(missingTableRows(analyze(excerpt('excerpt-2020-03.txt')).report)[0].missing).toEqual([
      '（三）不予公开 › 2.其他法律行政法规禁止公开',
      '（三）不予公开 › 3.危及“三安全一稳定”',
      '（三）不予公开 › 4.保护第三方合法权益',
      '（三）不予公开 › 5.属于三类内部事务信息',
      ...ROWS_FROM_3_6,
      '（六）其他处理',
      '（七）总计',
      '四、结转下年度继续办理',
    ]);
  });

  it('2023-13 is cut inside 6.属于四类过程性信息, 2024-14 inside 7., 2024-16 after 7. (a short row, reported as such)', () => {
    const missing = (name: string) => missingTableRows(analyze(excerpt(name)).report)[0].missing;
    expect(missing('excerpt-2023-13.txt')).toEqual([...ROWS_FROM_3_6, ...F2021_TAIL]);
    expect(missing('excerpt-2024-14.txt')).toEqual([...ROWS_FROM_3_6.slice(1), ...F2021_TAIL]);
    expect(missing('excerpt-2024-16.txt')).toEqual([...ROWS_FROM_3_6.slice(2), ...F2021_TAIL]);
    expect(analyze(excerpt('excerpt-2024-16.txt')).findings.filter((f) => f.ruleId === 'table-row-shape').map((f) => f.message)).toEqual([
      '（三）不予公开 › 7.属于行政执法案卷 只有 6 个数，模板需要 7 个，无法确定各数对应的列，未参与勾稽校验',
    ]);
  });

  it('table 二 cut off: 2022-12 lacks 行政事业性收费, 2020-04 (2019 format) also 政府集中采购', () => {
    expect(missingTableRows(analyze(excerpt('excerpt-2022-12.txt')).report)[0].missing).toEqual(['第二十条第（八）项 › 行政事业性收费']);
    expect(missingTableRows(analyze(excerpt('excerpt-2020-04.txt')).report)[0].missing).toEqual(['第二十条第（八）项 › 行政事业性收费', '第二十条第（九）项 › 政府集中采购']);
  });
});
