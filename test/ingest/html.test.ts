import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { htmlToLines, looksLikeHtml, cleanInline } from '../../src/ingest/text/html.ts';

const WORD = readFileSync(new URL('../fixtures/html/word-2021-longwan.html', import.meta.url), 'utf8');
const word = htmlToLines(WORD);
const lineOf = (start: string): number => word.lines.findIndex((l) => l.startsWith(start));

describe('htmlToLines on a Word-exported 2021-format report', () => {
  test('head, <style>, <script>, <xml> and comments leave no text', () => {
    expect(word.lines.some((l) => /不应出现|MsoNormal|DocumentProperties|区府办/.test(l))).toBe(false);
    expect(word.title).toBe('龙湾区人民政府2021年政府信息公开工作年度报告');
    expect(word.titleLine).toBe(10);
  });

  test('the title paragraph split by <br> gives two lines, cited at the <p>', () => {
    expect(word.lines.slice(0, 2)).toEqual(['龙湾区人民政府', '2021年政府信息公开工作年度报告']);
    expect(word.sourceLine[0]).toBe(30);
  });

  test('paragraph text split over <span>s and source lines is joined', () => {
    const i = lineOf('本报告根据');
    expect(word.lines[i]).toContain('统计期限自2021年1月1日起至2021年12月31日止');
    expect(word.lines[i]).toContain('（http://www.longwan.gov.cn/）');
    expect(lineOf('（一）主动公开。2021年，我区主动公开政府信息3456条。')).toBeGreaterThan(0);
  });

  test.each([
    // table 二: colspan caption rows and a value spanning three columns appear once
    ['第二十条第（一）项', ['第二十条第（一）项', '', '', '']],
    ['行政规范性文件', ['行政规范性文件', '5', '1', '42']],
    // data rows aligned by their header: one cell per header value column (a value spanning the three
    // grid columns under 本年处理决定数量 is one cell)
    ['行政许可', ['行政许可', '1234']],
    ['行政事业性收费', ['行政事业性收费', '24252.311082']],
    // table 三: "申请人情" + "况" in two <span>s is one label
    ['（本列数据', ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', '']],
    ['\t\t\t自然人', ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']],
    ['\t\t\t\t商业企业', ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']],
    // label cells, padding dropped, then the seven value columns of the header
    ['一、本年新收', ['一、本年新收政府信息公开申请数量', '20', '3', '0', '0', '1', '1', '25']],
    // the rowspan'd group labels appear on their first row only
    ['三、本年度办理结果', ['三、本年度办理结果', '（一）予以公开', '8', '1', '0', '0', '0', '0', '9']],
    ['（三）不予公开', ['（三）不予公开', '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0']],
    // "禁<br>止公开" inside a cell is one label
    ['2.其他法律', ['2.其他法律行政法规禁止公开', '0', '0', '0', '0', '0', '0', '0']],
    ['（四）无法提供', ['（四）无法提供', '1.本机关不掌握相关政府信息', '6', '2', '0', '0', '0', '1', '9']],
    ['3.其他', ['3.其他', '0', '0', '0', '0', '0', '0', '0']],
    ['（七）总计', ['（七）总计', '19', '3', '0', '0', '0', '1', '23']],
    ['四、结转下年度', ['四、结转下年度继续办理', '2', '0', '0', '0', '1', '0', '3']],
    // table 四: header cells spanning two rows leave the second row's first five positions empty
    ['\t\t\t\t\t结果维持', ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']],
    ['2\t1\t0', ['2', '1', '0', '0', '3', '1', '0', '0', '1', '2', '0', '0', '0', '0', '0']],
  ])('table row %j', (start, cells) => {
    const i = lineOf(start);
    expect(i).toBeGreaterThan(0);
    expect(word.lines[i].split('\t')).toEqual(cells);
  });

  test('every table row is cited at its <tr> in the page source', () => {
    const src = WORD.split(/\r\n|\r|\n/);
    for (const start of ['一、本年新收', '2.其他法律', '2\t1\t0']) {
      const i = lineOf(start);
      expect(src[word.sourceLine[i] - 1]).toMatch(/^\s*<tr\b/);
    }
    expect(word.sourceLine[lineOf('一、本年新收')]).toBe(252);
  });

  test('empty paragraphs (<o:p>&nbsp;</o:p>) give no lines; the signature block ends the page', () => {
    expect(word.lines.every((l) => l.trim() !== '')).toBe(true);
    expect(word.lines.slice(-2)).toEqual(['温州市龙湾区人民政府', '2022年1月25日']);
  });

  test('one line per table row, sourceLine has one entry per line', () => {
    expect(word.sourceLine).toHaveLength(word.lines.length);
    expect(word.lines.filter((l) => l.includes('\t'))).toHaveLength(14 + 28 + 4);
  });
});

describe('htmlToLines: spans, nesting, blocks', () => {
  test('a value cell spanning two rows is not repeated; cells after it stay in their columns', () => {
    const html = `<table>
<tr><td>甲</td><td rowspan="2">5</td><td>1</td></tr>
<tr><td>乙</td><td>2</td></tr>
<tr><td>丙</td><td>3</td><td>4</td></tr>
</table>`;
    expect(htmlToLines(html).lines).toEqual(['甲\t5\t1', '乙\t\t2', '丙\t3\t4']);
  });

  test('a <caption> is a line before the rows; <thead>/<tbody>/<th> rows are rows', () => {
    const html = '<table><caption>表四 行政复议</caption><thead><tr><th>结果维持</th><th>总计</th></tr></thead><tbody><tr><td>1</td><td>1</td></tr></tbody></table>';
    expect(htmlToLines(html).lines).toEqual(['表四行政复议', '结果维持\t总计', '1\t1']);
  });

  test('a rowspan in the last column pads the rows it covers', () => {
    const html = '<table><tr><td>a</td><td rowspan=3>合计</td></tr><tr><td>b</td></tr><tr><td>c</td></tr></table>';
    expect(htmlToLines(html).lines).toEqual(['a\t合计', 'b\t', 'c\t']);
  });

  test('a layout table around the content is read as blocks, its inner data table as rows', () => {
    const html = `<table><tr><td><p>标题</p><table><tr><td>规章</td><td>0</td></tr></table><p>正文</p></td></tr></table>`;
    expect(htmlToLines(html).lines).toEqual(['标题', '规章\t0', '正文']);
  });

  test('<br> splits paragraphs; lists, headings and divs are lines; <pre> keeps its lines', () => {
    const html = '<h1>一、总体情况</h1><div>第一段<br>第二段</div><ul><li>甲</li><li>乙</li></ul><pre>a\tb\nc</pre>';
    expect(htmlToLines(html).lines).toEqual(['一、总体情况', '第一段', '第二段', '甲', '乙', 'a b', 'c']);
  });

  test('entities and non-breaking spaces; tabs inside a cell never split it', () => {
    expect(htmlToLines('<table><tr><td>总&nbsp;&nbsp;计</td><td>A&amp;B\tC</td></tr></table>').lines).toEqual(['总 计\tA&B C']);
  });

  test('source lines of text blocks', () => {
    const r = htmlToLines('<html>\n<body>\n<p>\n甲\n</p>\n\n<p>乙</p>\n</body></html>');
    expect(r.lines).toEqual(['甲', '乙']);
    expect(r.sourceLine).toEqual([3, 7]);
  });
});

describe('cleanInline', () => {
  test.each([
    ['申请人情\r\n况', '申请人情况'],
    ['  温州市 鹿城区 2020 年  ', '温州市鹿城区 2020 年'],
    ['总\u00a0\u00a0计', '总 计'],
    ['主办：温州市统计局\u3000承办：办公室', '主办：温州市统计局\u3000承办：办公室'],
    ['Word  text\n here', 'Word text here'],
  ])('%j → %j', (input, out) => expect(cleanInline(input)).toBe(out));
});

describe('looksLikeHtml (by content)', () => {
  test.each([
    ['<!DOCTYPE html><html><body><p>甲</p></body></html>', true],
    [WORD.slice(0, 3000), true],
    ['<p>甲</p>\n<p>乙</p>\n<table><tr><td>1</td></tr></table>', true],
    ['温州市统计局\n报告电子版可在门户网站（<http://wztjj.wenzhou.gov.cn/>）下载。', false],
    ['# 温州市政务服务中心\n\n## 2020 年度报告', false],
  ])('%#', (text, html) => expect(looksLikeHtml(text)).toBe(html));
});
