// Every word the CLI itself prints, in zh-CN (first) and en.
import type { Locale } from '../engine';
import type { ArgError } from './args';

type Counts = {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** Changes written by --fix, or that --dry-run would write. */
  fixed: number;
  fixable: number;
  /** --dry-run: `fixed` counts changes not written. */
  dryRun?: boolean;
  /** Paths named or found that could not be checked (missing, unreadable, too large…). */
  unchecked?: number;
};

/** 12.5 MB → "12.5 MB" (file sizes in messages). */
const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

const zh = {
  severity: ['错误', '错误', '警告', '信息', '提示'] as const,
  usage: `用法：zfxxgk [选项] 路径...

检查政府信息公开工作年度报告（*.txt、*.md，以及 Word *.docx、网页 *.html、PDF *.pdf）：
章节是否齐全、表格勾稽关系、模板版本。Word、网页和 PDF 的问题标明在原文件中的位置
（如“表2 第5行 第3列”“第12段”“第2页”）。路径可以是文件或文件夹；文件夹会递归查找以上
各类文件，只检查看起来是年报的文件。

选项：
  --format text|json|sarif|html|csv
                       输出格式（默认 text；json 为 LSP 诊断，位置从 0 开始、按 UTF-16 计；
                       sarif 为 SARIF 2.1.0 日志，供 CI 流水线和代码扫描平台使用；
                       html 为一个网页：全部报告一览（可排序、筛选）、各规则问题数、
                       每份报告的问题和标出错格的表格，不联网，可离线打开或邮件转发；
                       csv 为每个问题一行的表格，UTF-8 带 BOM，可直接用 Excel 打开）
  -o, --output 文件    把输出写入该文件，而不是屏幕（各种格式都可用）
  --fix                自动修正所有可确定的问题并改写文件，逐处列出改动，然后报告剩余问题
  --dry-run            列出 --fix 将做的改动和将剩下的问题，但不改写文件
  --fix-to-text        Word、网页、PDF 文件不改写：把修正后的年报另存为旁边的 .txt 草稿
                       （如 年报.docx → 年报.docx.txt），再报告草稿中剩余的问题
  -q, --quiet          只报告错误，不输出警告、提示和汇总行（退出码不变）
  --locale zh-CN|en    提示语言（默认 zh-CN）
  --rule 规则=级别     调整规则级别，级别为 off|hint|information|warning|error，可重复
  -h, --help           显示本帮助
  -v, --version        显示版本号

退出码：0 没有错误；1 仍有错误；2 用法错误或文件读写错误。
`,
  argError(e: ArgError): string {
    switch (e.kind) {
      case 'unknown-option': return `未知选项：${e.option}`;
      case 'missing-value': return `选项 ${e.option} 缺少取值`;
      case 'bad-value': return `选项 ${e.option} 的取值无效：${e.value}` + (e.allowed.length ? `（可选：${e.allowed.join('、')}）` : '');
      case 'no-paths': return '请指定要检查的文件或文件夹';
    }
  },
  helpHint: '运行 zfxxgk --help 查看用法。',
  notFound: (p: string) => `找不到文件或文件夹：${p}`,
  unreadable: (p: string, why: string) => `无法读取 ${p}：${why}`,
  binary: (p: string) => `${p} 是二进制文件（含 NUL 字节），不是文本年报，已跳过`,
  tooLarge: (p: string, bytes: number, limit: number) => `${p} 有 ${mib(bytes)}，超过 ${mib(limit)} 的上限，不是一份年报，已跳过`,
  notFileOrDir: (p: string) => `${p} 既不是普通文件也不是文件夹，已跳过`,
  writeFailed: (p: string, why: string) => `无法写入 ${p}：${why}`,
  cannotWriteEncoding: (p: string, enc: string) => `${p} 是 ${enc} 编码，--fix 不改写此类文件（请先另存为 UTF-8）`,
  /** `file:line:col: 已修正 3 → 2 [row-total]` (a --fix change; not a problem line for the problem matchers). */
  change: (where: string, from: string, to: string, rules: string, dryRun: boolean) =>
    `${where}: ${dryRun ? '将修正' : '已修正'} ${from} → ${to}${rules ? ` [${rules}]` : ''}`,
  blankValue: '（空白）',
  /** --output FILE written (html/csv: with the summary), on stderr. */
  outputWritten: (p: string, summary: string) => `已写入 ${p}：${summary}`,
  internalError: (p: string, what: string) => `检查 ${p} 时部分规则出错（这是 zfxxgk 的缺陷，请报告）：${what}`,
  summary(c: Counts): string {
    let s = `${c.files} 个文件，${c.errors} 个错误，${c.warnings} 个警告`;
    if (c.infos) s += `，${c.infos} 条信息`;
    if (c.hints) s += `，${c.hints} 条提示`;
    if (c.fixed) s += c.dryRun ? `（可修正 ${c.fixed} 处，未写入文件）` : `（已修正 ${c.fixed} 处）`;
    if (c.unchecked) s += `；另有 ${c.unchecked} 个路径未能检查（见上文）`;
    if (c.fixable) s += `\n其中 ${c.fixable} 个问题可用 --fix 自动修正`;
    return s;
  },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const en: typeof zh = {
  severity: ['error', 'error', 'warning', 'info', 'hint'] as unknown as typeof zh.severity,
  usage: `Usage: zfxxgk [options] PATH...

Checks Chinese government annual reports on information disclosure (*.txt, *.md, and Word
*.docx, web pages *.html, PDF *.pdf): required sections, table arithmetic, template version.
Findings in Word, web page and PDF files name their place there (table 2, row 5, column 3;
paragraph 12; page 2). PATH is a file or a folder; folders are searched recursively for these
files, and only files that look like reports are checked.

Options:
  --format text|json|sarif|html|csv
                       output format (default text; json gives LSP diagnostics, 0-based UTF-16
                       positions; sarif gives a SARIF 2.1.0 log for CI pipelines and code scanning;
                       html gives one page: every report in a sortable, filterable table, problems
                       per rule, each report's problems and tables with the wrong cells marked —
                       it makes no network request, open it offline or forward it by e-mail;
                       csv gives one row per problem, UTF-8 with a BOM, for Excel)
  -o, --output FILE    write the output to FILE instead of the screen (any format)
  --fix                apply every determined fix, rewrite the files, list each change, then
                       report what remains
  --dry-run            list the changes --fix would make and what would remain; write nothing
  --fix-to-text        Word, web page and PDF files are never rewritten: save the fixed report as
                       a .txt draft beside the file (report.docx → report.docx.txt), then report
                       what remains in the draft
  -q, --quiet          report errors only: no warnings, notes or summary line (same exit status)
  --locale zh-CN|en    language of messages (default zh-CN)
  --rule ID=LEVEL      change a rule's level: off|hint|information|warning|error (repeatable)
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 no errors; 1 errors remain; 2 usage or file read/write error.
`,
  argError(e: ArgError): string {
    switch (e.kind) {
      case 'unknown-option': return `unknown option: ${e.option}`;
      case 'missing-value': return `option ${e.option} needs a value`;
      case 'bad-value': return `invalid value for ${e.option}: ${e.value}` + (e.allowed.length ? ` (expected ${e.allowed.join(', ')})` : '');
      case 'no-paths': return 'no file or folder to check';
    }
  },
  helpHint: 'Run zfxxgk --help for usage.',
  notFound: (p: string) => `no such file or folder: ${p}`,
  unreadable: (p: string, why: string) => `cannot read ${p}: ${why}`,
  binary: (p: string) => `${p} is a binary file (contains NUL bytes), not a text report; skipped`,
  tooLarge: (p: string, bytes: number, limit: number) => `${p} is ${mib(bytes)}, over the ${mib(limit)} limit for one report; skipped`,
  notFileOrDir: (p: string) => `${p} is neither a regular file nor a folder; skipped`,
  writeFailed: (p: string, why: string) => `cannot write ${p}: ${why}`,
  cannotWriteEncoding: (p: string, enc: string) => `${p} is ${enc}-encoded; --fix does not rewrite such files (save it as UTF-8 first)`,
  change: (where: string, from: string, to: string, rules: string, dryRun: boolean) =>
    `${where}: ${dryRun ? 'would fix' : 'fixed'} ${from} → ${to}${rules ? ` [${rules}]` : ''}`,
  blankValue: '(blank)',
  outputWritten: (p: string, summary: string) => `wrote ${p}: ${summary}`,
  internalError: (p: string, what: string) => `some rules failed while checking ${p} (a zfxxgk bug, please report): ${what}`,
  summary(c: Counts): string {
    let s = `${plural(c.files, 'file')}, ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}`;
    if (c.infos) s += `, ${c.infos} info`;
    if (c.hints) s += `, ${plural(c.hints, 'hint')}`;
    if (c.fixed) s += c.dryRun ? ` (would fix ${c.fixed}; nothing written)` : ` (fixed ${c.fixed})`;
    if (c.unchecked) s += `; ${plural(c.unchecked, 'path')} could not be checked (see above)`;
    if (c.fixable) s += `\n${plural(c.fixable, 'problem')} can be fixed with --fix`;
    return s;
  },
};

export type CliMessages = typeof zh;
export type { Counts };

export function cliMessages(locale: Locale): CliMessages {
  return locale === 'en' ? en : zh;
}
