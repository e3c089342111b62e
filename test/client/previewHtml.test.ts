// The table preview's HTML builder (client/src/preview/html.ts): escaping, CSP, nonces, the grid.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { messageBody, modelBody, nonceFrom, pageHtml, type PreviewStrings } from '../../client/src/preview/html';
import { PREVIEW_CSS, PREVIEW_SCRIPT } from '../../client/src/preview/webviewAssets';
import { analyze, tableView, type TableViewModel } from '../../server/src/engine';
import { repoRoot } from '../helpers/paths';

const S: PreviewStrings = {
  lang: 'zh-CN', pageTitle: '表格预览：mistakes-2023.txt', loading: '正在读取表格…', notReport: '不是年报', hint: '点击单元格',
  tableNotFound: '文中未找到这张表。', allOk: '勾稽关系全部成立', wrong: '{0} 处错误', blank: '{0} 处空白', invalid: '{0} 处非数字',
  missing: '{0} 处缺失', expected: '应为 {0}', legendWrong: '错误', legendBlank: '空白', legendInvalid: '非数字', legendMissing: '文中缺失',
  blankCell: '（空）', missingCell: '文中没有这一行', equations: '勾稽关系', equationsOk: '成立的 {0} 条', equationsNone: '无',
  eqOk: '成立', eqViolated: '不成立', eqUnknown: '无法核对', templateF2021: '2021 版格式', templateF2019: '2019 版格式',
};
const NONCE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const CSP_SOURCE = 'https://*.vscode-cdn.net';

function modelOf(text: string): TableViewModel {
  const doc = TextDocument.create('file:///r.txt', 'plaintext', 3, text);
  return tableView(doc, analyze(text));
}
const mistakes = fs.readFileSync(path.join(repoRoot, 'examples', 'mistakes-2023.txt'), 'utf8');

/** Tag names used in the HTML (opening tags). */
const tags = (html: string) => new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
const BODY_TAGS = new Set(['div', 'header', 'h1', 'h2', 'p', 'span', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'code', 'details', 'summary']);

const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)>"'&`;

/** The mistakes model with document text in every place the document can reach. */
function poisoned(): TableViewModel {
  const m = modelOf(mistakes);
  m.title = EVIL;
  m.uri = `file:///"><script>alert(2)</script>.txt`;
  const t3 = m.tables.find((t) => t.id === 't3')!;
  t3.title = EVIL;
  t3.rows[0].labels[0].text = EVIL;
  t3.header[0][0].text = EVIL;
  const c = t3.rows[0].cells[0];
  c.raw = EVIL;
  c.message = EVIL + '\n' + EVIL;
  c.name = EVIL;
  c.id = `x" onclick="alert(3)`;
  m.equations[0].label = EVIL;
  m.equations[0].formula = EVIL;
  return m;
}

describe('table preview HTML', () => {
  it('escapes every text from the document: no tag, attribute or handler gets through', () => {
    const body = modelBody(poisoned(), S);
    expect([...tags(body)].filter((t) => !BODY_TAGS.has(t))).toEqual([]);
    expect(body).not.toMatch(/<script|<img|onclick="|onerror=alert\(1\)>/);
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
    expect(body).toContain('data-cell="x&quot; onclick=&quot;alert(3)"');
    // The tooltip keeps the message's line break as a character reference.
    expect(body).toMatch(/title="[^"]*&#10;[^"]*"/);
    // No inline style attributes (the CSP would block them) and no links or sources at all.
    expect(body).not.toMatch(/\s(?:style|src|href)="/);
  });

  it('the page has a strict CSP, and its only style and script carry the nonce', () => {
    const page = pageHtml({ cspSource: CSP_SOURCE, nonce: NONCE, strings: S, body: modelBody(poisoned(), S) });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
    expect(csp).not.toBeNull();
    expect(csp![1].replace(/&#39;/g, "'")).toBe(`default-src 'none'; style-src ${CSP_SOURCE} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';`);
    expect(csp![1]).not.toMatch(/unsafe/);
    const scripts = [...page.matchAll(/<script([^>]*)>/g)];
    expect(scripts.map((m) => m[1])).toEqual([` nonce="${NONCE}"`]);
    const styles = [...page.matchAll(/<style([^>]*)>/g)];
    expect(styles.map((m) => m[1])).toEqual([` nonce="${NONCE}"`]);
    expect(page).not.toMatch(/<link|\s(?:style|src|href)="/);
    expect(page.indexOf(CSP_SOURCE)).toBe(page.lastIndexOf(CSP_SOURCE)); // only in the CSP
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
  });

  it('a fresh nonce each time: 128 random bits as hex', () => {
    expect(nonceFrom(new Uint8Array(16).fill(255))).toBe('f'.repeat(32));
    expect(nonceFrom(Uint8Array.from([0, 1, 2, 171]))).toBe('000102ab');
  });

  it('the inlined script parses, cannot close its element early, and the style uses theme variables only', () => {
    expect(() => new Function('acquireVsCodeApi', PREVIEW_SCRIPT)).not.toThrow();
    expect(PREVIEW_SCRIPT).not.toMatch(/<\/script/i);
    expect(PREVIEW_CSS).not.toMatch(/<\/style/i);
    expect(PREVIEW_CSS).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|url\(/i);
    const vars = [...PREVIEW_CSS.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]);
    expect(vars.length).toBeGreaterThan(10);
    expect(vars.filter((v) => !v.startsWith('--vscode-'))).toEqual([]);
  });

  it('renders the mistakes example: merged headers, the wrong cell in red with 应为 2, the violated equations first', () => {
    const body = modelBody(modelOf(mistakes), S);
    expect(body).toContain('<td class="cell wrong" data-cell="t3:r4.1:0" data-state="wrong"');
    expect(body).toMatch(/data-cell="t3:r4\.1:0"[^>]*tabindex="0"[^>]*><span class="raw">3<\/span><span class="expected">应为 2<\/span><\/td>/);
    expect(body).toContain('<th scope="col" rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>');
    expect(body).toContain('<th scope="row" rowspan="22">三、本年度办理结果</th>');
    expect(body).toContain('<th scope="col" colspan="5">法人或其他组织</th>');
    expect(body).toContain('<span class="badge wrong">2 处错误</span>');
    const firstEq = /<li class="eq (\w+)" data-eq="([^"]+)" data-target="([^"]+)"/.exec(body)!;
    expect(firstEq[1]).toBe('violated');
    expect(body).toContain('<summary>✓ 成立的 39 条</summary>');
    expect(body).toContain('data-eq="H2:r4.1" data-target="t3:r4.1:6"');
  });

  it('says so when a table is missing, and shows a plain message for a non-report', () => {
    const body = modelBody(modelOf('政府信息公开工作年度报告\n一、总体情况\n'), S);
    expect((body.match(/文中未找到这张表。/g) ?? []).length).toBe(3);
    expect(messageBody('<b>不是年报</b>')).toBe('<p class="message">&lt;b&gt;不是年报&lt;/b&gt;</p>');
  });
});
