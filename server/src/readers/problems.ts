// What to tell a person whose file could not be read (zh-CN first, en), for the CLI and the editor.
import type { ReadProblem } from './types';

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The sentence after the file's name: `2023年报.pdf：…`. */
export function problemMessage(problem: ReadProblem, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const zh = locale !== 'en';
  switch (problem.kind) {
    case 'corrupt': {
      const what = { docx: zh ? ' Word 文档' : 'a Word document', html: zh ? '网页' : 'a web page', pdf: zh ? ' PDF ' : 'a PDF' }[problem.format];
      return zh
        ? `文件已损坏，无法作为${what}打开（${problem.why}）。请用原软件重新保存后再检查`
        : `the file is damaged and cannot be opened as ${what} (${problem.why}); save it again from the program that made it`;
    }
    case 'not-docx':
      return zh ? '不是 Word 文档（.docx 中没有正文 word/document.xml）' : 'not a Word document (the .docx has no word/document.xml)';
    case 'old-word':
      return zh
        ? '是旧版 Word 格式（.doc），无法直接读取。请在 Word 或 WPS 中打开，“另存为” Word 文档（.docx）后再检查'
        : 'is an old Word file (.doc) and cannot be read; open it in Word or WPS and save it as a Word document (.docx)';
    case 'wps':
      return zh
        ? '是 WPS 文字格式（.wps），无法直接读取。请在 WPS 中打开，“另存为” Word 文档（.docx）后再检查'
        : 'is a WPS Writer file (.wps) and cannot be read; open it in WPS and save it as a Word document (.docx)';
    case 'scanned-pdf':
      return zh
        ? `是扫描件（${problem.pages} 页都没有文字层，只有图片），无法检查。请检查原来的 Word 文件，或用带文字层的 PDF`
        : `is a scan (none of its ${problem.pages} pages has a text layer); check the original Word file instead`;
    case 'password-pdf':
      return zh ? '有密码保护，无法读取。请提供未加密的 PDF 或原来的 Word 文件' : 'is password-protected and cannot be read; provide an unprotected PDF or the original Word file';
    case 'too-large':
      return zh ? `有 ${mib(problem.bytes)}，超过 ${mib(problem.limit)} 的上限，不读取` : `is ${mib(problem.bytes)}, over the ${mib(problem.limit)} limit; not read`;
  }
}

/** A converted file that does not look like a report. */
export function notAReportMessage(locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  return locale === 'en'
    ? 'does not look like an annual report on government information disclosure (no report title, section headings or statistics tables); not checked'
    : '看起来不是政府信息公开工作年度报告（没有年报标题、章节标题或统计表），未检查';
}
