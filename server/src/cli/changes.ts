// What `--fix` / `--dry-run` changed, edit by edit, and which rule asked for each edit.
// engine.fixAll says *what* changes (its edits, composed onto the original text: the bytes that
// are written); this module only says *why*: it replays fix-all's rounds (analyse, apply the
// determined fixes, again) to learn which finding each edit came from, mapping the later rounds'
// edits back onto the original text.
import * as engine from '../engine';

export interface Change {
  /** Offsets in the original text. */
  start: number;
  end: number;
  oldText: string;
  newText: string;
  /** Rule ids of the findings whose fixes made this change (sorted, no duplicates). */
  rules: string[];
}

interface RuleEdit extends engine.OffsetEdit {
  ruleId: string;
}

/** The determined fixes of one analysis as fix-all applies them: sorted, duplicates and overlaps left for the next round. */
function roundEdits(findings: readonly engine.Finding[]): RuleEdit[] {
  const edits: RuleEdit[] = [];
  for (const f of findings) if (f.fix) for (const e of f.fix.edits) edits.push({ ...e, ruleId: f.ruleId });
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i).map((x) => x.e);
  const out: RuleEdit[] = [];
  const applied = new Map<string, RuleEdit>();
  let pos = 0;
  for (const e of sorted) {
    const key = `${e.start}:${e.end}:${e.newText}`;
    const same = applied.get(key);
    if (same) {
      // The same edit from a second finding (a located cell is on two equations): both rules made it.
      if (!same.ruleId.split(',').includes(e.ruleId)) same.ruleId += `,${e.ruleId}`;
      continue;
    }
    if (e.start < pos) continue;
    const kept = { ...e };
    applied.set(key, kept);
    out.push(kept);
    pos = e.end;
  }
  return out;
}

/** A range of the text after `edits` (sorted, non-overlapping) as a range of the text before them. */
function mapBack(r: engine.OffsetRange, edits: readonly engine.OffsetEdit[]): engine.OffsetRange {
  const back = (p: number, side: 'start' | 'end'): number => {
    let delta = 0;
    for (const e of edits) {
      const s = e.start + delta;
      const t = s + e.newText.length;
      if (p < s || (p === s && side === 'end' && e.newText.length > 0)) break;
      if (p <= t && !(p === t && side === 'start' && e.newText.length > 0)) return side === 'start' ? e.start : e.end;
      delta += e.newText.length - (e.end - e.start);
    }
    return p - delta;
  };
  const start = back(r.start, 'start');
  return { start, end: Math.max(start, back(r.end, 'end')) };
}

const MAX_ROUNDS = 10;

/**
 * The changes of `fixed` (engine.fixAll(text, options)), each with the rules that made it.
 * Costs one more analysis per round of the fix (only for files that change).
 */
export function describeChanges(text: string, fixed: ReturnType<typeof engine.fixAll>, options: engine.AnalyzeOptions): Change[] {
  if (!fixed.edits.length) return [];
  // Every determined edit of every round, as a range of the original text.
  const origins: { range: engine.OffsetRange; ruleId: string }[] = [];
  const history: RuleEdit[][] = [];
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = roundEdits(engine.analyze(current, options).findings);
    if (!edits.length) break;
    const next = engine.applyEdits(current, edits);
    if (next === current) break;
    for (const e of edits) {
      let range: engine.OffsetRange = e;
      for (let k = history.length - 1; k >= 0; k--) range = mapBack(range, history[k]);
      origins.push({ range, ruleId: e.ruleId });
    }
    history.push(edits);
    current = next;
  }
  return [...fixed.edits]
    .sort((a, b) => a.start - b.start)
    .map((e) => {
      const rules = new Set<string>();
      for (const o of origins) {
        const touches = o.range.start <= e.end && o.range.end >= e.start;
        if (touches) for (const id of o.ruleId.split(',')) rules.add(id);
      }
      return { start: e.start, end: e.end, oldText: text.slice(e.start, e.end), newText: e.newText, rules: [...rules].sort() };
    });
}

/** Where each change lands in the fixed text (offsets shift by the length changes of the edits before it). */
export function startsInFixedText(changes: readonly Change[]): number[] {
  let delta = 0;
  return changes.map((c) => {
    const at = c.start + delta;
    delta += c.newText.length - (c.end - c.start);
    return at;
  });
}
