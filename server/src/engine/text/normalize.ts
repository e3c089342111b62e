// A normalised *view* of text for matching labels. Never used for ranges.

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;

/** Full-width ASCII (０-９, （）, ：…) → half-width; ideographic space → space. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= FULLWIDTH_START && c <= FULLWIDTH_END) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

const STRIP = /[\s\u3000\u00a0\u200b\ufeff]+/g;
const PUNCT = /[()（）【】\[\]{}<>《》〈〉「」『』"'“”‘’:：,，、.．。;；!！?？·・\-－—_/／|｜*#`~]+/g;

/** Label key: half-width, no whitespace, no punctuation. "（二）部分 公开（区分…）" → "二部分公开区分…". */
export function labelKey(s: string): string {
  return toHalfWidth(s).replace(STRIP, '').replace(PUNCT, '');
}

/** Compact form: half-width, whitespace removed, punctuation kept. */
export function compact(s: string): string {
  return toHalfWidth(s).replace(STRIP, '');
}
