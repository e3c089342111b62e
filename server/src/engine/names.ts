// Human names of cells, rows, columns and sections, in both locales.
import type { CellRef } from './equations';
import type { T3Row } from './template';
import { SECTION_TITLES, T3_COLUMNS, T3_ROW_DEF, T3_COLUMN_PATHS, T3_COLUMN_PATHS_EN, T4_GROUPS, T4_GROUPS_EN, T4_PARTS, T4_PARTS_EN, t3RowName } from './template';
import type { Locale } from './types';

export const tr = (locale: Locale, zh: string, en: string): string => (locale === 'en' ? en : zh);

const T3_ROW_EN: Partial<Record<T3Row, string>> = {
  new: 'I. new applications',
  carried: 'II. carried over from last year',
  total: '(VII) total',
  forward: 'IV. carried forward to next year',
};

export function rowName(row: T3Row, locale: Locale): string {
  if (locale === 'en' && T3_ROW_EN[row]) return T3_ROW_EN[row]!;
  return t3RowName(row);
}

/**
 * A row as a clerk finds it on the page: 「（四）无法提供 › 1」 for a numbered sub-row (its group and
 * number), the full label otherwise.
 */
export function rowShortName(row: T3Row, locale: Locale): string {
  if (locale === 'en' && T3_ROW_EN[row]) return T3_ROW_EN[row]!;
  const d = T3_ROW_DEF.get(row)!;
  if (!d.group) return d.label.replace(/^(（[一二三四五六七]）[^（]+)（.*$/, '$1'); // （二）部分公开（区分处理的…）
  const n = /^\d+/.exec(d.label);
  return `${d.group} › ${n ? n[0] : d.label}`;
}

export function colName(col: number, locale: Locale): string {
  return locale === 'en' ? T3_COLUMN_PATHS_EN[col].split(' › ').pop()! : T3_COLUMNS[col];
}

/** 「（七）总计·自然人」, 「行政复议·总计」. */
/** A cell's place: table, row, column (a CellRef without its cell). */
export type CellPlace = Pick<CellRef, 'table' | 'row' | 'col'>;

export function cellName(ref: CellPlace, locale: Locale): string {
  if (ref.table === 't4') {
    const g = Math.floor(ref.col / 5);
    const p = ref.col % 5;
    return locale === 'en' ? `${T4_GROUPS_EN[g]} · ${T4_PARTS_EN[p]}` : `${T4_GROUPS[g].replace(' › ', '（')}${g ? '）' : ''}·${T4_PARTS[p]}`;
  }
  const row = ref.row as T3Row;
  const rn = row === 'r2' && locale !== 'en' ? '（二）部分公开' : rowName(row, locale);
  return locale === 'en' ? `${rn} · ${colName(ref.col, locale)}` : `${rn}·${colName(ref.col, locale)}`;
}

/** Hover path: 「（四）无法提供 › 1.本机关不掌握相关政府信息 ｜ 法人或其他组织 › 商业企业」. */
export function cellPath(ref: CellRef, locale: Locale): string {
  if (ref.table === 't4') {
    const g = Math.floor(ref.col / 5);
    const p = ref.col % 5;
    return locale === 'en' ? `${T4_GROUPS_EN[g]} ｜ ${T4_PARTS_EN[p]}` : `${T4_GROUPS[g]} ｜ ${T4_PARTS[p]}`;
  }
  const cols = locale === 'en' ? T3_COLUMN_PATHS_EN : T3_COLUMN_PATHS;
  return `${rowName(ref.row as T3Row, locale)} ｜ ${cols[ref.col]}`;
}

export function sectionName(index: number): string {
  return SECTION_TITLES[index];
}

const SECTION_EN = [
  'I. Overview',
  'II. Proactive disclosure',
  'III. Applications received and handled',
  'IV. Administrative reconsideration and litigation',
  'V. Main problems and improvements',
  'VI. Other matters to report',
];

export function sectionLabel(index: number, locale: Locale): string {
  return locale === 'en' ? `${SECTION_TITLES[index]} (${SECTION_EN[index]})` : `「${SECTION_TITLES[index]}」`;
}
