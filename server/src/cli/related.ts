// Which other reports a file is compared with by the cross-file rules (carryover,
// valid-count-continuity, text-reuse): the same unit's reports of the previous year. Kept in an
// index by unit and year, so a folder of N reports costs O(N), not O(N²) — handing every file all
// the others took minutes for 10,000 files.
//
// Copies: many files of one unit-year with the same summary (a folder holding 4,000 copies of two
// reports) are kept as one entry with the list of their uris, so each file is handed one report
// per distinct summary, not every copy — the lookup stays linear, and the memory is one summary per
// distinct report plus a uri per file. engine.previousYearReport decides the same way: copies that
// agree are one report; distinct ones that disagree are all handed over and it compares with none.
import * as engine from '../engine';

interface Entry {
  /** Its unit-year key in byUnitYear. */
  key: string;
  summary: engine.ReportSummary;
  /** Its JSON, to tell copies from different reports of one unit-year. */
  json: string;
  /** Every file with this summary, in the order they were set; uris[0] is the one handed over. */
  uris: string[];
}

export interface UnitYear {
  unit: string;
  year: number;
}

export class RelatedIndex {
  private readonly byUnitYear = new Map<string, Entry[]>();
  /** Where each indexed uri is. */
  private readonly entryOf = new Map<string, Entry>();

  /** Adds or replaces (after --fix rewrote it) the summary of `uri`. */
  set(uri: string, summary: engine.ReportSummary): void {
    this.setJson(uri, JSON.stringify(summary), summary.unit, summary.year, summary);
  }

  /**
   * The same with the summary as JSON (from a worker thread) and its unit and year: parsed only
   * when no file set before has the same summary.
   */
  setJson(uri: string, json: string, unit: string | undefined, year: number | undefined, summary?: engine.ReportSummary): void {
    this.remove(uri);
    if (!unit || year === undefined) return; // never anyone's previous year
    const key = keyOf({ unit, year });
    let list = this.byUnitYear.get(key);
    if (!list) this.byUnitYear.set(key, (list = []));
    let entry = list.find((e) => e.json === json);
    if (entry) entry.uris.push(uri);
    else list.push((entry = { key, summary: summary ?? (JSON.parse(json) as engine.ReportSummary), json, uris: [uri] }));
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
    }
  }

  /** The unit and year of an indexed uri (its own side of the comparison), if it has both. */
  unitYearOf(uri: string): UnitYear | undefined {
    const entry = this.entryOf.get(uri);
    return entry && { unit: entry.summary.unit!, year: entry.summary.year! };
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
      if (other !== undefined) out.push({ uri: other, summary: e.summary });
    }
    return out;
  }
}

function keyOf(s: { unit?: string; year?: number }): string {
  return `${s.year}\u0000${s.unit}`;
}
