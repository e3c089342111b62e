// readSource: the format by the file's extension, old formats explained, the size limit, and the
// messages a person reads (zh-CN first, en).
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, readSource, sourceKind, type ReadResult } from '../../server/src/readers';
import { problemMessage } from '../../server/src/readers/problems';

describe('readSource', () => {
  it('knows the formats by extension, in any case', () => {
    expect(['a.DOCX', 'b.html', 'c.HTM', 'd.pdf', 'e.doc', 'f.wps', 'g.txt', 'h'].map(sourceKind)).toEqual(['docx', 'html', 'html', 'pdf', 'old-word', 'wps', 'text', 'text']);
  });

  it('asks for .docx for the old Word and WPS formats', async () => {
    const doc = await readSource('年报.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    expect(doc).toEqual({ ok: false, problem: { kind: 'old-word' } });
    expect(problemMessage((doc as Extract<ReadResult, { ok: false }>).problem)).toContain('另存为');
    const wps = await readSource('年报.wps', new Uint8Array(8));
    expect(problemMessage((wps as Extract<ReadResult, { ok: false }>).problem)).toContain('.docx');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = { length: MAX_SOURCE_BYTES + 1 } as Uint8Array;
    const r = await readSource('big.pdf', big);
    expect(r).toMatchObject({ ok: false, problem: { kind: 'too-large' } });
  });

  it('says every problem in Chinese and in English', () => {
    const problems = [
      { kind: 'corrupt', format: 'docx', why: 'x' },
      { kind: 'not-docx' },
      { kind: 'old-word' },
      { kind: 'wps' },
      { kind: 'scanned-pdf', pages: 3 },
      { kind: 'password-pdf' },
      { kind: 'too-large', bytes: 60e6, limit: MAX_SOURCE_BYTES },
    ] as const;
    for (const p of problems) {
      expect(problemMessage(p)).toMatch(/[\u4e00-\u9fff]/);
      expect(problemMessage(p, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
