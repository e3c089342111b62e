// Shared shape of a fix that rewrites one number cell.
import type { CellRef } from '../equations';
import { cellName, tr } from '../names';
import type { Fix, FixKind, Locale, OffsetRange } from '../types';

export function setCellFix(ref: CellRef, value: number, kind: FixKind, locale: Locale): Fix {
  const name = cellName(ref, locale);
  const title =
    kind === 'fill-blank'
      ? tr(locale, `填入 ${value}（${name}）`, `Fill in ${value} (${name})`)
      : kind === 'recompute-total'
        ? tr(locale, `重新计算合计：改为 ${value}（${name}）`, `Recompute the total: ${value} (${name})`)
        : tr(locale, `改为 ${value}（${name}）`, `Change to ${value} (${name})`);
  return { title, kind, edits: [{ start: ref.cell.start, end: ref.cell.end, newText: String(value) }] };
}

export function cellRange(ref: CellRef): OffsetRange {
  return { start: ref.cell.start, end: ref.cell.end };
}
