// Is this text an annual report at all? Other text files stay silent.
import { splitLines } from './text/lines';
import { compact } from './text/normalize';
import { matchHeading } from './parse/headings';

const TABLE_LABELS = ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '结转下年度继续办理', '第二十条第(一)项'];

export function looksLikeReport(text: string): boolean {
  const head = compact(text.slice(0, 4000));
  if (head.includes('政府信息公开') && (head.includes('年度报告') || head.includes('年报'))) return true;
  const all = compact(text.length > 400000 ? text.slice(0, 400000) : text);
  if (TABLE_LABELS.some((l) => all.includes(l))) return true;
  const sections = new Set<number>();
  for (const line of splitLines(text)) {
    if (line.text.length > 200) continue;
    const h = matchHeading(line);
    if (h) sections.add(h.section);
    if (sections.size >= 3) return true;
  }
  return false;
}
