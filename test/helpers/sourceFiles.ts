// Source files made in tests (no office suite needed): .docx from document.xml bodies or by editing
// a fixture's XML, and small PDFs written by hand — with text, without (a scan), or encrypted.
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal .docx whose body is `bodyXml` (w:p / w:tbl elements). */
export function makeDocx(bodyXml: string): Uint8Array {
  const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${bodyXml}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    'word/document.xml': strToU8(documentXml),
  });
}

/** `<w:p>` with one run of text (XML-escaped). */
export const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A copy of a .docx with its word/document.xml changed by `edit`. */
export function editDocx(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']);
  const changed = edit(xml);
  if (changed === xml) throw new Error('editDocx: the edit changed nothing');
  files['word/document.xml'] = strToU8(changed);
  return zipSync(files);
}

export interface PdfText {
  x: number;
  y: number;
  size: number;
  /** ASCII only (Helvetica, no font file). */
  text: string;
}

/**
 * A PDF of A4 pages: each page's texts (empty: a page with only a drawn rectangle, as a scan has
 * no text layer), optionally encrypted with a user password (RC4 40-bit, the standard handler R2).
 */
export function makePdf(pages: readonly (readonly PdfText[])[], options: { userPassword?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) && objects.length;
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const texts of pages) {
    const content = texts.length
      ? texts.map((t) => `BT /F1 ${t.size} Tf ${t.x} ${t.y} Td (${t.text.replace(/([()\\])/g, '\\$1')}) Tj ET`).join('\n')
      : '0.5 g 50 50 400 700 re f';
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const id = createHash('md5').update('zfxxgk-test').digest();
  let encrypt = '';
  if (options.userPassword !== undefined) {
    const { o, u } = rc4Passwords(options.userPassword, 'owner-password', -4, id);
    encrypt = ` /Encrypt ${add(`<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P -4 >>`)} 0 R`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const padded = (pw: string) => Buffer.concat([Buffer.from(pw, 'latin1'), PADDING]).subarray(0, 32);

/** The O and U entries of the standard security handler, revision 2 (PDF 1.7 §7.6.3.3–4). */
function rc4Passwords(user: string, owner: string, p: number, id: Buffer): { o: Buffer; u: Buffer } {
  const ownerKey = createHash('md5').update(padded(owner)).digest().subarray(0, 5);
  const o = rc4(ownerKey, padded(user));
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(p);
  const key = createHash('md5').update(Buffer.concat([padded(user), o, pBytes, id])).digest().subarray(0, 5);
  return { o, u: rc4(key, PADDING) };
}
