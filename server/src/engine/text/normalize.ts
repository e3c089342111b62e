// A normalised *view* of text for matching labels. Never used for ranges.
// Hot path (called for every line on every keystroke): plain char-code loops, no regexes.

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;

function isSpaceCodeSlow(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

// One table load per character instead of ten comparisons for every Chinese character: the
// cell splitter walks most characters of pdftotext lines.
const SPACE = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (isSpaceCodeSlow(c)) table[c] = 1;
  return table;
})();

/** Ends a sentence: 。！？!? */
export function isSentenceEndCode(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/** What the regex class \s matches (ECMAScript WhiteSpace + LineTerminator); false for NaN. */
export function isSpaceCode(c: number): boolean {
  return SPACE[c] === 1;
}

/** Half-width code of one character (full-width ASCII → ASCII, ideographic space → space). */
function halfCode(c: number): number {
  if (c >= FULLWIDTH_START && c <= FULLWIDTH_END) return c - 0xfee0;
  return c === 0x3000 ? 0x20 : c;
}

/** Full-width ASCII (０-９, （）, ：…) → half-width; ideographic space → space. */
export function toHalfWidth(s: string): string {
  let i = 0;
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= FULLWIDTH_START && c <= FULLWIDTH_END) || c === 0x3000) break;
  }
  if (i === n) return s;
  const parts: string[] = [s.slice(0, i)];
  pushHalfWidth(parts, s, i, n);
  return parts.join('');
}

/** Appends the half-width view of s[a..b) to parts: unchanged runs as slices, never char by char. */
export function pushHalfWidth(parts: string[], s: string, a: number, b: number): void {
  let run = a;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    const h = halfCode(c);
    if (h !== c) {
      if (i > run) parts.push(s.slice(run, i));
      parts.push(String.fromCharCode(h));
      run = i + 1;
    }
  }
  if (b > run) parts.push(s.slice(run, b));
}

/** Removed by labelKey and compact: whitespace, zero-width space, BOM. */
function isStripCode(c: number): boolean {
  return c === 0x200b || isSpaceCode(c);
}

const PUNCT_CHARS = `()（）【】[]{}<>《》〈〉「」『』"'“”‘’:：,，、.．。;；!！?？·・-－—_/／|｜*#\`~`;
const PUNCT_CODES = new Set<number>([...PUNCT_CHARS].map((ch) => ch.charCodeAt(0)));

// Per UTF-16 code: 0 keep, 1 drop for labelKey only (punctuation), 2 drop for both (whitespace).
// Built once; one typed-array load per character on the hot path.
const DROP = (() => {
  const table = new Uint8Array(0x10000);
  for (const c of PUNCT_CODES) table[c] = 1;
  for (let c = 0; c < 0x10000; c++) if (isStripCode(c)) table[c] = 2;
  return table;
})();

/**
 * toHalfWidth(s) without the characters whose DROP entry is ≥ `level` (1: labelKey, 2: compact).
 * Kept runs are copied as slices; no copy at all when nothing changes.
 */
function filtered(s: string, level: 1 | 2): string {
  const n = s.length;
  if (n > LONG) return filteredLong(s, level);
  // Pieces are collected and joined once: concatenating millions of them (a 5 MB line of
  // `0<tab>0<tab>…`) built a rope that kept the garbage collector busy for seconds.
  const parts: string[] = [];
  let from = 0; // start of the pending run of unchanged characters
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const h = halfCode(c);
    if (DROP[h] >= level) {
      if (i > from) parts.push(s.slice(from, i));
      from = i + 1;
    } else if (h !== c) {
      if (i > from) parts.push(s.slice(from, i));
      parts.push(String.fromCharCode(h));
      from = i + 1;
    }
  }
  if (from === 0) return s;
  if (from < n) parts.push(s.slice(from));
  return parts.length === 1 ? parts[0] : parts.join('');
}

const LONG = 4096;

/** filtered() for long texts: codes into one buffer, turned into a string chunk by chunk. */
function filteredLong(s: string, level: 1 | 2): string {
  const n = s.length;
  const buf = new Uint16Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const h = halfCode(s.charCodeAt(i));
    if (DROP[h] < level) buf[k++] = h;
  }
  const parts: string[] = [];
  for (let i = 0; i < k; i += 8192) parts.push(String.fromCharCode.apply(null, buf.subarray(i, Math.min(k, i + 8192)) as unknown as number[]));
  return parts.join('');
}

/** What labelKey makes of this UTF-16 code: its (half-width) code, or -1 when it drops it. */
export function labelKeyCode(c: number): number {
  const h = halfCode(c);
  return DROP[h] < 1 ? h : -1;
}

/**
 * Does labelKey(s) start with `key`? The index in `s` just after the character that completes
 * it, or -1 (labelKey(s) is never built: each character is mapped as the walk reaches it).
 * `from`: where the walk may start — s[0..from) must hold no character labelKey keeps (say, the
 * index firstLabelKeyIndex gave), so a caller testing many keys walks dropped characters once.
 */
export function labelKeyPrefixEnd(s: string, key: string, from = 0): number {
  if (key.length === 0) return 0;
  let k = 0;
  for (let i = from; i < s.length; i++) {
    const h = labelKeyCode(s.charCodeAt(i));
    if (h < 0) continue;
    if (h !== key.charCodeAt(k)) return -1;
    if (++k === key.length) return i + 1;
  }
  return -1;
}

/** Index in `s` of the first character labelKey keeps, or -1 when the key is empty. */
export function firstLabelKeyIndex(s: string): number {
  for (let i = 0; i < s.length; i++) if (labelKeyCode(s.charCodeAt(i)) >= 0) return i;
  return -1;
}

/** Label key: half-width, no whitespace, no punctuation. "（二）部分 公开（区分…）" → "二部分公开区分…". */
export function labelKey(s: string): string {
  return filtered(s, 1);
}

/**
 * compact(s).includes(needle) without building compact(s); `needle` must be compact itself.
 * Whitespace between its characters in `s` is skipped, full-width forms match half-width ones.
 */
export function includesCompact(s: string, needle: string): boolean {
  const first = needle.charCodeAt(0);
  // A needle starting with ASCII could start at a full-width character: no indexOf shortcut.
  if (!(first > 0x7e && first !== 0x3000)) return compact(s).includes(needle);
  for (let at = s.indexOf(needle[0]); at >= 0; at = s.indexOf(needle[0], at + 1)) {
    let i = at + 1;
    let k = 1;
    while (k < needle.length && i < s.length) {
      const h = halfCode(s.charCodeAt(i++));
      if (DROP[h] >= 2) continue;
      if (h !== needle.charCodeAt(k)) break;
      k++;
    }
    if (k === needle.length) return true;
  }
  return false;
}

/** Compact form: half-width, whitespace removed, punctuation kept. */
export function compact(s: string): string {
  return filtered(s, 2);
}
