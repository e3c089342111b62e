// The preview page's style and script, inlined into the page with the CSP nonce (the webview
// loads no file and nothing remote). Colours come only from VS Code's theme variables
// (--vscode-*), so the grid follows light, dark and high-contrast themes.

export const PREVIEW_CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 14px 24px; }
h1 { font-size: 1.25em; font-weight: 600; margin: 12px 0 4px; }
h2 { font-size: 1.08em; font-weight: 600; margin: 22px 0 6px; }
.meta, .legend, .message, .notfound { color: var(--vscode-descriptionForeground); margin: 4px 0; }
.notfound { font-style: italic; }
.template { margin-right: 6px; }
.badge { display: inline-block; padding: 0 6px; margin-right: 4px; border: 1px solid var(--vscode-panel-border); border-radius: 3px; }
.badge.wrong, .badge.invalid { color: var(--vscode-errorForeground); border-color: var(--vscode-editorError-foreground); }
.badge.blank { color: var(--vscode-editorWarning-foreground); border-color: var(--vscode-editorWarning-foreground); }
.badge.ok { color: var(--vscode-testing-iconPassed); border-color: var(--vscode-testing-iconPassed); }
.swatch { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 8px; vertical-align: middle; border: 1px solid var(--vscode-panel-border); }
.swatch.wrong { background: var(--vscode-inputValidation-errorBackground); border: 2px solid var(--vscode-editorError-foreground); }
.swatch.invalid { border: 2px dashed var(--vscode-editorError-foreground); }
.swatch.blank { background: var(--vscode-inputValidation-warningBackground); border: 2px dashed var(--vscode-editorWarning-foreground); }
.swatch.missing { border: 1px dotted var(--vscode-disabledForeground); }
.scroll { overflow-x: auto; }
table.grid { border-collapse: collapse; }
.grid th, .grid td { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border)); padding: 3px 6px; }
.grid th { background: var(--vscode-editorWidget-background); font-weight: normal; text-align: center; max-width: 26em; }
.grid tbody th { text-align: left; }
.grid tr.data th:last-of-type, .grid tr.missing-row th:last-of-type { min-width: 12em; }
.grid th[rowspan] { min-width: 5em; }
.grid tr.sub th { font-weight: 600; text-align: left; }
.grid td { text-align: right; font-family: var(--vscode-editor-font-family); white-space: nowrap; min-width: 2.4em; cursor: pointer; }
.grid td:hover { background: var(--vscode-list-hoverBackground); }
.grid td:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.grid td.selected { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
.grid td.wrong { color: var(--vscode-errorForeground); background: var(--vscode-inputValidation-errorBackground); box-shadow: inset 0 0 0 2px var(--vscode-editorError-foreground); font-weight: 600; }
.grid td.invalid { color: var(--vscode-errorForeground); border: 2px dashed var(--vscode-editorError-foreground); }
.grid td.blank { background: var(--vscode-inputValidation-warningBackground); border: 2px dashed var(--vscode-editorWarning-foreground); }
.grid td.missing { color: var(--vscode-disabledForeground); text-align: center; cursor: default; }
.grid tr.missing-row th { color: var(--vscode-disabledForeground); }
.raw.empty { color: var(--vscode-descriptionForeground); font-style: italic; }
.expected { display: block; font-size: 0.85em; font-weight: normal; }
.eqs { list-style: none; padding: 0; margin: 4px 0; }
.eq { padding: 2px 4px; cursor: pointer; }
.eq:hover { background: var(--vscode-list-hoverBackground); }
.eq:focus { outline: 1px solid var(--vscode-focusBorder); }
.eq .mark { font-weight: 700; display: inline-block; width: 1.2em; }
.eq.ok .mark { color: var(--vscode-testing-iconPassed); }
.eq.violated .mark, .eq.violated .formula { color: var(--vscode-errorForeground); }
.eq.unknown .mark { color: var(--vscode-editorWarning-foreground); }
.formula { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 4px; word-break: break-all; }
details.ok-equations summary { cursor: pointer; color: var(--vscode-descriptionForeground); }
`;

// Plain browser JavaScript (no backquote, no dollar-brace: it lives in a template string).
// Messages in:  {type:'render', html} replaces #root (HTML built and escaped by the extension);
//               {type:'select', id} outlines the cell the editor's cursor is in.
// Messages out: {type:'ready'}; {type:'rendered', version, cells, wrong} after each render;
//               {type:'reveal', id} when a cell (or an equation: its total cell) is clicked.
export const PREVIEW_SCRIPT = `
(function () {
  'use strict';
  var vscode = acquireVsCodeApi();
  var root = document.getElementById('root');
  var selected = null;
  function ack() {
    var model = root.querySelector('.model');
    var wrong = [];
    root.querySelectorAll('td.cell.wrong').forEach(function (td) { wrong.push(td.getAttribute('data-cell')); });
    vscode.postMessage({
      type: 'rendered',
      version: model ? Number(model.getAttribute('data-version')) : null,
      cells: root.querySelectorAll('td[data-cell]').length,
      wrong: wrong
    });
  }
  function mark(id, scroll) {
    root.querySelectorAll('.selected').forEach(function (el) { el.classList.remove('selected'); });
    selected = id;
    if (!id) return;
    var td = root.querySelector('td[data-cell="' + CSS.escape(id) + '"]');
    if (!td) return;
    td.classList.add('selected');
    if (scroll) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  function activate(target) {
    var td = target.closest('td[data-cell]');
    if (td) {
      if (td.getAttribute('data-state') === 'missing') return true;
      mark(td.getAttribute('data-cell'), false);
      vscode.postMessage({ type: 'reveal', id: td.getAttribute('data-cell') });
      return true;
    }
    var eq = target.closest('li[data-target]');
    if (eq) {
      mark(eq.getAttribute('data-target'), true);
      vscode.postMessage({ type: 'reveal', id: eq.getAttribute('data-target') });
      return true;
    }
    return false;
  }
  window.addEventListener('message', function (event) {
    var msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'render' && typeof msg.html === 'string') {
      var x = window.scrollX, y = window.scrollY;
      root.innerHTML = msg.html;
      window.scrollTo(x, y);
      mark(selected, false);
      ack();
    } else if (msg.type === 'select') {
      mark(typeof msg.id === 'string' ? msg.id : null, true);
    }
  });
  root.addEventListener('click', function (e) {
    if (e.target instanceof Element) activate(e.target);
  });
  root.addEventListener('keydown', function (e) {
    if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof Element && activate(e.target)) e.preventDefault();
  });
  ack();
  vscode.postMessage({ type: 'ready' });
})();
`;
