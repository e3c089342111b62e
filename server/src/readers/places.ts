// From an offset in the converted text back to the source: which place, and how to say it.
import type { Converted, PlaceSpan, SourcePlace } from './types';

/**
 * The place of the text at `offset`: the span holding it, else the nearest span on the same line
 * after it (a finding at the start of a row, on its first TAB), else the nearest before it.
 */
export function placeAt(converted: Pick<Converted, 'text' | 'places'>, offset: number): SourcePlace | undefined {
  const spans = converted.places;
  if (spans.length === 0) return undefined;
  // First span whose end is past offset.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const next: PlaceSpan | undefined = spans[lo];
  if (next && next.start <= offset) return next.place;
  const text = converted.text;
  const lineEnd = text.indexOf('\n', offset);
  if (next && (lineEnd < 0 || next.start < lineEnd)) return next.place;
  return spans[lo - 1]?.place ?? next?.place;
}

/** `表3 第5行 第2列`, `第12段`, `第2页` (zh-CN) or `table 3, row 5, column 2`, `paragraph 12`, `page 2` (en). */
export function describePlace(place: SourcePlace, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const zh = locale !== 'en';
  switch (place.kind) {
    case 'cell':
      return zh ? `表${place.table} 第${place.row}行 第${place.column}列` : `table ${place.table}, row ${place.row}, column ${place.column}`;
    case 'paragraph':
      return zh ? `第${place.paragraph}段` : `paragraph ${place.paragraph}`;
    case 'page':
      return zh ? `第${place.page}页` : `page ${place.page}`;
  }
}
