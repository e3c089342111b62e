// One parse per open document version, shared by the cross-file lookup (which summarises the
// document to learn its unit and year) and the analysis cache: one keystroke = one parse.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { prepareText, type PreparedText } from '../engine';
import { OpenDocuments } from './openDocuments';

/** Kept in each open document's record (openDocuments.ts): closing the document drops it. */
export class PreparedTexts {
  constructor(
    private readonly records = new OpenDocuments(),
    private readonly prepare: (text: string) => PreparedText = prepareText,
  ) {}

  get(doc: TextDocument): PreparedText {
    const record = this.records.of(doc.uri);
    const hit = record.prepared;
    if (hit && hit.version === doc.version) return hit.prepared;
    const prepared = this.prepare(doc.getText());
    record.prepared = { version: doc.version, prepared };
    return prepared;
  }
}
