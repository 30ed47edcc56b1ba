/**
 * The SQL paths of questions across agencies, each with exact values on the small index of
 * test/query/across-fixture.ts (agencies numbered in its order: 温州市 1, 鹿城区 2, 龙湾区 3, 瓯海区 4 (blank),
 * 统计局 5 (dash), 商务局 6, 五马街道 7 (undecided), 杭州市 8, 西湖区 9 (no review.total), 民政局 10 (2020 only)):
 * the agencies left out (EXCEPT over the year's reports), a slot's later keys, a place probed agency by
 * agency or filtered (more than 512 agencies), places and ties, and a table cell read alone.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { METRICS } from '../../src/catalogue/metrics.ts';
import { createAsker, type AskFn } from '../../src/query/index.ts';
import { AcrossStore, type SlotKey, type ValueScope } from '../../src/query/lookup/across.ts';
import { FigureStore } from '../../src/query/lookup/figures.ts';
import { RESOLVED_COLUMNS } from '../../src/query/lookup/resolve.ts';
import { openIndex, type Db } from '../../src/store/open.ts';
import { buildFiguresIndex, type ReportSpec } from '../helpers/figures-index.ts';
import { ACROSS_REPORTS, HZ, LC, LW, OH, SW, TJ, WM, WZ, XH } from './across-fixture.ts';

let db: Db;
let across: AcrossStore;
let ask: AskFn;
beforeAll(() => {
  db = openIndex(buildFiguresIndex(ACROSS_REPORTS));
  across = new AcrossStore(db);
  ask = createAsker(db, { today: new Date('2022-06-01') });
});

const review: SlotKey[] = [{ key: 'review.total', column: 'total' }];
// 行政诉讼 where a report gives it (温州市 5, 鹿城区 4, computed), else 行政复议.
const litigationOrReview: SlotKey[] = [{ key: 'litigation.total', column: 'total' }, ...review];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// The same place asked two ways: its ten agencies probed one by one, and as 600 ids (more than are probed:
// a filter on the year's range) — ids with no agency behind them change nothing.
const POOLS: [string, number[]][] = [['probed', range(1, 10)], ['filtered', range(1, 600)]];

describe.each(POOLS)('a place of agencies, %s', (_, all) => {
  const y2021 = (agencies: number[] | null = all): ValueScope => ({ years: [2021], agencies, excluded: [] });

  test('counts by state: a dash summed as 0, blank and undecided counted, never summed', () => {
    expect(across.counts(review, y2021())).toEqual({
      number: { reports: 5, sum: 104 }, computed: { reports: 0, sum: 0 }, dash: { reports: 1, sum: 0 },
      blank: { reports: 1, sum: 0 }, undecided: { reports: 1, sum: 0 },
    });
    expect(across.counts(litigationOrReview, y2021())).toEqual({
      number: { reports: 3, sum: 62 }, computed: { reports: 2, sum: 9 }, dash: { reports: 1, sum: 0 },
      blank: { reports: 1, sum: 0 }, undecided: { reports: 1, sum: 0 },
    });
  });

  test.each([
    ['desc', 10, 0, [[8, 50], [1, 30], [2, 12], [3, 12], [5, 0], [6, 0]]],
    ['desc', 2, 2, [[2, 12], [3, 12]]],
    ['asc', 3, 0, [[5, 0], [6, 0], [2, 12]]],
  ] as const)('ranking %s, %i from %i: value order, ties in agency order', (order, limit, offset, expected) => {
    expect(across.rank(review, y2021(), order, limit, offset).map((r) => [r.agencyId, r.value])).toEqual(expected);
  });

  test('a slot ranks each report by the first of its keys it gives', () => {
    expect(across.rank(litigationOrReview, y2021(), 'desc', 10).map((r) => [r.agencyId, r.value, r.state]))
      .toEqual([[8, 50, 'number'], [3, 12, 'number'], [1, 5, 'computed'], [2, 4, 'computed'], [5, 0, 'dash'], [6, 0, 'number']]);
  });

  test.each([
    ['desc', 12, { better: 2, equal: 2 }],
    ['asc', 12, { better: 2, equal: 2 }],
    ['desc', 0, { better: 4, equal: 2 }],
    ['asc', 0, { better: 0, equal: 2 }],
    ['desc', 13, { better: 2, equal: 0 }],
    ['asc', 51, { better: 6, equal: 0 }],
  ] as const)('around %s %i: ranked above it, and equal to it', (order, value, expected) => {
    expect(across.around(review, y2021(), order, value)).toEqual(expected);
  });

  test('the rows without a value, in agency order: blank (瓯海区) then undecided (五马街道)', () => {
    expect(across.listed(review, y2021(), false, 10).map((r) => [r.agencyId, r.state])).toEqual([[4, 'blank'], [7, 'undecided']]);
    expect(across.listed(review, y2021(), true, 2, 1).map((r) => [r.agencyId, r.value])).toEqual([[2, 12], [3, 12]]);
  });

  test.each([
    // Not given at all (rankings, totals): only 西湖区, whose report has no 行政复议 row.
    ['review, not given', review, false, [9]],
    // Without a value (filters): blank, undecided and not given.
    ['review, no value', review, true, [4, 7, 9]],
    // 行政诉讼 or else 行政复议: 西湖区 gives neither.
    ['slot, not given', litigationOrReview, false, [9]],
    ['slot, no value', litigationOrReview, true, [4, 7, 9]],
  ] as const)('agencies left out (%s)', (_, slot, withValue, expected) => {
    expect(across.absent(slot, y2021(), withValue, 10)).toEqual(expected);
    expect(across.absent(slot, y2021(), withValue, 1)).toEqual(expected.slice(0, 1));
  });

  test('a replaced report is not counted, listed or named as left out', () => {
    // Report 4 is 瓯海区's 2021 (blank), report 9 西湖区's: with both replaced, neither is left out.
    const scope: ValueScope = { years: [2021], agencies: all, excluded: [4, 9] };
    expect(across.counts(review, scope).blank).toEqual({ reports: 0, sum: 0 });
    expect(across.absent(review, scope, true, 10)).toEqual([7]);
  });

  test('filters: one report per agency (= 0 off the value index, <> 0 in agency order) and several', () => {
    expect(across.pick(review, y2021(), 'zero', 10)).toEqual({ agencies: [5, 6], matched: 2, known: 6 });
    expect(across.pick(review, y2021(), 'nonzero', 10)).toEqual({ agencies: [1, 2, 3, 8], matched: 4, known: 6 });
    expect(across.pick(review, y2021(), 'nonzero', 2, 2)).toEqual({ agencies: [3, 8], matched: 4, known: 6 });
    const both: ValueScope = { years: [2020, 2021], agencies: all, excluded: [] };
    expect(across.pick(review, both, 'zero', 10)).toEqual({ agencies: [6, 10], matched: 2, known: 7 });
    expect(across.absent(review, both, true, 10)).toEqual([4, 7, 9]);
  });

  test('each agency its latest report (2021, and 民政局 2020): parts by year', () => {
    const latest: ValueScope = { byYear: [{ year: 2020, agencies: [10] }, { year: 2021, agencies: null }], agencies: all, excluded: [], oneReportPerAgency: true };
    expect(across.pick(review, latest, 'zero', 10)).toEqual({ agencies: [5, 6, 10], matched: 3, known: 7 });
    expect(across.absent(review, latest, true, 10)).toEqual([4, 7, 9]);
    expect(across.absent(review, latest, false, 10)).toEqual([9]);
  });

  test('a smaller place: only its agencies (鹿城区, 瓯海区, 统计局, 西湖区)', () => {
    const some = all.length > 512 ? [2, 4, 5, 9, ...range(11, 600)] : [2, 4, 5, 9];
    const scope = y2021(some);
    expect(across.rank(review, scope, 'desc', 10).map((r) => [r.agencyId, r.value])).toEqual([[2, 12], [5, 0]]);
    expect(across.counts(review, scope).number).toEqual({ reports: 1, sum: 12 });
    expect(across.absent(review, scope, true, 10)).toEqual([4, 9]);
    expect(across.around(review, scope, 'desc', 0)).toEqual({ better: 1, equal: 1 });
  });
});

describe('answers built on these paths', () => {
  test('first place shared by the whole page, and by part of it', () => {
    // Both best agencies are on the page, a worse one after them: no count needed, and none missed.
    const least = ask('2021年哪个单位行政复议最少');
    expect(least.text).toContain(`最少的是${TJ}、${SW}（并列，均为 0 件（报告填写“—”））：`);
    // The page is only the tied agencies: counted.
    const two = ask('2021年行政复议最少的前两个单位');
    expect(two.results.map((r) => r.agency)).toEqual([TJ, SW]);
    expect(two.text).toContain(`最少的是${TJ}、${SW}（并列，均为 0 件（报告填写“—”））：`);
    const most = ask('2021年行政复议最多的前三个单位');
    expect(most.results.map((r) => [r.agency, r.value])).toEqual([[HZ, 50], [WZ, 30], [LC, 12], [LW, 12]]);
    expect(most.text).toContain(`最多的是${HZ}（50 件）`);
  });

  test('a national filter over each agency latest report: the same answer asked again, and 近三年', () => {
    const first = ask('哪些单位没有被复议过');
    expect(first.text).toBe(ask('哪些单位没有被复议过').text);
    expect(first.text).toContain(`报告未披露该项：${OH}、${WM}、${XH}`);
    const recent = ask('近三年哪些单位没有被复议过');
    // 统计局 is out: its 2020 report gives 3.
    expect(recent.results.map((r) => [r.agency, r.year, r.value])).toEqual([[SW, 2021, 0], ['温州市民政局', 2020, 0]]);
    expect(ask('近三年哪些单位没有被复议过').text).toBe(recent.text);
  });

  test('a total names who is left out: blank and undecided first, then the report without the figure', () => {
    const a = ask('2021年各单位行政复议合计');
    expect(a.aggregate).toMatchObject({ value: 104, counted: 6, dash: 1, blank: 1, undecided: 1, missing: 1 });
    expect(a.text).toContain(`未计入（报告未披露 1 个、报告未填写 1 个、无法准确识别 1 个）：${OH}、${WM}、${XH}`);
  });
});

describe('a place whose name holds a filler character is the scope, not cut apart', () => {
  test.each([
    ['广元市有几个单位被复议', 'filter', ['广元市']],
    ['2021年广元市各部门行政复议最少的是哪个', 'ranking', ['广元市']],
    ['2020年元谋县各部门收到申请合计', 'total', ['元谋县']],
    ['2021年中山市各单位行政复议排名', 'ranking', ['中山市']],
    ['和田地区哪些单位没有被起诉过', 'filter', ['和田地区']],
    ['温州市有几个单位被复议', 'filter', ['温州市']],
  ] as const)('%s', (question, kind, scope) => {
    const a = ask(question);
    const q = a.query as { kind?: string; scope?: string[] } | undefined;
    expect([q?.kind, q?.scope]).toEqual([kind, scope]);
  });
  test.each([
    ['浙江省2021年各区县行政复议共多少件', ['浙江省'], 'county_gov'],
    ['温州市2021年各区县行政复议多少件', ['温州市'], 'county_gov'],
    ['2021年温州市各部门行政复议共计多少', ['温州市'], 'department'],
  ] as const)('a place and a kind is a total: %s', (question, scope, level) => {
    const a = ask(question);
    const q = a.query as { kind?: string; scope?: string[]; level?: string } | undefined;
    expect([q?.kind, q?.scope, q?.level]).toEqual(['total', scope, level]);
  });
  test('浙江省各区县 in 2021: 鹿城区 12 and 龙湾区 12 summed, 瓯海区 blank counted, not summed', () => {
    const a = ask('浙江省2021年各区县行政复议共多少件');
    expect(a.aggregate).toMatchObject({ value: 24, counted: 2, dash: 0, blank: 1, undecided: 0, missing: 1 });
    expect(a.text.split('\n')[0]).toBe('2021年浙江省2个区县政府行政复议总计合计 24 件。');
    expect(a.text).toContain(`未计入（报告未披露 1 个、报告未填写 1 个）：${OH}、${XH}`);
  });
  test('a place not indexed is said so, never answered for the whole country', () => {
    expect(ask('广元市有几个单位被复议').text).toBe('索引中没有的广元市相应报告。已收录年份：2020、2021');
  });
});

describe('a figure of one report read alone, as read with the whole report', () => {
  // 不予公开 stored in a table; given in prose beside some of its reasons in a table (their sum, undecided
  // with reasons not printed, wins over the prose); in prose alone; only as some of its reasons. 行政诉讼 stored, and computed from its two routes.
  const reports: ReportSpec[] = [
    { name: '甲市人民政府', province: '浙江省', city: '甲市', county: null, year: 2021, cells: [
      { metric: 'requests.result.withheld', value: 6 },
      { metric: 'requests.result.withheld.state_secret', value: 2 },
      { metric: 'litigation.total', value: 3 },
    ] },
    { name: '乙市人民政府', province: '浙江省', city: '乙市', county: null, year: 2021, cells: [
      { metric: 'requests.result.withheld', value: 9, origin: 'prose' },
      { metric: 'requests.result.withheld.state_secret', value: 2 },
      { metric: 'requests.result.withheld.third_party', value: '—' },
      { metric: 'litigation.direct.total', value: 1 },
      { metric: 'litigation.after_review.total', value: '' },
    ] },
    { name: '丙市人民政府', province: '浙江省', city: '丙市', county: null, year: 2021, cells: [
      { metric: 'requests.result.withheld', value: 4, origin: 'prose' },
      { metric: 'requests.new', applicant: 'total', value: 8 },
      { metric: 'requests.new', applicant: 'natural', value: 5 },
      { metric: 'requests.new', applicant: 'commercial', value: '?' },
    ] },
    { name: '丁市人民政府', province: '浙江省', city: '丁市', county: null, year: 2021, cells: [
      { metric: 'requests.result.withheld.inquiry', value: 1 },
      { metric: 'requests.result.withheld.process_info', value: 2 },
    ] },
  ];
  test('every key in every column: the same value, state, cells and formula', () => {
    const one = openIndex(buildFiguresIndex(reports));
    const whole = new FigureStore(one);
    const alone = new FigureStore(one);
    let compared = 0;
    for (let report = 1; report <= reports.length; report++) {
      for (const def of METRICS) {
        for (const column of def.byApplicant ? ['total', ...RESOLVED_COLUMNS] : ['total']) {
          const full = whole.resolve(report, def.key, column);
          expect(alone.resolve(report, def.key, column, true), `${report} ${def.key} ${column}`).toEqual(full);
          if (full.cell !== 'missing') compared++;
        }
      }
    }
    expect(compared).toBe(27);
    // The four readings of 不予公开 above, as answers give them.
    expect([1, 2, 3, 4].map((r) => [alone.resolve(r, 'requests.result.withheld', 'total', true).value, alone.resolve(r, 'requests.result.withheld', 'total', true).cell]))
      .toEqual([[6, 'number'], [null, 'undecided'], [4, 'number'], [null, 'undecided']]);
  });
});
