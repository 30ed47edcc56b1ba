/**
 * Second round of report variants: rows printed with their numbers before the label, OCR's misread
 * labels (于以公开) and digits (S for 5, B for 8), and prose that quotes another year's figures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { processFile } from '../../src/ingest/process-file.ts';
import type { ParsedReport } from '../../src/ingest/model.ts';
import { docOf, indexFigures } from './tables-helpers.ts';
import { extractProseFigures } from '../../src/ingest/prose/prose.ts';
import { scanRegion } from '../../src/ingest/tables/cells.ts';

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
/** The city table (2021 format) every fixture here prints, row by row in T3_ROWS order. */
const CITY = [
  '3001 53 0 0 61 4 3119', '34 0 0 0 0 0 34', '1288 21 0 0 50 3 1362', '447 7 0 0 0 0 454',
  '2 0 0 0 0 0 2', '30 1 0 0 0 0 31', '5 0 0 0 0 0 5', '6 0 0 0 0 0 6', '7 1 0 0 0 0 8', '12 0 0 0 0 0 12',
  '9 0 0 0 0 0 9', '105 0 0 0 0 0 105', '746 12 0 0 10 1 769', '11 0 0 0 0 0 11', '1 0 0 0 0 0 1',
  '56 6 0 0 0 0 62', '25 0 0 0 0 0 25', Z, Z, '1 0 0 0 0 0 1',
  '67 3 0 0 1 0 71', '6 0 0 0 0 0 6', '108 2 0 0 0 0 110', '2932 53 0 0 61 4 3050', '103 0 0 0 0 0 103',
];
const T4 = '7 8 4 4 23 9 1 1 2 13 1 1 1 2 5';

describe.each([
  // Each row's seven numbers printed before its label on the same line ("34 0 0 0 0 0 34 二、上年结转…"):
  // read label-first, every row took the next row's numbers.
  ['2021-values-before-labels.txt'],
  // OCR misreads in labels: 于以公开, 不于公开, 不子处理, 国家秘蜜, 木机关.
  ['2021-ocr-misread-labels.txt'],
  // OCR prints 5 as S and 8 as B: "S3" was read as 3, "12BB" as 12, "10S" as 10.
  ['2021-ocr-s-b-digits.txt'],
])('%s', (name) => {
  const report = parse(name);
  const ix = indexFigures(report.figures.filter((f) => f.origin === 'table'));
  test('identity and format, no warnings', () => {
    expect([report.agency.name, report.year, report.format]).toEqual(['温州市瓯海区人民政府', 2022, '2021']);
    expect(report.warnings.map((w) => w.code)).toEqual([]);
  });
  test.each(T3_ROWS.map((metric, i) => [metric, CITY[i]]))('table 三 %s = %s', (metric, row) => {
    expect(ix.row(metric)).toBe(row);
  });
  test('table 四', () => expect(ix.table4()).toBe(T4));
});

describe('OCR letters for digits in table cells', () => {
  const values = (line: string) => scanRegion(docOf(line), 0, 1).tokens.map((t) => t.value);
  test.each([
    ['予以公开 S3 12BB 10S 0', [53, 1288, 105, 0]],
    // A lone S/B cell among number cells (tab-separated) is the digit …
    ['予以公开\tS\t0\tB\t5', [5, 0, 8, 5]],
    // … but not next to a Latin word, and not in space-separated text where it may be a letter.
    ['通过APP\tS\tB', []],
    ['予以公开 S 0 B 5', [0, 5]],
    // A Latin word without digits stays text.
    ['SBS平台 0', [0]],
  ])('%s', (line, want) => expect(values(line)).toEqual(want));
});

describe('prose about another year is not the report’s figure', () => {
  const prose = (text: string, year?: number) =>
    Object.fromEntries(extractProseFigures(docOf(text), 'narrative', year).figures.map((f) => [f.metric, f.value]));
  test.each([
    ['上年度收到申请30件，本年度共收到政府信息公开申请3153件。', undefined, { 'requests.new': 3153 }],
    ['上一年度行政复议9件，维持3件。', undefined, {}],
    ['去年被提起行政诉讼3件。', undefined, {}],
    ['较上年度（收到申请30件）有所下降，本年收到申请20件。', undefined, { 'requests.new': 20 }],
    ['去年未发生行政复议。本年度发生行政复议2件。', undefined, { 'review.total': 2 }],
    // "上年结转" is this year's carried-over count.
    ['上年度结转申请2件，本年新收申请30件。', undefined, { 'requests.new': 30 }],
    ['2021年共收到政府信息公开申请30件。2022年共收到政府信息公开申请120件。', 2022, { 'requests.new': 120 }],
    ['与2021年收到申请30件相比，本年度有所增加。', 2022, {}],
    ['与2021年相比，2022年收到申请120件。', 2022, { 'requests.new': 120 }],
    ['2022年共收到政府信息公开申请120件，较2021年的30件增长300%。', 2022, { 'requests.new': 120 }],
    ['截至2022年12月31日，共收到申请120件。', 2022, { 'requests.new': 120 }],
  ] as [string, number | undefined, Record<string, number>][])('%s', (text, year, want) => expect(prose(text, year)).toEqual(want));

  test('the report’s year reaches the prose rules through processFile', () => {
    const text = '温州市瓯海区人民政府2022年政府信息公开工作年度报告\n\n一、总体情况\n\n2021年共收到政府信息公开申请30件，2022年共收到政府信息公开申请120件。\n';
    const r = processFile('x.txt', Buffer.from(text, 'utf8'));
    expect(r.ok && r.report.figures.map((f) => [f.metric, f.value])).toEqual([['requests.new', 120]]);
  });
});

describe('a file holding two reports, one pasted after the other', () => {
  // A narrative report followed by another agency's 2021-format report: the tables are not the first's.
  const report = parse('two-reports-narrative-then-tables.txt');
  test('the first report only, with a warning naming where the second starts', () => {
    expect([report.agency.name, report.year, report.format]).toEqual(['温州市龙湾区教育局', 2022, 'narrative']);
    expect(report.figures.map((f) => [f.metric, f.value, f.source.line])).toEqual([
      ['requests.new', 5, 5],
      ['review.total', 0, 5],
      ['litigation.total', 0, 5],
    ]);
    expect(report.warnings.map((w) => [w.code, w.line])).toEqual([['file.second_report', 11]]);
  });
  test('a report that names its own title in its body is still one report', () => {
    const text = '温州市瓯海区人民政府2022年政府信息公开工作年度报告\n\n一、总体情况\n\n现发布《温州市瓯海区人民政府2022年政府信息公开工作年度报告》。本年度共收到政府信息公开申请12件。\n';
    const r = processFile('x.txt', Buffer.from(text, 'utf8'));
    expect(r.ok && [r.report.warnings.map((w) => w.code), r.report.figures.map((f) => [f.metric, f.value])]).toEqual([[], [['requests.new', 12]]]);
  });
});

describe('table 二 (2019): 本年增/减 in parentheses, and a row with an unreadable cell', () => {
  // "行政许可 120 (3) 4521": the "(3)" is −3; it used to be text, and the lone "120" was split into 1·2·0.
  // "行政强制 20 [2] 4": "[2]" is no value, so the row is undecided rather than "20" split to fill it.
  const report = parse('2019-table2-paren-negative.txt');
  const get = (metric: string) => {
    const f = report.figures.find((x) => x.metric === metric && x.origin === 'table');
    return f?.cell === 'number' ? f.value : f?.cell;
  };
  test.each([
    ['licensing.prev_items', 120], ['licensing.change', -3], ['licensing.decisions', 4521],
    ['other_services.change', 2], ['penalty.decisions', 86],
    ['coercion.prev_items', 'undecided'], ['coercion.change', 'undecided'], ['coercion.decisions', 'undecided'],
  ] as [string, number | string][])('%s = %s', (metric, want) => expect(get(metric)).toBe(want));
  test('one warning, for 行政强制', () => {
    expect(report.warnings.map((w) => [w.code, w.metric])).toEqual([['table.row_unreadable', 'coercion.prev_items']]);
  });
  test('"(3)" is negative only in a signed column', () => {
    expect(scanRegion(docOf('行政许可\t120\t(3)\t4521'), 0, 1, () => true, true).tokens.map((t) => t.value)).toEqual([120, -3, 4521]);
    expect(scanRegion(docOf('予以公开\t120\t(3)\t4521'), 0, 1).tokens.map((t) => t.value)).toEqual([120, 3, 4521]);
  });
});

describe('page numbers inside table rows', () => {
  const values = (text: string) => scanRegion(docOf(text), 0, text.split('\n').length).tokens.filter((t) => t.kind === 'number').map((t) => t.value);
  test.each([
    // A page-number cell at a row's end is not an eighth value.
    ['予以公开\t1288\t21\t0\t0\t50\t3\t1362\t\t— 5 —', [1288, 21, 0, 0, 50, 3, 1362]],
    ['予以公开\t1288\t21\t0\t0\t50\t3\t1362\t第5页 共8页', [1288, 21, 0, 0, 50, 3, 1362]],
    // A row broken by a page footer line.
    ['予以公开\t1288\t21\t0\n- 5 -\n0\t50\t3\t1362', [1288, 21, 0, 0, 50, 3, 1362]],
  ])('%s', (text, want) => expect(values(text)).toEqual(want));
});

describe('a cell reading as a name every JavaScript object has', () => {
  // The lone-OCR-digit table was an object, and `"constructor" in {}` is true: the report failed to parse.
  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('%s in a table row: the report parses, the row is undecided with a warning', (word) => {
    const path = 'data/reports/001_0057fa3dafb4cac1.txt';
    const lines = readFileSync(ROOT + path, 'utf8').split('\n');
    expect(lines[43]).toBe('行政强制\t0\t0\t0');
    lines[43] = `行政强制\t${word}\t0\t0`;
    const r = processFile(path, Buffer.from(lines.join('\n')));
    expect(r.ok).toBe(true);
    const onLine = r.ok ? r.report.figures.filter((f) => f.source.line === 44) : [];
    expect(onLine.map((f) => [f.metric, f.cell, f.value])).toEqual([
      ['coercion.prev_items', 'undecided', null],
      ['coercion.change', 'undecided', null],
      ['coercion.decisions', 'undecided', null],
    ]);
    expect(r.ok && r.report.warnings.filter((w) => w.line === 44).map((w) => w.code)).toEqual(['table.row_unreadable']);
  });
});
