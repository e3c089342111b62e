// Which other reports a file is compared with by the cross-file rules (carryover,
// valid-count-continuity): the same unit's reports of the previous year. Kept in an index by unit
// and year, so a folder of N reports costs O(N), not O(N²) — handing every file all the others
// took minutes for 10,000 files.
import * as engine from '../engine';

export class RelatedIndex {
  private readonly byUnitYear = new Map<string, engine.RelatedReport[]>();
  private readonly keyOf = new Map<string, string>();

  /** Adds or replaces (after --fix rewrote it) the summary of `uri`. */
  set(uri: string, summary: engine.ReportSummary): void {
    const old = this.keyOf.get(uri);
    if (old !== undefined) {
      const list = this.byUnitYear.get(old)!;
      list.splice(list.findIndex((r) => r.uri === uri), 1);
      this.keyOf.delete(uri);
    }
    if (!summary.unit || summary.year === undefined) return; // never anyone's previous year
    const key = `${summary.year}\u0000${summary.unit}`;
    let list = this.byUnitYear.get(key);
    if (!list) this.byUnitYear.set(key, (list = []));
    list.push({ uri, summary });
    this.keyOf.set(uri, key);
  }

  /** The reports engine.previousYearReports picks for `self` among all set ones but `uri` itself. */
  relatedTo(uri: string, self: engine.ReportSummary): engine.RelatedReport[] {
    if (!self.unit || self.year === undefined) return [];
    const candidates = this.byUnitYear.get(`${self.year - 1}\u0000${self.unit}`) ?? [];
    return engine.previousYearReports(self, candidates.filter((r) => r.uri !== uri));
  }
}
