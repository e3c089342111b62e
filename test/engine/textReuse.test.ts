// text-reuse: a report that repeats more than half of its unit's previous-year report (issue 14,
// acceptance 4), compared through the summaries' sentence fingerprints.
import { describe, expect, it } from 'vitest';
import { analyze, summarize, type RelatedReport } from '../../server/src/engine';
import { hash32, normaliseSentence, sharedSentences } from '../../server/src/engine/reuse';
import { seeds } from './fixtures';

const seed000 = seeds[0].text; // 辛店镇 2023
const seed004 = seeds[4].text; // 宝丰县人民政府办公室 2023, 20 counted sentences (its headings are not counted)

/** Every year in the text moved back by one (2023 → 2022, 2022 → 2021): last year's boilerplate. */
const yearEarlier = (text: string) => text.replace(/20(\d\d)/g, (_, y: string) => `20${String(Number(y) - 1).padStart(2, '0')}`);

/** The text with the prose sentences ending at the first `k` 。 of non-table lines rewritten. */
function rewriteSentences(text: string, k: number): string {
  let done = 0;
  return text
    .split('\n')
    .map((line) => (line.includes('\t') ? line : line.replace(/。/g, (m) => (done < k ? `，另有新情况第${++done}项${'甲乙丙丁戊己庚辛壬癸'[done % 10]}${m}` : m))))
    .join('\n');
}

const uri2022 = 'file:///reports/%E5%AE%9D%E4%B8%B02022.txt'; // 宝丰2022.txt
const reuse = (text: string, related: RelatedReport[], locale?: 'en') => analyze(text, { related, locale }).findings.filter((f) => f.ruleId === 'text-reuse');

describe('text-reuse', () => {
  it('counts 20 sentences in seed 004 (the fixture the figures below are made from)', () => {
    expect(summarize(seed004).sentences).toHaveLength(20);
  });

  it('two consecutive years of one unit sharing 60 % of the sentences: information with the percentage, pointing at last year', () => {
    // Last year: the same prose with every year one earlier and 8 of the 20 sentences worded otherwise.
    const lastYear = { uri: uri2022, summary: summarize(rewriteSentences(yearEarlier(seed004), 8)) };
    expect(lastYear.summary.year).toBe(2022);
    const found = reuse(seed004, [lastYear]);
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('information');
    expect(found[0].message).toBe('与上一年度报告（宝丰2022.txt）相同的句子占 60%（12/20 句），重复率超过 50%');
    expect(reuse(seed004, [lastYear], 'en')[0].message).toBe("60% of the sentences are the same as in last year's report (宝丰2022.txt) (12 of 20): more than 50 % repeated");
    const a = analyze(seed004, { related: [lastYear] });
    expect(found[0].range).toEqual(a.report.title!.range);
    expect(found[0].related[0]).toMatchObject({ uri: uri2022, message: '2022 年度报告' });
  });

  it('more than half of this report\'s sentences shared: reported; exactly half or less: nothing', () => {
    const at = (k: number) => reuse(seed004, [{ uri: uri2022, summary: summarize(rewriteSentences(yearEarlier(seed004), k)) }]);
    expect(at(0)[0].message).toContain('100%（20/20 句）');
    expect(at(9)[0].message).toContain('55%（11/20 句）');
    expect(at(10)).toEqual([]); // 10/20 = 50 %: not more than half
    expect(at(20)).toEqual([]);
  });

  it('an unrelated pair — another report under this unit\'s title, last year — gives nothing', () => {
    const other = seed000.replace('辛店镇', '宝丰县人民政府办公室').replace(/2023 年政府信息公开工作/, '2022 年政府信息公开工作');
    const summary = summarize(other);
    expect([summary.unit, summary.year]).toEqual([summarize(seed004).unit, 2022]);
    expect(reuse(seed004, [{ uri: uri2022, summary }])).toEqual([]);
  });

  it('compares only with the previous year of the same unit', () => {
    const sameText = (from: string, to: string) => ({ uri: uri2022, summary: summarize(seed004.replace(from, to)) });
    expect(reuse(seed004, [sameText('2023 年政府信息公开工作', '2021 年政府信息公开工作')])).toEqual([]); // two years back
    expect(reuse(seed004, [sameText('宝丰县人民政府办公室', '鲁山县人民政府办公室')])).toEqual([]); // another unit
    expect(reuse(seed004, [])).toEqual([]);
    // A summary made before the fingerprint existed: nothing to compare.
    const { sentences: _, ...old } = summarize(yearEarlier(seed004));
    expect(reuse(seed004, [{ uri: uri2022, summary: old }])).toEqual([]);
  });

  it('normalises away years, the unit name, spaces and punctuation; other numbers count', () => {
    const unit = '宝丰县人民政府办公室';
    expect(normaliseSentence('2023 年，宝丰县人民政府办公室共收到申请 7 件。', unit)).toBe('年共收到申请7件');
    expect(hash32(normaliseSentence('2022年，宝丰县人民政府办公室共收到申请7件！', unit))).toBe(hash32(normaliseSentence('2023 年，宝丰县人民政府办公室共收到申请 7 件。', unit)));
    expect(normaliseSentence('共收到申请 8 件。', unit)).not.toBe(normaliseSentence('共收到申请 7 件。', unit));
    expect(sharedSentences([1, 2, 2, 3, 9], [2, 3, 3, 4, 9])).toBe(3);
  });
});

describe('sentenceHash', () => {
  it('is hash32 of the normalised sentence, with or without the unit in it (every sentence of every seed and real report)', async () => {
    const { sentenceHash, MIN_CHARS } = await import('../../server/src/engine/reuse');
    const { proseSentences } = await import('../../server/src/engine/prose');
    const { parseReport } = await import('../../server/src/engine/parse/report');
    const { huaian } = await import('./fixtures');
    let checked = 0;
    for (const { text } of [...seeds, huaian]) {
      const unit = summarize(text).unit;
      for (const s of proseSentences(parseReport(text))) {
        for (const u of [unit, undefined, '本机关']) {
          const n = normaliseSentence(s.text, u);
          expect(sentenceHash(s.text, u)).toBe(n.length >= MIN_CHARS ? hash32(n) : undefined);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(sentenceHash('宝丰县人民政府办公室 2023 年共收到申请 7 件。', '宝丰县人民政府办公室')).toBe(hash32('年共收到申请7件'));
  });
});
