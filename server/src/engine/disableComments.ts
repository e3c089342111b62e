// Inline disable comments, markdownlint style, in two spellings:
//   Markdown / HTML:  <!-- zfxxgk-disable-next-line row-total -->
//   plain text:       【zfxxgk-disable-next-line row-total】   (full-width brackets survive in any .txt)
// Directives: disable-next-line, disable-line, disable / enable (a region), disable-file / enable-file.
// Without rule ids a directive applies to every rule; several ids are separated by spaces or commas.
// The directive's text is masked with spaces (same length, so every offset stays valid) before
// parsing, so a comment line is a blank line to the parser — never prose, never a table row.

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file' | 'enable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty = every rule. */
  rules: string[];
  /** 0-based line of the comment. */
  line: number;
  start: number;
  end: number;
}

const DIRECTIVE =
  /<!--[ \t\u3000]*zfxxgk-(disable-next-line|disable-line|disable-file|enable-file|disable|enable)(?![\w-])([^\r\n]*?)-->|【[ \t\u3000]*zfxxgk-(disable-next-line|disable-line|disable-file|enable-file|disable|enable)(?![\w-])([^\r\n】]*)】/gi;

export interface DisableComments {
  directives: Directive[];
  /** The text with every directive replaced by spaces (=== the input when there is none). */
  masked: string;
}

/** Cheap pre-check, as case-insensitive as the directive pattern itself. */
const ANY_DIRECTIVE = /zfxxgk-/i;

export function scanDisableComments(text: string): DisableComments {
  if (!ANY_DIRECTIVE.test(text)) return { directives: [], masked: text };
  const directives: Directive[] = [];
  let masked = '';
  let pos = 0;
  let line = 0;
  let counted = 0;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    for (; counted < m.index; counted++) {
      const ch = text.charCodeAt(counted);
      if (ch === 10 || (ch === 13 && text.charCodeAt(counted + 1) !== 10)) line++;
    }
    const kind = (m[1] ?? m[3]).toLowerCase() as DirectiveKind;
    const rules = (m[2] ?? m[4] ?? '').split(/[\s,，、;；]+/).map((r) => r.trim().toLowerCase()).filter(Boolean);
    directives.push({ kind, rules, line, start: m.index, end: m.index + m[0].length });
    masked += text.slice(pos, m.index) + ' '.repeat(m[0].length);
    pos = m.index + m[0].length;
  }
  if (directives.length === 0) return { directives, masked: text };
  return { directives, masked: masked + text.slice(pos) };
}

/** Rules turned off on each line; `'*'` means every rule. */
interface LineState {
  all: boolean;
  /** With all: rules enabled again; without: rules disabled. */
  except: Set<string>;
}

const offState = (s: LineState, rule: string): boolean => (s.all ? !s.except.has(rule) : s.except.has(rule));

/**
 * A predicate telling whether a finding of `ruleId` starting on `line` is silenced.
 * `lineTexts` are the masked text's lines (to find the line a disable-next-line applies to).
 */
export function suppression(directives: Directive[], lineTexts: string[]): (ruleId: string, line: number) => boolean {
  if (directives.length === 0) return () => false;
  const file: LineState = { all: false, except: new Set() };
  const lineRules = new Map<number, { all: boolean; rules: Set<string> }>();
  const region: { line: number; state: LineState }[] = [];
  const onLine = (line: number, rules: string[]) => {
    const entry = lineRules.get(line) ?? { all: false, rules: new Set<string>() };
    if (rules.length === 0) entry.all = true;
    for (const r of rules) entry.rules.add(r);
    lineRules.set(line, entry);
  };
  let current: LineState = { all: false, except: new Set() };
  const sorted = [...directives].sort((a, b) => a.start - b.start);
  for (const d of sorted) {
    switch (d.kind) {
      case 'disable-line':
        onLine(d.line, d.rules);
        break;
      case 'disable-next-line': {
        let next = d.line + 1;
        while (next < lineTexts.length && lineTexts[next].trim() === '') next++;
        onLine(next, d.rules);
        break;
      }
      case 'disable-file':
      case 'enable-file':
        apply(file, d.kind === 'disable-file', d.rules);
        break;
      case 'disable':
      case 'enable': {
        const next: LineState = { all: current.all, except: new Set(current.except) };
        apply(next, d.kind === 'disable', d.rules);
        current = next;
        region.push({ line: d.line, state: current });
        break;
      }
    }
  }
  return (ruleId, line) => {
    if (offState(file, ruleId)) return true;
    const entry = lineRules.get(line);
    if (entry && (entry.all || entry.rules.has(ruleId))) return true;
    let state: LineState | undefined;
    for (const r of region) {
      if (r.line > line) break;
      state = r.state;
    }
    return !!state && offState(state, ruleId);
  };
}

function apply(state: LineState, disable: boolean, rules: string[]): void {
  if (rules.length === 0) {
    state.all = disable;
    state.except.clear();
    return;
  }
  for (const r of rules) {
    // all: `except` holds the rules enabled again; otherwise the rules disabled.
    if (state.all === disable) state.except.delete(r);
    else state.except.add(r);
  }
}

/** The comment line that silences `ruleId` on the next line, in the document's spelling. */
export function disableNextLineComment(ruleId: string, markdown: boolean): string {
  return markdown ? `<!-- zfxxgk-disable-next-line ${ruleId} -->` : `【zfxxgk-disable-next-line ${ruleId}】`;
}
