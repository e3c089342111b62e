// .docx (Word, WPS) → report text. The body's paragraphs in order, one per line; each table row one
// line of TAB-separated cells on the table's grid (w:gridSpan widens a cell, w:gridBefore/After
// skip grid columns, a w:vMerge continuation is an empty cell), as Word's copy gives them.
// Pure: bytes in, text and places out.
import { unzipSync, type Unzipped } from 'fflate';
import { Parser } from 'htmlparser2';
import { cellText, tableLines, type SourceCell } from './tableGrid';
import { TextBuilder } from './textBuilder';
import type { ReadResult } from './types';

/** The ZIP local-file signature: every .docx starts with it. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Paragraphs and tables of the body, in order. */
type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: SourceCell[][] };

interface TableState {
  rows: SourceCell[][];
  row: SourceCell[] | null;
  cell: { parts: string[]; span: number; continuation: boolean } | null;
  gridAfter: number;
}

/** Reads the body of word/document.xml into blocks. Nested tables' text joins their outer cell. */
export function readDocumentXml(xml: string): Block[] {
  const blocks: Block[] = [];
  const tables: TableState[] = [];
  let para: string[] | null = null;
  let inText = false;
  /** Inside drawings, text boxes, deleted text, field codes: not body text. */
  let skipDepth = 0;

  const cellOf = () => tables[tables.length - 1]?.cell ?? null;
  const openTable = () => tables[tables.length - 1];

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        switch (name) {
          case 'w:drawing':
          case 'w:pict':
          case 'mc:AlternateContent':
          case 'w:txbxContent':
          case 'w:del':
          case 'w:instrText':
          case 'w:footnoteReference':
            skipDepth = 1;
            return;
          case 'w:tbl':
            tables.push({ rows: [], row: null, cell: null, gridAfter: 0 });
            return;
          case 'w:tr':
            if (tables.length) {
              const t = openTable();
              t.row = [];
              t.gridAfter = 0;
            }
            return;
          case 'w:gridBefore':
          case 'w:gridAfter': {
            const t = openTable();
            const n = Number(attrs['w:val'] ?? 1);
            if (!t?.row || !(n > 0)) return;
            if (name === 'w:gridBefore') for (let i = 0; i < n; i++) t.row.push({ text: '', colspan: 1, rowspan: 1 });
            else t.gridAfter = n;
            return;
          }
          case 'w:tc':
            if (tables.length === 1) openTable().cell = { parts: [], span: 1, continuation: false };
            return;
          case 'w:gridSpan': {
            const c = tables.length === 1 ? cellOf() : null;
            const n = Number(attrs['w:val'] ?? 1);
            if (c && n > 1) c.span = n;
            return;
          }
          case 'w:vMerge': {
            const c = tables.length === 1 ? cellOf() : null;
            if (c && attrs['w:val'] !== 'restart') c.continuation = true;
            return;
          }
          case 'w:p':
            para = [];
            return;
          case 'w:t':
            inText = true;
            return;
          case 'w:tab':
            // A tab inside a body paragraph stays a tab (Word's copy); inside a cell it is a space.
            if (para) para.push(tables.length ? ' ' : '\t');
            return;
          case 'w:br':
          case 'w:cr':
            if (para) para.push(tables.length ? ' ' : '\n');
            return;
          case 'w:noBreakHyphen':
            if (para) para.push('-');
            return;
        }
      },
      ontext(text) {
        if (skipDepth === 0 && inText && para) para.push(text);
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        switch (name) {
          case 'w:t':
            inText = false;
            return;
          case 'w:p': {
            const text = (para ?? []).join('');
            para = null;
            const c = tables.length ? tables[0].cell : null;
            if (tables.length) {
              // Paragraphs of a cell (and of tables nested in it) are the cell's text.
              if (c) c.parts.push(text);
            } else {
              blocks.push({ kind: 'p', text });
            }
            return;
          }
          case 'w:tc': {
            const t = openTable();
            if (tables.length === 1 && t.cell && t.row) {
              t.row.push({ text: t.cell.continuation ? '' : cellText(t.cell.parts), colspan: t.cell.span, rowspan: 1 });
              t.cell = null;
            }
            return;
          }
          case 'w:tr': {
            const t = openTable();
            if (tables.length === 1 && t.row) {
              for (let i = 0; i < t.gridAfter; i++) t.row.push({ text: '', colspan: 1, rowspan: 1 });
              t.rows.push(t.row);
              t.row = null;
            }
            return;
          }
          case 'w:tbl': {
            const t = tables.pop()!;
            if (tables.length === 0) blocks.push({ kind: 'table', rows: t.rows });
            return;
          }
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return blocks;
}

/** A body paragraph as a line: NBSP dropped, outer spaces trimmed (as real/*.txt were made). */
function paragraphLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, '').replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, ''))
    .filter((l) => l.length > 0);
}

/** Converts the bytes of a .docx file. */
export function readDocx(bytes: Uint8Array): ReadResult {
  if (!looksLikeZip(bytes)) return { ok: false, problem: { kind: 'corrupt', format: 'docx', why: 'not a ZIP archive' } };
  let files: Unzipped;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch (err) {
    return { ok: false, problem: { kind: 'corrupt', format: 'docx', why: (err as Error).message } };
  }
  const xmlBytes = files['word/document.xml'];
  if (!xmlBytes) return { ok: false, problem: { kind: 'not-docx' } };
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(xmlBytes);
  } catch {
    return { ok: false, problem: { kind: 'corrupt', format: 'docx', why: 'word/document.xml is not UTF-8' } };
  }
  const out = new TextBuilder();
  let paragraph = 0;
  let table = 0;
  for (const block of readDocumentXml(xml)) {
    if (block.kind === 'p') {
      const lines = paragraphLines(block.text);
      if (lines.length === 0) continue;
      paragraph++;
      for (const l of lines) out.line([{ text: l, place: { kind: 'paragraph', paragraph } }]);
    } else {
      table++;
      for (const line of tableLines(table, block.rows)) out.line(line);
    }
  }
  return { ok: true, converted: out.build('docx') };
}
