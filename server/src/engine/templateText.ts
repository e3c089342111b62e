// The template's blank tables as text (tab-separated, filled with 0), for inserting a missing section.
import labels from './data/canonical-labels.json';
import type { TemplateVersion } from './template';
import { T2, T3_NCOLS, T4_NCOLS } from './template';

const zeros = (n: number): string => Array(n).fill('0').join('\t');

function table2(version: TemplateVersion): string[] {
  const out: string[] = [];
  for (const sub of T2[version]) {
    out.push(sub.header);
    out.push(['信息内容', ...sub.columns].join('\t'));
    for (const row of sub.rows) out.push(`${row}\t${zeros(sub.columns.length)}`);
  }
  return out;
}

function table3(version: TemplateVersion): string[] {
  const t = labels[version].table3;
  const out = [
    `${t.note}\t申请人情况`,
    `\t自然人\t法人或其他组织\t\t\t\t\t总计`,
    `\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t`,
    `${t.rows_before[0]}\t${zeros(T3_NCOLS)}`,
    `${t.rows_before[1]}\t${zeros(T3_NCOLS)}`,
  ];
  let group = '';
  t.leaf_rows.forEach((leaf, i) => {
    const [a, b] = leaf;
    const lead = i === 0 ? `${t.result_group_label}\t` : '\t';
    if (!b) out.push(`${lead}${a}\t${zeros(T3_NCOLS)}`);
    else {
      out.push(`${lead}${a === group ? '' : a}\t${b}\t${zeros(T3_NCOLS)}`);
      group = a;
    }
  });
  out.push(`\t${t.total_row}\t${zeros(T3_NCOLS)}`);
  out.push(`${t.carry_forward_row}\t${zeros(T3_NCOLS)}`);
  return out;
}

function table4(): string[] {
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    '行政复议\t\t\t\t\t行政诉讼',
    `${parts.join('\t')}\t未经复议直接起诉\t\t\t\t\t复议后起诉`,
    `\t\t\t\t\t${parts.join('\t')}\t${parts.join('\t')}`,
    zeros(T4_NCOLS),
  ];
}

/** Lines of the blank table that belongs to section `index` (1, 2, 3 → 二, 三, 四); [] for others. */
export function templateTableLines(index: number, version: TemplateVersion): string[] {
  if (index === 1) return table2(version);
  if (index === 2) return table3(version);
  if (index === 3) return table4();
  return [];
}
