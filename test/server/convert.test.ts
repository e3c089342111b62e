// `zfxxgk/convert` through the real bundled server (issue 13): a Word, web page or PDF file on disk
// → its report text; a file that cannot be read → the readers' sentence, never an error reply. And
// the converted text, opened under the zfxxgk-converted: scheme, is checked with no quick fixes
// (it is read-only) and lenses that only inform.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens } from 'vscode-languageserver';
import { CONVERT_REQUEST, CONVERTED_SCHEME, type ConvertResult } from '../../server/src/lsp/protocol';
import { ensureBuilt } from '../helpers/build';
import { LspTestClient } from '../helpers/lspClient';
import { fixturesDir } from '../helpers/paths';
import { editDocx, makePdf } from '../helpers/sourceFiles';

let client: LspTestClient;
let dir: string;
const formats = path.join(fixturesDir, 'formats');
const url = (file: string) => pathToFileURL(file).href;

beforeAll(async () => {
  await ensureBuilt();
  client = await LspTestClient.start({ settings: { debounceMs: 0 }, locale: 'zh-CN' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-convert-'));
});

afterAll(async () => {
  await client?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('zfxxgk/convert', () => {
  it('gives the text of a .docx, an .html and a .pdf (what the CLI checks)', async () => {
    for (const ext of ['docx', 'html', 'pdf']) {
      const result = await client.request<ConvertResult>(CONVERT_REQUEST, { uri: url(path.join(formats, `2022_gwh.${ext}`)) });
      expect(result.ok, ext).toBe(true);
      if (result.ok) {
        expect(result.format).toBe(ext);
        expect(result.text).toMatch(/政府信息公开工作年度报告/);
      }
    }
  });

  it('says why a damaged .docx, a scan, an old .doc or a missing file cannot be read', async () => {
    const whole = fs.readFileSync(path.join(formats, '2022_gwh.docx'));
    const cases: [string, Uint8Array, RegExp][] = [
      ['损坏.docx', whole.subarray(0, whole.length >> 1), /^文件已损坏，无法作为 Word 文档打开/],
      ['扫描件.pdf', makePdf([[]]), /^是扫描件（1 页都没有文字层/],
      ['旧版.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), /另存为” Word 文档（\.docx）/],
    ];
    for (const [name, bytes, message] of cases) {
      fs.writeFileSync(path.join(dir, name), bytes);
      const result = await client.request<ConvertResult>(CONVERT_REQUEST, { uri: url(path.join(dir, name)) });
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.message, name).toMatch(message);
    }
    const missing = await client.request<ConvertResult>(CONVERT_REQUEST, { uri: url(path.join(dir, 'none.docx')) });
    expect(missing).toMatchObject({ ok: false, message: expect.stringMatching(/^无法读取/) });
    expect(await client.request<ConvertResult>(CONVERT_REQUEST, { uri: 'https://example.org/a.docx' })).toMatchObject({ ok: false });
  });

  it('the converted text is checked like a report; no quick fixes and no 全部修正 lens on it (read-only)', async () => {
    const wrong = editDocx(fs.readFileSync(path.join(formats, '2022_gwh.docx')), (xml) => {
      const at = xml.indexOf('<w:t>16</w:t>', xml.indexOf('本年新收'));
      return `${xml.slice(0, at)}<w:t>17</w:t>${xml.slice(at + 13)}`;
    });
    const file = path.join(dir, 'wrong.docx');
    fs.writeFileSync(file, wrong);
    const result = await client.request<ConvertResult>(CONVERT_REQUEST, { uri: url(file) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const converted = `${CONVERTED_SCHEME}:${encodeURI(file)}?${encodeURIComponent(url(file))}`;
    const asText = 'file:///tmp/zfxxgk-convert/wrong.docx.txt';
    await client.open(converted, result.text, 'zfxxgk-report');
    await client.open(asText, result.text, 'plaintext');
    const [onConverted, onText] = await Promise.all([client.diagnosticsFor(converted, 1), client.diagnosticsFor(asText, 1)]);
    const wrongCell = onConverted.diagnostics.find((d) => d.code === 'row-total');
    expect(wrongCell?.message).toMatch(/应为 16/);
    expect(onConverted.diagnostics.map((d) => [d.code, d.message, d.range])).toEqual(onText.diagnostics.map((d) => [d.code, d.message, d.range]));

    const actions = (uri: string) =>
      client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: wrongCell!.range, context: { diagnostics: [wrongCell!] } });
    expect(await actions(converted)).toEqual([]);
    expect((await actions(asText)).some((a) => a.title.includes('16'))).toBe(true);
    const lenses = (uri: string) => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect((await lenses(converted)).every((l) => !l.command?.command)).toBe(true);
    expect((await lenses(asText)).some((l) => l.command?.command === 'zfxxgk.applyFixAll')).toBe(true);
  });
});
