// Output formats: compiler-style text lines and JSON (LSP diagnostics, as the editor shows them).
import type { Diagnostic } from 'vscode-languageserver';
import type { CliMessages } from './messages';

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
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
