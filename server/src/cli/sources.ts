// The CLI's side of the readers (../readers): which targets are Word / web / PDF files, reading
// and converting them before the check (PDF reading is asynchronous; the check stays as it is),
// how a finding's place in the source is printed, and the .txt draft --fix-to-text writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../engine';
import { describePlace, MAX_SOURCE_BYTES, placeAt, readSource, sourceKind, type Converted } from '../readers';
import { notAReportMessage, problemMessage } from '../readers/problems';
import type { Target, TargetRead } from './files';
import type { CliMessages } from './messages';

/** A Word, web page, PDF or old Word/WPS file (converted or explained instead of decoded as text). */
export function isSourceFile(p: string): boolean {
  return sourceKind(p) !== 'text';
}

const lang = (locale: Locale) => (locale === 'en' ? 'en' : 'zh-CN');

/** Reads and converts every source target, in order. Text targets are left to readTextFile. */
export async function readSources(targets: readonly Target[], locale: Locale): Promise<Map<Target, TargetRead>> {
  const out = new Map<Target, TargetRead>();
  for (const target of targets) {
    if (!isSourceFile(target.path)) continue;
    let bytes: Buffer;
    try {
      const size = fs.statSync(target.path).size;
      if (size > MAX_SOURCE_BYTES) {
        out.set(target, { ok: false, kind: 'source', message: problemMessage({ kind: 'too-large', bytes: size, limit: MAX_SOURCE_BYTES }, lang(locale)) });
        continue;
      }
      bytes = fs.readFileSync(target.path);
    } catch (err) {
      out.set(target, { ok: false, kind: 'unreadable', why: (err as Error).message });
      continue;
    }
    const read = await readSource(target.path, bytes);
    out.set(
      target,
      read.ok
        ? { ok: true, file: { text: read.converted.text, encoding: 'utf-8', bom: false, source: read.converted } }
        : { ok: false, kind: 'source', message: problemMessage(read.problem, lang(locale)) },
    );
  }
  return out;
}

/** `表3 第5行 第2列` … for the finding at `offset` (the first line when nothing is mapped). */
export function placeText(source: Converted, offset: number, locale: Locale): string {
  const place = placeAt(source, offset);
  return place ? describePlace(place, lang(locale)) : locale === 'en' ? 'start' : '开头';
}

/** `2023年报.docx:表3 第5行 第2列: 错误 [row-total] message` — the place instead of line:column. */
export function formatSourceLine(file: string, source: Converted, doc: TextDocument, d: Diagnostic, m: CliMessages, locale: Locale): string {
  const severity = m.severity[d.severity ?? 1] ?? m.severity[1];
  const code = d.code !== undefined ? ` [${d.code}]` : '';
  const message = d.message.replace(/\s*\r?\n\s*/g, ' ');
  return `${file}:${placeText(source, doc.offsetAt(d.range.start), locale)}: ${severity}${code} ${message}`;
}

/** The JSON diagnostic of a source file: the LSP diagnostic (positions in the converted text) and its place. */
export function withPlace(d: Diagnostic, source: Converted, doc: TextDocument, locale: Locale): Diagnostic & { place: { text: string; format: string } } {
  const offset = doc.offsetAt(d.range.start);
  const place = placeAt(source, offset);
  return { ...d, place: { ...(place ?? {}), format: source.format, text: placeText(source, offset, locale) } };
}

/** Where --fix-to-text writes the draft of `file`: beside it, `年报.docx` → `年报.docx.txt`. */
export function draftPath(file: string): string {
  return `${file}.txt`;
}

/** Writes the draft (UTF-8 with BOM, so Windows Notepad and VS Code read it as UTF-8) atomically. */
export function writeDraft(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.zfxxgk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

export const sourceMessages = {
  'zh-CN': {
    notAReport: (p: string) => `${p}：${notAReportMessage('zh-CN')}`,
    problem: (p: string, message: string) => `${p}：${message}`,
    fixNotWritten: (p: string) => `${p}：--fix 不改写 Word、网页和 PDF 文件；要得到修正后的文本，请用 --fix-to-text（在旁边另存为 .txt 草稿）`,
    draftWritten: (p: string, draft: string, n: number) => `${p}: 已另存文本草稿 ${draft}（修正 ${n} 处）`,
  },
  en: {
    notAReport: (p: string) => `${p}: ${notAReportMessage('en')}`,
    problem: (p: string, message: string) => `${p}: ${message}`,
    fixNotWritten: (p: string) => `${p}: --fix does not rewrite Word, web page or PDF files; use --fix-to-text to save the fixed text as a .txt draft beside it`,
    draftWritten: (p: string, draft: string, n: number) => `${p}: saved the text draft ${draft} (${n} fixed)`,
  },
};
