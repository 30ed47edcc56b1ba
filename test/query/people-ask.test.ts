/**
 * Questions people really ask (issue 16) over the five seeds, with exact expected values: rates with
 * both counts and their definition, the report's own details with their lines, yes/no against a number,
 * the years the index lacks, agencies compared at different years, typos in figure words, and the
 * report's problems. Each case and its neighbours.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AnswerSchema, createAsker, type Answer, type AskFn, type StructuredQuery } from '../../src/query/index.ts';
import { valueText } from '../../src/query/render/format.ts';
import { buildSeedIndex } from '../helpers/seed-index.ts';

const TODAY = new Date('2025-06-01T00:00:00Z');
const L = '温州市鹿城区人民政府';
const S = '温州市统计局';
let db: Database.Database;
let ask: AskFn;
const q = (text: string): Answer => {
  const a = ask(text);
  expect(AnswerSchema.safeParse(a).success).toBe(true);
  return a;
};

beforeAll(async () => {
  db = new Database(await buildSeedIndex(), { readonly: true });
  ask = createAsker(db, { today: TODAY });
});
afterAll(() => db?.close());

describe('rates: computed from the report, both counts, formula and definition, every cell cited', () => {
  test.each([
    // [question, rate key, value %, text the answer says, lines cited]
    ['鹿城区2020年予以公开占比多少', 'rate.disclosed', 39.35, '予以公开率：39.35%（85 ÷ 216）', [371, 451]],
    ['鹿城区2020年予以公开率', 'rate.disclosed', 39.35, '定义：予以公开率 = 予以公开 ÷ 本年度办理结果总计', [371, 451]],
    ['鹿城区2020年公开率', 'rate.disclosure', 58.8, '分子：予以公开 85 件 + 部分公开 42 件；分母：本年度办理结果总计 216 件。', [371, 376, 451]],
    ['鹿城区行政复议纠正率', 'rate.review.corrected', 42.11, '行政复议纠错率：42.11%（8 ÷ 19）', [565]],
    ['鹿城区2020年复议纠错率是多少', 'rate.review.corrected', 42.11, '分母：行政复议总计 23 件 − 行政复议尚未审结 4 件。', [565]],
    ['鹿城区2020年办结率', 'rate.closed', 96.86, '办结率：96.86%（216 ÷ 223）', [451, 357, 359]],
    ['鹿城区2020年败诉率', 'rate.litigation.corrected', 14.29, '行政诉讼纠错率：14.29%（2 ÷ 14）', [565]],
    ['鹿城区自然人申请占比', 'share.requests.new', 95.19, '（自然人）占比：95.19%（198 ÷ 208）', [357]],
    ['鹿城区2020年不予公开占比', 'rate.withheld', 2.31, '不予公开率：2.31%（5 ÷ 216）', [384, 389, 391, 393, 398, 400, 402, 404, 451]],
  ])('%s → %s %d%%', (question, key, value, said, lines) => {
    const a = q(question);
    expect(a.status, a.text).toBe('answered');
    expect((a.query as StructuredQuery).kind).toBe('rate');
    expect(a.results.map((r) => [r.agency, r.year, r.metric, r.value, r.unit])).toEqual([[L, 2020, key, value, '%']]);
    expect(a.text).toContain(said);
    expect(a.results[0]!.formula).toContain(`= ${value}%`);
    const r = a.results[0]!;
    expect((r.sources ?? [r.source!]).map((c) => c.line)).toEqual(lines);
  });

  test('a denominator of 0 gives no rate, and says why', () => {
    const a = q('统计局行政诉讼败诉率');
    expect(a.results.map((r) => [r.agency, r.value])).toEqual([[S, null]]);
    expect(a.text).toContain('无从计算——分母已审结的行政诉讼（总计 − 尚未审结）为 0');
  });

  test('a figure with no whole to divide by is said, not invented', () => {
    const a = q('鹿城区2020年行政处罚占比');
    expect(a.status).toBe('unsupported');
    expect(a.results).toEqual([]);
    expect(a.text).toContain('没有可作分母的总数');
  });
});

describe("the report's own details, as printed, with the line", () => {
  test.each([
    ['温州市统计局的联系电话是多少', S, '联系电话', '0577-88967581', 9],
    ['统计局的联系电话', S, '联系电话', '0577-88967581', 9],
    ['统计局传真', S, '传真', '0577-88962556', 9],
    ['鹿城区报告什么时候发布的', L, '发布日期', '2021年2月20日', 616],
    ['鹿城区报告在哪个网站', L, '网址', 'http://www.lucheng.gov.cn', 24],
    ['鹿城区年报网址', L, '网址', 'http://www.lucheng.gov.cn', 24],
    ['鹿城区政府的地址', L, '地址', '温州市广场路188 号鹿城区行政中心', 26],
    ['鹿城区报告的邮箱', L, '电子邮箱', 'zfxxgk@lucheng.gov.cn', 28],
    ['政务服务中心邮编', '温州市政务服务中心', '邮编', '325000', 7],
    ['商务局报告是哪天发布的', '温州市商务局', '发布日期', '2019年1月2日', 119],
    ['鹿城区报告是谁发布的', L, '发布机构', L, 1],
  ])('%s → %s %s %s (line %d)', (question, agency, label, value, line) => {
    const a = q(question);
    expect(a.status, a.text).toBe('answered');
    expect((a.query as StructuredQuery).kind).toBe('detail');
    expect(a.results.map((r) => [r.agency, r.label, r.text, r.value, r.source?.line])).toEqual([[agency, label, value, null, line]]);
    expect(a.text).toContain(`报告的${label}：${value}`);
    // Every channel and page shows the detail itself where a figure would stand.
    expect(valueText(a.results[0]!)).toBe(value);
  });

  test('a detail the report does not print is said, never replaced by a figure', () => {
    const a = q('商务局报告的电子邮箱');
    expect(a.status).toBe('not_found');
    expect(a.results).toEqual([]);
    expect(a.text).toBe('《温州市商务局2018年度政府信息公开年度报告》没有写明电子邮箱。\n（未指定年份，按最新的2018年报告）');
  });

  test('网站 with a count is the figure, not the website', () => {
    const a = q('鹿城区网站公开多少条');
    expect((a.query as StructuredQuery).kind).toBe('figure');
    expect(a.results.map((r) => [r.metric, r.value])).toEqual([['proactive.website', 11000]]);
  });
});

describe('yes/no against a number', () => {
  test.each([
    ['鹿城区2020年申请是不是超过200件', '是，208 件，超过 200 件。'],
    ['鹿城区申请超过300件了吗', '否，208 件，没有超过 300 件。'],
    ['鹿城区2020年行政复议是否达到20件', '是，23 件，达到 20 件。'],
    ['鹿城区2020年行政复议不到10件吧？是不是', '否，23 件，没有少于 10 件。'],
    ['统计局2020年收到申请有没有10件以上', '否，7 件，没有达到 10 件。'],
  ])('%s → %s', (question, verdict) => {
    const a = q(question);
    expect((a.query as StructuredQuery).kind).toBe('yesno');
    expect(a.text.startsWith(verdict), a.text).toBe(true);
  });

  test('the threshold is not read as a year or a second figure', () => {
    const a = q('鹿城区2020年申请是不是超过200件');
    expect(a.results.map((r) => [r.year, r.metric, r.value])).toEqual([[2020, 'requests.new', 208]]);
  });
});

describe('years the index does not hold are said', () => {
  test('近三年: the three years up to the latest report, the two missing named', () => {
    const a = q('鹿城区近三年行政诉讼情况');
    expect(a.results.map((r) => [r.year, r.value])).toEqual([[2020, 18]]);
    expect(a.text).toContain('（未收录：温州市鹿城区人民政府2018年、温州市鹿城区人民政府2019年的报告）');
  });
  test('a range: each year not indexed', () => {
    const a = q('鹿城区2019到2020年行政复议');
    expect(a.results.map((r) => r.year)).toEqual([2020]);
    expect(a.text).toContain('（未收录：温州市鹿城区人民政府2019年的报告）');
  });
});

describe('agencies compared at their own latest years', () => {
  test('政务服务中心 2020 against 商务局 2018: both kept, each year said, the difference', () => {
    const a = q('政务服务中心和商务局哪个申请多');
    expect((a.query as StructuredQuery).kind).toBe('compare');
    expect(a.results.map((r) => [r.agency, r.year, r.value])).toEqual([['温州市政务服务中心', 2020, 7], ['温州市商务局', 2018, 5]]);
    expect(a.text).toContain('（未指定年份，各按最新报告：温州市政务服务中心2020年、温州市商务局2018年；年份不同，请注意比较口径）');
    expect(a.text).toContain('温州市政务服务中心（2020年）比温州市商务局（2018年）多 2 件。');
  });
});

describe('typos in figure words, by edit distance over the vocabulary', () => {
  test.each([
    ['鹿城区2020年行政复义多少件', 'review.total', 23, '（按“行政复义”理解为“行政复议”）'],
    ['鹿城区2020年不予公幵多少', 'requests.result.withheld', 5, '（按“不予公幵”理解为“不予公开”）'],
  ])('%s → %s %d', (question, metric, value, note) => {
    const a = q(question);
    expect(a.results.map((r) => [r.metric, r.value])).toEqual([[metric, value]]);
    expect(a.text).toContain(note);
  });
  test.each([
    // Words next to each other are those words, not a typo of a longer one.
    ['鹿城区2020年复议和诉讼各多少', ['review.total', 'litigation.total']],
    ['鹿城区2020年结余多少件申请', ['requests.carried_forward']],
    ['鹿城区2020年的信息公开情况', ['requests.new', 'review.total', 'litigation.total']],
  ])('%s stays %j', (question, metrics) => {
    expect((q(question).query as StructuredQuery).metrics).toEqual(metrics);
  });
});

describe("the report's problems: its warnings, each with its lines", () => {
  test('统计局: the 14-vs-7 contradiction and the 总计 that does not add up', () => {
    const a = q('统计局报告数据有矛盾吗');
    expect((a.query as StructuredQuery).kind).toBe('problems');
    expect(a.text).toContain('《温州市统计局2020年政府信息公开工作年度报告》有 2 处需要注意（表内勾稽关系不符、正文与表格不一致）：');
    expect(a.text).toContain('报告正文称本年新收申请14件（第19行），表格为7件（第59行）');
    expect(a.warnings.length).toBe(2);
  });
  test('a report without warnings says so', () => {
    const a = q('鹿城区报告有矛盾吗');
    expect(a.text).toBe('《温州市鹿城区人民政府2020年政府信息公开工作年度报告》未发现矛盾：表格的勾稽关系、正文与表格的对照都一致。\n（未指定年份，按最新的2020年报告）');
  });
});
