import { sectionLabel, sectionName, tr } from '../names';
import { templateTableLines } from '../templateText';
import { expectedVersion } from '../version';
import type { Fix, OffsetRange } from '../types';
import type { RawFinding, RuleContext } from './rule';
import { defineRule } from './rule';

function insertFix(ctx: RuleContext, index: number): Fix {
  const { model, text, locale } = ctx;
  const eol = model.eol;
  const hasTable = [undefined, model.table2, model.table3, model.table4][index] !== undefined;
  const body = hasTable || index === 0 || index > 3 ? [] : templateTableLines(index, expectedVersion(model));
  const block = [sectionName(index), ...(body.length ? ['', ...body] : []), ''].join(eol) + eol;
  const next = model.sections.find((s) => s.index > index);
  let edit;
  if (next) {
    const at = model.lines[next.lineIndex].start;
    edit = { start: at, end: at, newText: block };
  } else {
    const endsWithEol = /[\r\n]$/.test(text);
    const lead = text.length === 0 ? '' : endsWithEol ? eol : eol + eol;
    edit = { start: text.length, end: text.length, newText: lead + block };
  }
  return {
    title: tr(locale, `插入缺少的章节「${sectionName(index)}」${body.length ? '（含模板表格）' : ''}`, `Insert the missing section "${sectionName(index)}"${body.length ? ' (with the template table)' : ''}`),
    kind: 'insert-section',
    edits: [edit],
  };
}

export const sectionMissing = defineRule({
  meta: {
    id: 'section-missing',
    severity: 'error',
    title: { 'zh-CN': '缺少章节', en: 'Missing section' },
    summary: { 'zh-CN': '缺少六个部分之一（快速修正菜单中可插入章节）', en: 'one of the six sections is missing (the quick-fix menu can insert it)' },
    fix: { 'zh-CN': '建议：插入章节', en: 'suggestion: insert the section' },
    description: {
      'zh-CN': '年度报告必须包含六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。',
      en: 'The annual report must contain all six sections of the national format.',
    },
  },
  check(ctx) {
    const { model, locale } = ctx;
    if (!model.title && model.sections.length === 0 && !model.table2 && !model.table3 && !model.table4) return [notAReport(ctx)];
    const present = new Set(model.sections.map((s) => s.index));
    const out: RawFinding[] = [];
    for (let i = 0; i < 6; i++) {
      if (present.has(i)) continue;
      const next = model.sections.find((s) => s.index > i);
      const prev = [...model.sections].reverse().find((s) => s.index < i);
      out.push({
        message: tr(locale, `缺少第${ZH_NUMERALS[i]}部分${sectionLabel(i, locale)}${whereZh(prev?.index, next?.index)}`, `Missing section ${sectionLabel(i, locale)}${whereEn(prev?.index, next?.index)}`),
        range: insertionPlace(ctx, next?.lineIndex),
        related: [],
        // Inserting a section (and a zero-filled table) invents content: offered, never applied by fix-all.
        suggestions: [insertFix(ctx, i)],
      });
    }
    return out;
  },
});

const ZH_NUMERALS = '一二三四五六';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** 「，应在第二部分之后、第四部分之前」: where the section goes, by the sections around it. */
function whereZh(prev: number | undefined, next: number | undefined): string {
  const after = prev === undefined ? '' : `第${ZH_NUMERALS[prev]}部分之后`;
  const before = next === undefined ? '' : `第${ZH_NUMERALS[next]}部分之前`;
  return after || before ? `，应在${[after, before].filter(Boolean).join('、')}` : '';
}

function whereEn(prev: number | undefined, next: number | undefined): string {
  if (prev !== undefined && next !== undefined) return `; it belongs between sections ${ROMAN[prev]} and ${ROMAN[next]}`;
  if (prev !== undefined) return `; it belongs after section ${ROMAN[prev]}`;
  if (next !== undefined) return `; it belongs before section ${ROMAN[next]}`;
  return '';
}

/**
 * Where a missing section goes, shown where it would be inserted: the end of the last written line
 * before the next section's heading (or of the text) — the end of the previous section, not on
 * another section's heading (only a heading on the text's first line has nothing before it).
 */
function insertionPlace(ctx: RuleContext, nextHeadingLine: number | undefined): OffsetRange {
  const lines = ctx.model.lines;
  const from = nextHeadingLine === undefined ? lines.length - 1 : nextHeadingLine - 1;
  for (let li = from; li >= 0; li--) {
    const line = lines[li];
    const written = line.text.trimEnd().length;
    if (written > 0) return { start: line.start + written, end: line.start + written };
  }
  // Nothing written before it: the start of the text.
  return { start: 0, end: 0 };
}

/**
 * A text with no title, no section heading and no table (an empty file, or a file that is not a
 * report, named directly or forced to the report language) gets one finding, not six.
 */
function notAReport(ctx: RuleContext): RawFinding {
  const empty = ctx.text.trim() === '';
  return {
    message: empty
      ? tr(ctx.locale, '文件为空', 'The file is empty')
      : tr(ctx.locale, '看起来不是政府信息公开年报：没有标题、章节标题或统计表', 'This does not look like a government information disclosure annual report: no title, section headings or tables'),
    range: { start: 0, end: 0 },
    related: [],
  };
}
