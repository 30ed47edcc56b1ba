/**
 * Report variants the seed corpus does not have (OCR zeros, cells lost by a converter, "（1）" ordinals,
 * units in cells, CMS HTML with <th>/<p><span>/&nbsp;, notice titles, narrative reports with figures
 * that are not the year's): every figure a careful reader takes, and none that a careful reader would not.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { processFile } from '../../src/ingest/process-file.ts';
import { parseTitle } from '../../src/ingest/identity/title.ts';
import type { ParsedReport } from '../../src/ingest/model.ts';
import { docOf, indexFigures } from './tables-helpers.ts';
import { readIdentity } from '../../src/ingest/identity/identity.ts';
import { extractProseFigures } from '../../src/ingest/prose/prose.ts';
import { readRow } from '../../src/ingest/tables/fused.ts';
import { scanRegion } from '../../src/ingest/tables/cells.ts';
import { parseTables } from '../../src/ingest/tables/tables.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function parse(name: string): ParsedReport {
  const path = `test/fixtures/variants/${name}`;
  const r = processFile(path, readFileSync(ROOT + path));
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}

const T3_ROWS = [
  'requests.new', 'requests.carried_over', 'requests.result.disclosed', 'requests.result.partial',
  'requests.result.withheld.state_secret', 'requests.result.withheld.law_prohibited',
  'requests.result.withheld.three_safety', 'requests.result.withheld.third_party',
  'requests.result.withheld.internal_affairs', 'requests.result.withheld.process_info',
  'requests.result.withheld.enforcement_file', 'requests.result.withheld.inquiry',
  'requests.result.unavailable.not_held', 'requests.result.unavailable.needs_creation',
  'requests.result.unavailable.unclear', 'requests.result.not_processed.petition',
  'requests.result.not_processed.repeated', 'requests.result.not_processed.publication',
  'requests.result.not_processed.mass_repeated', 'requests.result.not_processed.confirmation',
  'requests.result.other_handling.no_correction', 'requests.result.other_handling.no_fee',
  'requests.result.other_handling.other', 'requests.result.total', 'requests.carried_forward',
];
const Z = '0 0 0 0 0 0 0';
/** A small county table (2021 format), row by row in T3_ROWS order. */
const SMALL = [
  '12 3 0 0 0 1 16', '1 0 0 0 0 0 1', '6 2 0 0 0 0 8', '1 0 0 0 0 0 1',
  Z, Z, Z, '1 0 0 0 0 0 1', Z, Z, Z, Z,
  '3 1 0 0 0 1 5', Z, '1 0 0 0 0 0 1',
  Z, Z, Z, Z, Z, Z, Z, Z,
  '12 3 0 0 0 1 16', '1 0 0 0 0 0 1',
];
/** A city table (2021 format). */
const CITY = [
  '3001 53 0 0 61 4 3119', '34 0 0 0 0 0 34', '1288 21 0 0 50 3 1362', '447 7 0 0 0 0 454',
  '2 0 0 0 0 0 2', '30 1 0 0 0 0 31', '5 0 0 0 0 0 5', '6 0 0 0 0 0 6', '7 1 0 0 0 0 8', '12 0 0 0 0 0 12',
  '9 0 0 0 0 0 9', '105 0 0 0 0 0 105', '746 12 0 0 10 1 769', '11 0 0 0 0 0 11', '1 0 0 0 0 0 1',
  '56 6 0 0 0 0 62', '25 0 0 0 0 0 25', Z, Z, '1 0 0 0 0 0 1',
  '67 3 0 0 1 0 71', '6 0 0 0 0 0 6', '108 2 0 0 0 0 110', '2932 53 0 0 61 4 3050', '103 0 0 0 0 0 103',
];

describe.each([
  // "O"/"o" for 0 in every cell (table 三 and 四): read as 0, never as a fused split of the other digits.
  ['2021-ocr-letter-o.txt', SMALL, '0 0 0 0 0 1 0 0 0 1 0 0 0 0 0'],
  // Sub-rows numbered "（1）" … "（3）其他": the ordinal is label text, and "（3）其他" is 其他处理's third row.
  ['2021-paren-ordinals.txt', SMALL, '0 0 0 0 0 1 0 0 0 1 0 0 0 0 0'],
  // Every cell printed with its unit ("12件"), table 四 too.
  ['2021-units-in-cells.txt', SMALL, '0 0 0 0 0 1 0 0 0 1 0 0 0 0 0'],
  // A CMS page: <th> headers, colspan/rowspan, values in <p><span>, nested in a layout table.
  ['2021-cms-th-span.html', CITY, '7 8 4 4 23 9 1 1 2 13 1 1 1 2 5'],
])('%s', (name, table3, table4) => {
  const report = parse(name);
  const ix = indexFigures(report.figures.filter((f) => f.origin === 'table'));
  test('format 2021, no warnings', () => {
    expect(report.format).toBe('2021');
    expect(report.warnings.map((w) => w.code)).toEqual([]);
  });
  test.each(T3_ROWS.map((metric, i) => [metric, table3[i]]))('table 三 %s = %s', (metric, row) => {
    expect(ix.row(metric)).toBe(row);
  });
  test('table 四', () => expect(ix.table4()).toBe(table4));
});

describe('a row whose empty cells the converter dropped is not guessed', () => {
  // "12 3 1 16" is 12 3 0 0 0 1 16 with the three zeros lost; its digits must not be split into
  // 1·2·3·1·1·6 with a "recovered" 总计 14.
  const report = parse('2021-dropped-zero-cells.txt');
  const ix = indexFigures(report.figures.filter((f) => f.origin === 'table'));
  test.each([
    ['requests.new', '12 3 1 16'],
    ['requests.result.disclosed', '6 2 8'],
    ['requests.result.unavailable.not_held', '3 1 1 5'],
    ['requests.result.total', '12 3 1 16'],
  ])('%s (printed “%s”) is undecided with a warning', (metric, printed) => {
    expect(ix.row(metric)).toBe('? ? ? ? ? ? ?');
    const w = report.warnings.find((x) => x.metric === metric);
    expect(w?.code).toBe('table.row_unreadable');
    expect(w?.message).toContain(`“${printed}”`);
  });
  test('no table 三 cell is stored as a number', () => {
    expect(report.figures.filter((f) => f.applicant !== null && f.cell === 'number')).toEqual([]);
  });
  test('table 四, printed whole, is still read', () => expect(ix.table4()).toBe('0 0 0 0 0 1 0 0 0 1 0 0 0 0 0'));
});

describe('readRow: separated numbers are not split to fill lost cells', () => {
  const tokens = (s: string) => scanRegion(docOf(s), 0, 1).tokens;
  const SUM = [{ parts: [0, 1, 2, 3, 4, 5], total: 6 }];
  test.each([
    ['予以公开 12 3 1 16', 0],
    ['予以公开 6 2 8', 0],
    // One cell lost from separated numbers: still recovered by the row sum.
    ['予以公开 12 3 0 0 1 16', 5],
    // A row squeezed into one run that lost a cell: its run may still split (all zeros here).
    ['予以公开 000000', 1],
  ])('%s → %i readings', (row, n) => expect(readRow(tokens(row), 7, SUM).readings).toHaveLength(n));
  test('OCR zeros become digits: "12 3 O o 〇 1 16"', () => {
    expect(tokens('予以公开 12 3 O o 〇 1 16').map((t) => t.value)).toEqual([12, 3, 0, 0, 0, 1, 16]);
    expect(tokens('总计 3o5o').map((t) => t.value)).toEqual([3050]);
  });
  test('Latin words are not numbers', () => expect(tokens('通过APP公开 OK Word 0').map((t) => t.value)).toEqual([0]));
});

describe('titles of notices and titles broken over lines', () => {
  test.each([
    ['关于印发温州市瓯海区娄桥街道办事处2023年政府信息公开工作年度报告的通知', '温州市瓯海区娄桥街道办事处', 2023],
    ['温州市人民政府办公室关于印发温州市2022年政府信息公开工作年度报告的通知', '温州市', 2022],
    ['温州市瓯海区人民政府关于公布《温州市瓯海区2022年政府信息公开工作年度报告》的通知', '温州市瓯海区', 2022],
    ['人民政府2023年政府信息公开工作年度报告', null, 2023],
    ['温州市瓯海区人民政府办公室2023年政府信息公开工作年度报告', '温州市瓯海区人民政府办公室', 2023],
  ])('%s', (title, agency, year) => {
    expect(parseTitle(title)).toMatchObject({ agency, year, isReportTitle: true });
  });
  const BODY = '\n本报告根据《条例》编制。报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n略。\n';
  test.each([
    ['温州市瓯海区\n人民政府2023年政府信息\n公开工作年度报告' + BODY, '温州市瓯海区人民政府'],
    ['温州市人民政府办公室关于印发温州市2023年政府信息公开工作年度报告的通知' + BODY, '温州市人民政府'],
    ['温州市鹿城区五马街道2023年政府信息公开工作年度报告' + BODY, '温州市鹿城区五马街道办事处'],
  ])('report %#: %s', (text, agency) => {
    const r = readIdentity(docOf(text));
    expect(r.ok && [r.value.agency.name, r.value.year]).toEqual([agency, 2023]);
  });
});

describe('narrative reports: figures that are not the year’s are not taken', () => {
  test('a running total since some date is not the year’s 主动公开 (the year’s, later, is)', () => {
    const r = parse('narrative-2016-cumulative.txt');
    const prose = Object.fromEntries(r.figures.map((f) => [f.metric, f.value]));
    expect([r.agency.name, r.year, r.format]).toEqual(['永嘉县人民政府', 2016, 'narrative']);
    expect(prose).toEqual({
      'proactive.total': 3256,
      'proactive.website': 2890,
      'proactive.weibo': 366,
      'requests.accepted': 45,
      'requests.result.partial': 5,
      'requests.result.withheld': 3,
      'review.total': 0,
      'litigation.total': 0,
    });
  });
  test('a 司法局’s own 行政复议申请 and 代理行政诉讼 are not disclosure figures', () => {
    const r = parse('narrative-2016-other-cases.txt');
    expect(Object.fromEntries(r.figures.map((f) => [f.metric, f.value]))).toEqual({
      'proactive.website': 208,
      'requests.accepted': 2,
      'requests.closed': 2,
    });
  });
  const prose = (text: string) =>
    Object.fromEntries(extractProseFigures(docOf(text), 'narrative').figures.map((f) => [f.metric, f.value]));
  test.each([
    ['截至2016年底，累计主动公开政府信息12万余条。', {}],
    ['区政府门户网站开通以来共发布政府信息5万余条。', {}],
    ['全年累计主动公开政府信息3256条。', { 'proactive.total': 3256 }],
    ['截至12月31日，共主动公开政府信息3256条。', { 'proactive.total': 3256 }],
    ['我区行政复议机关共办理行政复议案件86件。', {}],
    ['收到行政复议申请36件，行政许可申请1200件。', {}],
    ['共收到政府信息公开申请26件，办结26件。', { 'requests.new': 26, 'requests.closed': 26 }],
    ['因政府信息公开申请引发行政复议2件，行政诉讼1件。', { 'review.total': 2, 'litigation.total': 1 }],
    ['本年度无因政府信息公开引发的行政复议、行政诉讼。', { 'review.total': 0, 'litigation.total': 0 }],
    ['市政府门户网站全年发布信息2.3万余条。', { 'proactive.website': 23000 }],
    // One kind of information is not the total, nor the website's count; the statement after it is.
    ['在政府网站上主动公开财政预决算信息12条。全年通过政府网站公开政府信息2890条。', { 'proactive.website': 2890 }],
    ['主动公开人事任免信息15条，全年主动公开政府信息3256条。', { 'proactive.total': 3256 }],
    ['全年主动公开规划计划类信息36条。', {}],
    ['市政府网站主动公开各类政府信息5500余条。', { 'proactive.website': 5500 }],
    ['今年以来累计主动公开政府信息3256条。', { 'proactive.total': 3256 }],
    ['共收到来信来访申请12件。', {}],
    ['共接到政府信息公开申请8件。', { 'requests.new': 8 }],
    ['本年度，我镇未收到政府信息公开申请。', { 'requests.new': 0 }],
    ['全年无依申请公开事项，未发生行政复议案件。', { 'requests.new': 0, 'review.total': 0 }],
    ['未收到政府信息公开申请的答复。', {}],
  ])('%s', (text, want) => expect(prose(text)).toEqual(want));
  test('under a 行政复议 section heading, 办理 is the disclosure cases', () => {
    expect(prose('五、因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度共办理行政复议案件1件。')).toEqual({ 'review.total': 1 });
  });
});

describe('real layouts damaged the way OCR and web copies damage them read the same as the clean text', () => {
  const REAL_FILES = ['huaian_hongze_2023.layout', 'huaian_shi_2024.layout', 'huaian_hongze_2023.raw', 'huaian_shi_2024.raw'];
  const DAMAGE: [string, (t: string) => string][] = [
    // A lone 0 cell printed as the letter O (pdftotext of a scanned table).
    ['0 as O', (t) => t.split('\n').map((l) => (/^[\s\d]+$/u.test(l) || /\d\s+\d/u.test(l) ? l.replace(/(?<=^|\s)0(?=\s|$)/gu, 'O') : l)).join('\n')],
    ['full-width digits', (t) => t.replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)))],
    ['CRLF and non-breaking spaces', (t) => t.replace(/ {2,}/gu, (s) => '\u00a0'.repeat(s.length)).replace(/\n/gu, '\r\n')],
  ];
  const figuresOf = (text: string) => {
    const r = processFile('x.txt', Buffer.from(text));
    if (!r.ok) throw new Error(r.error.message);
    return r.report.figures.map((f) => `${f.metric}|${f.applicant}|${f.origin}|${f.cell}|${f.value}`).sort();
  };
  test.each(REAL_FILES.flatMap((f) => DAMAGE.map(([d, fn]) => [f, d, fn] as const)))('%s, %s', (file, _d, damage) => {
    const clean = readFileSync(`${ROOT}test/fixtures/pdftotext/${file}.txt`, 'utf8');
    expect(damage(clean)).not.toBe(clean);
    expect(figuresOf(damage(clean))).toEqual(figuresOf(clean));
  });
});

describe('table 四 under a row of column numbers "1 … 15"', () => {
  const T4 = (values: string) =>
    [
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议\t\t\t\t\t行政诉讼',
      '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
      Array.from({ length: 15 }, (_, i) => i + 1).join('\t'),
      values.replace(/ /gu, '\t'),
      '五、存在的主要问题及改进情况',
    ].join('\n');
  test.each(['7 8 4 4 23 9 1 1 2 13 1 1 1 2 5', '0 0 0 0 0 1 0 0 0 1 0 0 0 0 0'])('%s', (values) => {
    const { figures, warnings } = parseTables(docOf(T4(values)), '2021');
    expect(indexFigures(figures).table4()).toBe(values);
    expect(warnings).toEqual([]);
  });
});

describe('a CMS page whose sidebar links to other agencies’ reports', () => {
  const page = readFileSync(`${ROOT}test/fixtures/variants/2021-cms-th-span.html`, 'utf8');
  const SIDEBAR = `<div class="left"><h3>年度报告</h3><ul>
<li><a href="/a.html">温州市瓯海区财政局2023年政府信息公开工作年度报告</a></li>
<li><a href="/c.html">温州市瓯海区教育局2021年政府信息公开工作年度报告</a></li></ul></div>`;
  test.each([
    ['a sidebar before the article', page.replace('<div class="article">', `${SIDEBAR}<div class="article">`)],
    ['上一篇/下一篇 links', page.replace('<div class="article">', '<div>上一篇：<a href="/p.html">温州市瓯海区财政局2023年政府信息公开工作年度报告</a></div><div class="article">')],
  ])('%s: the page’s own agency and year', (_name, html) => {
    expect(html).not.toBe(page);
    const r = processFile('page.html', Buffer.from(html));
    expect(r.ok && [r.report.agency.name, r.report.year, r.report.figures.length]).toEqual(['温州市瓯海区人民政府', 2022, 200]);
  });
});
