// Random damage a real report suffers while being typed, pasted and converted: fast-check
// arbitraries for character edits, line deletions, duplications, shuffles, pasted garbage and
// full-/half-width swaps, applied in sequence to a fixture.
import fc from 'fast-check';

/** Runs per property: small and fixed in `npm test`, larger with FUZZ_RUNS=… (npm run test:fuzz:long). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? '') || 40;
/** Fixed seed so CI runs are reproducible; FUZZ_SEED=… explores other inputs locally. */
export const SEED = Number(process.env.FUZZ_SEED ?? '') || 20240601;
export const fcOptions = { seed: SEED, numRuns: RUNS, endOnFailure: true } as const;

/** Characters that matter to the parser: digits of both widths, separators, brackets, CJK, odd code units. */
const INTERESTING = [
  ...'0123456789０１２３４５６７８９',
  '\t', ' ', '\u3000', '\u00a0', '|', '｜', '\n', '\r\n', '\r',
  '（', '）', '(', ')', '、', '。', '，', '：', '；', '.', '．', '-', '—', '/', '／',
  '一', '二', '三', '四', '五', '六', '七', '总计', '其他', '本年新收', '勾稽关系', '行政复议', '第二十条第（一）项',
  '\u0000', '\ud800', '\udfff', '\ufeff', '\u200b', 'O', 'l', '#', '**', '<!-- zfxxgk-disable -->',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INTERESTING) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

export type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; length: number; text: string }
  | { op: 'delete-line'; line: number }
  | { op: 'duplicate-line'; line: number }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'shuffle-lines'; from: number; length: number; seed: number }
  | { op: 'paste'; at: number; text: string }
  | { op: 'width'; at: number; length: number; toFull: boolean };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: piece }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }), text: piece }),
  fc.record({ op: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('shuffle-lines' as const), from: fc.nat(), length: fc.integer({ min: 2, max: 12 }), seed: fc.nat() }),
  fc.record({ op: fc.constant('paste' as const), at: fc.nat(), text: fc.array(piece, { minLength: 1, maxLength: 30 }).map((a) => a.join('')) }),
  fc.record({ op: fc.constant('width' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), toFull: fc.boolean() }),
);

const FULL = (c: number) => (c >= 0x21 && c <= 0x7e ? c + 0xfee0 : c === 0x20 ? 0x3000 : c);
const HALF = (c: number) => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 0x20 : c);

export function applyMutation(text: string, m: Mutation): string {
  const n = text.length;
  const lines = text.split('\n');
  const li = (k: number) => k % lines.length;
  switch (m.op) {
    case 'insert':
    case 'paste': {
      const at = m.at % (n + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      const at = m.at % (n + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'replace': {
      const at = m.at % (n + 1);
      return text.slice(0, at) + m.text + text.slice(at + m.length);
    }
    case 'delete-line':
      lines.splice(li(m.line), 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const i = li(m.line);
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const a = li(m.a);
      const b = li(m.b);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'shuffle-lines': {
      const from = li(m.from);
      const part = lines.slice(from, from + m.length);
      let s = m.seed;
      for (let i = part.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) & 0x7fffffff;
        const j = s % (i + 1);
        [part[i], part[j]] = [part[j], part[i]];
      }
      lines.splice(from, part.length, ...part);
      return lines.join('\n');
    }
    case 'width': {
      const at = m.at % (n + 1);
      const end = Math.min(n, at + m.length);
      let mid = '';
      for (let i = at; i < end; i++) mid += String.fromCharCode((m.toFull ? FULL : HALF)(text.charCodeAt(i)));
      return text.slice(0, at) + mid + text.slice(end);
    }
  }
}

/** A fixture with 1–8 mutations applied. */
export function mutated(texts: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: texts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }))
    .map(([i, ms]) => ms.reduce(applyMutation, texts[i]));
}
