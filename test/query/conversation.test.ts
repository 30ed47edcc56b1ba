/**
 * Follow-ups, trends, cell kinds (dash, blank, undecided, not disclosed) and the never-throw boundary.
 * The seeds hold one year per agency, so trends and cell kinds use a small hand-built index next to them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AnswerSchema, createAsker, type AskFn, type StructuredQuery } from '../../src/query/index.ts';
import { openIndex, type Db } from '../../src/store/open.ts';
import { openIndexWriter } from '../../src/ingest/store/writer.ts';
import type { AgencyIdentity, Figure, ReportFormat, ReportWarning } from '../../src/ingest/model.ts';
import { openSeed, seedIndexPath } from './seed-db.ts';

const TODAY = new Date('2021-03-01T00:00:00Z');
let seedDb: Db;
let seed: AskFn;
let smallDb: Db;
let small: AskFn;

type Cell = [metric: string, applicant: string | null, value: number | null, cell: string, origin?: string];

/** 测试市甲区: 2019 (2019 format) and 2021 (2021 format), with every kind of cell. */
function buildSmallIndex(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gongkai-small-')), 'small.db');
  const writer = openIndexWriter(path);
  const figure = (metric: string, applicant: string | null, value: number | null, cell: string, origin: string, line: number, section: string | null, quote: string): Figure => ({
    metric, applicant, cumulative: false, rowLabel: '', colLabel: '', value, cell: cell as Figure['cell'], raw: String(value ?? ''),
    unit: '件', approximate: false, computed: false, origin: origin as Figure['origin'], source: { line, section, quote },
  });
  const report = (file: string, agency: AgencyIdentity, year: number, format: string, figures: Figure[], warnings: ReportWarning[] = []) =>
    writer.writeReport(file, `sha-of-${file}`, {
      agency, year, format: format as ReportFormat, title: `${agency.name}${year}年政府信息公开工作年度报告`,
      website: null, published: null, figures, warnings, lineCount: 100,
    });
  const agency = { name: '测试市甲区人民政府', province: '浙江省', city: '测试市', county: '甲区', divisionCode: null, line: null };
  const years: [number, string, Cell[]][] = [
    [2019, '2019', [
      ['review.total', null, 3, 'number'],
      ['litigation.direct.total', null, 1, 'number'],
      ['litigation.after_review.total', null, null, 'dash'],
      ['requests.new', 'total', 40, 'number'],
      ['requests.new', 'natural', 30, 'number'],
      ['requests.new', 'commercial', 10, 'number'],
      ['requests.result.disclosed', 'total', null, 'blank'],
      ['penalty.decisions', null, null, 'undecided'],
    ]],
    [2021, '2021', [
      ['review.total', null, 5, 'number'],
      ['litigation.direct.total', null, 2, 'number'],
      ['litigation.after_review.total', null, 1, 'number'],
      ['requests.new', 'total', 52, 'number'],
      ['requests.new', 'total', 60, 'number', 'prose'],
      ['requests.result.other_handling.no_correction', 'total', 2, 'number'],
      ['requests.result.other_handling.no_fee', 'total', 0, 'number'],
      ['requests.result.other_handling.other', 'total', 1, 'number'],
      ['normative_docs.issued', null, 6, 'number'],
      ['fees.amount', null, 24252.311082, 'number'],
    ]],
  ];
  for (const [year, format, cells] of years) {
    const figures = cells.map(([metric, applicant, value, cell, origin], i) =>
      figure(metric, applicant, value, cell, origin ?? 'table', 10 + i, '三、收到和处理政府信息公开申请情况', `第${10 + i}行原文`));
    const warnings = year === 2021
      ? [{ code: 'prose_table_mismatch', message: '报告正文称新收申请60件，表格为52件（第14行 / 第13行）', line: 14, line2: 13, metric: 'requests.new' }]
      : [];
    report(`data/small/${year}.txt`, agency, year, format, figures, warnings);
  }
  // Two cities' 统计局, for clarify.
  for (const [name, city, value] of [['测试市统计局', '测试市', 11], ['乙市统计局', '乙市', 12]] as const) {
    report(`data/small/${city}.txt`, { name, province: '浙江省', city, county: null, divisionCode: null, line: null }, 2021, '2021', [
      figure('review.total', null, value, 'number', 'table', 50, null, '行'),
    ]);
  }
  writer.commit();
  return path;
}

beforeAll(async () => {
  const { path } = await seedIndexPath();
  seedDb = openSeed(path);
  seed = createAsker(seedDb, { today: TODAY });
  smallDb = openIndex(buildSmallIndex());
  small = createAsker(smallDb, { today: TODAY });
});
afterAll(() => {
  seedDb?.close();
  smallDb?.close();
});

describe('follow-ups', () => {
  test('那统计局呢 keeps year and figure, changes the agency', () => {
    const first = seed('鹿城区2020年收到多少申请');
    const next = seed('那统计局呢？', { previous: first.query });
    expect(next.status).toBe('answered');
    expect(next.results.map((r) => [r.agency, r.year, r.metric, r.value])).toEqual([['温州市统计局', 2020, 'requests.new', 7]]);
  });

  test('诉讼呢 keeps agency and year, changes the figure', () => {
    const first = seed('鹿城区2020年行政复议多少件');
    const next = seed('诉讼呢', { previous: first.query });
    expect(next.results.map((r) => [r.agency, r.metric, r.value])).toEqual([['温州市鹿城区人民政府', 'litigation.total', 18]]);
  });

  test('那2019年呢 keeps agency and figure, changes the year', () => {
    const first = small('甲区2021年行政复议多少件');
    expect(first.results[0]!.value).toBe(5);
    const next = small('那2019年呢？', { previous: first.query });
    expect(next.results.map((r) => [r.year, r.metric, r.value])).toEqual([[2019, 'review.total', 3]]);
  });

  test('a clarify answer is resolved by the chosen agency id', () => {
    const q = seed('鹿城区2020年收到多少申请').query as StructuredQuery;
    const id = q.agencies[0]!.id;
    const forced = seed('2020年行政复议多少件', { agencyId: id });
    expect(forced.results[0]!.value).toBe(23);
  });

  test('a question without agency asks which one', () => {
    const a = seed('2020年行政复议多少件');
    expect(a.status).toBe('clarify');
    expect(a.candidates!.length).toBe(5);
  });

  test('统计局 with two cities indexed → clarify; the choice or the conversation settles it', () => {
    const a = small('统计局2021年行政复议多少件');
    expect(a.status).toBe('clarify');
    expect(a.candidates!.map((c) => c.name).sort()).toEqual(['乙市统计局', '测试市统计局'].sort());
    const picked = small('统计局2021年行政复议多少件', { agencyId: a.candidates!.find((c) => c.name === '乙市统计局')!.id });
    expect(picked.results.map((r) => [r.agency, r.value])).toEqual([['乙市统计局', 12]]);
    const before = small('测试市统计局2021年收到多少申请');
    const next = small('统计局行政复议呢', { previous: before.query });
    expect(next.results.map((r) => [r.agency, r.value])).toEqual([['测试市统计局', 11]]);
    expect(small('乙市统计局2021年行政复议').results[0]!.value).toBe(12);
    expect(small('测试统计局2021年复议').results[0]!.value).toBe(11);
  });

  test('a garbage previous is ignored', () => {
    expect(seed('诉讼呢', { previous: { nonsense: true } }).status).not.toBe('answered');
  });
});

describe('cells and computed figures', () => {
  test('trend: every year with the change', () => {
    const a = small('甲区历年行政复议');
    expect(a.status).toBe('answered');
    expect(a.results.map((r) => [r.year, r.value])).toEqual([[2019, 3], [2021, 5]]);
    expect(a.text).toContain('增加 2 件');
  });

  test('近两年 is the two years up to the latest report, the one not indexed said', () => {
    const a = small('甲区近两年收到申请');
    expect(a.results.map((r) => r.year)).toEqual([2021]);
    expect(a.text).toContain('（未收录：测试市甲区人民政府2020年的报告）');
  });

  test('行政诉讼 = 直接起诉总计 + 复议后起诉总计, dash counts as 0, both cells cited', () => {
    const a = small('甲区2019年行政诉讼多少件');
    expect(a.results[0]!.value).toBe(1);
    expect(a.results[0]!.sources!.map((s) => s.line)).toEqual([11, 12]);
    expect(a.text).toContain('计算：');
  });

  test('dash → 0 and says the report wrote —', () => {
    const a = small('甲区2019年复议后起诉多少');
    expect(a.results[0]!.value).toBe(0);
    expect(a.text).toContain('—');
  });

  test('blank → 报告未填写, no number', () => {
    const a = small('甲区2019年予以公开多少');
    expect(a.results[0]!.value).toBeNull();
    expect(a.text).toContain('报告未填写');
  });

  test('undecided → 报告该项无法准确识别, never a number', () => {
    const a = small('甲区2019年行政处罚多少');
    expect(a.results[0]!.value).toBeNull();
    expect(a.text).toContain('无法准确识别');
  });

  test('a figure the report does not give → answered, 报告未披露', () => {
    const a = small('甲区2019年行政强制多少');
    expect(a.status).toBe('answered');
    expect(a.results[0]!.value).toBeNull();
    expect(a.text).toContain('报告未披露');
  });

  test('2021 其他处理 = its three sub-rows', () => {
    expect(small('甲区2021年其他处理多少件').results[0]!.value).toBe(3);
  });

  test('table beats prose, and the contradiction is a warning', () => {
    const a = small('甲区2021年收到多少申请');
    expect(a.results[0]!.value).toBe(52);
    expect(a.warnings).toEqual(['报告正文称新收申请60件，表格为52件（第14行 / 第13行）']);
  });

  test('规范性文件 in a 2021 report is 制发', () => {
    expect(small('甲区2021年规范性文件多少件').results.map((r) => [r.metric, r.value])).toEqual([['normative_docs.issued', 6]]);
  });

  test('decimals keep their precision', () => {
    expect(small('甲区2021年行政事业性收费金额').results[0]!.value).toBe(24252.311082);
  });

  test('法人或其他组织 sums the five columns that are stored', () => {
    expect(small('甲区2019年法人或其他组织申请多少').results[0]!.value).toBe(10);
  });

  test('a year with no report → not_found naming the years there are', () => {
    const a = small('甲区2020年行政复议');
    expect(a.status).toBe('not_found');
    expect(a.text).toContain('2019');
  });

  test('no year → the latest report, saying which', () => {
    const a = small('甲区行政复议');
    expect(a.results[0]!.year).toBe(2021);
    expect(a.text).toContain('最新的2021年');
  });

  test('yes/no with zero → 没有，0 件', () => {
    const a = seed('统计局2020年有没有行政复议');
    expect(a.text.startsWith('没有，0 件')).toBe(true);
  });
});

describe('never throws', () => {
  test('an empty index answers not_found and says how to build it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gongkai-empty-')), 'empty.db');
    openIndexWriter(path).commit();
    const db = openIndex(path);
    const a = createAsker(db)('鹿城区2020年行政复议多少件');
    db.close();
    expect(a.status).toBe('not_found');
    expect(a.text).toContain('gongkai ingest');
  });

  test('any string gives a valid Answer', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        expect(AnswerSchema.safeParse(seed(s)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('any mix of question words gives a valid Answer', () => {
    const words = ['鹿城区', '统计局', '2020年', '去年', '复议', '诉讼', '和', '呢', '哪个', '最多', '前三', '有没有', '自然人', '采购', '金额', '历年', '北京市', '？', ' ', '那'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 8 }), fc.anything(), (parts, previous) => {
        expect(AnswerSchema.safeParse(seed(parts.join(''), { previous })).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
