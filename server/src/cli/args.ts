// Command-line arguments → options. No I/O here.
import type { Locale, RuleId, SeveritySetting } from '../engine';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'html' | 'csv';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'html', 'csv'];

export interface CliOptions {
  format: OutputFormat;
  /** --output FILE: write what would go to stdout to FILE instead. */
  output?: string;
  fix: boolean;
  /** --dry-run: fix in memory, list the changes, write nothing (implies `fix`). */
  dryRun: boolean;
  /** --fix-to-text: for Word / web page / PDF files, write the fixed report as a .txt draft beside the file (implies `fix`). */
  fixToText: boolean;
  /** Errors only, no summary line (eslint's --quiet). */
  quiet: boolean;
  locale: Locale;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  paths: string[];
  help: boolean;
  version: boolean;
}

export type ArgsResult = { ok: true; options: CliOptions } | { ok: false; options: CliOptions; error: ArgError };

/** What went wrong, as data; messages.ts turns it into words in the chosen locale. */
export type ArgError =
  | { kind: 'unknown-option'; option: string }
  | { kind: 'missing-value'; option: string }
  | { kind: 'bad-value'; option: string; value: string; allowed: string[] }
  | { kind: 'no-paths' };

const SEVERITIES: readonly string[] = ['off', 'hint', 'information', 'warning', 'error'];

function parseLocaleArg(value: string): Locale | undefined {
  const v = value.toLowerCase();
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  if (v === 'zh' || v === 'zh-cn' || v === 'zh_cn' || v === 'zh-hans') return 'zh-CN';
  return undefined;
}

/**
 * Parses argv (without node and script). `ruleIds` validates --rule ids.
 * Supports `--opt value` and `--opt=value`, `--` to end options, `-h`, `-v`.
 */
export function parseArgs(argv: readonly string[], ruleIds: readonly string[]): ArgsResult {
  const options: CliOptions = {
    format: 'text',
    fix: false,
    dryRun: false,
    fixToText: false,
    quiet: false,
    locale: 'zh-CN',
    rules: {},
    paths: [],
    help: false,
    version: false,
  };
  let error: ArgError | undefined;
  const fail = (e: ArgError) => {
    error ??= e;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | undefined => {
      if (inline !== undefined) return inline;
      if (i + 1 < argv.length) return argv[++i];
      fail({ kind: 'missing-value', option: name });
      return undefined;
    };
    const noValue = () => {
      if (inline !== undefined) fail({ kind: 'bad-value', option: name, value: inline, allowed: [] });
    };

    switch (name) {
      case '-h':
      case '--help':
        noValue();
        options.help = true;
        break;
      case '-v':
      case '--version':
        noValue();
        options.version = true;
        break;
      case '--fix':
        noValue();
        options.fix = true;
        break;
      case '--fix-to-text':
        noValue();
        options.fix = true;
        options.fixToText = true;
        break;
      case '--dry-run':
        noValue();
        options.fix = true;
        options.dryRun = true;
        break;
      case '-q':
      case '--quiet':
        noValue();
        options.quiet = true;
        break;
      case '-f':
      case '--format': {
        const v = takeValue();
        if (v === undefined) break;
        if ((OUTPUT_FORMATS as readonly string[]).includes(v)) options.format = v as OutputFormat;
        else fail({ kind: 'bad-value', option: name, value: v, allowed: [...OUTPUT_FORMATS] });
        break;
      }
      case '-o':
      case '--output': {
        const v = takeValue();
        if (v === undefined) break;
        if (v === '') fail({ kind: 'bad-value', option: name, value: v, allowed: [] });
        else options.output = v;
        break;
      }
      case '--locale': {
        const v = takeValue();
        if (v === undefined) break;
        const locale = parseLocaleArg(v);
        if (locale) options.locale = locale;
        else fail({ kind: 'bad-value', option: name, value: v, allowed: ['zh-CN', 'en'] });
        break;
      }
      case '--rule': {
        // --rule row-total=off (same values as the zfxxgk.rules setting)
        const v = takeValue();
        if (v === undefined) break;
        const m = /^([a-z-]+)[=:](\w+)$/.exec(v);
        if (!m || !ruleIds.includes(m[1])) {
          fail({ kind: 'bad-value', option: name, value: v, allowed: ruleIds.map((id) => `${id}=…`) });
        } else if (!SEVERITIES.includes(m[2])) {
          fail({ kind: 'bad-value', option: name, value: v, allowed: SEVERITIES.map((s) => `${m[1]}=${s}`) });
        } else {
          options.rules[m[1] as RuleId] = m[2] as SeveritySetting;
        }
        break;
      }
      default:
        fail({ kind: 'unknown-option', option: name });
    }
  }

  if (!error && !options.help && !options.version && options.paths.length === 0) fail({ kind: 'no-paths' });
  return error ? { ok: false, options, error } : { ok: true, options };
}
