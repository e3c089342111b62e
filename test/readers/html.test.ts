// The web-page reader: the article body without the page's furniture, tables on their grid,
// charsets, and the place of each piece (with its line in the HTML source).
import { describe, expect, it } from 'vitest';
import { describePlace, placeAt, readHtml, readHtmlText } from '../../server/src/readers';

const text = (html: string) => {
  const r = readHtmlText(html);
  if (!r.ok) throw new Error('unreadable');
  return r.converted;
};

describe('readHtml', () => {
  it('puts the <h1> first, then the body’s blocks one per line; skips navigation, headers, footers, scripts and link lists', () => {
    const html = `<html><head><title>网站 - 年报</title><script>var x = 1;</script></head><body>
      <div class="top-nav"><a href="/">首页</a></div>
      <nav><a>首页</a><a>政务公开</a></nav>
      <ul class="list"><li><a>链接一</a></li><li><a>链接二</a></li><li><a>链接三</a></li></ul>
      <h1>某局2023年度政府信息公开工作年度报告</h1>
      <div class="article"><p>&nbsp;&nbsp;一、总体情况&nbsp;</p><p>本机关<b>收到</b>申请
      16 件。<br>第二行</p><p>&nbsp;</p></div>
      <footer>版权所有</footer><div id="footer">主办单位</div></body></html>`;
    const c = text(html);
    expect(c.text).toBe('某局2023年度政府信息公开工作年度报告\n一、总体情况\n本机关收到申请 16 件。\n第二行\n');
    const place = placeAt(c, c.text.indexOf('本机关'))!;
    expect(describePlace(place)).toBe('第3段');
    expect(place).toMatchObject({ sourceLine: 6 });
  });

  it('falls back on <title> when the page has no <h1>', () => {
    expect(text('<title>某局年报</title><body><p>正文</p></body>').text).toBe('某局年报\n正文\n');
  });

  it('lays tables on their grid: colspan and rowspan as empty cells; a cell’s paragraphs joined by a space', () => {
    const c = text(`<body><table>
      <tr><td colspan="2" rowspan="2"><p>（勾稽关系）</p></td><td colspan="2">申请人情况</td></tr>
      <tr><td>自然人</td><td><p>商业</p><p>企业</p></td></tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>5</td><td>&nbsp;0&nbsp;</td></tr>
      <tr><td>（二）部分公开</td><td>0</td><td>0</td></tr>
    </table></body>`);
    expect(c.text).toBe('（勾稽关系）\t\t申请人情况\t\n\t\t自然人\t商业 企业\n三、本年度办理结果\t（一）予以公开\t5\t0\n\t（二）部分公开\t0\t0\n');
    expect(describePlace(placeAt(c, c.text.lastIndexOf('0'))!)).toBe('表1 第4行 第4列');
  });

  it('decodes the charset the page declares (GBK pages are common), else UTF-8', () => {
    const gbk = Buffer.concat([Buffer.from('<meta charset="gbk"><p>'), Buffer.from([0xc4, 0xea, 0xb1, 0xa8]), Buffer.from('</p>')]);
    const r = readHtml(gbk);
    expect(r.ok && r.converted.text).toBe('年报\n');
    const utf8 = readHtml(Buffer.from('<p>年报</p>'));
    expect(utf8.ok && utf8.converted.text).toBe('年报\n');
  });
});
