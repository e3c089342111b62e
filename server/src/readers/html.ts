// .html / .htm (a published report page) → report text. The title (the page's <h1>, else its
// <title>) on the first line, then the article body: one block (paragraph, heading, list item,
// div text) per line, each table row one line of TAB-separated cells on the table's grid
// (colspan/rowspan kept as empty cells at the positions they cover). Navigation, headers,
// footers, scripts and link lists are skipped. NBSP removed. Pure: bytes in, text and places out.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { cellText, tableLines, type SourceCell } from './tableGrid';
import { TextBuilder } from './textBuilder';
import type { ReadResult, SourcePlace } from './types';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'select', 'option', 'button', 'iframe', 'object', 'svg', 'head', 'title']);
/** Elements that end a line before and after them. */
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'body', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'hr', 'table', 'caption']);
/** class/id words of page furniture (navigation, breadcrumbs, sharing, footers). */
const FURNITURE = /(^|[\s_-])(nav|navbar|menu|breadcrumb|crumbs?|bread|sidebar|share|footer|header|copyright|topbar|toolbar|position|location)([\s_-]|$)/i;

function isElement(n: ChildNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/** The page's charset: <meta charset> or http-equiv content, else UTF-8 (GBK pages are common). */
export function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const label = (m?.[1] ?? 'utf-8').toLowerCase();
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const gb = /^(gb2312|gbk|gb18030|x-gbk)$/.test(label);
  try {
    return new TextDecoder(gb ? 'gb18030' : 'utf-8', { fatal: !gb }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes); // labelled UTF-8 but is not
  }
}

function textOf(n: ChildNode): string {
  if (n.type === 'text') return n.data;
  if (!isElement(n) || SKIPPED.has(n.name)) return '';
  if (n.name === 'br') return '\n';
  return n.children.map(textOf).join('');
}

/** A list of links with little else: navigation, related articles. */
function isLinkList(el: Element): boolean {
  let links = 0;
  let linkText = 0;
  const walk = (n: ChildNode) => {
    if (!isElement(n)) return;
    if (n.name === 'a') {
      links++;
      linkText += textOf(n).replace(/\s+/g, '').length;
      return;
    }
    if (n.name === 'table') return; // a report's table is never a link list
    n.children.forEach(walk);
  };
  walk(el);
  if (links < 3) return false;
  const all = textOf(el).replace(/\s+/g, '').length;
  return linkText >= all * 0.6;
}

function isFurniture(el: Element): boolean {
  if (SKIPPED.has(el.name)) return true;
  const cls = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  if (cls.trim() && FURNITURE.test(cls)) return true;
  if (el.attribs.hidden !== undefined || /display\s*:\s*none/i.test(el.attribs.style ?? '')) return true;
  return (el.name === 'ul' || el.name === 'ol' || el.name === 'div') && isLinkList(el);
}

/** A paragraph's text as lines: NBSP dropped, whitespace runs to one space, trimmed. */
function blockLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, '').replace(/[ \t\r\f\v]+/g, ' ').replace(/^[ \u3000]+|[ \u3000]+$/g, ''))
    .filter((l) => l.length > 0);
}

/** Converts an HTML page (bytes, charset from its <meta>). */
export function readHtml(bytes: Uint8Array): ReadResult {
  return readHtmlText(decodeHtml(bytes));
}

export function readHtmlText(html: string): ReadResult {
  const doc = parseDocument(html, { withStartIndices: true, decodeEntities: true });
  const lineStarts: number[] = [0];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const sourceLine = (el: Element): number | undefined => {
    const at = el.startIndex;
    if (at == null) return undefined;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const out = new TextBuilder();
  let paragraph = 0;
  let table = 0;
  let pending: string[] = [];
  let pendingLine: number | undefined;

  const flush = () => {
    const lines = blockLines(pending.join(''));
    pending = [];
    if (lines.length === 0) return;
    paragraph++;
    const place: SourcePlace = { kind: 'paragraph', paragraph, ...(pendingLine ? { sourceLine: pendingLine } : {}) };
    for (const l of lines) out.line([{ text: l, place }]);
    pendingLine = undefined;
  };

  const readTable = (el: Element) => {
    const rows: SourceCell[][] = [];
    const visitRows = (n: ChildNode) => {
      if (!isElement(n)) return;
      if (n.name === 'table') return; // nested tables: their text stays in their cell
      if (n.name === 'tr') {
        const cells: SourceCell[] = [];
        for (const c of n.children) {
          if (!isElement(c) || (c.name !== 'td' && c.name !== 'th')) continue;
          cells.push({
            text: cellText(cellParts(c)),
            colspan: positive(c.attribs.colspan),
            rowspan: positive(c.attribs.rowspan),
            sourceLine: sourceLine(c),
          });
        }
        rows.push(cells);
        return;
      }
      n.children.forEach(visitRows);
    };
    el.children.forEach(visitRows);
    table++;
    for (const line of tableLines(table, rows)) out.line(line);
  };

  const visit = (n: ChildNode) => {
    if (n.type === 'text') {
      if (pending.length === 0 && /^\s*$/.test(n.data)) return;
      pending.push(n.data.replace(/[\r\n]+/g, ' ')); // a line break in the source is a space; <br> breaks lines
      return;
    }
    if (!isElement(n) || isFurniture(n)) return;
    if (n.name === 'br') {
      pending.push('\n');
      return;
    }
    if (n.name === 'table') {
      flush();
      readTable(n);
      return;
    }
    const block = BLOCKS.has(n.name);
    if (block) {
      flush();
      pendingLine = sourceLine(n);
    } else if (pending.length === 0) pendingLine ??= sourceLine(n);
    n.children.forEach(visit);
    if (block) flush();
  };

  // The title: the page's first <h1> (outside navigation), else <title>.
  const body = findFirst(doc.children, (e) => e.name === 'body');
  const h1 = findFirst(body ? [body] : doc.children, (e) => e.name === 'h1', isFurniture);
  if (!h1) {
    const title = findFirst(doc.children, (e) => e.name === 'title');
    if (title) {
      pending.push(title.children.map((c) => (c.type === 'text' ? c.data : '')).join('').replace(/\s+/g, ' '));
      pendingLine = sourceLine(title);
      flush();
    }
  }
  (body ? [body] : doc.children).forEach(visit);
  flush();
  return { ok: true, converted: out.build('html') };
}

/** A cell's paragraphs (and lines) as separate parts, joined later by one space. */
function cellParts(cell: Element): string[] {
  const parts: string[] = [];
  let cur: string[] = [];
  const push = () => {
    parts.push(cur.join(''));
    cur = [];
  };
  const walk = (n: ChildNode) => {
    if (n.type === 'text') {
      cur.push(n.data);
      return;
    }
    if (!isElement(n) || SKIPPED.has(n.name)) return;
    if (n.name === 'br') return push();
    const block = BLOCKS.has(n.name);
    if (block) push();
    n.children.forEach(walk);
    if (block) push();
  };
  cell.children.forEach(walk);
  push();
  return parts;
}

function positive(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

function findFirst(nodes: readonly ChildNode[], want: (e: Element) => boolean, skip?: (e: Element) => boolean): Element | undefined {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (skip?.(n)) continue;
    if (want(n)) return n;
    const found = findFirst(n.children, want, skip);
    if (found) return found;
  }
  return undefined;
}
