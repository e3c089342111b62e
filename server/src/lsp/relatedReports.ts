// Other reports a document is checked against (carryover, valid-count-continuity): the open
// documents, the files in the document's own folder, and the files in the workspace folders.
// Files are read here (the engine never reads files), summarised once per (mtime, size), and
// capped in number and size; an unreadable file is skipped, never fatal.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { looksLikeReport, preparedSummary, previousYearReports, summarize, type PreparedText, type RelatedReport, type ReportSummary } from '../engine';

export interface RelatedLimits {
  /** At most this many files on disk are summarised per document (its own folder first). */
  maxFiles: number;
  /** Larger files are skipped. */
  maxBytes: number;
  /** How deep workspace folders are searched. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: RelatedLimits = { maxFiles: 300, maxBytes: 2_000_000, maxDepth: 4 };

const REPORT_EXTENSIONS = new Set(['.txt', '.md']);
const LISTING_TTL_MS = 30_000;
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist']);

/** Last year's reports of the same unit for one document, and a key that changes when they do. */
export interface RelatedFor {
  reports: RelatedReport[];
  key: string;
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes); // GBK / GB18030 files saved by Windows tools
    } catch {
      return '';
    }
  }
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class RelatedReports {
  private readonly onDisk = new Map<string, { mtimeMs: number; size: number; summary?: ReportSummary }>();
  private readonly open = new Map<string, { version: number; summary?: ReportSummary }>();
  private workspaceFolders: string[] = [];
  private workspaceFiles: string[] | undefined;
  private workspaceListedAt = 0;

  /** `prepared`: the parse of an open document's version, shared with its analysis (else parsed here). */
  constructor(
    private readonly limits: RelatedLimits = DEFAULT_LIMITS,
    private readonly prepared?: (doc: TextDocument) => PreparedText,
  ) {}

  setWorkspaceFolders(uris: string[]): void {
    this.workspaceFolders = uris.map(filePath).filter((p): p is string => !!p);
    this.workspaceFiles = undefined;
  }

  /** A file changed, appeared or disappeared on disk. */
  fileChanged(uri: string): void {
    const p = filePath(uri);
    if (p) this.onDisk.delete(p);
    this.workspaceFiles = undefined;
  }

  documentClosed(uri: string): void {
    this.open.delete(uri);
  }

  /** The summary of an open document (cached per version); undefined if it is not a report. */
  private openSummary(doc: TextDocument): ReportSummary | undefined {
    const hit = this.open.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.summary;
    let summary: ReportSummary | undefined;
    if (this.prepared) summary = preparedSummary(this.prepared(doc));
    else {
      const text = doc.getText();
      summary = looksLikeReport(text) ? summarize(text) : undefined;
    }
    this.open.set(doc.uri, { version: doc.version, summary });
    return summary;
  }

  private diskSummary(file: string): ReportSummary | undefined {
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      this.onDisk.delete(file);
      return undefined;
    }
    if (!st.isFile() || st.size > this.limits.maxBytes) return undefined;
    const hit = this.onDisk.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.summary;
    let summary: ReportSummary | undefined;
    try {
      const text = decode(fs.readFileSync(file));
      summary = looksLikeReport(text) ? summarize(text) : undefined;
    } catch {
      summary = undefined; // unreadable now: skipped, tried again when it changes
    }
    this.onDisk.set(file, { mtimeMs: st.mtimeMs, size: st.size, summary });
    return summary;
  }

  private listFolder(dir: string, depth: number, out: string[]): void {
    if (out.length >= this.limits.maxFiles) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= this.limits.maxFiles) return;
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isFile() && REPORT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(full);
      else if (e.isDirectory() && depth > 0 && !SKIPPED_DIRS.has(e.name)) this.listFolder(full, depth - 1, out);
    }
  }

  /** Candidate files on disk: the document's own folder (listed every time), then the workspace (listed once). */
  private candidates(docPath: string | undefined): string[] {
    const own: string[] = [];
    if (docPath) this.listFolder(path.dirname(docPath), 0, own);
    // Listed once, again after file events, and at most every LISTING_TTL_MS for clients without a watcher.
    if (!this.workspaceFiles || Date.now() - this.workspaceListedAt > LISTING_TTL_MS) {
      this.workspaceListedAt = Date.now();
      const all: string[] = [];
      for (const folder of this.workspaceFolders) this.listFolder(folder, this.limits.maxDepth, all);
      this.workspaceFiles = all;
    }
    const seen = new Set(own);
    const files = [...own, ...this.workspaceFiles.filter((f) => !seen.has(f))];
    return files.slice(0, this.limits.maxFiles);
  }

  /** Last year's reports of the same unit as `doc`, among open documents (their current text) and files on disk. */
  relatedFor(doc: TextDocument, openDocs: readonly TextDocument[]): RelatedFor {
    const self = this.openSummary(doc);
    if (!self || !self.unit || self.year === undefined) return { reports: [], key: '' };
    const all: RelatedReport[] = [];
    const openPaths = new Set<string>();
    for (const other of openDocs) {
      const p = filePath(other.uri);
      if (p) openPaths.add(path.resolve(p));
      if (other.uri === doc.uri) continue;
      const summary = this.openSummary(other);
      if (summary) all.push({ uri: other.uri, summary });
    }
    for (const file of this.candidates(filePath(doc.uri))) {
      if (openPaths.has(path.resolve(file))) continue; // the open text wins over the saved file
      const summary = this.diskSummary(file);
      if (summary) all.push({ uri: pathToFileURL(file).href, summary });
    }
    const reports = previousYearReports(self, all);
    return { reports, key: reports.length ? JSON.stringify(reports) : '' };
  }
}
