// Is this text an annual report at all? Other text files stay silent.
import { matchHeading } from './parse/headings';
import type { Line } from './text/lines';
import { splitLines } from './text/lines';
import { compact } from './text/normalize';

const TABLE_LABELS = ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '结转下年度继续办理', '第二十条第(一)项'];

/** A short title-like line: 「…2023年政府信息公开工作年度报告」, not a sentence that mentions one. */
function isTitleLine(text: string): boolean {
  if (!text.includes('报') || !text.includes('公')) return false; // cheap exit: both are in every title
  const k = compact(text);
  return k.length <= 60 && !/[。；，,]/.test(text) && k.includes('政府信息公开') && (k.includes('年度报告') || k.includes('年报'));
}

/**
 * A report has the template's table labels, or two of the six section headings, or a title line
 * and one heading. A notice or README that merely mentions "政府信息公开年报" is not one.
 */
export function looksLikeReport(text: string, lines?: readonly Line[]): boolean {
  const sample = text.length > 400000 ? text.slice(0, 400000) : text;
  // The headings usually decide within the first lines; the labels need the whole text compacted.
  if (headingsSay(sample === text && lines ? lines : splitLines(sample))) return true;
  const all = compact(sample);
  return TABLE_LABELS.some((l) => all.includes(l));
}

/** Two of the six headings, or a title line and one heading (lines over 200 characters ignored). */
function headingsSay(lines: readonly Line[]): boolean {
  const sections = new Set<number>();
  let title = false;
  for (const line of lines) {
    if (line.text.length > 200) continue;
    if (!title && isTitleLine(line.text)) title = true;
    const h = matchHeading(line);
    if (h) sections.add(h.section);
    if (sections.size >= 2 || (title && sections.size >= 1)) return true;
  }
  return false;
}
