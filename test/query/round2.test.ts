/**
 * Second adversarial round on asking: office-staff phrasing (terse keywords, the agency last, 大写 years,
 * asking for the source), names that mean another agency (a county whose stem is also a city's: 辽阳县 /
 * 辽阳市, 长春市朝阳区 / 朝阳市; one district name in two cities), every catalogue figure reachable by its
 * own label, and input that is not a question (markup, SQL, emoji, a word said a hundred times).
 * Each case was answered wrongly or refused before this round, or pins down what must stay as it is.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deriveAliases } from '../../src/catalogue/names.ts';
import { METRICS } from '../../src/catalogue/metrics.ts';
import { AgencyIndex } from '../../src/query/agency/agency-index.ts';
import { AnswerSchema, createAsker, type Answer, type AskFn, type StructuredQuery } from '../../src/query/index.ts';
import { chineseDigitsToArabic } from '../../src/query/understand/numbers.ts';
import { understand } from '../../src/query/understand/understand.ts';
import { parseYears } from '../../src/query/understand/years.ts';
import type { Db } from '../../src/store/open.ts';
import type { AgencyRow } from '../../src/store/schema.ts';
import { openSeed, seedIndexPath } from './seed-db.ts';

const TODAY = new Date('2025-06-01T00:00:00Z');
const L = '温州市鹿城区人民政府';
const S = '温州市统计局';

describe('years written in 大写 numerals', () => {
  test.each([
    ['贰零贰零年', '2020年'],
    ['贰零壹玖年', '2019年'],
    ['貳零貳壹年', '2021年'],
    ['二〇二〇年', '2020年'],
    // Four digits that can only be a year, without 年.
    ['鹿城区二〇二〇复议', '鹿城区2020复议'],
    ['鹿城区 贰零贰零 复议', '鹿城区 2020 复议'],
    ['一九九八', '1998'],
    // Not a year: other runs of number words stay as they are.
    ['前三名', '前三名'],
    ['二〇二〇二', '二〇二〇二'],
  ])('%s → %s', (a, b) => expect(chineseDigitsToArabic(a)).toBe(b));

  test('a repeated number word is a year, not a repeat: 二〇〇〇年', () => {
    const q = understand('鹿城区二〇〇〇年行政复议', new AgencyIndex([], []), TODAY).query;
    expect(q.years).toEqual({ type: 'single', year: 2000 });
  });

  test('鹿城区贰零贰零年行政复议 is 2020, not the latest report', () => {
    expect(parseYears('鹿城区贰零贰零年行政复议', TODAY).years).toEqual({ type: 'single', year: 2020 });
  });
});

const aliasesOf = (name: string, city: string | null, county: string | null, province: string | null = null) =>
  deriveAliases({ name, province, city, county }).map((a) => a.alias);

describe('aliases', () => {
  // [name, city, county, must have, must not have]
  test.each<[string, string, string | null, string[], string[]]>([
    // 辽阳 alone is 辽阳市: "辽阳应急局" is the city's bureau, not 辽阳县's.
    ['辽阳市辽阳县应急管理局', '辽阳市', '辽阳县', ['辽阳县应急局', '辽阳县应急管理局', '辽阳辽阳县应急局', '辽阳市辽阳县应急局'], ['辽阳应急局', '辽阳应急管理局']],
    // 朝阳 alone may be 朝阳市 (辽宁): only 朝阳区… or with 长春.
    ['长春市朝阳区交通运输局', '长春市', '朝阳区', ['朝阳区交通局', '长春朝阳交通局', '长春朝阳区交通运输局'], ['朝阳交通局', '朝阳交通运输局']],
    ['长春市朝阳区人民政府', '长春市', '朝阳区', ['朝阳区', '朝阳区政府', '长春朝阳'], ['朝阳', '朝阳政府']],
    // A stem that is no city's stays: 鹿城, 吴江.
    ['温州市鹿城区人民政府', '温州市', '鹿城区', ['鹿城', '鹿城区'], []],
    ['苏州市吴江区卫生健康局', '苏州市', '吴江区', ['吴江区卫健局', '吴江卫健局', '苏州吴江卫健局', '卫健局'], []],
    ['铜仁市碧江区医疗保障局', '铜仁市', '碧江区', ['碧江区医保局', '医保局'], []],
    ['泉州市退役军人事务局', '泉州市', null, ['泉州退役军人局', '退役军人局'], []],
    ['宁波市科学技术局', '宁波市', null, ['宁波科技局', '科技局'], []],
    ['温州市城市管理局', '温州市', null, ['城管局', '温州城管局'], []],
    ['温州市人民防空办公室', '温州市', null, ['人防办'], []],
    ['杭州市大数据发展管理局', '杭州市', null, ['大数据局'], []],
    // 吉林 is the province's stem and the city's: read as the city, the name keeps its county.
    ['吉林市船营区商务局', '吉林市', '船营区', ['船营区商务局', '船营商务局', '吉林船营区商务局'], ['省市船营区商务局', '市船营区商务局']],
    ['吉林市舒兰市自然资源和规划局', '吉林市', '舒兰市', ['舒兰市自然资源局', '舒兰资规局'], ['市舒兰市自然资源和规划局']],
  ])('%s', (name, city, county, has, hasNot) => {
    const a = aliasesOf(name, city, county, name.startsWith('吉林') ? '吉林省' : null);
    for (const x of has) expect(a).toContain(x);
    for (const x of hasNot) expect(a).not.toContain(x);
  });
});

// The same district name in two cities, and a county named like its city.
const ROWS: AgencyRow[] = [
  ['张家界市永定区司法局', '张家界市', '永定区'],
  ['龙岩市永定区司法局', '龙岩市', '永定区'],
  ['辽阳市辽阳县应急管理局', '辽阳市', '辽阳县'],
  ['长春市朝阳区交通运输局', '长春市', '朝阳区'],
  ['苏州市吴江区卫生健康局', '苏州市', '吴江区'],
].map(([name, city, county], i) => ({ id: i + 1, name: name!, province: null, city: city ?? null, county: county ?? null, division_code: null }));
const INDEX = new AgencyIndex(ROWS, []);
const who = (q: string) => {
  const query = understand(q, INDEX, TODAY).query;
  return {
    agencies: query.agencies.map((a) => a.name),
    ambiguous: query.ambiguous.flatMap((a) => a.candidates.map((c) => c.name)).sort(),
    unresolved: query.unresolved,
  };
};

describe('which agency', () => {
  test.each<[string, string[]]>([
    ['龙岩永定区司法局2020年行政复议多少件', ['龙岩市永定区司法局']],
    ['2020年行政复议多少件，龙岩永定区司法局', ['龙岩市永定区司法局']],
    ['张家界永定区司法局 2020 复议', ['张家界市永定区司法局']],
    ['辽阳县应急局2020年行政复议', ['辽阳市辽阳县应急管理局']],
    ['朝阳区交通局2020年行政复议', ['长春市朝阳区交通运输局']],
    ['长春朝阳交通局2020年行政复议', ['长春市朝阳区交通运输局']],
    ['吴江区卫健局2020年行政复议', ['苏州市吴江区卫生健康局']],
    ['吴江卫健局 2020 复议', ['苏州市吴江区卫生健康局']],
  ])('%s → %s', (q, names) => {
    const r = who(q);
    expect(r.agencies).toEqual(names);
    expect(r.unresolved).toEqual([]);
  });

  test.each(['永定区司法局2020年行政复议多少件', '2020年行政复议多少件，永定区司法局', '永定司法局 2020 复议'])('%s → which 永定区?', (q) => {
    const r = who(q);
    expect(r.agencies).toEqual([]);
    expect(r.ambiguous).toEqual(['张家界市永定区司法局', '龙岩市永定区司法局'].sort());
  });

  // The city's bureau, which is not indexed: never the county's figure.
  test.each(['辽阳应急局2020年行政复议多少件', '朝阳交通局2020年行政复议多少件'])('%s → not the county’s', (q) => {
    const r = who(q);
    expect(r.agencies).toEqual([]);
    expect(r.ambiguous).toEqual([]);
    expect(r.unresolved.length).toBe(1);
  });
});

let db: Db;
let ask: AskFn;
beforeAll(async () => {
  const { path } = await seedIndexPath();
  db = openSeed(path);
  ask = createAsker(db, { today: TODAY });
});
afterAll(() => db?.close());

describe('every catalogue figure by its own label', () => {
  const labels = METRICS.flatMap((d) => [...new Set([d.label, d.label.replace(/ /g, '')])].map((label) => [d.key, label] as const));
  test('every key is asked for', () => expect(new Set(labels.map(([k]) => k)).size).toBe(METRICS.length));
  test.each(labels)('%s ← 鹿城区2020年%s多少', (key, label) => {
    const q = ask(`鹿城区2020年${label}多少`).query as StructuredQuery;
    expect(q.slots).toHaveLength(1);
    expect(q.slots[0]).toContain(key);
    expect(q.agencies.map((a) => a.name)).toEqual([L]);
  });
});

type Case = [string, Answer['status'], string[] | null, number[] | null, string[] | null, (number | null)[] | null];
const CASES: Case[] = [
  // Terse keyword strings, the agency last, the year in 大写 or as 20年.
  ['鹿城 2020 复议', 'answered', [L], [2020], ['review.total'], [23]],
  ['统计局 申请 2020', 'answered', [S], [2020], ['requests.new'], [7]],
  ['复议 诉讼 鹿城区 20年', 'answered', [L, L], [2020, 2020], ['review.total', 'litigation.total'], [23, 18]],
  ['2020年行政复议多少件，鹿城区', 'answered', [L], [2020], ['review.total'], [23]],
  ['鹿城区贰零贰零年行政复议多少件', 'answered', [L], [2020], ['review.total'], [23]],
  ['鹿城区二〇二〇年行政复议多少件', 'answered', [L], [2020], ['review.total'], [23]],
  // A year typed without 年 was ignored and the latest report answered.
  ['鹿城区 二零二零 复议', 'answered', [L], [2020], ['review.total'], [23]],
  ['鹿城区二〇一九复议', 'not_found', null, null, ['review.total'], null],
  ['温州市鹿城区人民政府2020年政府信息公开工作年度报告中行政复议多少件', 'answered', [L], [2020], ['review.total'], [23]],
  // Asking where a figure comes from: the figure with its source.
  ['鹿城区2020年行政复议多少件，出处在哪', 'answered', [L], [2020], ['review.total'], [23]],
  ['鹿城区2020年行政复议数据来源', 'answered', [L], [2020], ['review.total'], [23]],
  ['鹿城区2020年行政复议在报告第几行', 'answered', [L], [2020], ['review.total'], [23]],
  // Applicant columns by everyday words.
  ['鹿城区2020年个人申请多少', 'answered', [L], [2020], ['requests.new'], [198]],
  ['鹿城区2020年律师事务所申请多少', 'answered', [L], [2020], ['requests.new'], [1]],
  ['鹿城区2020年企业和个人申请各多少', 'answered', [L, L], [2020, 2020], ['requests.new'], [6, 198]],
  ['鹿城区2020年法人申请多少', 'answered', [L], [2020], ['requests.new'], [10]],
  // A year asked that is not indexed: say which years are, never another year's figure.
  ['鹿城区贰零壹玖年行政复议多少件', 'not_found', null, null, ['review.total'], null],
  ['鹿城区2018年行政复议多少件', 'not_found', null, null, ['review.total'], null],
  // Markup, emoji and repeats around a real question.
  ['<b>鹿城区</b>2020年行政复议多少件', 'answered', [L], [2020], ['review.total'], [23]],
  ['鹿城区&nbsp;2020年行政复议', 'answered', [L], [2020], ['review.total'], [23]],
  ["鹿城区2020年行政复议'; DROP TABLE figures;--", 'answered', [L], [2020], ['review.total'], [23]],
  ['😀鹿城区2020年行政复议😂😂多少件', 'answered', [L], [2020], ['review.total'], [23]],
  [`${'请问'.repeat(150)}鹿城区2020年行政复议多少件`, 'answered', [L], [2020], ['review.total'], [23]],
  [`鹿城区2020年行政复议多少件${'啊'.repeat(300)}`, 'answered', [L], [2020], ['review.total'], [23]],
  [`${'？'.repeat(120)}统计局2020年收到多少申请`, 'answered', [S], [2020], ['requests.new'], [7]],
  // Not a question.
  ['23', 'unsupported', null, null, null, null],
  ['SELECT * FROM figures WHERE 1=1', 'unsupported', null, null, null, null],
  ['<script>alert(1)</script>', 'unsupported', null, null, null, null],
];

describe('office-staff phrasing and robustness over the seeds', () => {
  test.each(CASES)('%s → %s', (question, status, agencies, years, metrics, values) => {
    const a = ask(question);
    expect(AnswerSchema.safeParse(a).success).toBe(true);
    expect(a.status).toBe(status);
    const q = a.query as StructuredQuery;
    if (metrics) expect(q.metrics).toEqual(metrics);
    if (agencies) expect(a.results.map((r) => r.agency)).toEqual(agencies);
    if (years) expect(a.results.map((r) => r.year)).toEqual(years);
    if (values) expect(a.results.map((r) => r.value)).toEqual(values);
    if (status !== 'answered') expect(a.results).toEqual([]);
  });

  test('a year not indexed names the years that are', () => {
    expect(ask('鹿城区贰零壹玖年行政复议多少件').text).toBe(`索引中没有${L}2019年的报告。已收录——${L}：2020年`);
  });

  test('a share is computed from the report\'s own counts, both said, every cell cited', () => {
    const a = ask('鹿城区2020年不予公开占比多少');
    expect(a.results.map((r) => [r.metric, r.value, r.unit])).toEqual([['rate.withheld', 2.31, '%']]);
    expect(a.text).toContain('不予公开率：2.31%（5 ÷ 216）');
    expect(a.results[0]!.sources!.length).toBe(9);
  });
});

describe('two agencies joined by 和, the second not indexed', () => {
  test.each([
    ['温州市统计局和鹿城区统计局2020年收到申请', '鹿城区统计局'],
    ['鹿城区统计局和温州市统计局2020年收到申请', '鹿城区统计局'],
    ['温州市统计局和杭州市统计局2020年收到申请', '杭州市统计局'],
    ['温州市统计局与杭州统计局2020年收到申请', '杭州统计局'],
  ])('%s → 温州市统计局 found, %s not', (question, missing) => {
    const a = ask(question);
    const q = a.query as StructuredQuery;
    expect(q.agencies.map((x) => x.name)).toEqual([S]);
    expect(q.unresolved).toEqual([missing]);
    expect(a.status).toBe('not_found');
    expect(a.results).toEqual([]);
    expect(a.text.startsWith(`索引中没有“${missing}”的报告。`)).toBe(true);
  });
});

describe('an applicant asked of a figure not split by applicant', () => {
  // Pre-2019 tables give 收到申请 by channel, not by applicant: no applicant's figure exists. (Before
  // this round the channels' total 5 was answered as 商业企业's, and 5 × 5 = 25 as 法人或其他组织's.)
  test.each<[string, number | null]>([
    ['商务局2018年企业申请多少', null],
    ['商务局2018年个人申请多少', null],
    ['商务局2018年法人申请多少', null],
    ['商务局2018年收到申请多少', 5],
    ['鹿城区2020年法人申请多少', 10],
  ])('%s → %s', (question, value) => {
    const a = ask(question);
    expect(a.status).toBe('answered');
    expect(a.results.map((r) => r.value)).toEqual([value]);
  });

  // 行政复议 and 行政诉讼 are not split by applicant: the total, said to be the total, first.
  test.each<[string, string, number, string]>([
    ['鹿城区2020年企业申请行政复议多少件', 'review.total', 23, '年度报告的行政复议总计不按申请人类型分列，没有商业企业的单独数字；以下是总数。'],
    ['鹿城区2020年自然人提起的行政诉讼多少', 'litigation.total', 18, '年度报告的行政诉讼总计不按申请人类型分列，没有自然人的单独数字；以下是总数。'],
  ])('%s → the total %s = %s, with a note', (question, metric, value, note) => {
    const a = ask(question);
    expect(a.results.map((r) => [r.metric, r.value])).toEqual([[metric, value]]);
    expect(a.text.split('\n')[0]).toBe(note);
  });

  test('an applicant figure alone carries no such note', () => {
    expect(ask('鹿城区2020年企业申请多少').text).not.toContain('不按申请人类型分列');
  });
});
