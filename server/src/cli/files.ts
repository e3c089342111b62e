// File system side of the CLI: which files to check, reading and decoding them, and writing a
// fixed file back atomically with its original encoding and BOM.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as iconv from 'iconv-lite';
import { CONVERTED_EXTENSIONS, type Converted } from '../readers';

export interface Target {
  /** The path as shown to the user (built from the argument the user typed). */
  path: string;
  /** Named on the command line (always checked) rather than found in a folder (checked only if it looks like a report). */
  explicit: boolean;
}

export type CollectProblem = { kind: 'not-found' | 'not-file-or-dir'; path: string } | { kind: 'unreadable'; path: string; why: string };

/** Text reports, and the Word, web page and PDF files the readers convert (../readers). */
const REPORT_EXTENSIONS = new Set(['.txt', '.md', ...CONVERTED_EXTENSIONS]);
const SKIPPED_DIRS = new Set(['node_modules']);

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function walk(dir: string, out: string[], problems: CollectProblem[], seenDirs: Set<string>): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (err) {
    problems.push({ kind: 'unreadable', path: dir, why: (err as Error).message });
    return;
  }
  if (seenDirs.has(real)) return; // symlink loop
  seenDirs.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ kind: 'unreadable', path: dir, why: (err as Error).message });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue; // .git, editor folders, our own temp files
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = fs.statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // dangling link
      }
    }
    if (isDir) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(full, out, problems, seenDirs);
    } else if (isFile && REPORT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      out.push(full);
    }
  }
}

/** Expands the command-line paths into files: folders recursively (*.txt, *.md, *.docx, *.html, *.htm, *.pdf; sorted), files as given. */
export function collectTargets(paths: readonly string[]): { targets: Target[]; problems: CollectProblem[] } {
  const targets: Target[] = [];
  const problems: CollectProblem[] = [];
  const seen = new Set<string>();
  const add = (p: string, explicit: boolean) => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ path: p, explicit });
  };

  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') problems.push({ kind: 'not-found', path: p });
      else problems.push({ kind: 'unreadable', path: p, why: (err as Error).message });
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(p, found, problems, new Set());
      for (const f of found.sort(byCodeUnits)) add(f, false);
    } else if (st.isFile()) {
      add(p, true);
    } else {
      problems.push({ kind: 'not-file-or-dir', path: p });
    }
  }
  return { targets, problems };
}

export type Encoding = 'utf-8' | 'utf-16le' | 'gb18030';

export interface DecodedFile {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** A Word, web page or PDF file: the converted report and its map back to the source (never written back). */
  source?: Converted;
}

export type ReadResult =
  | { ok: true; file: DecodedFile }
  | { ok: false; kind: 'binary' }
  | { ok: false; kind: 'unreadable'; why: string }
  | { ok: false; kind: 'too-large'; bytes: number };

/** What the CLI read for a target: a text file's ReadResult, or a Word / web page / PDF file that could not be read as a report (damaged, a scan, a password, an old format). */
export type TargetRead = ReadResult | { ok: false; kind: 'source'; message: string };

/**
 * Files larger than this are not read (a real report is well under 1 MB; a multi-gigabyte log
 * named .txt would otherwise be loaded whole). Reported as an I/O problem: exit status 2.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Decodes a report file: UTF-8 (BOM stripped), UTF-16LE with BOM, or GB18030 (a superset of GBK
 * and GB2312) when the bytes are not UTF-8. Line ends are left as they are: the engine keeps
 * them, so a fixed file is written back with the same ones.
 */
export function decode(bytes: Uint8Array): { ok: true; file: DecodedFile } | { ok: false; kind: 'binary' } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, file: { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true } };
  }
  if (bytes.includes(0)) return { ok: false, kind: 'binary' };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, file: { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom } };
  } catch {
    // Decoded with the same tables as encode() uses, so an untouched line reads back byte for byte.
    return { ok: true, file: { text: iconv.decode(Buffer.from(body), 'gb18030'), encoding: 'gb18030', bom: false } };
  }
}

export function readTextFile(p: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let bytes: Buffer;
  try {
    const size = fs.statSync(p).size;
    if (size > maxBytes) return { ok: false, kind: 'too-large', bytes: size };
    bytes = fs.readFileSync(p);
  } catch (err) {
    return { ok: false, kind: 'unreadable', why: (err as Error).message };
  }
  return decode(bytes);
}

/** The bytes to write for `text` in the file's original encoding, or undefined if we cannot encode it. */
export function encode(text: string, file: Pick<DecodedFile, 'encoding' | 'bom'>): Buffer | undefined {
  switch (file.encoding) {
    case 'utf-8':
      return Buffer.concat([file.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'gb18030': {
      // Node can decode GB18030 but not encode it; iconv-lite can. Refuse rather than write a
      // file that would not read back as the same text.
      const bytes = iconv.encode(text, 'gb18030');
      return iconv.decode(bytes, 'gb18030') === text ? bytes : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Replaces the file's content atomically: write a temporary file in the same folder, fsync it,
 * keep the original permissions, rename it over the original (through symlinks to the real file).
 */
export function writeFileAtomic(p: string, data: Uint8Array): void {
  const target = fs.realpathSync(p);
  const mode = fs.statSync(target).mode & 0o7777;
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.zfxxgk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.chmodSync(tmp, mode); // openSync's mode is filtered by the umask
    fs.renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  try {
    // Make the rename itself durable (best effort: not every platform can fsync a folder).
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    /* ignore */
  }
}
