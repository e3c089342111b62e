// Which other reports a file is compared with by the cross-file rules (carryover,
// valid-count-continuity, text-reuse): the same unit's reports of the previous year. Kept in an
// index by unit and year, so a folder of N reports costs O(N), not O(N²) — handing every file all
// the others took minutes for 10,000 files.
//
// Copies: many files of one unit-year with the same summary (a folder holding 4,000 copies of two
// reports) are kept as one entry with the list of their uris, so each file is handed one report
// per distinct summary, not every copy — the lookup stays linear. The memory is one summary per
// distinct report, kept as its UTF-8 JSON (~3 KB outside the JS heap, against ~11 KB as objects
// plus the JSON string) and parsed when handed over (the last few parsed are kept), plus a uri per
// file. engine.previousYearReport decides the same way: copies that
// agree are one report; distinct ones that disagree are all handed over and it compares with none.
import * as engine from '../engine';

interface Entry {
  /** Its unit-year key in byUnitYear, and that unit and year. */
  key: string;
  unit: string;
  year: number;
  /** The summary as UTF-8 JSON; also tells copies from different reports of one unit-year. */
  bytes: Buffer;
  /** Every file with this summary, in the order they were set; uris[0] is the one handed over. */
  uris: string[];
}

export interface UnitYear {
  unit: string;
  year: number;
}

/** How many parsed summaries are kept (most recently handed over). */
const PARSED_KEPT = 64;

export class RelatedIndex {
  private readonly byUnitYear = new Map<string, Entry[]>();
  private readonly parsed = new Map<Entry, engine.ReportSummary>();
  /** Where each indexed uri is. */
  private readonly entryOf = new Map<string, Entry>();

  /** Adds or replaces (after --fix rewrote it) the summary of `uri`. */
  set(uri: string, summary: engine.ReportSummary): void {
    this.setJson(uri, JSON.stringify(summary), summary.unit, summary.year);
  }

  /**
   * The same with the summary as JSON (from a worker thread) and its unit and year.
   */
  setJson(uri: string, json: string, unit: string | undefined, year: number | undefined): void {
    this.remove(uri);
    if (!unit || year === undefined) return; // never anyone's previous year
    const key = keyOf({ unit, year });
    let list = this.byUnitYear.get(key);
    if (!list) this.byUnitYear.set(key, (list = []));
    const bytes = Buffer.from(json, 'utf8');
    let entry = list.find((e) => e.bytes.equals(bytes));
    if (entry) entry.uris.push(uri);
    else list.push((entry = { key, unit, year, bytes, uris: [uri] }));
    this.entryOf.set(uri, entry);
  }

  private remove(uri: string): void {
    const entry = this.entryOf.get(uri);
    if (!entry) return;
    this.entryOf.delete(uri);
    entry.uris.splice(entry.uris.indexOf(uri), 1);
    if (entry.uris.length === 0) {
      const list = this.byUnitYear.get(entry.key)!;
      list.splice(list.indexOf(entry), 1);
      this.parsed.delete(entry);
    }
  }

  /** The unit and year of an indexed uri (its own side of the comparison), if it has both. */
  unitYearOf(uri: string): UnitYear | undefined {
    const entry = this.entryOf.get(uri);
    return entry && { unit: entry.unit, year: entry.year };
  }

  /**
   * The reports engine.previousYearReports picks for a report of `self`'s unit and year among all
   * set ones but `uri` itself: one per distinct summary.
   */
  relatedTo(uri: string, self: { unit?: string; year?: number }): engine.RelatedReport[] {
    if (!self.unit || self.year === undefined) return [];
    const list = this.byUnitYear.get(`${self.year - 1}\u0000${self.unit}`) ?? [];
    const out: engine.RelatedReport[] = [];
    for (const e of list) {
      const other = e.uris[0] !== uri ? e.uris[0] : e.uris[1];
      if (other !== undefined) out.push({ uri: other, summary: this.summaryOf(e) });
    }
    return out;
  }

  /** An entry's summary, parsed (the same object while it stays among the last PARSED_KEPT). */
  private summaryOf(e: Entry): engine.ReportSummary {
    let s = this.parsed.get(e);
    if (s) {
      this.parsed.delete(e); // most recent last
    } else {
      s = JSON.parse(e.bytes.toString('utf8')) as engine.ReportSummary;
      if (this.parsed.size >= PARSED_KEPT) this.parsed.delete(this.parsed.keys().next().value!);
    }
    this.parsed.set(e, s);
    return s;
  }
}

function keyOf(s: { unit?: string; year?: number }): string {
  return `${s.year}\u0000${s.unit}`;
}
