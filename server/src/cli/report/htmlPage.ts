// `--format html`: one self-contained page for a reviewing office — every report in a sortable,
// filterable table, the problems per rule with a bar chart, and for each report its problems and
// its tables 二/三/四 drawn as grids from the engine's table view model (the editor's preview
// model), wrong cells marked with the value they should hold.
// It works offline and as an e-mail attachment: no request leaves it. Its CSP allows nothing but
// its own inline style and script, both carrying the page's nonce; no style attributes, no images,
// no fonts, no links out (the chart is inline SVG drawn with attributes).
import { randomBytes } from 'node:crypto';
import * as engine from '../../engine';
import type { FileRecord, ReportRow } from './record';
import { statusOf } from './record';
import { reportStrings, type ReportStrings } from './strings';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\n': '&#10;', '\r': '&#13;' };

/** Escapes text for element content and quoted attribute values. */
export function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"'\n\r]/g, (c) => ESCAPES[c]);
}

export function pageCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'; frame-src 'none'`;
}

export interface PageInput {
  /** One row per file, in the order the files were checked (index i ↔ the detail `d-i`). */
  rows: readonly ReportRow[];
  locale: engine.Locale;
  version: string;
  /** When the page was made (shown on it). */
  now?: Date;
  /** Fixed nonce (tests); otherwise 128 random bits. */
  nonce?: string;
}

/**
 * Writes the page in pieces: head, rule counts, the reports table, then the details, which
 * `writeDetails` writes (each file's `detailHtml`, made when it was checked and spooled since).
 */
export function writePage(input: PageInput, write: (text: string) => void, writeDetails: () => void): void {
  const s = reportStrings(input.locale);
  const nonce = input.nonce ?? randomBytes(16).toString('hex');
  const rows = input.rows;
  const counts = { errors: 0, warnings: 0, pass: 0, unchecked: 0 };
  for (const r of rows) counts[statusOf(r)]++;
  const when = (input.now ?? new Date()).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  write(`<!DOCTYPE html>
<html lang="${esc(s.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(pageCsp(nonce))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s.pageTitle)}</title>
<style nonce="${esc(nonce)}">${CSS}</style>
</head>
<body>
<header class="top">
<h1>${esc(s.pageTitle)}</h1>
<p class="totals" id="totals">${esc(s.totals(rows.length, counts.errors, counts.warnings, counts.pass, counts.unchecked))}</p>
<p class="generated">${esc(s.generated(when, input.version))}</p>
</header>
`);
  write(rulesSection(rows, s, input.locale) + '\n');
  write(reportsSection(rows, s) + '\n');
  write(`<section id="details"><h2>${esc(s.details)}</h2><p id="pick" class="hint">${esc(s.pickReport)}</p>\n`);
  writeDetails();
  write(`</section>
<script nonce="${esc(nonce)}">${SCRIPT}</script>
</body>
</html>
`);
}

function rulesSection(rows: readonly ReportRow[], s: ReportStrings, locale: engine.Locale): string {
  const byRule = new Map<string, { findings: number; files: number; errors: number }>();
  for (const r of rows) {
    for (const [rule, n] of Object.entries(r.rules)) {
      let c = byRule.get(rule);
      if (!c) byRule.set(rule, (c = { findings: 0, files: 0, errors: 0 }));
      c.findings += n.findings;
      c.errors += n.errors;
      c.files++;
    }
  }
  const head = `<section id="rules"><h2>${esc(s.byRule)}</h2>`;
  if (!byRule.size) return `${head}<p>${esc(s.noFindings)}</p></section>`;
  const ranked = [...byRule].sort((a, b) => b[1].findings - a[1].findings || a[0].localeCompare(b[0]));
  const max = ranked[0][1].findings;
  const W = 240;
  const body = ranked
    .map(([rule, c]) => {
      const title = (engine.RULES as Record<string, engine.RuleMeta | undefined>)[rule]?.title[locale === 'en' ? 'en' : 'zh-CN'] ?? '';
      const w = Math.max(2, Math.round((c.findings / max) * W));
      const color = c.errors ? '#c0392b' : '#d68910';
      return `<tr data-rule="${esc(rule)}"><td><code>${esc(rule)}</code></td><td>${esc(title)}</td><td class="num">${c.findings}</td><td class="num">${c.files}</td><td><svg class="bar" width="${W}" height="14" viewBox="0 0 ${W} 14" role="img" aria-label="${c.findings}"><rect x="0" y="1" width="${w}" height="12" fill="${color}"></rect></svg></td></tr>`;
    })
    .join('\n');
  const c = s.ruleCol;
  return `${head}<table class="list rules"><thead><tr><th>${esc(c.rule)}</th><th>${esc(c.title)}</th><th>${esc(c.findings)}</th><th>${esc(c.files)}</th><th>${esc(c.chart)}</th></tr></thead><tbody>
${body}
</tbody></table></section>`;
}

const uniqueSorted = <T extends string | number>(xs: Iterable<T | undefined>): T[] =>
  [...new Set([...xs].filter((x): x is T => x !== undefined && x !== ''))].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN'),
  );

function select(id: string, label: string, all: string, options: readonly { value: string; text: string }[]): string {
  return `<label>${esc(label)} <select id="${id}"><option value="">${esc(all)}</option>${options.map((o) => `<option value="${esc(o.value)}">${esc(o.text)}</option>`).join('')}</select></label>`;
}

function reportsSection(records: readonly ReportRow[], s: ReportStrings): string {
  const units = uniqueSorted(records.map((r) => r.unit));
  const years = uniqueSorted(records.map((r) => r.year));
  const rules = uniqueSorted(records.flatMap((r) => Object.keys(r.rules)));
  const statuses = (['errors', 'warnings', 'pass', 'unchecked'] as const).filter((st) => records.some((r) => statusOf(r) === st));
  const filters = `<div class="filters" id="filters"><span class="flabel">${esc(s.filters)}：</span>
${select('f-unit', s.filterUnit, s.all, units.map((u) => ({ value: u, text: u })))}
${select('f-year', s.filterYear, s.all, years.map((y) => ({ value: String(y), text: String(y) })))}
${select('f-rule', s.filterRule, s.all, rules.map((r) => ({ value: r, text: r })))}
${select('f-status', s.filterStatus, s.all, statuses.map((st) => ({ value: st, text: s.status[st] })))}
<span class="shown" id="shown" data-template="${esc(s.shown(0, 0).replace(/\d+/g, '#'))}">${esc(s.shown(records.length, records.length))}</span></div>`;
  const cols: [key: string, label: string, type: 'text' | 'num'][] = [
    ['file', s.col.file, 'text'],
    ['unit', s.col.unit, 'text'],
    ['year', s.col.year, 'num'],
    ['template', s.col.template, 'text'],
    ['errors', s.col.errors, 'num'],
    ['warnings', s.col.warnings, 'num'],
    ['status', s.col.status, 'text'],
    ['carryover', s.col.carryover, 'text'],
    ['reuse', s.col.reuse, 'num'],
  ];
  const head = cols.map(([key, label, type]) => `<th scope="col" aria-sort="none"><button type="button" class="sort" data-key="${key}" data-type="${type}">${esc(label)}<span class="arrow" aria-hidden="true"></span></button></th>`).join('');
  const STATUS_RANK = { errors: 0, warnings: 1, pass: 2, unchecked: 3 };
  const rows = records
    .map((r, i) => {
      const st = statusOf(r);
      const ruleSet = uniqueSorted(Object.keys(r.rules));
      const carry = r.checked ? s.carryover(r.carryover, r.previousFile, r.carryoverFindings) : s.unknown;
      const tpl = r.template ? s.template[r.template] : s.unknown;
      const td = (key: string, text: string | number, sortValue: string | number, cls = '') => `<td data-key="${key}" data-v="${esc(sortValue)}"${cls ? ` class="${cls}"` : ''}>${esc(text)}</td>`;
      return `<tr class="report ${st}" id="r-${i}" data-index="${i}" data-unit="${esc(r.unit ?? '')}" data-year="${esc(r.year ?? '')}" data-status="${st}" data-rules=" ${esc(ruleSet.join(' '))} " tabindex="0" aria-controls="d-${i}">${[
        td('file', r.file, r.file, 'file'),
        td('unit', r.unit ?? s.unknown, r.unit ?? ''),
        td('year', r.year ?? s.unknown, r.year ?? -1, 'num'),
        td('template', tpl, r.template ?? ''),
        td('errors', r.errors, r.errors, `num${r.errors ? ' bad' : ''}`),
        td('warnings', r.warnings, r.warnings, `num${r.warnings ? ' warn' : ''}`),
        td('status', s.status[st], STATUS_RANK[st], `status ${st}`),
        td('carryover', carry, `${r.carryover}:${r.carryoverFindings}`, `carry ${r.carryover}`),
        td('reuse', r.reuse === undefined ? s.unknown : `${r.reuse}%`, r.reuse ?? -1, `num${(r.reuse ?? 0) > 50 ? ' warn' : ''}`),
      ].join('')}</tr>`;
    })
    .join('\n');
  return `<section id="reports"><h2>${esc(s.reports)}</h2><p class="hint">${esc(s.hintRows)}</p>
${filters}
<div class="scroll"><table class="list" id="report-table"><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></div></section>`;
}

/** One report's details (hidden until its row is clicked): its findings and its grids. */
export function detailHtml(r: FileRecord, i: number, locale: engine.Locale): string {
  const s = reportStrings(locale);
  const st = statusOf(r);
  const parts: string[] = [];
  parts.push(`<h3>${esc(r.file)}</h3>`);
  const meta = [r.unit, r.year, r.template ? s.template[r.template] : undefined, s.status[st]].filter((x) => x !== undefined && x !== '');
  parts.push(`<p class="meta">${meta.map((m) => `<span>${esc(m)}</span>`).join(' · ')}</p>`);
  if (!r.checked) {
    parts.push(`<p class="why">${esc(s.notChecked(r.why ?? ''))}</p>`);
  } else {
    parts.push(`<p class="meta">${esc(s.col.carryover)}：${esc(s.carryover(r.carryover, r.previousFile, r.carryoverFindings))}</p>`);
    parts.push(findingsTable(r, s));
    if (r.tables) {
      const legend = (['wrong', 'blank', 'invalid', 'missing'] as const).map((k) => `<span class="sw ${k}"></span>${esc(s.legend[k])}`);
      parts.push(`<p class="legend">${legend.join('　')}</p>`);
      for (const t of r.tables.tables) parts.push(gridHtml(t, s));
      const bad = r.tables.equations.filter((e) => e.state === 'violated');
      if (bad.length) parts.push(`<h4>${esc(s.equationsBad)}</h4><ul class="eqs">${bad.map((e) => `<li><span class="x">✗</span> ${esc(e.label)} <code>${esc(e.formula)}</code></li>`).join('')}</ul>`);
    } else {
      parts.push(`<p class="hint">${esc(s.tablesNone)}</p>`);
    }
  }
  parts.push(`<p><button type="button" class="back">${esc(s.close)}</button></p>`);
  return `<article class="detail" id="d-${i}" data-index="${i}" hidden>${parts.join('\n')}</article>`;
}

function findingsTable(r: FileRecord, s: ReportStrings): string {
  if (!r.findings.length) return `<p>${esc(s.noFindings)}</p>`;
  const withPlace = r.findings.some((f) => f.place);
  const c = s.findingCol;
  const head = `<tr><th>${esc(c.line)}</th>${withPlace ? `<th>${esc(c.place)}</th>` : ''}<th>${esc(c.severity)}</th><th>${esc(c.rule)}</th><th>${esc(c.message)}</th></tr>`;
  const rows = r.findings
    .map((f) => `<tr class="sev${f.severity}"><td class="num">${f.line}:${f.column}</td>${withPlace ? `<td>${esc(f.place ?? '')}</td>` : ''}<td>${esc(s.severity[f.severity])}</td><td><code>${esc(f.rule)}</code></td><td>${esc(f.message)}</td></tr>`)
    .join('');
  return `<h4>${esc(s.findings)}</h4><table class="list findings"><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

const spans = (l: { rowSpan?: number; colSpan?: number }) =>
  `${l.rowSpan && l.rowSpan > 1 ? ` rowspan="${Number(l.rowSpan)}"` : ''}${l.colSpan && l.colSpan > 1 ? ` colspan="${Number(l.colSpan)}"` : ''}`;

/** One of tables 二/三/四 as the preview draws it: the template's merged headers, each cell by state. */
function gridHtml(t: engine.TableView, s: ReportStrings): string {
  const head = `<h4>${esc(t.title)}</h4>`;
  if (!t.found) return `<div class="table" data-table="${t.id}">${head}<p class="hint">${esc(s.tableNotFound)}</p></div>`;
  const out: string[] = [];
  if (t.header.length) out.push(`<thead>${t.header.map((hr) => `<tr>${hr.map((l) => `<th scope="col"${spans(l)}>${esc(l.text)}</th>`).join('')}</tr>`).join('')}</thead>`);
  out.push('<tbody>');
  for (const row of t.rows) {
    const cls = row.cells.length === 0 ? 'sub' : row.missing ? 'missing-row' : 'data';
    const labels = row.labels.map((l) => `<th scope="row"${spans(l)}>${esc(l.text)}</th>`).join('');
    const cells = row.cells
      .map((c) => {
        // The name as a tooltip only where there is something to say (keeps a page of many reports small).
        const tip = c.state === 'ok' ? '' : [c.name, c.message].filter(Boolean).join('\n');
        let inner = c.state === 'missing' ? '—' : c.raw === '' ? `<span class="empty">${esc(s.blankCell)}</span>` : esc(c.raw);
        if (c.expected !== undefined && c.state !== 'ok') inner += `<span class="expected">${esc(s.expected(c.expected))}</span>`;
        return `<td class="cell ${c.state}" data-cell="${esc(c.id)}"${tip ? ` title="${esc(tip)}"` : ''}${c.colSpan && c.colSpan > 1 ? ` colspan="${Number(c.colSpan)}"` : ''}>${inner}</td>`;
      })
      .join('');
    out.push(`<tr class="${cls}">${labels}${cells}</tr>`);
  }
  out.push('</tbody>');
  return `<div class="table" data-table="${t.id}">${head}<div class="scroll"><table class="grid grid-${t.id}">${out.join('')}</table></div></div>`;
}

const CSS = `
:root { color-scheme: light; --line: #c8ccd0; --muted: #5f6368; --bad: #c0392b; --warn: #b9770e; --ok: #1e8449; }
* { box-sizing: border-box; }
body { font: 14px/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif; margin: 0 auto; padding: 16px 24px 48px; max-width: 1400px; color: #202124; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #dadce0; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 8px 0; word-break: break-all; } h4 { font-size: 15px; margin: 16px 0 6px; }
.totals { font-size: 16px; font-weight: 600; margin: 4px 0; } .generated, .hint { color: var(--muted); margin: 4px 0; }
.scroll { overflow-x: auto; }
table.list { border-collapse: collapse; width: 100%; }
table.list th, table.list td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.list thead th { background: #f1f3f4; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.file { word-break: break-all; max-width: 360px; }
td.bad { color: var(--bad); font-weight: 700; } td.warn { color: var(--warn); font-weight: 600; }
td.status.errors { color: var(--bad); font-weight: 700; } td.status.warnings { color: var(--warn); } td.status.pass { color: var(--ok); } td.status.unchecked { color: var(--muted); }
td.carry.mismatch { color: var(--bad); } td.carry.none, td.carry.ambiguous { color: var(--muted); }
tr.report { cursor: pointer; } tr.report:hover td { background: #f8f9fa; } tr.report:focus { outline: 2px solid #1a73e8; outline-offset: -2px; }
tr.report.selected td { background: #e8f0fe; }
button.sort { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: left; }
th[aria-sort="ascending"] .arrow::after { content: " ▲"; } th[aria-sort="descending"] .arrow::after { content: " ▼"; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
.filters select { font: inherit; max-width: 260px; } .shown { color: var(--muted); }
svg.bar { display: block; }
article.detail { border: 1px solid var(--line); border-radius: 6px; padding: 8px 16px 12px; margin: 12px 0; }
.meta span { white-space: nowrap; } .why { color: var(--bad); }
table.findings tr.sev1 td:nth-last-child(3) { color: var(--bad); font-weight: 700; } table.findings tr.sev2 td:nth-last-child(3) { color: var(--warn); }
table.grid { border-collapse: collapse; font-size: 13px; margin: 4px 0 8px; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: 2px 6px; }
table.grid thead th { background: #f1f3f4; font-weight: 600; text-align: center; }
table.grid tbody th { text-align: left; font-weight: normal; background: #fafafa; min-width: 6em; }
table.grid td.cell { text-align: right; min-width: 3.2em; font-variant-numeric: tabular-nums; }
td.cell.wrong { background: #fadbd8; color: #922b21; font-weight: 700; outline: 2px solid var(--bad); outline-offset: -2px; }
td.cell.blank { background: #fcf3cf; } td.cell.invalid { background: #e8daef; } td.cell.missing { background: #eaeded; color: var(--muted); }
tr.missing-row th { color: var(--muted); font-style: italic; }
.expected { display: block; font-size: 11px; font-weight: 600; color: #922b21; white-space: nowrap; }
.empty { color: var(--muted); font-size: 11px; }
.legend { color: var(--muted); } .sw { display: inline-block; width: 12px; height: 12px; border: 1px solid var(--line); vertical-align: -1px; margin-right: 2px; }
.sw.wrong { background: #fadbd8; } .sw.blank { background: #fcf3cf; } .sw.invalid { background: #e8daef; } .sw.missing { background: #eaeded; }
ul.eqs { padding-left: 20px; } .x { color: var(--bad); font-weight: 700; }
button.back { font: inherit; }
@media print { tr.report { cursor: auto; } .filters, button.back { display: none; } }
`;

// Sorting, filtering and showing one report's details. No network, no storage, no eval.
const SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('report-table');
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
  var sortKey = null, sortDir = 1;
  function cellOf(row, key) { return row.querySelector('td[data-key="' + key + '"]'); }
  function sortBy(key, type) {
    if (sortKey === key) sortDir = -sortDir; else { sortKey = key; sortDir = type === 'num' ? -1 : 1; }
    var sorted = rows.slice().sort(function (a, b) {
      var x = cellOf(a, key).getAttribute('data-v'), y = cellOf(b, key).getAttribute('data-v');
      var d = type === 'num' ? Number(x) - Number(y) : collator.compare(x, y);
      return d * sortDir || Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'));
    });
    sorted.forEach(function (r) { tbody.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.querySelectorAll('th'), function (th) {
      var b = th.querySelector('button');
      th.setAttribute('aria-sort', b && b.getAttribute('data-key') === key ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }
  Array.prototype.forEach.call(table.tHead.querySelectorAll('button.sort'), function (b) {
    b.addEventListener('click', function () { sortBy(b.getAttribute('data-key'), b.getAttribute('data-type')); });
  });
  var fUnit = document.getElementById('f-unit'), fYear = document.getElementById('f-year');
  var fRule = document.getElementById('f-rule'), fStatus = document.getElementById('f-status');
  var shown = document.getElementById('shown');
  function applyFilters() {
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!fUnit.value || r.getAttribute('data-unit') === fUnit.value) &&
        (!fYear.value || r.getAttribute('data-year') === fYear.value) &&
        (!fRule.value || r.getAttribute('data-rules').indexOf(' ' + fRule.value + ' ') >= 0) &&
        (!fStatus.value || r.getAttribute('data-status') === fStatus.value);
      r.hidden = !ok;
      if (ok) n++;
    });
    var i = 0, counts = [n, rows.length];
    shown.textContent = shown.getAttribute('data-template').replace(/#/g, function () { return String(counts[i++]); });
  }
  [fUnit, fYear, fRule, fStatus].forEach(function (s) { s.addEventListener('change', applyFilters); });
  var pick = document.getElementById('pick');
  function show(row) {
    var i = row.getAttribute('data-index');
    Array.prototype.forEach.call(document.querySelectorAll('article.detail'), function (d) { d.hidden = d.getAttribute('data-index') !== i; });
    rows.forEach(function (r) { r.classList.toggle('selected', r === row); r.setAttribute('aria-expanded', r === row ? 'true' : 'false'); });
    pick.hidden = true;
    var d = document.getElementById('d-' + i);
    if (d) d.scrollIntoView({ block: 'start' });
  }
  rows.forEach(function (r) {
    r.addEventListener('click', function () { show(r); });
    r.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(r); } });
  });
  Array.prototype.forEach.call(document.querySelectorAll('button.back'), function (b) {
    b.addEventListener('click', function () {
      var sel = tbody.querySelector('tr.selected');
      (sel || table).scrollIntoView({ block: 'center' });
      if (sel) sel.focus();
    });
  });
})();
`;
