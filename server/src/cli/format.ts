// Output formats: compiler-style text lines and JSON (LSP diagnostics, as the editor shows them).
import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import type { CliMessages } from './messages';

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** --fix / --dry-run: the changes made (or that would be made), positions in the original text. */
  changes?: ChangeResult[];
}

export interface ChangeResult {
  range: Range;
  oldText: string;
  newText: string;
  rules: string[];
}

/** A cell's text as a change line shows it: trimmed, on one line, at most 40 characters; blank → （空白）. */
export function showValue(text: string, m: CliMessages): string {
  const t = text.trim().replace(/\s*(\r\n|\n|\r)\s*/g, ' ⏎ ');
  if (!t) return m.blankValue;
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/** `file:line:col: 已修正 3 → 2 [row-total]` with 1-based line and column (UTF-16 columns). */
export function formatChangeLine(file: string, at: Position, oldText: string, newText: string, rules: readonly string[], m: CliMessages, dryRun: boolean): string {
  return m.change(`${file}:${at.line + 1}:${at.character + 1}`, showValue(oldText, m), showValue(newText, m), rules.join(', '), dryRun);
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.severity ?? 1) - (b.severity ?? 1),
  );
}

/** `file:line:col: 错误 [row-total] message` with 1-based line and column (UTF-16 columns, as in editors). */
export function formatDiagnosticLine(file: string, d: Diagnostic, m: CliMessages): string {
  const severity = m.severity[d.severity ?? 1] ?? m.severity[1];
  const code = d.code !== undefined ? ` [${d.code}]` : '';
  const message = d.message.replace(/\s*\r?\n\s*/g, ' ');
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity}${code} ${message}`;
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results, null, 2) + '\n';
}

/**
 * `formatJson` written a file at a time: the same bytes (an array of the files' results, indented
 * by two spaces), without keeping the results of a whole batch until the end.
 */
export class JsonWriter {
  private count = 0;

  constructor(private readonly write: (text: string) => void) {}

  add(result: FileResult): void {
    const body = JSON.stringify(result, null, 2).replace(/\n/g, '\n  ');
    this.write(`${this.count++ === 0 ? '[\n' : ',\n'}  ${body}`);
  }

  finish(): void {
    this.write(this.count === 0 ? '[]\n' : '\n]\n');
  }
}
