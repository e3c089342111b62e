// One keystroke = one parse: the cross-file lookup (which summarises the edited document to learn
// its unit and year) and the analysis share the parse of each document version, and give what
// summarize() and analyze() give on their own.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, prepareText, preparedSummary, summarize } from '../../server/src/engine';
import { AnalysisCache } from '../../server/src/lsp/analysisCache';
import { OpenDocuments } from '../../server/src/lsp/openDocuments';
import { PreparedTexts } from '../../server/src/lsp/preparedTexts';
import { RelatedReports } from '../../server/src/lsp/relatedReports';
import { allSeeds, changeCell, readSeed } from '../helpers/seeds';

describe('one parse per document version', () => {
  it('each edit is parsed once for the cross-file lookup and the analysis, with the engine\'s findings', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zfxxgk-oneparse-'));
    try {
      let parses = 0;
      // The server's arrangement: the parse and the analysis kept in one record per document.
      const records = new OpenDocuments();
      const texts = new PreparedTexts(records, (text) => {
        parses++;
        return prepareText(text);
      });
      const related = new RelatedReports(undefined, (d) => texts.get(d));
      const cache = new AnalysisCache({ locale: 'zh-CN' }, undefined, (d) => texts.get(d), records);
      const seed = readSeed();
      const doc = TextDocument.create(pathToFileURL(path.join(dir, 'report.txt')).href, 'plaintext', 1, seed);
      const edits = [changeCell(seed, '(七) 总计', 0, '3').text, seed.replace('一、总体情况', '一、总体'), seed];
      for (const [i, text] of edits.entries()) {
        TextDocument.update(doc, [{ text }], i + 2);
        const { analysis } = cache.get(doc, related.relatedFor(doc, [doc]));
        expect(analysis.findings).toEqual(analyze(text).findings);
      }
      expect(parses).toBe(edits.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the prepared parse gives summarize() and analyze() exactly, with or without a disable comment', () => {
    for (const file of allSeeds()) {
      for (const text of [readSeed(file), `<!-- zfxxgk-disable row-total -->\n${readSeed(file)}`]) {
        const p = prepareText(text);
        expect(analyze(text, {}, p)).toEqual(analyze(text));
        expect(preparedSummary(p)).toEqual(summarize(text));
      }
    }
    expect(preparedSummary(prepareText('普通的说明文字。'))).toBeUndefined();
  });
});
