// One parse per open document version, shared by the cross-file lookup (which summarises the
// document to learn its unit and year) and the analysis cache: one keystroke = one parse.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { prepareText, type PreparedText } from '../engine';

export class PreparedTexts {
  private readonly entries = new Map<string, { version: number; prepared: PreparedText }>();

  constructor(private readonly prepare: (text: string) => PreparedText = prepareText) {}

  get(doc: TextDocument): PreparedText {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.prepared;
    const prepared = this.prepare(doc.getText());
    this.entries.set(doc.uri, { version: doc.version, prepared });
    return prepared;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
