// The table preview's HTML, built from the server's TableViewModel. Pure (no vscode import) so
// it is unit-tested: every text from the document is escaped, the page has a strict CSP, and its
// only style and script carry the page's nonce (no remote or local resources are loaded).
import type { EquationView, TableView, TableViewCell, TableViewLabel, TableViewModel } from '../../../server/src/lsp/protocol';
import { PREVIEW_CSS, PREVIEW_SCRIPT } from './webviewAssets';

/** The preview's own words, already in the user's language (see messages.ts). */
export interface PreviewStrings {
  lang: 'zh-CN' | 'en';
  pageTitle: string;
  loading: string;
  notReport: string;
  hint: string;
  tableNotFound: string;
  allOk: string;
  /** Templates with `{0}`. */
  wrong: string;
  blank: string;
  invalid: string;
  missing: string;
  expected: string;
  legendWrong: string;
  legendBlank: string;
  legendInvalid: string;
  legendMissing: string;
  blankCell: string;
  missingCell: string;
  equations: string;
  equationsOk: string;
  equationsNone: string;
  eqOk: string;
  eqViolated: string;
  eqUnknown: string;
  templateF2021: string;
  templateF2019: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\n': '&#10;', '\r': '&#13;' };

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"'\n\r]/g, (c) => ESCAPES[c]);
}

const fill = (template: string, value: string | number): string => template.replace('{0}', String(value));

/** A nonce for the page's CSP: 128 random bits as hex (`random` gives bytes; crypto in the caller). */
export function nonceFrom(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The Content-Security-Policy of the preview page: nothing but its own nonce'd style and script. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
}

export interface PageOptions {
  cspSource: string;
  nonce: string;
  strings: PreviewStrings;
  /** Body shown before the script takes over (the script replaces #root on every update). */
  body?: string;
}

/** The whole webview document. */
export function pageHtml(o: PageOptions): string {
  const n = escapeHtml(o.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.strings.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(o.strings.pageTitle)}</title>
<style nonce="${n}">${PREVIEW_CSS}</style>
</head>
<body>
<main id="root" aria-live="polite">${o.body ?? `<p class="message">${escapeHtml(o.strings.loading)}</p>`}</main>
<script nonce="${n}">${PREVIEW_SCRIPT}</script>
</body>
</html>`;
}

/** A message instead of tables (no document, not a report). */
export function messageBody(text: string): string {
  return `<p class="message">${escapeHtml(text)}</p>`;
}

/** The preview's content for one model: summary, the three tables, the equations. */
export function modelBody(model: TableViewModel, s: PreviewStrings): string {
  const parts: string[] = [];
  parts.push(`<div class="model" data-version="${escapeHtml(model.version)}" data-uri="${escapeHtml(model.uri)}">`);
  parts.push(summary(model, s));
  for (const t of model.tables) parts.push(tableHtml(t, s));
  parts.push(equationsHtml(model.equations, s));
  parts.push('</div>');
  return parts.join('\n');
}

function summary(model: TableViewModel, s: PreviewStrings): string {
  const c = model.counts;
  const violated = model.equations.filter((e) => e.state === 'violated').length;
  const badges: string[] = [];
  if (c.wrong) badges.push(`<span class="badge wrong">${escapeHtml(fill(s.wrong, c.wrong))}</span>`);
  if (c.invalid) badges.push(`<span class="badge invalid">${escapeHtml(fill(s.invalid, c.invalid))}</span>`);
  if (c.blank) badges.push(`<span class="badge blank">${escapeHtml(fill(s.blank, c.blank))}</span>`);
  if (c.missing) badges.push(`<span class="badge missing">${escapeHtml(fill(s.missing, c.missing))}</span>`);
  if (!badges.length && !violated && model.equations.length) badges.push(`<span class="badge ok">✓ ${escapeHtml(s.allOk)}</span>`);
  const template = model.template === 'F2019' ? s.templateF2019 : s.templateF2021;
  return `<header class="summary">
<h1>${escapeHtml(model.title ?? s.pageTitle)}</h1>
<p class="meta"><span class="template">${escapeHtml(template)}</span> ${badges.join(' ')}</p>
<p class="legend"><span class="swatch wrong"></span>${escapeHtml(s.legendWrong)} <span class="swatch blank"></span>${escapeHtml(s.legendBlank)} <span class="swatch invalid"></span>${escapeHtml(s.legendInvalid)} <span class="swatch missing"></span>${escapeHtml(s.legendMissing)} · ${escapeHtml(s.hint)}</p>
</header>`;
}

function spans(l: { rowSpan?: number; colSpan?: number }): string {
  return `${l.rowSpan && l.rowSpan > 1 ? ` rowspan="${Number(l.rowSpan)}"` : ''}${l.colSpan && l.colSpan > 1 ? ` colspan="${Number(l.colSpan)}"` : ''}`;
}

const th = (l: TableViewLabel, scope: 'col' | 'row') => `<th scope="${scope}"${spans(l)}>${escapeHtml(l.text)}</th>`;

function tableHtml(t: TableView, s: PreviewStrings): string {
  const head = `<h2>${escapeHtml(t.title)}</h2>`;
  if (!t.found) return `<section class="table" data-table="${escapeHtml(t.id)}">${head}<p class="notfound">${escapeHtml(s.tableNotFound)}</p></section>`;
  const rows: string[] = [];
  if (t.header.length) {
    rows.push('<thead>');
    for (const hr of t.header) rows.push(`<tr>${hr.map((l) => th(l, 'col')).join('')}</tr>`);
    rows.push('</thead>');
  }
  rows.push('<tbody>');
  for (const r of t.rows) {
    const cls = r.cells.length === 0 ? 'sub' : r.missing ? 'missing-row' : 'data';
    const key = r.key !== undefined ? ` data-row="${escapeHtml(r.key)}"` : '';
    rows.push(`<tr class="${cls}"${key}>${r.labels.map((l) => th(l, r.cells.length ? 'row' : 'col')).join('')}${r.cells.map((c) => cellHtml(c, s)).join('')}</tr>`);
  }
  rows.push('</tbody>');
  return `<section class="table" data-table="${escapeHtml(t.id)}">${head}<div class="scroll"><table class="grid grid-${escapeHtml(t.id)}">${rows.join('')}</table></div></section>`;
}

function cellHtml(c: TableViewCell, s: PreviewStrings): string {
  const tip = [c.name, c.message ?? (c.state === 'missing' ? s.missingCell : '')].filter(Boolean).join('\n');
  const clickable = c.range !== undefined;
  const attrs = [
    `class="cell ${escapeHtml(c.state)}"`,
    `data-cell="${escapeHtml(c.id)}"`,
    `data-state="${escapeHtml(c.state)}"`,
    `title="${escapeHtml(tip)}"`,
    clickable ? 'tabindex="0" role="button"' : 'aria-disabled="true"',
  ];
  if (c.colSpan && c.colSpan > 1) attrs.push(`colspan="${Number(c.colSpan)}"`);
  let inner: string;
  if (c.state === 'missing') inner = '<span class="raw">—</span>';
  else if (c.raw === '') inner = `<span class="raw empty">${escapeHtml(s.blankCell)}</span>`;
  else inner = `<span class="raw">${escapeHtml(c.raw)}</span>`;
  if (c.expected !== undefined && c.state !== 'ok') inner += `<span class="expected">${escapeHtml(fill(s.expected, c.expected))}</span>`;
  return `<td ${attrs.join(' ')}>${inner}</td>`;
}

function equationHtml(e: EquationView, s: PreviewStrings): string {
  const mark = e.state === 'ok' ? '✓' : e.state === 'violated' ? '✗' : '?';
  const what = e.state === 'ok' ? s.eqOk : e.state === 'violated' ? s.eqViolated : s.eqUnknown;
  return `<li class="eq ${escapeHtml(e.state)}" data-eq="${escapeHtml(e.id)}" data-target="${escapeHtml(e.target)}" tabindex="0" role="button" title="${escapeHtml(what)}"><span class="mark" aria-label="${escapeHtml(what)}">${mark}</span> <span class="label">${escapeHtml(e.label)}</span> <code class="formula">${escapeHtml(e.formula)}</code></li>`;
}

function equationsHtml(eqs: EquationView[], s: PreviewStrings): string {
  const head = `<h2>${escapeHtml(s.equations)}</h2>`;
  if (!eqs.length) return `<section class="equations">${head}<p class="notfound">${escapeHtml(s.equationsNone)}</p></section>`;
  const notOk = eqs.filter((e) => e.state !== 'ok');
  const ok = eqs.filter((e) => e.state === 'ok');
  const list = (xs: EquationView[]) => `<ul class="eqs">${xs.map((e) => equationHtml(e, s)).join('')}</ul>`;
  return `<section class="equations">${head}${notOk.length ? list(notOk) : ''}${ok.length ? `<details class="ok-equations"${notOk.length ? '' : ' open'}><summary>✓ ${escapeHtml(fill(s.equationsOk, ok.length))}</summary>${list(ok)}</details>` : ''}</section>`;
}
