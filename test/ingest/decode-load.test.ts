import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { loadReport } from '../../src/ingest/text/load.ts';
import { readIdentity } from '../../src/ingest/identity/identity.ts';

const bytes = (rel: string): Buffer => readFileSync(new URL(rel, import.meta.url));
const SEED_002 = bytes('../../data/reports/002_ebc6c56e4ff49493.txt');
const WORD = bytes('../fixtures/html/word-2021-longwan.html');

describe('loadReport', () => {
  test('a UTF-8 text seed: one document line per file line, cited 1:1', () => {
    const r = loadReport(SEED_002, '002.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r).toMatchObject({ kind: 'text', encoding: 'utf-8' });
    const date = r.doc.lines.indexOf('2021 年 2 月 20 日');
    expect(r.doc.sourceLine[date]).toBe(616);
    expect(r.doc.lines[0]).toBe(' 温州市鹿城区人民政府 2020 年政府信息');
    expect(r.doc.sourceLine.slice(0, 3)).toEqual([1, 2, 3]);
  });

  test('the same seed as GBK gives the same document', () => {
    const a = loadReport(SEED_002, 'a.txt');
    const b = loadReport(iconv.encode(SEED_002.toString('utf8'), 'gbk'), 'b.txt');
    expect(b.ok && b.encoding).toBe('gb18030');
    expect(b.ok && b.doc.lines).toEqual(a.ok && a.doc.lines);
  });

  test('Word HTML (CRLF, file named .txt): detected by content; lines cite the page source; identity reads it', () => {
    const r = loadReport(WORD, 'longwan.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.kind).toBe('html');
    const i = r.doc.lines.findIndex((l) => l.startsWith('一、本年新收'));
    expect(r.doc.sourceLine[i]).toBe(252);
    expect(r.doc.section[i]).toBe('三、收到和处理政府信息公开申请情况');
    const id = readIdentity(r.doc);
    expect(id.ok && id.value).toEqual({
      agency: { name: '温州市龙湾区人民政府', province: '浙江省', city: '温州市', county: '龙湾区', divisionCode: '330303', line: 30 },
      year: 2021,
      title: '龙湾区人民政府2021年政府信息公开工作年度报告',
      website: 'http://www.longwan.gov.cn/',
      published: '2022-01-25',
    });
  });

  test('the Word HTML saved as GB2312 decodes to the same lines', () => {
    const utf8 = loadReport(WORD, 'a.htm');
    const gbk = loadReport(iconv.encode(WORD.toString('utf8').replace('charset=utf-8', 'charset=gb2312'), 'gbk'), 'b.htm');
    expect(gbk.ok && gbk.encoding).toBe('gb18030');
    expect(gbk.ok && gbk.doc.lines).toEqual(utf8.ok && utf8.doc.lines);
  });

  test('a CMS page (navigation, breadcrumb, footer): identity from <h1>, date from "发布时间", tables as rows', () => {
    const page = bytes('../fixtures/html/cms-2019-tongji.html');
    const r = loadReport(page, 'nb.html');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.lines).not.toContain('var _hmt = _hmt || []; document.title = "统计局";');
    expect(r.doc.lines).toContain('当前位置：首页 > 政府信息公开 > 政府信息公开年报');
    expect(r.doc.lines).toContain('政府集中采购\t3\t394432.52元');
    expect(r.doc.lines).toContain('主办：温州市统计局\u3000承办：温州市统计局办公室');
    const id = readIdentity(r.doc);
    expect(id.ok && id.value).toEqual({
      agency: { name: '温州市统计局', province: '浙江省', city: '温州市', county: null, divisionCode: '330300', line: 19 },
      year: 2020,
      title: '温州市统计局2020年政府信息公开工作年度报告',
      website: 'http://wztjj.wenzhou.gov.cn/',
      published: '2021-01-25',
    });
    // The same page served as GBK.
    const gbk = loadReport(iconv.encode(page.toString('utf8').replace('charset="utf-8"', 'charset="gbk"'), 'gbk'), 'nb.html');
    expect(gbk.ok && gbk.doc.lines).toEqual(r.doc.lines);
  });

  test('a page whose body lacks the title takes it from <title>, cited there', () => {
    const html = [
      '<html><head>',
      '<title>温州市统计局2020年政府信息公开工作年度报告_年度报告_温州市人民政府门户网站</title>',
      '</head><body>',
      '<p>一、总体情况</p><p>2020年，我局主动公开信息100条。</p><p>六、其他需要报告的事项</p><p>无。</p>',
      '</body></html>',
    ].join('\n');
    const r = loadReport(Buffer.from(html), 'page.html');
    expect(r.ok && r.doc.lines[0]).toBe('温州市统计局2020年政府信息公开工作年度报告');
    expect(r.ok && r.doc.sourceLine[0]).toBe(2);
    const id = r.ok ? readIdentity(r.doc) : null;
    expect(id?.ok && id.value.agency.name).toBe('温州市统计局');
  });

  test('a GBK, CRLF copy of seed 002 whose title has an OCR misread (鹿域区): loaded, identified, corrected', () => {
    const r = loadReport(bytes('../fixtures/text/lucheng-2020-ocr.gbk.txt'), 'lucheng.txt');
    expect(r.ok && r.encoding).toBe('gb18030');
    expect(r.ok && r.doc.lines[0]).toBe(' 温州市鹿域区人民政府 2020 年政府信息');
    const id = r.ok ? readIdentity(r.doc) : null;
    expect(id?.ok && id.value.agency).toMatchObject({ name: '温州市鹿城区人民政府', county: '鹿城区', divisionCode: '330302' });
    expect(id?.ok && id.value.published).toBe('2021-02-20');
    expect(id?.ok && id.warnings.map((w) => w.message)).toEqual([
      '机构名称“温州市鹿域区人民政府”疑为OCR误识，已按行政区划更正为“温州市鹿城区人民政府”（第1行）',
    ]);
  });

  test.each([
    [Buffer.alloc(0), 'empty'],
    [Buffer.from('%PDF-1.4\n'), 'binary'],
    [Buffer.from('Annual report\nof nothing\n在此\n'), 'not_a_report'],
    [Buffer.from('<html><body><p>hello</p><p>world</p></body></html>'), 'not_a_report'],
  ])('errors as values: %#', (buf, code) => {
    expect(loadReport(buf, 'x.txt')).toMatchObject({ ok: false, error: { code } });
  });
});
