// What the server keeps for each open document, in one record: the parse and the analysis of its
// current version, and the bookkeeping of pushing or pulling its diagnostics. Closing the
// document drops the record (and its timers) — there is nothing else to clear by hand.
import type { DocumentDiagnosticReport } from 'vscode-languageserver';
import type { Analysis, PreparedText } from '../engine';

/** The diagnostics last answered to a pull request (to say "unchanged", and for onSave mode). */
export interface PulledDiagnostics {
  resultId: string;
  items: Extract<DocumentDiagnosticReport, { kind: 'full' }>['items'];
}

export interface OpenDocument {
  /** The parse of one version (preparedTexts.ts). */
  prepared?: { version: number; prepared: PreparedText };
  /** The analysis of one version, settings generation and set of related reports (analysisCache.ts). */
  analysis?: { analysis: Analysis; isReport: boolean; version: number; generation: number; relatedKey: string };
  /** Push mode: the debounce timer, or (debounceMs 0) the check waiting for queued changes. */
  timer?: NodeJS.Timeout;
  immediate?: NodeJS.Immediate;
  /** Push mode: the version whose diagnostics were last published, and the related reports' key they used. */
  pushedVersion?: number;
  shownRelatedKey?: string;
  /** onSave mode: the version diagnostics should describe (set at open and save). */
  checkedVersion?: number;
  /** Pull mode: the last report. */
  lastPulled?: PulledDiagnostics;
}

export class OpenDocuments {
  private readonly records = new Map<string, OpenDocument>();

  /** The record of `uri`, made when first asked for. */
  of(uri: string): OpenDocument {
    let r = this.records.get(uri);
    if (!r) this.records.set(uri, (r = {}));
    return r;
  }

  /** The record of `uri` if there is one (asking does not make one). */
  peek(uri: string): OpenDocument | undefined {
    return this.records.get(uri);
  }

  /** Stop the document's pending check. */
  cancelPending(uri: string): void {
    const r = this.records.get(uri);
    if (!r) return;
    if (r.timer) clearTimeout(r.timer);
    if (r.immediate) clearImmediate(r.immediate);
    r.timer = undefined;
    r.immediate = undefined;
  }

  /** Forget every document's last pulled diagnostics (settings or related reports changed). */
  forgetPulled(): void {
    for (const r of this.records.values()) r.lastPulled = undefined;
  }

  /** Stop every pending check (the server is shutting down). */
  cancelAll(): void {
    for (const uri of this.records.keys()) this.cancelPending(uri);
  }

  /** The document was closed: its pending check stops and everything kept for it goes. */
  close(uri: string): void {
    this.cancelPending(uri);
    this.records.delete(uri);
  }
}
