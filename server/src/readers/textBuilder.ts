// Builds a reader's output text line by line, remembering for each piece the source place it
// came from (types.ts PlaceSpan), so a finding's offset can be traced back to the source.
import type { Converted, PlaceSpan, SourceFormat, SourcePlace } from './types';

export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly places: PlaceSpan[] = [];
  private length = 0;

  /** Appends `text`; with a place, the stretch it occupies is mapped to that place. */
  add(text: string, place?: SourcePlace): void {
    if (!text) return;
    if (place) {
      const last = this.places[this.places.length - 1];
      if (last && last.end === this.length && samePlace(last.place, place)) last.end += text.length;
      else this.places.push({ start: this.length, end: this.length + text.length, place });
    }
    this.parts.push(text);
    this.length += text.length;
  }

  /** Appends a whole line (its pieces, each with its place) and a line break. */
  line(pieces: readonly { text: string; place?: SourcePlace }[]): void {
    for (const p of pieces) this.add(p.text, p.place);
    this.add('\n');
  }

  build(format: SourceFormat): Converted {
    return { format, text: this.parts.join(''), places: this.places };
  }
}

export function samePlace(a: SourcePlace, b: SourcePlace): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'paragraph':
      return a.paragraph === (b as typeof a).paragraph;
    case 'cell': {
      const c = b as typeof a;
      return a.table === c.table && a.row === c.row && a.column === c.column;
    }
    case 'page':
      return a.page === (b as typeof a).page;
  }
}
