// Quick fixes for findings under a range, and the source.fixAll.zfxxgk action.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../analyze';
import { tr } from '../names';
import type { AnalyzeOptions } from '../finding';
import type { RuleId } from '../rules/registry';
import type { Fix, OffsetEdit } from '../types';
import { disableNextLineComment } from '../disableComments';
import { toDiagnostics, toLspRange } from './diagnostics';
import { fixAll } from './fixAll';

export const FIX_ALL_KIND = 'source.fixAll.zfxxgk';

export function toTextEdits(doc: TextDocument, edits: OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: toLspRange(doc, e), newText: e.newText }));
}

/** Versioned: a client applies it only to the document version it was computed for. */
export function workspaceEdit(doc: TextDocument, edits: OffsetEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: toTextEdits(doc, edits) }] };
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

const intersects = (doc: TextDocument, r: Range, start: number, end: number): boolean => {
  const a = doc.offsetAt(r.start);
  const b = doc.offsetAt(r.end);
  return start <= b && a <= end;
};

/** 在此行禁用该规则: a disable-next-line comment above the finding's line (never part of fix-all). */
function disableForLine(doc: TextDocument, analysis: Analysis, ruleId: RuleId, offset: number, diag: Diagnostic): CodeAction {
  const line = doc.positionAt(offset).line;
  const lineText = analysis.report.lines[line]?.text ?? '';
  const indent = /^[ \u3000]*/.exec(lineText)![0];
  const markdown = doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
  const at = doc.offsetAt({ line, character: 0 });
  const eol = analysis.report.eol || '\n';
  return {
    title: tr(analysis.locale, `在此行禁用该规则 (${ruleId})`, `Disable ${ruleId} for this line`),
    kind: 'quickfix',
    diagnostics: [diag],
    edit: workspaceEdit(doc, [{ start: at, end: at, newText: `${indent}${disableNextLineComment(ruleId, markdown)}${eol}` }]),
  };
}

export function codeActions(doc: TextDocument, analysis: Analysis, range: Range, only?: string[], options: AnalyzeOptions = {}): CodeAction[] {
  const out: CodeAction[] = [];
  const diagnostics = toDiagnostics(doc, analysis);
  if (wants(only, 'quickfix')) {
    const disables: CodeAction[] = [];
    analysis.findings.forEach((f, i) => {
      if (!intersects(doc, range, f.range.start, f.range.end)) return;
      const diag: Diagnostic = diagnostics[i];
      const add = (fix: Fix, preferred: boolean) =>
        out.push({ title: fix.title, kind: 'quickfix', isPreferred: preferred, diagnostics: [diag], edit: workspaceEdit(doc, fix.edits) });
      if (f.fix) add(f.fix, true);
      for (const s of f.suggestions ?? []) add(s, false);
      disables.push(disableForLine(doc, analysis, f.ruleId, f.range.start, diag));
    });
    out.push(...disables); // after every fix and suggestion
  }
  if (wants(only, FIX_ALL_KIND) && analysis.findings.some((f) => f.fix)) {
    const result = fixAll(analysis.text, { ...options, locale: analysis.locale });
    if (result.edits.length) {
      out.push({
        title: tr(analysis.locale, `修正全部可确定的问题（${result.applied} 处）`, `Fix all determined problems (${result.applied})`),
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(doc, result.edits),
      });
    }
  }
  return out;
}
