// "Does this line hold that word?" for the lines of a text taken in order, with one indexOf per
// occurrence of the word in the whole text instead of one search per line (the parser asks a few
// such questions of every line of a report, and most lines hold none of the words).
import type { Line } from './lines';

export class Occurrences {
  /** The first occurrence at or after the last line asked about (−1: none left). */
  private next: number;

  constructor(
    private readonly text: string,
    private readonly word: string,
  ) {
    this.next = text.indexOf(word);
  }

  /** Does `line` hold the word? Lines must be asked about in text order (skipping is fine). */
  inLine(line: Line): boolean {
    if (this.next >= 0 && this.next < line.start) this.next = this.text.indexOf(this.word, line.start);
    // A word holds no line break, so an occurrence that starts in the line lies in it.
    return this.next >= 0 && this.next < line.end;
  }
}
