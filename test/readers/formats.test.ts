// Issue 13, acceptance 1 through the engine: each report of the shared formats/ folder, read from
// its .docx, .html and .pdf, gives the findings (rule, severity, message) of its .txt, and every
// finding's offset traces back to a place in the source file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../server/src/engine';
import { describePlace, placeAt, readSource } from '../../server/src/readers';
import { fixturesDir } from '../helpers/paths';

const REPORTS = ['2021_scj', '2022_gwh', '2023_htp', '2024_jjf', '2025_nyn'];
const said = (a: Analysis) => a.findings.map((f) => `${f.ruleId} ${f.severity} ${f.message}`).sort();
const txt = (name: string) => fs.readFileSync(path.join(fixturesDir, 'real', `${name}.txt`), 'utf8');

describe.each(REPORTS)('%s', (name) => {
  it.each(['docx', 'html', 'pdf'])('.%s gives the findings of the .txt, each with its place in the source', async (ext) => {
    const file = path.join(fixturesDir, 'formats', `${name}.${ext}`);
    const read = await readSource(file, fs.readFileSync(file));
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const analysis = analyze(read.converted.text);
    expect(said(analysis)).toEqual(said(analyze(txt(name))));
    for (const f of analysis.findings) {
      const place = placeAt(read.converted, f.range.start);
      expect(place, f.message).toBeDefined();
      expect(describePlace(place!)).toMatch(ext === 'pdf' ? /^第\d+页$/ : /^(表\d+ 第\d+行 第\d+列|第\d+段)$/);
    }
  });

  it.each(['docx', 'html'])('.%s reads as the .txt made from the web page, line for line', async (ext) => {
    const file = path.join(fixturesDir, 'formats', `${name}.${ext}`);
    const read = await readSource(file, fs.readFileSync(file));
    expect(read.ok && read.converted.text).toBe(txt(name));
  });
});

it('a table finding names its cell: 2025_nyn in Word, table 三', async () => {
  const file = path.join(fixturesDir, 'formats', '2025_nyn.docx');
  const read = await readSource(file, fs.readFileSync(file));
  if (!read.ok) throw new Error('unreadable');
  const f = analyze(read.converted.text).findings.find((x) => x.ruleId === 'row-total' || x.ruleId === 'column-total');
  expect(f).toBeDefined();
  const place = placeAt(read.converted, f!.range.start)!;
  expect(place.kind).toBe('cell');
  // The cell holds the very number the finding is about.
  const span = read.converted.places.find((s) => s.start <= f!.range.start && f!.range.start < s.end)!;
  expect(read.converted.text.slice(span.start, span.end)).toMatch(/^\d+$/);
  expect(describePlace(place)).toMatch(/^表2 第\d+行 第\d+列$/);
  expect(describePlace(place, 'en')).toMatch(/^table 2, row \d+, column \d+$/);
});
