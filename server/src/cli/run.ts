// The CLI as a function: argv and output sinks in, exit code out. main.ts wires it to the process.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as engine from '../engine';
import { parseArgs } from './args';
import { collectTargets, encode, MAX_FILE_BYTES, readTextFile, writeFileAtomic, type Target, type TargetRead } from './files';
import { draftPath, formatSourceLine, readSources, sourceMessages, withPlace, writeDraft } from './sources';
import type { Converted } from '../readers';
import { describeChanges, startsInFixedText } from './changes';
import { formatChangeLine, formatDiagnosticLine, JsonWriter, type ChangeResult } from './format';
import { RelatedIndex } from './related';
import { checkAllInWorkers, workerCount, type Checked, type ReadOutcome } from './workers';
import { checkFile } from './checkFile';
import { cliMessages, type Counts } from './messages';
import { Progress } from './progress';
import { SarifLog } from './sarif';
import { BatchReport } from './report/batch';
import { OutputFile } from './report/outputFile';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stderr is a terminal: a long run shows its progress there (progress.ts). */
  stderrIsTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE_OR_IO = 2;

export interface RunContext {
  version: string;
  /** Base URI of the rule docs for codeDescription.href, e.g. file:///…/docs/rules/ */
  docsBaseUri?: string;
  /** The CLI bundle, to start worker threads from for large batches (none: one thread). */
  workerScript?: string;
}

export async function run(argv: readonly string[], io: CliIO, ctx: RunContext): Promise<number> {
  const parsed = parseArgs(argv, engine.ruleIds);
  const opts0 = parsed.options;
  if (!parsed.ok || opts0.help || opts0.version || !opts0.output) return runTo(parsed, io, ctx);
  // --output FILE: everything the run prints on stdout goes to FILE (report/outputFile.ts).
  let file: OutputFile;
  try {
    file = new OutputFile(opts0.output);
  } catch (err) {
    io.stderr(`zfxxgk: ${cliMessages(opts0.locale).writeFailed(opts0.output, (err as Error).message)}\n`);
    return EXIT_USAGE_OR_IO;
  }
  let code: number;
  try {
    code = await runTo(parsed, { stdout: (text) => file.write(text), stderr: io.stderr, stderrIsTTY: io.stderrIsTTY }, ctx);
    file.finish();
  } catch (err) {
    file.abandon();
    io.stderr(`zfxxgk: ${cliMessages(opts0.locale).writeFailed(opts0.output, (err as Error).message)}\n`);
    return EXIT_USAGE_OR_IO;
  }
  return code;
}

async function runTo(parsed: ReturnType<typeof parseArgs>, out: CliIO, ctx: RunContext): Promise<number> {
  const opts = parsed.options;
  // The progress line (set once the files are known) is wiped before anything else is written.
  let progress: Progress | undefined;
  const io: CliIO = {
    stdout: (text) => (progress?.clear(), out.stdout(text)),
    stderr: (text) => (progress?.clear(), out.stderr(text)),
  };
  const m = cliMessages(opts.locale);
  if (!parsed.ok) {
    io.stderr(`zfxxgk: ${m.argError(parsed.error)}\n${m.helpHint}\n`);
    return EXIT_USAGE_OR_IO;
  }
  if (opts.help) {
    io.stdout(m.usage);
    return EXIT_OK;
  }
  if (opts.version) {
    io.stdout(`${ctx.version}\n`);
    return EXIT_OK;
  }

  let ioError = false;
  /** Paths that could not be checked at all (missing, unreadable, binary, too large): said in the summary. */
  let unchecked = 0;
  const sarif =
    opts.format === 'sarif'
      ? new SarifLog({ version: ctx.version, locale: opts.locale, srcRoot: process.cwd(), docsBaseUri: ctx.docsBaseUri, ruleOverrides: opts.rules, errorsOnly: opts.quiet })
      : undefined;
  // --format html / csv: a compact record per file (report/batch.ts), the page or rows written from them.
  const batch = opts.format === 'html' || opts.format === 'csv' ? new BatchReport(opts.format, opts.locale, ctx.version, io.stdout) : undefined;
  const problem = (text: string) => {
    ioError = true;
    sarif?.notify(text);
    io.stderr(`zfxxgk: ${text}\n`);
  };

  const { targets, problems } = collectTargets(opts.paths);
  for (const p of problems) {
    unchecked++;
    if (p.kind === 'unreadable') problem(m.unreadable(p.path, p.why));
    else if (p.kind === 'not-found') problem(m.notFound(p.path));
    else problem(m.notFileOrDir(p.path));
  }

  // Word, web page and PDF files: read and converted first (PDF reading is asynchronous), then
  // checked below as text, each finding with its place in the source (sources.ts).
  const sources = await readSources(targets, opts.locale);
  const sm = sourceMessages[opts.locale === 'en' ? 'en' : 'zh-CN'];
  const textTargets = sources.size ? targets.filter((t) => !sources.has(t)) : targets;
  const readTarget = (target: Target): TargetRead => sources.get(target) ?? readTextFile(target.path);

  const analyzeOptions: engine.AnalyzeOptions = { locale: opts.locale, rules: opts.rules };
  const uriOf = (target: Target) => pathToFileURL(path.resolve(target.path)).href;

  // Cross-file rules (carryover, valid-count-continuity, text-reuse): summarise every input first,
  // so each report is checked against the others (a folder of one unit's reports over several
  // years). Only the index is kept (related.ts: one summary per distinct report, a uri per file);
  // each file is read again when it is checked, and nothing of it is kept once it is output.
  const index = new RelatedIndex();
  const summariseInto = (target: Target) => {
    const read = readTarget(target);
    try {
      if (read.ok && engine.looksLikeReport(read.file.text)) index.set(uriOf(target), engine.summarize(read.file.text));
    } catch {
      // A file that cannot be summarised is still checked on its own below.
    }
  };
  const relatedTo = (uri: string, text: string): engine.RelatedReport[] => index.relatedTo(uri, index.unitYearOf(uri) ?? engine.summarize(text));
  // A large batch to check (not fix) is read and checked on every core instead: see workers.ts.
  const threads = opts.fix || sarif || batch || !ctx.workerScript ? 0 : workerCount(textTargets.length);
  // Units of work: a summary and a check per file.
  progress = new Progress(out.stderrIsTTY ? out.stderr : undefined, opts.locale, targets.length * 2, targets.length);
  let done = 0;

  const counts: Counts = { files: 0, errors: 0, warnings: 0, infos: 0, hints: 0, fixed: 0, fixable: 0, dryRun: opts.dryRun };
  const json = opts.format === 'json' && !sarif && !batch ? new JsonWriter(io.stdout) : undefined;

  function checkTarget(target: Target): void {
    const read = readTarget(target);
    if (!read.ok) return notRead(target, read);
    let text = read.file.text;
    let source = read.file.source;
    // A Word / web page / PDF file named on the command line that is not a report: said, exit 2.
    if (source && target.explicit && !engine.looksLikeReport(text)) {
      unchecked++;
      problem(sm.notAReport(target.path));
      batch?.unchecked(target.path, sm.notAReport(target.path));
      return;
    }
    if (!target.explicit && !engine.looksLikeReport(text)) return;
    counts.files++;
    const uri = uriOf(target);
    const options: engine.AnalyzeOptions = { ...analyzeOptions, related: relatedTo(uri, text) };

    let changes: ChangeResult[] | undefined;
    let shownPath = target.path;
    if (opts.fix && source) {
      // Never rewritten: --fix-to-text writes the fixed report as a .txt draft beside it, whose
      // remaining findings are then reported (line:column in the draft).
      if (!opts.fixToText) io.stderr(`zfxxgk: ${sm.fixNotWritten(target.path)}\n`);
      else if (!opts.dryRun) {
        const fixed = engine.fixAll(text, options);
        const draft = draftPath(target.path);
        try {
          writeDraft(draft, fixed.text);
          counts.fixed += fixed.applied;
          if (opts.format === 'text' && !opts.quiet) io.stdout(`${sm.draftWritten(target.path, draft, fixed.applied)}\n`);
          text = fixed.text;
          source = undefined;
          shownPath = draft;
        } catch (err) {
          problem(m.writeFailed(draft, (err as Error).message));
        }
      }
    } else if (opts.fix) {
      const fixed = engine.fixAll(text, options);
      if (fixed.text !== text) {
        const bytes = encode(fixed.text, read.file);
        if (!bytes) {
          io.stderr(`zfxxgk: ${m.cannotWriteEncoding(target.path, read.file.encoding.toUpperCase())}\n`);
        } else {
          try {
            // --dry-run: everything --fix does but the write (the report below is of the fixed text).
            if (!opts.dryRun) writeFileAtomic(target.path, bytes);
            const original = TextDocument.create(uri, 'plaintext', 1, text);
            const found = describeChanges(text, fixed, options);
            text = fixed.text;
            index.set(uri, engine.summarize(text));
            counts.fixed += found.length;
            changes = found.map((c) => ({ range: { start: original.positionAt(c.start), end: original.positionAt(c.end) }, oldText: c.oldText, newText: c.newText, rules: c.rules }));
            if (opts.format === 'text' && !opts.quiet) {
              // Each change where it now stands: in the written file (--fix), in the file as it is (--dry-run).
              const fixedDoc = TextDocument.create(uri, 'plaintext', 2, text);
              const starts = startsInFixedText(found);
              found.forEach((c, i) => {
                const at = opts.dryRun ? original.positionAt(c.start) : fixedDoc.positionAt(starts[i]);
                io.stdout(formatChangeLine(target.path, at, c.oldText, c.newText, c.rules, m, opts.dryRun) + '\n');
              });
            }
          } catch (err) {
            problem(m.writeFailed(target.path, (err as Error).message));
          }
        }
      }
    }

    const { analysis, doc, diagnostics, internalErrors, fixable } = checkFile({ text, uri }, options, ctx.docsBaseUri);
    batch?.add({
      file: shownPath,
      summary: engine.summarizeModel(analysis.report),
      analysis,
      doc,
      diagnostics: opts.quiet ? diagnostics.filter((d) => (d.severity ?? 1) === 1) : diagnostics,
      related: options.related ?? [],
      ...(source ? { placeOf: (d: Diagnostic) => withPlace(d, source!, doc, opts.locale).place.text } : {}),
    });
    output(
      shownPath === target.path ? target : { ...target, path: shownPath },
      diagnostics,
      internalErrors,
      source ? 0 : fixable,
      () => sarif?.addFile({ path: shownPath, doc, analysis, encoding: read.file.encoding, ...(source ? { placeOf: placeOf(source, doc) } : {}) }),
      changes,
      source && { source, doc },
    );
  }

  /** Why a file was not read: on this thread (a source file's problem too) or a worker's. */
  type NotRead = Exclude<TargetRead, { ok: true }> | Exclude<ReadOutcome, { ok: true }>;

  /** A file that could not be read (on this thread or a worker's): said, counted as not checked. */
  function notRead(target: Target, read: NotRead): void {
    // A binary file in a folder is simply not a report; named on the command line, it is said.
    if (read.kind === 'binary' && !target.explicit) return;
    unchecked++;
    batch?.unchecked(target.path, read.kind === 'binary' ? m.binary(target.path) : read.kind === 'too-large' ? m.tooLarge(target.path, read.bytes, MAX_FILE_BYTES) : read.kind === 'source' ? sm.problem(target.path, read.message) : m.unreadable(target.path, read.why));
    if (read.kind === 'binary') problem(m.binary(target.path));
    else if (read.kind === 'too-large') problem(m.tooLarge(target.path, read.bytes, MAX_FILE_BYTES));
    else if (read.kind === 'source') problem(sm.problem(target.path, read.message));
    else problem(m.unreadable(target.path, read.why));
  }

  /** A file checked by a worker thread: the same messages, counts and output as checkTarget. */
  function reportChecked(target: Target, c: Checked): void {
    if (!c.read.ok) return notRead(target, c.read);
    if (c.skipped) return;
    counts.files++;
    if (c.crash) {
      problem(m.internalError(target.path, c.crash));
      return;
    }
    output(target, c.diagnostics, c.internalErrors, c.fixable, () => {});
  }

  /** A source file's findings name their place in it (表3 第5行 第2列, 第12段, 第2页). */
  const placeOf = (source: Converted, doc: TextDocument) => (offset: number) => withPlace({ range: { start: doc.positionAt(offset), end: doc.positionAt(offset) }, message: '' }, source, doc, opts.locale).place;

  function output(target: Target, diagnostics: Diagnostic[], internal: readonly string[], fixable: number, addSarif: () => void, changes?: ChangeResult[], from?: { source: Converted; doc: TextDocument }): void {
    if (internal.length) io.stderr(`zfxxgk: ${m.internalError(target.path, internal.join('; '))}\n`);
    counts.fixable += fixable;
    for (const d of diagnostics) {
      // LSP DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint
      switch (d.severity ?? 1) {
        case 1: counts.errors++; break;
        case 2: counts.warnings++; break;
        case 3: counts.infos++; break;
        default: counts.hints++; break;
      }
    }
    // --quiet: errors only (the counts above still decide the exit status).
    const shown = opts.quiet ? diagnostics.filter((d) => (d.severity ?? 1) === 1) : diagnostics;
    if (batch) {
      // recorded in checkTarget
    } else if (sarif) {
      addSarif();
    } else if (opts.format === 'json') {
      const listed = from ? shown.map((d) => withPlace(d, from.source, from.doc, opts.locale)) : shown;
      json!.add(changes ? { file: target.path, diagnostics: listed, changes } : { file: target.path, diagnostics: listed });
    } else if (from) {
      for (const d of shown) io.stdout(formatSourceLine(target.path, from.source, from.doc, d, m, opts.locale) + '\n');
    } else {
      for (const d of shown) io.stdout(formatDiagnosticLine(target.path, d, m) + '\n');
    }
    }

  function checkSafely(target: Target): void {
    try {
      checkTarget(target);
    } catch (err) {
      // A bug in the checker must not hide the other files' results.
      problem(m.internalError(target.path, err instanceof Error ? (err.stack ?? err.message) : String(err)));
      batch?.unchecked(target.path, m.internalError(target.path, err instanceof Error ? err.message : String(err)));
    }
    progress?.update(++done);
  }

  if (threads) {
    // Word/PDF sources are read on this thread (already converted): summarised here, checked in
    // their place in the order as the workers' results come in.
    for (const target of sources.keys()) summariseInto(target);
    done += sources.size;
    let next = 0; // targets[0..next) are output
    checkAllInWorkers(ctx.workerScript!, threads, textTargets, uriOf, index, analyzeOptions, ctx.docsBaseUri,
      (target, checked) => {
        for (; targets[next] !== target; next++) checkSafely(targets[next]);
        next++;
        reportChecked(target, checked);
      },
      (workerDone) => progress?.update(done + workerDone),
    );
    done += textTargets.length * 2;
    for (; next < targets.length; next++) checkSafely(targets[next]);
  } else {
    for (const target of targets) {
      summariseInto(target);
      progress.update(++done);
    }
    for (const target of targets) checkSafely(target);
  }
  progress.clear();
  progress = undefined;

  if (batch) {
    batch.finish();
    // The page or sheet is the output; the summary line goes to the terminal (stderr).
    if (!opts.quiet && !(counts.files === 0 && unchecked > 0)) {
      const summary = m.summary({ ...counts, unchecked });
      io.stderr((opts.output ? m.outputWritten(opts.output, summary) : summary) + '\n');
    }
  } else if (sarif) io.stdout(sarif.format(!ioError));
  else if (json) json.finish();
  // Nothing checked because a path was wrong: the message above says it all ("0 个文件，0 个错误" would read as a pass).
  else if (!opts.quiet && !(counts.files === 0 && unchecked > 0)) io.stdout(m.summary({ ...counts, unchecked }) + '\n');

  if (ioError) return EXIT_USAGE_OR_IO;
  return counts.errors > 0 ? EXIT_ERRORS : EXIT_OK;
}
