// Fix-all: apply every determined fix, re-analyse, repeat until nothing more changes.
// Edits are composed back onto the original text so only the intended characters change.
import { analyze } from '../analyze';
import type { AnalyzeOptions, Finding } from '../finding';
import type { OffsetEdit } from '../types';

const MAX_ROUNDS = 10;

/** Apply non-overlapping edits (sorted by start; equal starts keep their order). */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i).map((x) => x.e);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue; // overlapping: skip (callers avoid this)
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** The determined fixes' edits of one analysis, without overlaps. */
export function determinedEdits(findings: Finding[]): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (const f of findings) if (f.fix) edits.push(...f.fix.edits);
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i).map((x) => x.e);
  const out: OffsetEdit[] = [];
  let pos = 0;
  const seen = new Set<string>();
  for (const e of sorted) {
    const key = `${e.start}:${e.end}:${e.newText}`;
    if (seen.has(key) || e.start < pos) continue; // the same fix twice, or overlapping: next round
    seen.add(key);
    out.push(e);
    pos = e.end;
  }
  return out;
}

/**
 * Compose edit `e`, made on `current` (= original with `acc` applied), into `acc`, so that every
 * edit stays in original coordinates. Edits it overlaps or touches are merged with it.
 */
function compose(acc: OffsetEdit[], e: OffsetEdit, current: string): OffsetEdit[] {
  const before: OffsetEdit[] = [];
  const touched: { a: OffsetEdit; shift: number; curStart: number; curEnd: number }[] = [];
  const after: OffsetEdit[] = [];
  let shift = 0; // current offset − original offset, before the next acc edit
  for (const a of acc) {
    const curStart = a.start + shift;
    const curEnd = curStart + a.newText.length;
    if (curEnd < e.start) before.push(a);
    else if (curStart > e.end) after.push(a);
    else touched.push({ a, shift, curStart, curEnd });
    if (curStart <= e.end) shift += a.newText.length - (a.end - a.start);
  }
  const shiftBefore = touched.length ? touched[0].shift : 0;
  let merged: OffsetEdit;
  if (!touched.length) {
    const sb = before.reduce((n, a) => n + a.newText.length - (a.end - a.start), 0);
    merged = { start: e.start - sb, end: e.end - sb, newText: e.newText };
  } else {
    const first = touched[0];
    const last = touched[touched.length - 1];
    const shiftAfter = last.shift + last.a.newText.length - (last.a.end - last.a.start);
    const curFrom = Math.min(first.curStart, e.start);
    const curTo = Math.max(last.curEnd, e.end);
    merged = {
      start: curFrom - shiftBefore,
      end: curTo - shiftAfter,
      newText: current.slice(curFrom, e.start) + e.newText + current.slice(e.end, curTo),
    };
  }
  return [...before, merged, ...after];
}

export interface FixAllResult {
  text: string;
  /** Number of fixes applied over all rounds. */
  applied: number;
  /** The same change as edits on the original text. */
  edits: OffsetEdit[];
}

export function fixAll(text: string, options: AnalyzeOptions = {}): FixAllResult {
  let current = text;
  let applied = 0;
  let acc: OffsetEdit[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = determinedEdits(analyze(current, options).findings);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    // Compose from the last edit backwards so each one's offsets are still valid where it applies.
    let state = current;
    for (const e of [...edits].reverse()) {
      acc = compose(acc, e, state);
      state = applyEdits(state, [e]);
    }
    applied += edits.length;
    current = next;
  }
  // Safety net: the composed edits must reproduce the result exactly; otherwise one whole-span edit.
  if (applyEdits(text, acc) !== current) acc = [spanEdit(text, current)];
  return { text: current, applied, edits: current === text ? [] : acc };
}

/** One edit covering the changed span between two texts (common prefix and suffix kept). */
export function spanEdit(before: string, after: string): OffsetEdit {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { start: p, end: before.length - s, newText: after.slice(p, after.length - s) };
}
