// Diagnostics for one document: the engine's diagnostics, ordered (errors first), capped at
// zfxxgk.maxProblems with a visible note about what was left out, and the counts for the status.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { toDiagnostics, type Locale } from '../engine';
import type { CachedAnalysis } from './analysisCache';
import { messages } from './messages';
import type { StatusParams } from './protocol';

export interface DocumentDiagnostics {
  items: Diagnostic[];
  status: StatusParams;
}

function comparePosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function computeDiagnostics(
  doc: TextDocument,
  cached: CachedAnalysis,
  opts: { locale: Locale; maxProblems: number; docsBaseUri?: string },
): DocumentDiagnostics {
  const status: StatusParams = {
    uri: doc.uri,
    version: doc.version,
    isReport: cached.isReport,
    errors: 0,
    warnings: 0,
    infos: 0,
    hints: 0,
    hidden: 0,
  };
  if (!cached.isReport) return { items: [], status };

  const all = toDiagnostics(doc, cached.analysis, { docsBaseUri: opts.docsBaseUri });
  for (const d of all) {
    switch (d.severity ?? DiagnosticSeverity.Error) {
      case DiagnosticSeverity.Error: status.errors++; break;
      case DiagnosticSeverity.Warning: status.warnings++; break;
      case DiagnosticSeverity.Information: status.infos++; break;
      default: status.hints++; break;
    }
  }
  if (all.length <= opts.maxProblems) return { items: all, status };

  // Over the cap: keep the most severe first, and say how many are not shown.
  const kept = [...all]
    .sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1) || comparePosition(a, b))
    .slice(0, opts.maxProblems)
    .sort(comparePosition);
  status.hidden = all.length - kept.length;
  kept.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'zfxxgk',
    code: 'max-problems',
    message: messages.hiddenProblems(opts.locale, status.hidden, opts.maxProblems),
  });
  return { items: kept, status };
}
