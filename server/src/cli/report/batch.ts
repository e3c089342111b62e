// The batch outputs of one run: `--format csv` writes each file's rows as soon as it is checked
// (nothing kept); `--format html` keeps one compact record per file (record.ts) and writes the page
// at the end.
import type { Locale } from '../../engine';
import { csvHeader, csvRows } from './csv';
import { htmlPage } from './htmlPage';
import { fileRecord, uncheckedRecord, type FileRecord, type RecordInput } from './record';

export class BatchReport {
  private readonly records: FileRecord[] = [];

  constructor(
    private readonly format: 'html' | 'csv',
    private readonly locale: Locale,
    private readonly version: string,
    private readonly write: (text: string) => void,
  ) {
    if (format === 'csv') write(csvHeader(locale));
  }

  add(input: Omit<RecordInput, 'withTables'>): void {
    this.put(fileRecord({ ...input, withTables: this.format === 'html' }));
  }

  /** A file that could not be read or checked, and why (the message also said on stderr). */
  unchecked(file: string, why: string): void {
    this.put(uncheckedRecord(file, why));
  }

  private put(r: FileRecord): void {
    if (this.format === 'csv') this.write(csvRows(r, this.locale));
    else this.records.push(r);
  }

  finish(): void {
    if (this.format === 'html') this.write(htmlPage({ records: this.records, locale: this.locale, version: this.version }));
  }
}
