// "Does this line hold that word?" for the lines of a text taken in order, with one indexOf per
// occurrence of the word in the whole text instead of one search per line (the parser asks a few
// such questions of every line of a report, and most lines hold none of the words).

export class Occurrences {
  /** The first occurrence at or after the last line asked about (−1: none left). */
  private next: number;

  constructor(
    private readonly text: string,
    private readonly word: string,
  ) {
    this.next = text.indexOf(word);
  }

  /** Does `line` (a text/lines Line, or any start..end) hold the word? Lines must be asked about in text order (skipping is fine). */
  inLine(line: { readonly start: number; readonly end: number }): boolean {
    return this.inRange(line.start, line.end);
  }

  /**
   * Does the word start in text[start..end)? Ranges must come in text order, not overlapping (for
   * a line: a word holds no line break, so an occurrence that starts in the line lies in it).
   */
  inRange(start: number, end: number): boolean {
    if (this.next >= 0 && this.next < start) this.next = this.text.indexOf(this.word, start);
    return this.next >= 0 && this.next < end;
  }
}
