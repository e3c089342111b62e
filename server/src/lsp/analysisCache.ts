// One analysis per document version and settings generation, shared by diagnostics, symbols,
// code actions, hover and fix-all (the idea of vscode's languageModelCache, simplified: the
// server only keeps entries for open documents and drops them on close).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type AnalyzeOptions, type PreparedText } from '../engine';
import { REPORT_LANGUAGE_ID } from './protocol';
import { OpenDocuments } from './openDocuments';
import type { RelatedFor } from './relatedReports';

const NO_RELATED: RelatedFor = { reports: [], key: '' };

export interface CachedAnalysis {
  analysis: Analysis;
  /** Treated as a report: the text looks like one, or the client says so by languageId. */
  isReport: boolean;
}

/** Kept in each open document's record (openDocuments.ts): closing the document drops it. */
export class AnalysisCache {
  private generation = 0;

  /**
   * `onInternalErrors` hears about engine rules that threw (bugs, logged by the server);
   * `prepared` gives the parse of a document version already made for the cross-file lookup.
   */
  constructor(
    private options: AnalyzeOptions,
    private readonly onInternalErrors?: (uri: string, errors: readonly string[]) => void,
    private readonly prepared?: (doc: TextDocument) => PreparedText,
    private readonly records = new OpenDocuments(),
  ) {}

  /** New options (settings changed): every cached analysis becomes stale (its generation is old). */
  setOptions(options: AnalyzeOptions): void {
    this.options = options;
    this.generation++;
  }

  /** The analysis of this version, made against `related` (last year's reports; see relatedReports.ts). */
  get(doc: TextDocument, related: RelatedFor = NO_RELATED): CachedAnalysis {
    const record = this.records.of(doc.uri);
    const hit = record.analysis;
    if (hit && hit.version === doc.version && hit.generation === this.generation && hit.relatedKey === related.key) return hit;
    const analysis = analyze(doc.getText(), related.reports.length ? { ...this.options, related: related.reports } : this.options, this.prepared?.(doc));
    if (analysis.internalErrors.length) this.onInternalErrors?.(doc.uri, analysis.internalErrors);
    const entry: NonNullable<typeof record.analysis> = {
      analysis,
      isReport: doc.languageId === REPORT_LANGUAGE_ID || analysis.isReport,
      version: doc.version,
      generation: this.generation,
      relatedKey: related.key,
    };
    record.analysis = entry;
    return entry;
  }

  /** Identifies the options in force, for diagnostic result ids. */
  get settingsGeneration(): number {
    return this.generation;
  }
}
