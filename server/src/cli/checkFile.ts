// A file's report checked as the CLI reports it: its analysis, its diagnostics in output order,
// what went wrong inside the checker, and how many findings a fix would change. One function for
// both paths — the main thread (run.ts, after --fix) and the worker threads (workers.ts) — so the
// two cannot drift apart.
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as engine from '../engine';
import { sortDiagnostics } from './format';

export interface FileChecked {
  analysis: engine.Analysis;
  doc: TextDocument;
  diagnostics: Diagnostic[];
  internalErrors: readonly string[];
  /** Findings with a determined fix (what --fix would apply). */
  fixable: number;
}

/** `file`: its text (as read, or as --fix left it) and its URI. */
export function checkFile(file: { text: string; uri: string }, options: engine.AnalyzeOptions, docsBaseUri?: string): FileChecked {
  const { text, uri } = file;
  const analysis = engine.analyze(text, options);
  const doc = TextDocument.create(uri, 'plaintext', 1, text);
  return {
    analysis,
    doc,
    diagnostics: sortDiagnostics(engine.toDiagnostics(doc, analysis, { docsBaseUri })),
    internalErrors: analysis.internalErrors,
    fixable: analysis.findings.filter((f) => f.fix).length,
  };
}
