// How wide text is on screen in a fixed-width font: CJK and full-width characters take two
// columns, the rest one. pdftotext -layout and hand-aligned text line their columns up by this
// width, not by UTF-16 offsets, so a fixed-width table's columns are read in these units.

/** East Asian Wide / Fullwidth ranges (the ones Chinese reports use). */
function isWide(c: number): boolean {
  if (c < 0x1100) return false;
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

/** CJK ideographs beyond the BMP (extensions B–G): two columns. */
function isWideAstral(cp: number): boolean {
  return cp >= 0x20000 && cp <= 0x3fffd;
}

/** Display width of s[from..to): wide characters 2, a tab to the next multiple of 8, others 1. */
export function displayWidth(s: string, from = 0, to = s.length, startColumn = 0): number {
  let col = startColumn;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x09) col += 8 - (col % 8);
    else if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its pair
    else if (c >= 0xd800 && c <= 0xdbff) col += isWideAstral(s.codePointAt(i)!) ? 2 : 1;
    else col += isWide(c) ? 2 : 1;
  }
  return col - startColumn;
}

/** The offset in `s` where display column `column` starts (s.length when the line is shorter). */
export function offsetAtColumn(s: string, column: number): number {
  let col = 0;
  for (let i = 0; i < s.length; i++) {
    if (col >= column) return i;
    col += displayWidth(s, i, i + 1, col);
  }
  return s.length;
}
