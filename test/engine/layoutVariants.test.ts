// Tests of the layout converters themselves (test/helpers/layoutVariants.ts), on every fixture the
// metamorphic tests use: each layout has the shape it claims (pipe separator rows, fixed-width
// columns lined up by display width, one cell per line, CRLF, GB18030 bytes, full-width digits),
// round trips back to the tab text where the layout keeps enough to do so, and its offset maps
// point at the same characters. If these fail, metamorphic.test.ts's failures mean nothing.
import * as iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  FIXED_GAP,
  LAYOUTS,
  asciiDigits,
  columnWidths,
  convert,
  displayWidth,
  fullwidthDigits,
  invertSegments,
  isPipeSeparator,
  pipeToTab,
  tabLines,
  tableBlocks,
  tableCells,
  toCrlf,
  toFixed,
  toGb18030,
  toPipe,
  toTabOffset,
  toVariantOffset,
  toVertical,
  type Variant,
} from '../helpers/layoutVariants';
import { reals, seeds } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixturesDir } from './fixtures';

const TAB_FIXTURES = [
  ...seeds.filter((s) => s.text.includes('\t')),
  ...reals.filter((r) => /^20\d\d_[a-z]+\.txt$/.test(r.name)),
  ...['2022_gwh-blank-for-zero.txt', '2022_gwh-phantom-column.txt'].map((name) => ({ name, text: fs.readFileSync(path.join(fixturesDir, 'edited', name), 'utf8') })),
];
const SEED_001 = seeds.find((s) => s.name.startsWith('001_'))!;

/** The variant's text of a segment, with full-width digits read as ASCII (fullwidth layout). */
const segmentText = (v: Variant, s: { to: number; length: number }) => asciiDigits(v.text.slice(s.to, s.to + s.length));

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['0', 1],
    ['14', 2],
    ['总计', 4],
    ['商业 企业', 9],
    ['（一）予以公开', 14],
    ['１２', 4],
    ['“三安全一稳定”', 14], // curly quotes are ambiguous width: counted 1
    ['1.属于国家秘密', 14],
  ])('%s → %i', (s, w) => expect(displayWidth(s)).toBe(w));
});

describe('full-width digits', () => {
  it('turn into each other', () => {
    expect(fullwidthDigits('a0123456789')).toBe('a０１２３４５６７８９');
    expect(asciiDigits('a０１２３４５６７８９')).toBe('a0123456789');
  });
});

describe('pipe tables (seed 001 is stored as one)', () => {
  it('separator rows are recognised, table rows are not', () => {
    expect(isPipeSeparator('|---|---|')).toBe(true);
    expect(isPipeSeparator('| --- | :---: |')).toBe(true);
    expect(isPipeSeparator('| 规章 | 0 | 0 | 0 |')).toBe(false);
    expect(isPipeSeparator('——')).toBe(false);
  });

  it('seed 001 as tab rows: every pipe row → its cells, text lines unchanged', () => {
    const { text, segments } = pipeToTab(SEED_001.text);
    const src = SEED_001.text.split('\n');
    const out = text.split('\n');
    expect(out.length).toBe(src.length);
    out.forEach((line, i) => {
      if (src[i].split('|').length > 2) expect(line.split('\t').join('|')).toBe(src[i].split('|').map((c) => c.trim()).slice(0, src[i].trimEnd().endsWith('|') ? -1 : undefined).join('|'));
      else expect(line).toBe(src[i]);
    });
    expect(out.find((l) => l.startsWith('规章'))).toBe('规章\t0\t0\t0');
    for (const s of segments) expect(text.slice(s.to, s.to + s.length)).toBe(SEED_001.text.slice(s.from, s.from + s.length));
  });

  it('invertSegments swaps the direction', () => {
    expect(invertSegments([{ from: 3, to: 5, length: 2 }])).toEqual([{ from: 5, to: 3, length: 2 }]);
  });
});

describe('a small table in every layout', () => {
  const tab = '标题\n信息内容\t本年制发件数\t\n商业 企业\t12\t3\n\t0\t\n尾\n';

  it('pipe', () => {
    expect(toPipe(tab).text).toBe('标题\n| 信息内容 | 本年制发件数 |  |\n|---|---|---|\n| 商业 企业 | 12 | 3 |\n|  | 0 |  |\n尾\n');
  });

  it('fixed, numbers left-aligned', () => {
    expect(toFixed(tab, 'left').text).toBe(['标题', '信息内容   本年制发件数', '商业 企业  12            3', '           0', '尾', ''].join('\n'));
  });

  it('fixed, numbers right-aligned', () => {
    expect(toFixed(tab, 'right').text).toBe(['标题', '信息内容   本年制发件数', '商业 企业            12  3', '                      0', '尾', ''].join('\n'));
  });

  it('vertical', () => {
    expect(toVertical(tab).text).toBe('标题\n信息内容\n本年制发件数\n商业 企业\n12\n3\n0\n尾\n');
  });

  it('crlf, gb18030, fullwidth', () => {
    expect(toCrlf(tab).text).toBe(tab.replace(/\n/g, '\r\n'));
    expect(toGb18030(tab).text).toBe(tab);
    expect(convert(tab, 'fullwidth').text).toBe('标题\n信息内容\t本年制发件数\t\n商业 企业\t１２\t３\n\t０\t\n尾\n');
  });

  it('a text without a final newline keeps none', () => {
    for (const layout of LAYOUTS) expect(convert('规章\t0', layout).text.endsWith('\n'), layout).toBe(false);
  });
});

describe.each(TAB_FIXTURES.map((f) => [f.name, f.text] as const))('%s', (_name, tab) => {
  const lines = tabLines(tab);
  const blocks = tableBlocks(lines);
  const cells = tableCells(tab);

  it('has table blocks and no table line whose cells are all empty', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) if (l.cells) expect(l.cells.some((c) => c.text), l.text).toBe(true);
  });

  describe.each(LAYOUTS.map((l) => [l]))('%s', (layout) => {
    const v = convert(tab, layout);

    it('every segment holds the same characters as the tab text at its source', () => {
      for (const s of v.segments) expect(segmentText(v, s)).toBe(tab.slice(s.from, s.from + s.length));
    });

    it('segments are in order in both texts and do not overlap', () => {
      for (let i = 1; i < v.segments.length; i++) {
        const [a, b] = [v.segments[i - 1], v.segments[i]];
        expect(b.from).toBeGreaterThanOrEqual(a.from + a.length);
        expect(b.to).toBeGreaterThanOrEqual(a.to + a.length);
      }
    });

    it('every table cell is mapped to the same characters, both ways', () => {
      expect(v.cellStarts.size).toBe(cells.length);
      for (const c of cells) {
        const at = v.cellStarts.get(c.start)!;
        expect(at, c.text).toBeTypeOf('number');
        expect(asciiDigits(v.text.slice(at, at + c.text.length))).toBe(c.text);
        expect(toVariantOffset(v, c.end)).toBe(at + c.text.length);
        expect(toTabOffset(v, at)).toBe(c.start);
        expect(toTabOffset(v, at + c.text.length)).toBe(c.end);
      }
    });

    it('every text line outside the tables is kept', () => {
      const kept = new Set(v.text.split(/\r?\n/));
      for (const l of lines) if (!l.cells) expect(kept.has(l.text), l.text).toBe(true);
    });
  });

  it('pipe: one |---| row right after the first line of each block, as many columns as that line', () => {
    const out = toPipe(tab).text.split('\n');
    const separators = out.flatMap((l, i) => (isPipeSeparator(l) ? [i] : []));
    expect(separators.length).toBe(blocks.length);
    for (const i of separators) {
      const head = out[i - 1];
      expect(head.startsWith('| ') && head.endsWith(' |')).toBe(true);
      expect(out[i]).toBe('|' + '---|'.repeat(head.slice(2, -2).split(' | ').length));
    }
  });

  it('pipe: round trip back to the tab text', () => {
    expect(pipeToTab(toPipe(tab).text).text).toBe(tab);
  });

  it.each(['left', 'right'] as const)('fixed-%s: columns line up by display width, no trailing spaces', (align) => {
    const v = toFixed(tab, align);
    for (const [first, last] of blocks) {
      const widths = columnWidths(lines.slice(first, last + 1));
      const colStart = widths.map((_, k) => widths.slice(0, k).reduce((n, w) => n + w + FIXED_GAP, 0));
      for (let i = first; i <= last; i++) {
        for (const [k, c] of lines[i].cells!.entries()) {
          if (!c.text) continue;
          const at = v.cellStarts.get(c.start)!;
          const lineStart = v.text.lastIndexOf('\n', at - 1) + 1;
          const column = displayWidth(v.text.slice(lineStart, at));
          const rightAligned = align === 'right' && /^\d+$/.test(c.text);
          const where = `${lines[i].text} / cell ${k}`;
          if (rightAligned) expect(column + displayWidth(c.text), where).toBe(colStart[k] + widths[k]);
          else expect(column, where).toBe(colStart[k]);
        }
      }
    }
    for (const l of v.text.split('\n')) expect(l).toBe(l.trimEnd());
  });

  it('fixed: only spaces between cells, at least two between neighbours, cells keep their single inner spaces', () => {
    const v = toFixed(tab, 'left');
    for (const l of lines) {
      const written = (l.cells ?? []).filter((c) => c.text);
      for (let k = 1; k < written.length; k++) {
        const gap = v.text.slice(v.cellStarts.get(written[k - 1].start)! + written[k - 1].text.length, v.cellStarts.get(written[k].start)!);
        expect(gap).toMatch(new RegExp(`^ {${FIXED_GAP},}$`));
      }
    }
  });

  it('vertical: each non-empty cell on its own line, empty cells dropped, nothing else changed', () => {
    const expected = lines.flatMap((l) => (l.cells ? l.cells.filter((c) => c.text).map((c) => c.text) : [l.text]));
    expect(toVertical(tab).text.split('\n')).toEqual(expected);
  });

  it('crlf: every line end is CRLF; back to LF gives the tab text', () => {
    const v = toCrlf(tab);
    expect(v.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(v.text.replace(/\r\n/g, '\n')).toBe(tab);
  });

  it('gb18030: bytes are GB18030 (not UTF-8), read back by the CLI decoder as the same text', () => {
    const v = toGb18030(tab);
    expect(v.bytes.equals(Buffer.from(tab, 'utf8'))).toBe(false);
    expect(iconv.decode(v.bytes, 'gb18030')).toBe(tab);
    expect(v.text).toBe(tab);
  });

  it('fullwidth: no ASCII digit left in a table cell, text outside the tables untouched', () => {
    const v = convert(tab, 'fullwidth');
    expect(asciiDigits(v.text)).toBe(asciiDigits(tab));
    for (const c of cells) expect(v.text.slice(v.cellStarts.get(c.start)!, v.cellStarts.get(c.start)! + c.text.length)).not.toMatch(/[0-9]/);
    for (const l of lines) if (!l.cells) expect(v.text.slice(l.start, l.end)).toBe(l.text);
  });
});
