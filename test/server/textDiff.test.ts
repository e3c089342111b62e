// Fix-all in the editor turns "text now → text after fix-all" into small edits; applying them
// must give exactly the fixed text (what `zfxxgk --fix` writes), touching only what changed.
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diffOffsets, diffToTextEdits } from '../../server/src/lsp/textDiff';

function roundTrip(a: string, b: string) {
  const doc = TextDocument.create('file:///x.txt', 'plaintext', 1, a);
  const edits = diffToTextEdits(doc, b);
  expect(TextDocument.applyEdits(doc, edits)).toBe(b);
  return edits;
}

describe('fix-all edits', () => {
  it('touches only the changed cells, one edit per changed line', () => {
    const a = '(七) 总计\t5\t0\t3\r\n四、结转\t4\t0\t4\r\n备注\t9\r\n';
    const b = '(七) 总计\t3\t0\t3\r\n四、结转\t4\t0\t4\r\n备注\t10\r\n';
    const edits = roundTrip(a, b);
    expect(edits).toEqual([
      { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 8 } }, newText: '3' },
      { range: { start: { line: 2, character: 3 }, end: { line: 2, character: 4 } }, newText: '10' },
    ]);
  });

  it('handles inserted lines (a missing section added) and no change at all', () => {
    roundTrip('一、总体情况\n正文\n', '一、总体情况\n正文\n\n二、主动公开政府信息情况\n');
    expect(diffOffsets('same\n', 'same\n')).toEqual([]);
    roundTrip('', '全文\n');
    roundTrip('全文\n', '');
  });

  it('never splits a surrogate pair', () => {
    const edits = roundTrip('𠮷野家\t1', '𠮹野家\t1');
    expect(edits[0].range.start.character).toBe(0);
    expect(edits[0].newText).toBe('𠮹');
  });

  it('round-trips arbitrary edits', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = ['0', '1', '9', '\t', '\n', '\r\n', '总', '计', '𠮷', ' '];
    const randomText = (len: number) => Array.from({ length: len }, () => alphabet[rand(alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const a = randomText(rand(30));
      const chars = [...a];
      for (let k = rand(4); k >= 0; k--) chars.splice(rand(chars.length + 1), rand(3), ...randomText(rand(3)));
      roundTrip(a, chars.join(''));
    }
  });
});
