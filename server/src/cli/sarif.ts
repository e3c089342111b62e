// `--format sarif`: one SARIF 2.1.0 log for a CLI run, for CI pipelines (GitHub code scanning,
// Azure DevOps, any SARIF viewer). Built from the engine's findings (not from LSP diagnostics) so
// the determined fixes can go into `fixes`. Positions: 1-based lines and columns, columns in UTF-16
// code units (`columnKind`), end columns exclusive — the same numbers an editor shows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as engine from '../engine';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = 'SRCROOT';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<engine.Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface PhysicalLocation {
  artifactLocation: ArtifactLocation;
  region: Region;
}

export interface SarifOptions {
  version: string;
  locale: engine.Locale;
  /** Folder that relative artifact URIs start from (SRCROOT): the working directory of the run. */
  srcRoot: string;
  /** Rule help pages: file:///…/docs/rules/ (installed next to the CLI: their text goes in as `help`, no link) or an https:// base (`helpUri`). */
  docsBaseUri?: string;
  /** --rule overrides, reported as ruleConfigurationOverrides. */
  ruleOverrides: Partial<Record<engine.RuleId, engine.SeveritySetting>>;
  /** --quiet: errors only. */
  errorsOnly: boolean;
}

export interface SarifFileInput {
  /** The path as given / found (relative to the working directory or absolute). */
  path: string;
  doc: TextDocument;
  analysis: engine.Analysis;
  /** utf-8, utf-16le, gb18030 … (how the file's bytes are decoded). */
  encoding: string;
  /**
   * A Word / web page / PDF file: the place in it of an offset of its converted text. Its results
   * then carry that place as a logical location (表3 第5行 第2列) and no line/column region or fix
   * (they would point into text the file does not hold).
   */
  placeOf?: (offset: number) => { text: string };
}

const isWebUri = (uri: string) => /^https?:\/\//i.test(uri);

/** PascalCase name of a rule id, as SARIF tools show rule names: row-total → RowTotal. */
export function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

function region(doc: TextDocument, r: engine.OffsetRange): Region {
  return lineRegion({ start: doc.positionAt(r.start), end: doc.positionAt(r.end) });
}

function lineRegion(r: engine.LineRange): Region {
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

export class SarifLog {
  private readonly results: object[] = [];
  private readonly artifacts: object[] = [];
  private readonly notifications: object[] = [];
  private readonly ruleIndex = new Map<string, number>(engine.ruleIds.map((id, i) => [id, i]));

  constructor(private readonly opts: SarifOptions) {}

  /** A file path (absolute or relative to the working directory) as a SARIF artifact location. */
  artifactLocation(p: string): ArtifactLocation {
    const abs = path.resolve(this.opts.srcRoot, p);
    const rel = path.relative(this.opts.srcRoot, abs);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
      return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
    }
    return { uri: pathToFileURL(abs).href };
  }

  private uriLocation(uri: string): ArtifactLocation {
    return uri.startsWith('file:') ? this.artifactLocation(fileURLToPath(uri)) : { uri };
  }

  addFile(file: SarifFileInput): void {
    const { doc, analysis } = file;
    const artifactLocation = this.artifactLocation(file.path);
    const placeOf = file.placeOf;
    this.artifacts.push(placeOf ? { location: artifactLocation, roles: ['analysisTarget'] } : { location: artifactLocation, roles: ['analysisTarget'], encoding: file.encoding });
    /** Where an offset of this file is: a line/column region, or (a converted source) its place. */
    const at = (r: engine.OffsetRange) =>
      placeOf
        ? { physicalLocation: { artifactLocation }, logicalLocations: [{ name: placeOf(r.start).text, kind: 'element' }] }
        : { physicalLocation: { artifactLocation, region: region(doc, r) } satisfies PhysicalLocation };
    for (const f of analysis.findings) {
      if (this.opts.errorsOnly && f.severity !== 'error') continue;
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        ruleIndex: this.ruleIndex.get(f.ruleId) ?? -1,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [at(f.range)],
      };
      if (f.related.length) {
        result.relatedLocations = f.related.map((r, id) => ({
          id,
          message: { text: r.message },
          ...(r.uri && r.location ? { physicalLocation: { artifactLocation: this.uriLocation(r.uri), region: lineRegion(r.location) } } : at(r.range)),
        }));
      }
      if (f.fix && !placeOf) {
        result.fixes = [
          {
            description: { text: f.fix.title },
            artifactChanges: [
              {
                artifactLocation,
                replacements: f.fix.edits.map((e) => ({ deletedRegion: region(doc, e), insertedContent: { text: e.newText } })),
              },
            ],
          },
        ];
      }
      this.results.push(result);
    }
  }

  /** A problem of the run itself (unreadable file, internal error): a tool execution notification. */
  notify(text: string): void {
    this.notifications.push({ level: 'error', message: { text } });
  }

  private rules(): object[] {
    const { locale, docsBaseUri } = this.opts;
    return engine.ruleIds.map((id) => {
      const meta = engine.RULES[id];
      const rule: Record<string, unknown> = { id };
      // SARIF §3.49.7: a name identical to the id (balance → Balance, compared ignoring case) is left out.
      const name = ruleName(id);
      if (name.toLowerCase() !== id.toLowerCase()) rule.name = name;
      Object.assign(rule, {
        shortDescription: { text: meta.title[locale] },
        fullDescription: { text: meta.description[locale] },
        defaultConfiguration: { level: LEVEL[meta.severity], enabled: true },
        properties: { tags: ['zfxxgk'] },
      });
      if (docsBaseUri) {
        const page = `${docsBaseUri}${id}.md`;
        if (isWebUri(page)) {
          rule.helpUri = page;
        } else {
          // The rule's page travels inside the log: a file:// link points into the build machine's
          // install folder (file:///tmp/… on a CI runner), which no code-scanning viewer can open.
          try {
            const markdown = fs.readFileSync(fileURLToPath(page), 'utf8');
            rule.help = { text: markdown, markdown };
          } catch {
            // Docs not installed next to the CLI: the descriptions alone.
          }
        }
      }
      return rule;
    });
  }

  toJSON(executionSuccessful: boolean): object {
    const { version, locale, docsBaseUri, ruleOverrides } = this.opts;
    const driver: Record<string, unknown> = {
      name: 'zfxxgk',
      fullName: locale === 'en' ? 'zfxxgk — annual report checker' : 'zfxxgk 政府信息公开工作年度报告校验',
      version,
      semanticVersion: version,
      language: locale,
      rules: this.rules(),
    };
    // Only a link a reader of the log can follow (not file:// on the machine that ran the check).
    if (docsBaseUri && isWebUri(docsBaseUri)) driver.informationUri = new URL('../../README.md', docsBaseUri).href;
    const overrides = Object.entries(ruleOverrides).map(([id, setting]) => ({
      descriptor: { id, index: this.ruleIndex.get(id) ?? -1 },
      configuration: setting === 'off' ? { enabled: false } : { enabled: true, level: LEVEL[setting as engine.Severity] },
    }));
    const invocation: Record<string, unknown> = { executionSuccessful };
    if (overrides.length) invocation.ruleConfigurationOverrides = overrides;
    if (this.notifications.length) invocation.toolExecutionNotifications = this.notifications;
    return {
      $schema: SARIF_SCHEMA_URI,
      version: '2.1.0',
      runs: [
        {
          tool: { driver },
          invocations: [invocation],
          originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(this.opts.srcRoot).href.replace(/\/?$/, '/') } },
          artifacts: this.artifacts,
          results: this.results,
          language: locale,
          // The engine (TextDocument) counts \r\n, \n and a lone \r as line ends; SARIF's default is \r\n and \n only.
          newlineSequences: ['\r\n', '\n', '\r'],
          columnKind: 'utf16CodeUnits',
        },
      ],
    };
  }

  format(executionSuccessful: boolean): string {
    return JSON.stringify(this.toJSON(executionSuccessful), null, 2) + '\n';
  }
}
