// .pdf → report text: the text layer of every page (pdfjs-dist, the legacy build for Node, its
// worker run in this thread), laid out as fixed-width columns (pdfLayout.ts), pages separated by a
// form feed as pdftotext gives them. A PDF with no text layer (a scan) and a password-protected
// one are said so. Pure: bytes in, text and places out (asynchronous: pdfjs is).
import { layoutPage, pdfUnit, type TextItem } from './pdfLayout';
import { TextBuilder } from './textBuilder';
import type { ReadResult } from './types';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<Pdfjs> | undefined;

/**
 * Loads pdfjs once. Its worker code is bundled and registered as `globalThis.pdfjsWorker`, so
 * pdfjs runs it in this thread instead of loading a worker file; the optional canvas package
 * (for rendering, not needed for text) is not loaded, and the warnings pdfjs prints while it
 * finds it missing are kept off stdout (the language server may speak LSP on stdio).
 */
function loadPdfjs(): Promise<Pdfjs> {
  loaded ??= (async () => {
    const { log, warn } = console;
    console.log = console.warn = () => {};
    const g = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown };
    // pdfjs builds one DOMMatrix when it loads (for drawing, which text extraction never does).
    g.DOMMatrix ??= MinimalDOMMatrix;
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      g.pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
      console.warn = warn;
    }
  })();
  return loaded;
}

/** The 2-D affine matrix pdfjs asks for at load time, for Node without a canvas package. */
class MinimalDOMMatrix {
  a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
  constructor(init?: readonly number[]) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init;
  }
}

export function looksLikePdf(bytes: Uint8Array): boolean {
  // "%PDF-" within the first KB (some writers put a few bytes before it).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Converts the bytes of a PDF file. */
export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  if (!looksLikePdf(bytes)) return { ok: false, problem: { kind: 'corrupt', format: 'pdf', why: 'no %PDF- header' } };
  const pdfjs = await loadPdfjs();
  // pdfjs takes over (detaches) the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => {});
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') return { ok: false, problem: { kind: 'password-pdf' } };
    return { ok: false, problem: { kind: 'corrupt', format: 'pdf', why: (err as Error).message } };
  }
  try {
    const pages: TextItem[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        // Horizontal text only (rotated stamps and watermarks are left out).
        if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0) continue;
        items.push({ str: it.str, x: e, y: f, width: it.width, size: Math.abs(d) || Math.abs(a) });
      }
      pages.push(items);
      page.cleanup();
    }
    const chars = pages.reduce((n, items) => n + items.reduce((m, i) => m + i.str.trim().length, 0), 0);
    if (chars === 0) return { ok: false, problem: { kind: 'scanned-pdf', pages: doc.numPages } };

    const { unit, left } = pdfUnit(pages.flat());
    const out = new TextBuilder();
    pages.forEach((items, i) => {
      const place = { kind: 'page', page: i + 1 } as const;
      const lines = layoutPage(items, unit, left);
      if (i > 0) out.add('\f', place);
      for (const l of lines) out.line([{ text: l.text, place }]);
    });
    return { ok: true, converted: out.build('pdf') };
  } catch (err) {
    return { ok: false, problem: { kind: 'corrupt', format: 'pdf', why: (err as Error).message } };
  } finally {
    await doc.destroy().catch(() => {});
  }
}
