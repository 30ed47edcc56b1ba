import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildDocument, splitLines } from '../../src/ingest/text/document.ts';
import { extractProseFigures } from '../../src/ingest/prose/prose.ts';
import { parseProseNumber } from '../../src/ingest/prose/number.ts';
import { isTableLine } from '../../src/ingest/prose/join.ts';
import type { Figure } from '../../src/ingest/model.ts';

const prose = (text: string): Figure[] => extractProseFigures(buildDocument(splitLines(text)), 'narrative').figures;
const brief = (f: Figure) => [f.metric, f.value, f.approximate, f.source.line] as const;
const seed = (name: string) => readFileSync(new URL(`../../data/reports/${name}`, import.meta.url), 'utf8');

describe('prose rules on single sentences', () => {
  test.each([
    ['共主动公开信息 1000 余条。', [['proactive.total', 1000, true]]],
    ['我局通过局网、微信公众号等途径主动公开各类政府信息 620 余条', [['proactive.total', 620, true]]],
    ['全年新收政府信息公开申请14件，办结14件。', [['requests.new', 14, false], ['requests.closed', 14, false]]],
    ['2020 年，市经信局共收到依申请公开 4 件，均及时予以答复。', [['requests.new', 4, false]]],
    ['2020年共收到依申请公开7件，涉及产权交易等领域。涉及行政复议4件，均已按时规范答复。', [['requests.new', 7, false], ['review.total', 4, false]]],
    ['我局收到依申请公开件 5 件，及时同申请人沟通对接。', [['requests.new', 5, false]]],
    ['行政复议件 23 件，被纠正 8件；诉讼件 18 件，被纠正 2件。', [['review.total', 23, false], ['review.corrected', 8, false], ['litigation.total', 18, false], ['litigation.corrected', 2, false]]],
    ['门户网站主动公开政府信息共计 1,234 条。', [['proactive.website', 1234, false]]],
    ['政务微博公开政府信息 3 条，微信公开政府信息 148 条。', [['proactive.weibo', 3, false], ['proactive.wechat', 148, false]]],
    ['“掌上鹿城”APP 发布 1.2万余条', [['proactive.app', 12000, true]]],
    ['主动公开政府信息约 300 条', [['proactive.total', 300, true]]],
    ['主动公开信息超过 800 条', [['proactive.total', 800, true]]],
    ['市政府公报公开信息 12 条，在各级媒体发布信息 83 条', [['proactive.gazette', 12, false], ['proactive.media', 83, false]]],
    // The sentence's subject is the website: 47 is not the agency's total (seed 003 line 23).
    ['我局网站更新政务动态信息 525 条，主动公开政府信息 47 条。', [['proactive.website.news', 525, false]]],
    ['通过门户网站、微信等渠道共主动公开信息 900 条。', [['proactive.total', 900, false]]],
  ] as const)('%s', (text, expected) => {
    expect(prose(text).map((f) => [f.metric, f.value, f.approximate])).toEqual(expected);
  });
});

describe('what prose does not claim', () => {
  test.each([
    ['phone numbers and post codes', '电话：0577-88967066，邮编：325000，传真：88152700。'],
    ['dates and periods', '统计期限自 2020 年 1 月 1 日起至 2020 年 12 月 31 日止。'],
    ['counts of units', '本报告由区人民政府办公室汇总区政府 28 个部门和 14 个街镇政府信息公开年度报告编制而成。'],
    ['percentages', '政务服务事项网上办实现率 99.47%，信息公开率达100%。'],
    ['books printed', '发放惠企政策、产业政策汇编 10000 册。'],
    ['readership', '平均单条阅读量均达到 1000 以上，“温州统计”公众号订阅数达 3867，累计阅读量超 3.3 万人次。'],
    ['articles, not items', '在人民网等媒体发布展现温州民营经济题材文章近 20 篇。'],
    ['a table row', '一、本年新收政府信息公开申请数量 198 6 0 0 1 3 208'],
    ['fused table digits', '一、本年新收政府信息公开申请数量19860013208'],
    ['a denial of something else', '今年以来未发生任何泄密事件。'],
    ['a heading that names cases', '四、因政府信息公开申请行政复议、提起行政诉讼的情况'],
  ])('%s', (_name, text) => {
    expect(prose(text).map(brief)).toEqual([]);
  });

  test.each([
    ['全年共收到政府信息公开申请 223 件（含上年结转 15 件）。', [['requests.accepted', 223, false, 1], ['requests.carried_over', 15, false, 1]]],
    ['全年共受理申请 223 件。', [['requests.accepted', 223, false, 1]]],
    ['2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。', [['requests.accepted', 21, false, 1]]],
  ])('received or accepted, which may include carried-over requests, is not requests.new: %s', (text, expected) => {
    expect(prose(text).map(brief)).toEqual(expected);
  });
});

describe('sentences broken across lines', () => {
  test('the figure cites the line where its number is printed', () => {
    const text = '2020 年门户网站主动公开政府信息共\n\n计 509 条，其中概况类信息 26 条、政务动态类信息 360 条、\n\n信息公开目录信息 123 条。';
    expect(prose(text).map(brief)).toEqual([
      ['proactive.website', 509, false, 3],
      ['proactive.website.overview', 26, false, 3],
      ['proactive.website.news', 360, false, 3],
      ['proactive.website.catalogue', 123, false, 5],
    ]);
  });

  test('a page number between two sentences is not part of them', () => {
    const text = '方面的问题和建议。\n\n6\n\n二、主动公开政府信息情况\n\n共主动公开信\n\n息 1000 余条。';
    expect(prose(text).map(brief)).toEqual([['proactive.total', 1000, true, 9]]);
  });

  test('quote is the verbatim line and section is the heading above it', () => {
    const [f] = prose('三、收到和处理政府信息公开申请情况\n\n2020 年，市经信局共收到依申请公开 4 件，均及时予以\n\n答复。');
    expect(f.source).toEqual({ line: 3, section: '三、收到和处理政府信息公开申请情况', quote: '2020 年，市经信局共收到依申请公开 4 件，均及时予以' });
    expect(f).toMatchObject({ origin: 'prose', applicant: 'total', unit: '件', raw: '4', cell: 'number' });
  });
});

describe('denials state zero', () => {
  test.each([
    ['2020 年度未发生针对本部门有关政府信息公开事务的行\n\n政复议案、行政诉讼案和有关的申诉案。', '未发生', ['review.total', 'litigation.total']],
    ['无因信息公开申请提起的行政复议和行政诉讼案件。', '无', ['review.total', 'litigation.total']],
    ['2018年，我局未发生与本单位有关政府信息公开工作方面的行政复议和诉讼案件。', '未发生', ['review.total', 'litigation.total']],
    ['本年度未发生因政府信息公开引起的行政复议案件。', '未发生', ['review.total']],
  ])('%s', (text, raw, metrics) => {
    const figures = prose(text);
    expect(figures.map((f) => f.metric)).toEqual(metrics);
    for (const f of figures) expect(f).toMatchObject({ value: 0, raw, cell: 'number', source: { line: 1 } });
  });
});

describe('the seed reports', () => {
  test.each([
    ['000_3035c731dff6020a.txt', [
      ['proactive.website', 509, false, 49], ['proactive.website.overview', 26, false, 49], ['proactive.website.news', 360, false, 49],
      ['proactive.website.catalogue', 123, false, 51], ['proactive.total', 1000, true, 148], ['requests.new', 4, false, 151],
      ['review.total', 0, false, 156], ['litigation.total', 0, false, 156],
    ]],
    ['001_0057fa3dafb4cac1.txt', [
      ['requests.new', 14, false, 19], ['requests.closed', 14, false, 19], ['proactive.total', 1110, false, 23],
      ['proactive.website', 904, false, 23], ['proactive.wechat', 111, false, 23], ['proactive.gazette', 12, false, 25],
      ['proactive.media', 83, false, 25], ['proactive.website.overview', 19, false, 25], ['proactive.website.news', 427, false, 25],
      ['proactive.website.catalogue', 37, false, 25],
    ]],
    ['002_ebc6c56e4ff49493.txt', [
      ['proactive.website', 11000, true, 53], ['proactive.wechat', 1900, true, 55], ['proactive.weibo', 1170, true, 55],
      ['proactive.douyin', 330, true, 55], ['proactive.app', 14500, true, 57], ['requests.new', 208, false, 169],
      ['requests.closed', 216, false, 171], ['requests.carried_over', 15, false, 171], ['requests.carried_forward', 7, false, 171],
      ['requests.result.disclosed', 85, false, 173], ['requests.result.partial', 42, false, 173], ['requests.result.withheld', 5, false, 173],
      ['requests.result.unavailable', 83, false, 175], ['requests.result.not_processed', 1, false, 175],
      ['review.total', 23, false, 177], ['review.corrected', 8, false, 177], ['litigation.total', 18, false, 177], ['litigation.corrected', 2, false, 177],
    ]],
    ['004_8d900a062941073b.txt', [
      ['proactive.total', 620, true, 13], ['requests.new', 5, false, 15], ['review.total', 0, false, 15], ['litigation.total', 0, false, 15],
    ]],
  ] as const)('%s', (name, expected) => {
    const text = seed(name);
    const figures = prose(text);
    expect(figures.map(brief)).toEqual(expected);
    const lines = splitLines(text);
    for (const f of figures) expect(f.source.quote).toBe(lines[f.source.line - 1]);
  });

  test('003: the figures the report states (网站 and 微博/微信 counts, requests, 复议)', () => {
    const got = prose(seed('003_9ca5b3fc5e07fc94.txt')).map(brief);
    expect(got).toEqual(expect.arrayContaining([
      ['requests.new', 7, false, 17], ['review.total', 4, false, 17], ['proactive.weibo', 3, false, 23], ['proactive.wechat', 148, false, 23],
    ]));
    // Each metric once: the first statement is cited.
    expect(new Set(got.map((g) => g[0])).size).toBe(got.length);
  });
});

describe('real PDF extractions (淮安)', () => {
  const real = (name: string) => prose(readFileSync(new URL(`../fixtures/pdftotext/${name}`, import.meta.url), 'utf8'));

  test('市政府 2024: outcomes of 复议 and 诉讼 stated in a sentence broken over lines', () => {
    const got = real('huaian_shi_2024.raw.txt').map(brief);
    expect(got).toEqual(expect.arrayContaining([
      ['review.total', 351, false, 32], ['review.upheld', 72, false, 33], ['review.corrected', 64, false, 33],
      ['review.other', 178, false, 33], ['review.pending', 37, false, 34],
      ['litigation.total', 46, false, 34], ['litigation.upheld', 25, false, 34], ['litigation.corrected', 5, false, 35],
      ['litigation.other', 9, false, 35], ['litigation.pending', 7, false, 35],
      ['proactive.website', 5500, true, 17], ['requests.accepted', 3119, false, 30], ['requests.carried_over', 34, false, 31],
    ]));
    expect(got.map((g) => g[0])).not.toContain('requests.new');
  });

  test.each([
    ['huaian_hongze_2023.raw.txt', [['proactive.website', 1136, false, 18], ['requests.accepted', 21, false, 20]]],
    ['huaian_hongze_2023.layout.txt', [['proactive.website', 1136, false, 19], ['requests.accepted', 21, false, 21]]],
    ['huaian_hongze_2024.raw.txt', [['proactive.website', 2428, false, 18], ['requests.accepted', 17, false, 24]]],
  ])('%s', (name, expected) => {
    expect(real(name).map(brief)).toEqual(expected);
  });
});

describe('numbers and table lines', () => {
  test.each([
    ['1,234', 1234, false], ['1000余', 1000, true], ['近20', 20, true], ['约 300', 300, true],
    ['1.2万', 12000, false], ['3.5万多', 35000, true], ['超过800', 800, true], ['12', 12, false],
  ] as const)('%s', (raw, value, approximate) => {
    expect(parseProseNumber(raw)).toEqual({ value, approximate });
  });
  test.each([
    ['一、本年新收政府信息公开申请数量 198 6 0 0 1 3 208', true],
    ['规章 - - -', true],
    ['7 8 4 4 23 9 1 1 2 13 1 1 1 2 5', true],
    ['统计指标\t单位\t统计数', true],
    ['| 规章 | 0 | 0 |', true],
    ['自 2020 年 1 月 1 日至 12 月 31 日，报告的电子版', false],
    ['本报告由区人民政府办公室汇总区政府 28 个部门和 14', false],
  ] as const)('isTableLine(%s) = %s', (line, expected) => {
    expect(isTableLine(line)).toBe(expected);
  });
});
