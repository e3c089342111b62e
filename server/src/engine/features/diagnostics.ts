// Findings → LSP diagnostics (ranges through TextDocument.positionAt: UTF-16, as LSP counts).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Analysis } from '../analyze';
import type { OffsetRange, Severity } from '../types';

export interface DiagnosticOptions {
  /** e.g. file:///…/docs/rules/ — codeDescription.href = docsBaseUri + id + '.md'. */
  docsBaseUri?: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

export const toLspRange = (doc: TextDocument, r: OffsetRange) => ({ start: doc.positionAt(r.start), end: doc.positionAt(r.end) });

export function toDiagnostics(doc: TextDocument, analysis: Analysis, opts: DiagnosticOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of analysis.findings) {
    const d: Diagnostic = {
      range: toLspRange(doc, f.range),
      severity: SEVERITY[f.severity],
      code: f.ruleId,
      source: 'zfxxgk',
      message: f.message,
    };
    if (opts.docsBaseUri) d.codeDescription = { href: `${opts.docsBaseUri}${f.ruleId}.md` };
    if (f.related.length) {
      d.relatedInformation = f.related.map((r) =>
        r.uri && r.location
          ? { location: { uri: r.uri, range: r.location }, message: r.message } // a place in another file
          : { location: { uri: doc.uri, range: toLspRange(doc, r.range) }, message: r.message },
      );
    }
    if (f.fix || f.suggestions?.length) d.data = { fixable: !!f.fix };
    out.push(d);
  }
  return out;
}
