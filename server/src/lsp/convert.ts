// `zfxxgk/convert`: a Word, web page or PDF file on disk → its report text, by the readers
// (../readers), or the sentence that says why it cannot be read. The file is read here, once per
// request; the client caches the answer per file.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../engine';
import { MAX_SOURCE_BYTES, readSource } from '../readers';
import { problemMessage } from '../readers/problems';
import type { ConvertResult } from './protocol';

export async function convertFile(uri: string, locale: Locale): Promise<ConvertResult> {
  const lang = locale === 'en' ? 'en' : 'zh-CN';
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return { ok: false, message: lang === 'en' ? `only files on this machine can be read (${uri})` : `只能读取本机上的文件（${uri}）` };
  }
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_SOURCE_BYTES) return { ok: false, message: problemMessage({ kind: 'too-large', bytes: size, limit: MAX_SOURCE_BYTES }, lang) };
    bytes = fs.readFileSync(file);
  } catch (err) {
    const why = (err as Error).message;
    return { ok: false, message: lang === 'en' ? `cannot be read (${why})` : `无法读取（${why}）` };
  }
  const read = await readSource(file, bytes);
  return read.ok
    ? { ok: true, text: read.converted.text, format: read.converted.format }
    : { ok: false, message: problemMessage(read.problem, lang) };
}
