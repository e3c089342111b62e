import { sectionLabel, sectionName, tr } from '../names';
import { templateTableLines } from '../templateText';
import { expectedVersion } from '../version';
import type { Fix } from '../types';
import type { RawFinding, Rule, RuleContext } from './rule';

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

export const sectionMissing: Rule = {
  meta: {
    id: 'section-missing',
    severity: 'error',
    title: { 'zh-CN': '缺少章节', en: 'Missing section' },
    description: {
      'zh-CN': '年度报告必须包含六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。',
      en: 'The annual report must contain all six sections of the national format.',
    },
  },
  check(ctx) {
    const { model, locale } = ctx;
    const present = new Set(model.sections.map((s) => s.index));
    const out: RawFinding[] = [];
    for (let i = 0; i < 6; i++) {
      if (present.has(i)) continue;
      const next = model.sections.find((s) => s.index > i);
      const prev = [...model.sections].reverse().find((s) => s.index < i);
      const anchor = next ?? prev;
      const range = anchor ? { start: anchor.heading.start, end: anchor.heading.end } : model.title?.range ?? { start: 0, end: 0 };
      out.push({
        message: tr(locale, `缺少第${'一二三四五六'[i]}部分${sectionLabel(i, locale)}`, `Missing section ${sectionLabel(i, locale)}`),
        range,
        related: [],
        // Inserting a section (and a zero-filled table) invents content: offered, never applied by fix-all.
        suggestions: [insertFix(ctx, i)],
      });
    }
    return out;
  },
};
