/**
 * Rankings, totals and filters across agencies, answered by SQL over figure_values: exact agencies,
 * values, places, counts and pages on a small index whose every cell state is known (test/query/across-fixture.ts).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { valueRows } from '../../src/ingest/store/figure-values.ts';
import { createAsker, type Answer, type AskFn } from '../../src/query/index.ts';
import { AcrossStore } from '../../src/query/lookup/across.ts';
import { openIndex, type Db } from '../../src/store/open.ts';
import { buildFiguresIndex } from '../helpers/figures-index.ts';
import { ACROSS_REPORTS, HZ, LC, LW, MZ, OH, SW, TJ, WM, WZ, XH } from './across-fixture.ts';

let db: Db;
let ask: AskFn;
beforeAll(() => {
  db = openIndex(buildFiguresIndex(ACROSS_REPORTS));
  ask = createAsker(db, { today: new Date('2022-06-01') });
});

const rows = (a: Answer) => a.results.map((r) => [r.agency, r.year, r.value, r.cell]);

describe('figure_values: what the writer stores for one report', () => {
  test('each figure in each column, resolved as one report is read: stored, computed, legal_person', () => {
    const report = ACROSS_REPORTS[0]!;
    const stored = valueRows(report.cells.map((c, n) => ({
      metric: c.metric, applicant: c.applicant ?? null, cumulative: false, rowLabel: c.metric, colLabel: '', value: c.value as number,
      cell: 'number', raw: String(c.value), unit: '件', approximate: false, computed: false, origin: 'table', source: { line: n + 1, section: null, quote: '' },
    })));
    const pick = (key: string, col: number) => stored.find((r) => r.key === key && r.col === col);
    expect(pick('review.total', 0)).toEqual({ key: 'review.total', col: 0, value: 30, state: 0 });
    // 行政诉讼 = 直接起诉 3 + 复议后起诉 2 (computed), 法人或其他组织 = 30 + 0 + 0 + 10 + 0 (column 7).
    expect(pick('litigation.total', 0)).toEqual({ key: 'litigation.total', col: 0, value: 5, state: 1 });
    expect(pick('requests.new', 7)).toEqual({ key: 'requests.new', col: 7, value: 40, state: 1 });
    expect(pick('requests.new', 1)).toEqual({ key: 'requests.new', col: 1, value: 60, state: 0 });
    // A figure the report does not give has no row.
    expect(pick('review.upheld', 0)).toBeUndefined();
    expect(stored).toHaveLength(new Set(stored.map((r) => `${r.key}|${r.col}`)).size);
  });

  test('the index holds one row per (report, figure, column); blank, dash and undecided keep their state', () => {
    const states = db.prepare(`SELECT a.name, v.value, v.state FROM figure_values v JOIN agencies a ON a.id = v.agency_id
      JOIN metric_keys k ON k.id = v.metric WHERE k.key = 'review.total' AND v.year = 2021 ORDER BY a.id`).raw().all();
    expect(states).toEqual([[WZ, 30, 0], [LC, 12, 0], [LW, 12, 0], [OH, null, 3], [TJ, 0, 2], [SW, 0, 0], [WM, null, 4], [HZ, 50, 0]]);
  });
});

describe('AcrossStore: the SQL', () => {
  const review = [{ key: 'review.total', column: 'total' }];
  const y2021 = { years: [2021], agencies: null, excluded: [] };
  test('counts by state and the sum of values (a dash is 0; blank and undecided counted, not summed)', () => {
    const c = new AcrossStore(db).counts(review, y2021);
    expect(c).toEqual({
      number: { reports: 5, sum: 104 }, computed: { reports: 0, sum: 0 }, dash: { reports: 1, sum: 0 },
      blank: { reports: 1, sum: 0 }, undecided: { reports: 1, sum: 0 },
    });
  });
  test('a ranking page, and how many rank above and with a value', () => {
    const s = new AcrossStore(db);
    expect(s.rank(review, y2021, 'desc', 3, 1).map((r) => [r.agencyId, r.value, r.state])).toEqual([[1, 30, 'number'], [2, 12, 'number'], [3, 12, 'number']]);
    expect(s.rank(review, y2021, 'asc', 2).map((r) => [r.agencyId, r.value, r.state])).toEqual([[5, 0, 'dash'], [6, 0, 'number']]);
    expect(s.around(review, y2021, 'desc', 12)).toEqual({ better: 2, equal: 2 });
    expect(s.around(review, y2021, 'asc', 12)).toEqual({ better: 2, equal: 2 });
  });
  test('a slot takes its first key a report gives: later keys only for reports lacking the earlier ones', () => {
    // litigation.total is given (computed) by 温州市 and 鹿城区; review.total stands in for the others.
    const slot = [{ key: 'litigation.total', column: 'total' }, { key: 'review.total', column: 'total' }];
    const ranked = new AcrossStore(db).rank(slot, { years: [2021], agencies: null, excluded: [] }, 'desc', 10);
    expect(ranked.map((r) => [r.agencyId, r.value])).toEqual([[8, 50], [3, 12], [1, 5], [2, 4], [5, 0], [6, 0]]);
  });
  test('filters: one report per agency, and several (every value 0)', () => {
    const s = new AcrossStore(db);
    expect(s.pick(review, y2021, 'zero', 10)).toEqual({ agencies: [5, 6], matched: 2, known: 6 });
    expect(s.pick(review, y2021, 'nonzero', 2, 1)).toEqual({ agencies: [2, 3], matched: 4, known: 6 });
    // 2020–2021: 统计局 has 3 in 2020, 鹿城区 12 in 2021; 民政局 only 2020 (0).
    expect(s.pick(review, { years: [2020, 2021], agencies: null, excluded: [] }, 'zero', 10)).toEqual({ agencies: [6, 10], matched: 2, known: 7 });
  });
  test('replaced reports and agencies outside the scope are never read', () => {
    const s = new AcrossStore(db);
    expect(s.counts(review, { years: [2021], agencies: [1, 2, 4], excluded: [1] }).number).toEqual({ reports: 1, sum: 12 });
  });
});

describe('questions across agencies', () => {
  test('a ranking: competition places, ties in agency order, who is left out and why', () => {
    const a = ask('2021年哪个单位行政复议最多');
    expect(rows(a)).toEqual([[HZ, 2021, 50, 'number'], [WZ, 2021, 30, 'number'], [LC, 2021, 12, 'number'], [LW, 2021, 12, 'number'], [TJ, 2021, 0, 'dash'], [SW, 2021, 0, 'number']]);
    expect(a.text.split('\n').filter((l) => /^\d+\./.test(l)).map((l) => l.split(' ')[0])).toEqual(['1.', '2.', '3.', '3.', '5.', '5.']);
    expect(a.text).toContain('2021年行政复议总计最多的是杭州市人民政府（50 件）：');
    expect(a.text).toContain(`未参与排序（报告未披露 1 个、报告未填写 1 个、无法准确识别 1 个）：${OH}、${WM}、${XH}`);
    expect(a.results[0]!.source).toEqual({ file: 'reports/7.txt', line: 10, column: null, page: null, section: '四、行政复议、行政诉讼情况', quote: 'review.total 50' });
    expect(a.page).toEqual({ offset: 0, shown: 6, total: 6 });
  });

  test('前三 keeps the agency tied at third; 更多 shows the next page', () => {
    const top = ask('2021年行政复议最多的前三个单位');
    expect(rows(top).map((r) => r[0])).toEqual([HZ, WZ, LC, LW]);
    // The tie made the page four rows: 更多 goes on after the fourth, not the third again.
    expect(top.query).toMatchObject({ topN: 3, shown: 4 });
    const after = ask('更多', { previous: top.query });
    expect(rows(after).map((r) => [r[0], r[2]])).toEqual([[TJ, 0], [SW, 0]]);
    expect(after.page).toEqual({ offset: 4, shown: 2, total: 6 });
    const two = ask('2021年行政复议最多的前两个单位');
    expect(rows(two).map((r) => r[0])).toEqual([HZ, WZ]);
    const next = ask('更多', { previous: two.query });
    expect(rows(next)).toEqual([[LC, 2021, 12, 'number'], [LW, 2021, 12, 'number']]);
    expect(next.text).toContain('3. 温州市鹿城区人民政府 12 件');
    expect(next.page).toEqual({ offset: 2, shown: 2, total: 6 });
    const last = ask('更多', { previous: next.query });
    expect(rows(last).map((r) => [r[0], r[2]])).toEqual([[TJ, 0], [SW, 0]]);
    expect(last.text).toContain('5. 温州市统计局 0 件');
    // Past the last page: said, not an empty page (nor a crash on it).
    const past = ask('更多', { previous: last.query });
    expect(past).toMatchObject({ status: 'answered', results: [], text: '没有更多了：共 6 个单位，已全部列出（第 1–6 个）。', page: { offset: 6, shown: 0, total: 6 } });
    expect(ask('2021年哪个单位行政复议最多', { offset: 40 }).text).toBe('没有更多了：共 6 个单位，已全部列出（第 1–6 个）。');
    expect(ask('2021年各单位行政复议共多少件', { offset: 6 }).page).toEqual({ offset: 6, shown: 0, total: 6 });
    expect(ask('2021年哪些单位行政复议为0', { offset: 2 }).text).toBe('没有更多了：共 2 个单位，已全部列出（第 1–2 个）。');
  });

  test('a ranking over a range of years ranks the newest year asked, not the newest indexed', () => {
    const a = ask('2020年至2021年哪个单位行政复议最多');
    expect(a.text.split('\n')[0]).toBe('2021年行政复议总计最多的是杭州市人民政府（50 件）（2020—2021年中按最新的2021年报告）：');
    const early = ask('2018年到2020年哪个单位行政复议最多');
    expect(early.text.split('\n')[0]).toMatch(/^2020年行政复议总计最多的是.*（2018—2020年中按最新的2020年报告）：$/);
    expect(ask('2030年至2032年哪个单位行政复议最多').text).toMatch(/^索引中没有2030—2032年的报告。/);
  });

  test('the API offset starts the list further down', () => {
    const a = ask('2021年哪个单位行政复议最少', { offset: 4 });
    expect(rows(a).map((r) => [r[0], r[2]])).toEqual([[WZ, 30], [HZ, 50]]);
    expect(a.text).toContain('5. 温州市人民政府 30 件');
    expect(a.text).toContain('最少的是温州市统计局、温州市商务局（并列');
  });

  test('a place and a kind: 温州市各区县, 浙江省各地市, 某市各部门, 各乡镇街道', () => {
    const counties = ask('2021年温州市各区县行政复议排名');
    expect(counties.query).toMatchObject({ kind: 'ranking', scope: ['温州市'], level: 'county_gov' });
    expect(rows(counties).map((r) => [r[0], r[2]])).toEqual([[LC, 12], [LW, 12]]);
    expect(counties.text).toContain(`未参与排序（报告未填写 1 个）：${OH}`);
    // The kind asked with a question word: 哪个区县, 哪些区县.
    const which = ask('2021年温州市哪个区县行政复议最多');
    expect(which.query).toMatchObject({ kind: 'ranking', scope: ['温州市'], level: 'county_gov' });
    expect(rows(which).map((r) => [r[0], r[2]])).toEqual([[LC, 12], [LW, 12]]);
    expect(ask('2021年温州市哪些区县行政复议为0').query).toMatchObject({ kind: 'filter', scope: ['温州市'], level: 'county_gov', filter: 'zero' });
    // Neither 最多 nor 没有: the kind's agencies with their figures, as "哪些单位…" gets.
    const listed = ask('2021年温州市哪些区县行政复议');
    expect(listed.query).toMatchObject({ kind: 'ranking', scope: ['温州市'], level: 'county_gov' });
    expect(rows(listed).map((r) => [r[0], r[2]])).toEqual([[LC, 12], [LW, 12]]);
    // 共 over units in the plural: their total, the city a scope (not an agency to look up).
    const summed = ask('温州市各区县2021年行政复议共多少件');
    expect(summed.query).toMatchObject({ kind: 'total', scope: ['温州市'], level: 'county_gov' });
    expect(summed.aggregate).toMatchObject({ value: 24, counted: 2, blank: 1 });
    expect(ask('温州市2021年行政复议共多少件').query).toMatchObject({ kind: 'figure' });
    const cities = ask('2021年浙江省各地市收到申请排名');
    expect(rows(cities).map((r) => [r[0], r[2]])).toEqual([[WZ, 100], [HZ, 80]]);
    const depts = ask('2021年温州市各部门行政复议合计');
    expect(depts.aggregate).toMatchObject({ value: 0, counted: 2, dash: 1, blank: 0, undecided: 0, missing: 0 });
    expect(depts.text).toContain('2021年温州市2个部门行政复议总计合计 0 件（其中 1 个单位填写“—”，按 0 计）');
    const towns = ask('2021年温州市各乡镇街道行政复议合计');
    expect(towns.text).toBe('2021年温州市乡镇街道1个单位的报告都没有给出可计入的行政复议总计（无法准确识别 1 个）。');
  });

  test('a total: the sum by SQL, what it counts and what it leaves out', () => {
    const a = ask('2021年温州市各单位行政复议合计');
    expect(a.aggregate).toEqual({
      kind: 'total', metric: 'review.total', label: '行政复议总计', year: 2021, unit: '件',
      value: 54, counted: 5, dash: 1, blank: 1, undecided: 1, missing: 0,
    });
    expect(rows(a).map((r) => [r[0], r[2]])).toEqual([['2021年温州市5个单位', 54], [WZ, 30], [LC, 12], [LW, 12], [TJ, 0], [SW, 0]]);
    expect(a.results[0]!.formula).toBe('30 + 12 + 12 + 0 + 0 = 54');
    expect(a.text).toContain(`未计入（报告未填写 1 个、无法准确识别 1 个）：${OH}、${WM}`);
  });

  test('computed figures rank by their computed value: 行政诉讼, 法人或其他组织', () => {
    expect(rows(ask('2021年哪个单位行政诉讼最多'))).toEqual([[WZ, 2021, 5, 'computed'], [LC, 2021, 4, 'computed']]);
    expect(rows(ask('2021年哪个单位法人或其他组织申请最多'))).toEqual([[HZ, 2021, 60, 'computed'], [WZ, 2021, 40, 'computed'], [LC, 2021, 0, 'computed']]);
  });

  test('filters: a year, each agency latest report, and who does not say', () => {
    const y = ask('2021年哪些单位没有被复议过');
    expect(rows(y)).toEqual([[TJ, 2021, 0, 'dash'], [SW, 2021, 0, 'number']]);
    expect(y.text).toContain('2021年行政复议总计为 0 的单位有 2 个（共查 9 个单位）：');
    expect(y.text).toContain(`报告未披露该项：${OH}、${WM}、${XH}`);
    const latest = ask('哪些单位没有被复议过');
    expect(rows(latest)).toEqual([[TJ, 2021, 0, 'dash'], [SW, 2021, 0, 'number'], [MZ, 2020, 0, 'number']]);
    expect(latest.text).toContain('行政复议总计为 0 的单位有 3 个（共查 10 个单位）');
    const some = ask('2021年有几个单位被复议');
    expect(some.text).toContain('2021年行政复议总计不为 0 的单位共 4 个（共查 9 个单位）');
    expect(rows(some).map((r) => r[0])).toEqual([WZ, LC, LW, HZ]);
  });

  test('every agency a ranking shows has the value its own question gives', () => {
    const ranked = ask('2021年哪个单位行政复议最多');
    for (const r of ranked.results) {
      const own = ask(`${r.agency}2021年行政复议多少`);
      expect([own.results[0]!.agency, own.results[0]!.value]).toEqual([r.agency, r.value]);
    }
  });
});
