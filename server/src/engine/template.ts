// The national template as data: sections, table rows and columns, with the needles used to
// recognise each label in damaged real text. Canonical wording from data/canonical-labels.json.
import labels from './data/canonical-labels.json';
import { labelKey } from './text/normalize';

export type TemplateVersion = 'F2019' | 'F2021';

export const SECTION_TITLES: readonly string[] = labels.F2021.sections;

/** Short names for messages: 「三、收到和处理政府信息公开申请情况」. */
export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'];

// ---- Table 三 -------------------------------------------------------------------------------

export type T3Row =
  | 'new' | 'carried'
  | 'r1' | 'r2'
  | 'r3.1' | 'r3.2' | 'r3.3' | 'r3.4' | 'r3.5' | 'r3.6' | 'r3.7' | 'r3.8'
  | 'r4.1' | 'r4.2' | 'r4.3'
  | 'r5.1' | 'r5.2' | 'r5.3' | 'r5.4' | 'r5.5'
  | 'r6' | 'r6.1' | 'r6.2' | 'r6.3'
  | 'total' | 'forward';

export interface T3RowDef {
  key: T3Row;
  /** Group label for leaf rows, e.g. （三）不予公开. */
  group?: string;
  label: string;
  /** Label keys (see labelKey) any of which identifies the row. */
  needles: string[];
  /** Needles that must be the whole remaining label (after numbering), e.g. "3.其他". */
  exact?: string[];
}

const L21 = labels.F2021.table3;

function leaf(key: T3Row, i: number, needles: string[], exact?: string[]): T3RowDef {
  const [a, b] = L21.leaf_rows[i];
  return b ? { key, group: a, label: b, needles, exact } : { key, label: a, needles, exact };
}

export const T3_ROWS: T3RowDef[] = [
  { key: 'new', label: L21.rows_before[0], needles: ['本年新收'] },
  { key: 'carried', label: L21.rows_before[1], needles: ['上年结转'] },
  leaf('r1', 0, ['予以公开']),
  leaf('r2', 1, ['部分公开']),
  leaf('r3.1', 2, ['国家秘密']),
  leaf('r3.2', 3, ['法律行政法规禁止', '禁止公开']),
  leaf('r3.3', 4, ['三安全一稳定', '危及']),
  leaf('r3.4', 5, ['第三方合法权益']),
  leaf('r3.5', 6, ['内部事务']),
  leaf('r3.6', 7, ['过程性信息']),
  leaf('r3.7', 8, ['行政执法案卷']),
  leaf('r3.8', 9, ['行政查询']),
  leaf('r4.1', 10, ['不掌握']),
  leaf('r4.2', 11, ['没有现成', '另行制作']),
  leaf('r4.3', 12, ['补正后', '仍不明确']),
  leaf('r5.1', 13, ['信访举报', '投诉类']),
  leaf('r5.2', 14, ['重复申请']),
  leaf('r5.3', 15, ['公开出版物']),
  leaf('r5.4', 16, ['大量反复']),
  leaf('r5.5', 17, ['重新出具', '确认或']),
  { key: 'r6', label: '（六）其他处理', needles: ['其他处理'] },
  leaf('r6.1', 18, ['逾期不补正']),
  leaf('r6.2', 19, ['收费通知', '缴纳费用']),
  leaf('r6.3', 20, [], ['其他', '3其他']),
  { key: 'total', label: L21.total_row, needles: ['七总计'], exact: ['总计'] },
  { key: 'forward', label: L21.carry_forward_row, needles: ['结转下年度'] },
];

export const T3_ROW_DEF = new Map<T3Row, T3RowDef>(T3_ROWS.map((r) => [r.key, r]));

export const T3_LEAVES_F2021: T3Row[] = [
  'r1', 'r2', 'r3.1', 'r3.2', 'r3.3', 'r3.4', 'r3.5', 'r3.6', 'r3.7', 'r3.8',
  'r4.1', 'r4.2', 'r4.3', 'r5.1', 'r5.2', 'r5.3', 'r5.4', 'r5.5', 'r6.1', 'r6.2', 'r6.3',
];
export const T3_LEAVES_F2019: T3Row[] = [...T3_LEAVES_F2021.slice(0, 18), 'r6'];

export const T3_COLUMNS = L21.columns; // 自然人 … 其他, 总计
export const T3_COLUMN_PATHS = [
  '自然人',
  '法人或其他组织 › 商业企业',
  '法人或其他组织 › 科研机构',
  '法人或其他组织 › 社会公益组织',
  '法人或其他组织 › 法律服务机构',
  '法人或其他组织 › 其他',
  '总计',
];
export const T3_COLUMN_PATHS_EN = [
  'natural persons',
  'legal persons › commercial enterprises',
  'legal persons › research institutions',
  'legal persons › public-welfare organisations',
  'legal persons › legal-service institutions',
  'legal persons › other',
  'total',
];
export const T3_NCOLS = 7;
export const T3_TOTAL_COL = 6;

/** Display name of a table-三 row: 「（四）无法提供 › 1.本机关不掌握相关政府信息」. */
export function t3RowName(key: T3Row): string {
  const d = T3_ROW_DEF.get(key)!;
  return d.group ? `${d.group} › ${d.label}` : d.label;
}

// ---- Table 四 -------------------------------------------------------------------------------

export const T4_NCOLS = 15;
export const T4_GROUPS = ['行政复议', '行政诉讼 › 未经复议直接起诉', '行政诉讼 › 复议后起诉'];
export const T4_GROUPS_EN = ['administrative reconsideration', 'litigation › direct', 'litigation › after reconsideration'];
export const T4_PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
export const T4_PARTS_EN = ['upheld', 'corrected', 'other outcome', 'pending', 'total'];

// ---- Table 二 -------------------------------------------------------------------------------

export interface T2SubTable {
  header: string;
  /** Key of the item, e.g. '一' for 第二十条第（一）项. */
  item: string;
  columns: string[];
  rows: string[];
  /** labelKey of each row, for matching written labels (made once with the template). */
  rowKeys: string[];
  /** t2ValueKind of each column (made once with the template). */
  columnKinds: T2ValueKind[];
}

function subTables(list: { header: string; columns: string[]; rows: string[] }[]): T2SubTable[] {
  return list.map((t) => {
    const columns = t.columns.slice(1);
    return {
      header: t.header,
      item: t.header.replace(/^.*（(.)）项$/, '$1'),
      columns,
      rows: t.rows,
      rowKeys: t.rows.map(labelKey),
      columnKinds: columns.map(t2ValueKind),
    };
  });
}

export const T2: Record<TemplateVersion, T2SubTable[]> = {
  F2021: subTables(labels.F2021.table2),
  F2019: subTables(labels.F2019.table2),
};

/** How a table-二 column's values are checked. */
export type T2ValueKind = 'count' | 'signed' | 'money' | 'free';

export function t2ValueKind(column: string): T2ValueKind {
  if (column.includes('增/减')) return 'signed';
  if (column.includes('金额')) return column.includes('采购') ? 'free' : 'money';
  return 'count';
}

// ---- Version markers --------------------------------------------------------------------------

export const F2021_MARKERS = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '本年处理决定数量'];
export const F2019_MARKERS = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '第二十条第(九)项', '政府集中采购', '其他对外管理服务事项'];

export function versionForYear(year: number): TemplateVersion {
  return year >= 2021 ? 'F2021' : 'F2019';
}
