// The batch outputs of one run: `--format csv` writes each file's rows as soon as it is checked
// (nothing kept); `--format html` keeps one small row per file (record.ts `ReportRow`), writes each
// file's details (findings and grids) to a spool as it is checked, and writes the page at the end.
import type { Locale } from '../../engine';
import { csvHeader, csvRows } from './csv';
import { detailHtml, writePage } from './htmlPage';
import { fileRecord, reportRow, uncheckedRecord, type FileRecord, type RecordInput, type ReportRow } from './record';
import { Spool } from './spool';

export class BatchReport {
  private readonly rows: ReportRow[] = [];
  private readonly details: Spool | undefined;

  constructor(
    private readonly format: 'html' | 'csv',
    private readonly locale: Locale,
    private readonly version: string,
    private readonly write: (text: string) => void,
  ) {
    if (format === 'csv') write(csvHeader(locale));
    else this.details = new Spool();
  }

  add(input: Omit<RecordInput, 'withTables'>): void {
    this.put(fileRecord({ ...input, withTables: this.format === 'html' }));
  }

  /** A file that could not be read or checked, and why (the message also said on stderr). */
  unchecked(file: string, why: string): void {
    this.put(uncheckedRecord(file, why));
  }

  private put(r: FileRecord): void {
    if (this.format === 'csv') return this.write(csvRows(r, this.locale));
    this.details!.write(detailHtml(r, this.rows.length, this.locale) + '\n');
    this.rows.push(reportRow(r));
  }

  finish(): void {
    if (this.format !== 'html') return;
    writePage({ rows: this.rows, locale: this.locale, version: this.version }, this.write, () => this.details!.drainTo(this.write));
  }
}
