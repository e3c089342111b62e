// Table 二 in fixed-width text: a blank inside a row leaves no cell, so its values are placed by
// the header's display columns (本年制发件数 / 本年废止件数 / 现行有效件数), not by their order.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine';
import { convert } from '../helpers/layoutVariants';
import { reals } from './fixtures';

const gwh = reals.find((r) => r.name === '2022_gwh.txt')!.text;

/** The table-二 row `label` of `text`, as its cells' texts. */
const t2Row = (text: string, label: string) => analyze(text).report.table2!.rows.find((r) => r.label === label)!.cells.map((c) => c?.raw ?? '∅');

describe('table 二 in fixed-width text', () => {
  it.each(['fixed-left', 'fixed-right'] as const)('%s: a blank first value stays blank; the others keep their columns', (layout) => {
    const tab = gwh.replace('行政规范性文件\t34\t0\t89', '行政规范性文件\t\t0\t89');
    expect(t2Row(tab, '行政规范性文件')).toEqual(['', '0', '89']);
    expect(t2Row(convert(tab, layout).text, '行政规范性文件')).toEqual(['', '0', '89']);
  });

  it('a full row reads as before', () => {
    expect(t2Row(convert(gwh, 'fixed-left').text, '行政规范性文件')).toEqual(['34', '0', '89']);
  });
});
