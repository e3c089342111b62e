// The PDF reader: the text layer laid out in columns, pages as places, and the PDFs it cannot
// check — a scan (no text layer), a password, a damaged file — said as such.
import { describe, expect, it } from 'vitest';
import { describePlace, placeAt, readPdf } from '../../server/src/readers';
import { displayWidth } from '../../server/src/engine/text/displayWidth';
import { layoutPage } from '../../server/src/readers/pdfLayout';
import { makePdf } from '../helpers/sourceFiles';

describe('layoutPage', () => {
  it('stands each item at the display column its x gives (CJK two wide), one line per baseline, a blank line at a paragraph gap', () => {
    const items = [
      { str: '自然人', x: 100, y: 700, width: 36, size: 12 },
      { str: '总计', x: 160, y: 700, width: 24, size: 12 },
      { str: '一、新收', x: 40, y: 683, width: 48, size: 12 },
      { str: '14', x: 100, y: 682, width: 12, size: 12 }, // a cell centred a little lower
      { str: '16', x: 160, y: 683, width: 12, size: 12 },
      { str: '段落', x: 40, y: 640, width: 24, size: 12 },
    ];
    const lines = layoutPage(items, 6, 40).map((l) => l.text);
    expect(lines).toEqual(['          自然人    总计', '一、新收  14        16', '', '段落']);
    expect(displayWidth(lines[1].slice(0, lines[1].indexOf('14')))).toBe(10);
  });

  it('keeps runs that touch together and separates words a small gap apart', () => {
    const items = [
      { str: '2022', x: 40, y: 700, width: 24, size: 12 },
      { str: '年', x: 66.4, y: 700, width: 12, size: 12 },
      { str: '共', x: 78.4, y: 700, width: 12, size: 12 },
    ];
    expect(layoutPage(items, 6, 40).map((l) => l.text)).toEqual(['2022 年共']);
  });
});

describe('readPdf', () => {
  it('reads the text layer page by page, each line placed on its page, pages separated by a form feed', async () => {
    const pdf = makePdf([
      [{ x: 50, y: 780, size: 12, text: 'Annual report 2023' }],
      [
        { x: 50, y: 780, size: 12, text: 'Table' },
        { x: 200, y: 780, size: 12, text: '16' },
      ],
    ]);
    const r = await readPdf(pdf);
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.converted.text).toMatch(/^Annual report 2023\n\fTable {2,}16\n$/);
    expect(describePlace(placeAt(r.converted, r.converted.text.indexOf('16'))!)).toBe('第2页');
  });

  it('says a PDF without a text layer is a scan', async () => {
    expect(await readPdf(makePdf([[], []]))).toEqual({ ok: false, problem: { kind: 'scanned-pdf', pages: 2 } });
  });

  it('says a password-protected PDF is protected', async () => {
    const pdf = makePdf([[{ x: 50, y: 780, size: 12, text: 'secret' }]], { userPassword: 'secret' });
    expect(await readPdf(pdf)).toEqual({ ok: false, problem: { kind: 'password-pdf' } });
  });

  it('says a damaged or foreign file is damaged', async () => {
    expect(await readPdf(Buffer.from('this is not a PDF'))).toMatchObject({ ok: false, problem: { kind: 'corrupt', format: 'pdf' } });
    const truncated = makePdf([[{ x: 50, y: 780, size: 12, text: 'x' }]]).subarray(0, 30);
    expect(await readPdf(truncated)).toMatchObject({ ok: false });
  });
});
