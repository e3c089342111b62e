// Turns "old text → new text" into a few small TextEdits, so applying fix-all in the editor
// touches only the changed cells (cursor, undo and folding stay put) and yields exactly the text
// the CLI's --fix writes.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The smallest single edit turning a[from..toA) into b[from..toB), never splitting a surrogate pair. */
function trimmedEdit(a: string, b: string, from: number, toA: number, toB: number): OffsetEdit | undefined {
  let start = from;
  while (start < toA && start < toB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = toA;
  let endB = toB;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  while (start > from && isLowSurrogate(a.charCodeAt(start))) start--;
  while (endA < toA && isLowSurrogate(a.charCodeAt(endA))) {
    endA++;
    endB++;
  }
  if (start === endA && start === endB) return undefined;
  return { start, end: endA, newText: b.slice(start, endB) };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Offset edits (non-overlapping, in order) that turn `a` into `b`. */
export function diffOffsets(a: string, b: string): OffsetEdit[] {
  if (a === b) return [];
  const la = lineStarts(a);
  const lb = lineStarts(b);
  if (la.length !== lb.length) {
    const one = trimmedEdit(a, b, 0, a.length, b.length);
    return one ? [one] : [];
  }
  // Same number of lines (cells rewritten in place): one edit per changed line.
  const edits: OffsetEdit[] = [];
  for (let i = 0; i < la.length; i++) {
    const endA = i + 1 < la.length ? la[i + 1] : a.length;
    const endB = i + 1 < lb.length ? lb[i + 1] : b.length;
    if (endA - la[i] === endB - lb[i] && a.startsWith(b.slice(lb[i], endB), la[i])) continue;
    // Align the line in b with the line in a: both lines start at la[i] / lb[i].
    const sub = trimmedEdit(a.slice(la[i], endA), b.slice(lb[i], endB), 0, endA - la[i], endB - lb[i]);
    if (sub) edits.push({ start: la[i] + sub.start, end: la[i] + sub.end, newText: sub.newText });
  }
  return edits;
}

export function diffToTextEdits(doc: TextDocument, newText: string): TextEdit[] {
  return diffOffsets(doc.getText(), newText).map((e) => ({
    range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
    newText: e.newText,
  }));
}
