/** Years, numbers, text normal form, alias derivation and agency resolution, each on its own. */
import { describe, expect, test } from 'vitest';
import { deriveAliases } from '../../src/catalogue/names.ts';
import { AgencyIndex } from '../../src/query/agency/agency-index.ts';
import { normalizeText } from '../../src/query/text/normalize.ts';
import { chineseDigitsToArabic, parseSmallNumber } from '../../src/query/understand/numbers.ts';
import { understand } from '../../src/query/understand/understand.ts';
import { parseYears, type YearSpec } from '../../src/query/understand/years.ts';
import type { AgencyRow } from '../../src/store/schema.ts';

const TODAY = new Date('2021-03-01T00:00:00Z');

describe('years', () => {
  test.each<[string, YearSpec]>([
    ['2020年行政复议', { type: 'single', year: 2020 }],
    ['2020行政复议', { type: 'single', year: 2020 }],
    ['20年行政复议', { type: 'single', year: 2020 }],
    ['二〇二〇年', { type: 'single', year: 2020 }],
    ['二零二零年', { type: 'single', year: 2020 }],
    ['二〇一九年度', { type: 'single', year: 2019 }],
    ['２０２０年', { type: 'single', year: 2020 }],
    ['2020年度', { type: 'single', year: 2020 }],
    ['去年', { type: 'single', year: 2020 }],
    ['前年', { type: 'single', year: 2019 }],
    ['今年', { type: 'single', year: 2021 }],
    ['2019到2021年', { type: 'range', from: 2019, to: 2021 }],
    ['2019年至2021年', { type: 'range', from: 2019, to: 2021 }],
    ['2019-2020年', { type: 'range', from: 2019, to: 2020 }],
    ['近三年', { type: 'recent', count: 3 }],
    ['最近5年', { type: 'recent', count: 5 }],
    ['过去两年', { type: 'recent', count: 2 }],
    ['历年', { type: 'all' }],
    ['每年', { type: 'all' }],
    ['2019年和2020年', { type: 'list', years: [2019, 2020] }],
    ['行政复议多少件', { type: 'latest' }],
    ['上年结转多少', { type: 'latest' }],
    ['本年新收多少', { type: 'latest' }],
    ['上一年项目数量', { type: 'latest' }],
    ['去年结转多少', { type: 'latest' }],
    ['两千零二十年', { type: 'single', year: 2020 }],
    ['二千零一十九年', { type: 'single', year: 2019 }],
    ['采购总金额12454593元', { type: 'latest' }],
  ])('%s', (text, expected) => {
    expect(parseYears(normalizeText(text), TODAY).years).toEqual(expected);
  });

  test('year text is taken out of the question', () => {
    expect(parseYears('鹿城区2020年行政复议', TODAY).rest).toBe('鹿城区，行政复议');
  });
});

describe('numbers', () => {
  test.each<[string, number | null]>([
    ['三', 3], ['十', 10], ['十二', 12], ['二十', 20], ['二十五', 25], ['两', 2], ['5', 5], ['12', 12], ['', null], ['百', null],
  ])('%s → %s', (text, n) => expect(parseSmallNumber(text)).toBe(n));

  test.each([
    ['二〇二〇年', '2020年'],
    ['二零一九年', '2019年'],
    ['二〇年', '20年'],
  ])('%s → %s', (a, b) => expect(chineseDigitsToArabic(a)).toBe(b));
});

describe('normal form', () => {
  test.each([
    ['鹿城區', '鹿城区'],
    ['行政複議', '行政复议'],
    ['溫州市統計局', '温州市统计局'],
    ['２０２０年', '2020年'],
    ['鹿城区 2020 年', '鹿城区2020年'],
    ['ＡＰＰ', 'app'],
  ])('%s → %s', (a, b) => expect(normalizeText(a)).toBe(b));
});

const aliasesOf = (name: string, city: string | null = null, county: string | null = null, province: string | null = null) =>
  deriveAliases({ name, province, city, county }).map((a) => a.alias);

describe('aliases derived by rule', () => {
  test.each<[string, string | null, string | null, string[]]>([
    ['温州市鹿城区人民政府', '温州市', '鹿城区', ['鹿城区', '鹿城', '鹿城区政府', '鹿城区人民政府', '温州鹿城区', '区政府']],
    ['温州市统计局', '温州市', null, ['市统计局', '温州统计局', '统计局']],
    ['温州市经济和信息化局', '温州市', null, ['经信局', '市经信局', '温州经信局', '温州市经信局', '经济和信息化局']],
    ['杭州市发展和改革委员会', '杭州市', null, ['发改委', '杭州发改委', '市发改委']],
    ['衢州市发展和改革局', null, null, ['发改局', '发改委', '衢州发改局']],
    ['宁波市人力资源和社会保障局', '宁波市', null, ['人社局', '宁波人社局', '市人社局']],
    ['湖州市自然资源和规划局', '湖州市', null, ['资规局', '自然资源局', '湖州资规局']],
    ['嘉兴市市场监督管理局', '嘉兴市', null, ['市场监管局', '嘉兴市场监管局']],
    ['绍兴市住房和城乡建设局', '绍兴市', null, ['住建局', '绍兴住建局']],
    ['金华市生态环境局', '金华市', null, ['环境局', '金华环境局']],
    ['温州市政务服务中心', '温州市', null, ['政务服务中心', '行政服务中心', '市行政服务中心']],
    ['台州市政务服务管理办公室', '台州市', null, ['政务服务中心', '行政服务中心']],
    ['丽水市文化和旅游局', '丽水市', null, ['文旅局']],
    ['舟山市卫生健康委员会', '舟山市', null, ['卫健委', '卫生健康委']],
    ['宁波市鄞州区人力资源和社会保障局', '宁波市', '鄞州区', ['鄞州区人社局', '鄞州人社局', '人社局']],
    ['温州市鹿城区五马街道办事处', '温州市', '鹿城区', ['五马街道', '鹿城区五马街道', '五马街道办事处']],
    ['淮安市洪泽区高良涧镇人民政府', '淮安市', '洪泽区', ['高良涧镇', '洪泽区高良涧镇', '高良涧镇政府']],
    ['淮安市洪泽区人民政府办公室', '淮安市', '洪泽区', ['洪泽区政府办', '洪泽区政府办公室', '区政府办']],
    ['温州经济技术开发区管理委员会', null, null, ['温州经济技术开发区管委会']],
  ])('%s', (name, city, county, expected) => {
    const aliases = aliasesOf(name, city, county);
    expect(aliases[0]).toBe(name);
    for (const e of expected) expect(aliases).toContain(e);
  });

  test('no alias shorter than two characters, no duplicates', () => {
    const a = aliasesOf('温州市鹿城区人民政府', '温州市', '鹿城区');
    expect(a.every((x) => x.length >= 2)).toBe(true);
    expect(new Set(a).size).toBe(a.length);
  });
});

// An index of agencies that are NOT among the seeds.
const ROWS: AgencyRow[] = [
  ['杭州市发展和改革委员会', '杭州市', null],
  ['宁波市人力资源和社会保障局', '宁波市', null],
  ['温州市统计局', '温州市', null],
  ['湖州市统计局', '湖州市', null],
  ['温州市鹿城区人民政府', '温州市', '鹿城区'],
  ['宁波市鄞州区人民政府', '宁波市', '鄞州区'],
  ['绍兴市住房和城乡建设局', '绍兴市', null],
  ['定西市漳县文化和旅游局', '定西市', '漳县'],
  ['鹤壁市浚县文化和旅游局', '鹤壁市', '浚县'],
].map(([name, city, county], i) => ({ id: i + 1, name: name!, province: '浙江省', city: city ?? null, county: county ?? null, division_code: null }));
const INDEX = new AgencyIndex(ROWS, []);
const agenciesIn = (q: string) => understand(q, INDEX, TODAY).query;

describe('agency resolution', () => {
  test.each([
    ['杭州市发改委2020年收到多少申请', '杭州市发展和改革委员会'],
    ['杭州发改委复议', '杭州市发展和改革委员会'],
    ['发改委2020年行政复议', '杭州市发展和改革委员会'],
    ['宁波市人社局行政诉讼', '宁波市人力资源和社会保障局'],
    ['人社局去年收到多少申请', '宁波市人力资源和社会保障局'],
    ['住建局2020年复议', '绍兴市住房和城乡建设局'],
    ['湖州统计局2020年复议', '湖州市统计局'],
    ['温州市统计局2020年复议', '温州市统计局'],
    ['鄞州区行政复议', '宁波市鄞州区人民政府'],
    ['鄞州2020年收到申请', '宁波市鄞州区人民政府'],
    ['鄞州區行政複議', '宁波市鄞州区人民政府'],
    ['鹿城行政复议', '温州市鹿城区人民政府'],
    ['鹿域区2020年行政复议', '温州市鹿城区人民政府'],
    ['湖洲市统计局复议', '湖州市统计局'],
  ])('%s → %s', (q, name) => {
    const query = agenciesIn(q);
    expect(query.agencies.map((a) => a.name)).toEqual([name]);
    expect(query.unresolved).toEqual([]);
  });

  test('two cities’ 统计局 → ambiguous, both offered', () => {
    const q = agenciesIn('统计局2020年收到多少申请');
    expect(q.agencies).toEqual([]);
    expect(q.ambiguous[0]!.candidates.map((c) => c.name).sort()).toEqual(['温州市统计局', '湖州市统计局'].sort());
  });

  test('市统计局 is ambiguous too', () => {
    expect(agenciesIn('市统计局行政复议').ambiguous).toHaveLength(1);
  });

  test('a forced agency id wins over the text', () => {
    expect(understand('统计局2020年收到多少申请', INDEX, TODAY, 4).query.agencies.map((a) => a.name)).toEqual(['湖州市统计局']);
  });

  test.each([
    ['北京市海淀区2020年行政复议多少件', '北京市海淀区'],
    ['北京市统计局收到多少申请', '北京市统计局'],
    ['上海市浦东新区人民政府行政诉讼', '上海市浦东新区人民政府'],
    ['广州市发改委复议多少', '广州市发改委'],
    // One character from 温州市统计局 / 湖州市统计局, but 杭州市 is a real city: another agency, not a typo.
    ['杭州市统计局2020年行政复议', '杭州市统计局'],
    ['福州市统计局收到多少申请', '福州市统计局'],
    // A place stem without 市/区 before a department is still another place's department.
    ['长春统计局收到多少申请', '长春统计局'],
    ['瓯海统计局2020年复议', '瓯海统计局'],
    ['宁波住建局2020年复议', '宁波住建局'],
    // An office of the agency found is another agency, not a typo of it.
    ['鄞州区政府办2020年复议', '鄞州区政府办'],
    ['鄞州区政府办公室复议', '鄞州区政府办公室'],
    // One edit from two agencies (漳县…, 浚县…): no typo we can settle.
    ['洨县文化和旅游局收到多少申请', '洨县文化和旅游局'],
  ])('unknown agency %s is unresolved, never another agency', (q, text) => {
    const query = agenciesIn(q);
    expect(query.agencies).toEqual([]);
    expect(query.unresolved).toEqual([text]);
  });

  test('濬县 is the Traditional form of 浚县', () => {
    expect(agenciesIn('濬縣文化和旅遊局收到多少申請').agencies.map((a) => a.name)).toEqual(['鹤壁市浚县文化和旅游局']);
  });

  test('a place named alone limits a total to its agencies; asked about alone, it is an agency we lack', () => {
    const total = agenciesIn('湖州市各单位行政复议合计');
    expect(total.kind).toBe('total');
    expect(total.scope).toEqual(['湖州市']);
    expect(total.unresolved).toEqual([]);
    expect(agenciesIn('湖州2020年行政复议').unresolved).toEqual(['湖州']);
  });

  test('"统计局有几个" lists the agencies of that name', () => {
    const q = agenciesIn('统计局有几个');
    expect(q.kind).toBe('list_agencies');
    expect(q.ambiguous[0]!.candidates).toHaveLength(2);
  });

  test('fuzzy suggestions rank the closest names first', () => {
    expect(INDEX.fuzzy('鹿域区')[0]!.name).toBe('温州市鹿城区人民政府');
    expect(INDEX.fuzzy('湖州统计')[0]!.name).toBe('湖州市统计局');
  });
});

describe('figures understood', () => {
  test.each<[string, string[], string | null]>([
    ['鹿城区2020年复议和诉讼各多少', ['review.total', 'litigation.total'], null],
    ['行政许可上一年项目数量', ['licensing.prev_items'], null],
    ['行政处罚增减', ['penalty.change'], null],
    ['直接起诉维持', ['litigation.direct.upheld'], null],
    ['复议后起诉尚未审结', ['litigation.after_review.pending'], null],
    ['自然人申请', ['requests.new'], 'natural'],
    ['法人或其他组织申请多少', ['requests.new'], 'legal_person'],
    ['商业企业予以公开', ['requests.result.disclosed'], 'commercial'],
    ['规范性文件制发', ['normative_docs.issued'], null],
    ['规范性文件废止多少件', ['normative_docs.repealed'], null],
    ['现行有效的规范性文件', ['normative_docs.in_force'], null],
    ['行政事业性收费金额', ['fees.amount'], null],
    ['政府集中采购', ['procurement.projects', 'procurement.amount'], null],
    ['主动公开', ['proactive.total'], null],
    ['微博公开多少条', ['proactive.weibo'], null],
    ['政府公报', ['proactive.gazette'], null],
    ['培训班几期', ['training.sessions'], null],
    ['不予处理', ['requests.result.not_processed'], null],
    ['要求提供公开出版物', ['requests.result.not_processed.publication'], null],
    ['补正后申请内容仍不明确', ['requests.result.unavailable.unclear'], null],
  ])('%s', (q, metrics, applicant) => {
    const query = agenciesIn(q);
    expect(query.metrics).toEqual(metrics);
    expect(query.applicant).toBe(applicant);
  });

  test.each<[string, string]>([
    ['2020年哪个单位行政复议最多', 'ranking'],
    ['行政复议前三名', 'ranking'],
    ['所有单位一共收到多少申请', 'total'],
    ['鹿城区有没有行政复议', 'yesno'],
    ['鹿城区近三年行政复议', 'trend'],
    ['鹿城区行政复议的变化', 'trend'],
    ['鹿城区和鄞州区行政复议', 'compare'],
    ['有哪些单位', 'list_agencies'],
    ['鹿城区有哪些年份', 'list_years'],
    ['能问什么', 'help'],
    ['鹿城区2020年行政复议', 'figure'],
    ['哪些单位没有被复议过', 'filter'],
    ['2020年有几个单位被起诉', 'filter'],
    ['哪个单位没有收到申请', 'filter'],
    ['不予公开的理由都有哪些', 'figure'],
    ['哪个单位无法提供的最多', 'ranking'],
    ['鹿城区收到的申请是增加还是减少', 'trend'],
    ['鹿城区被复议了吗', 'yesno'],
  ])('%s → %s', (q, kind) => {
    expect(agenciesIn(q).kind).toBe(kind);
  });

  test('a filter says zero or above zero, and whether a count is asked', () => {
    expect(agenciesIn('哪些单位没有被复议过')).toMatchObject({ filter: 'zero', metrics: ['review.total'] });
    expect(agenciesIn('2020年有几个单位被起诉')).toMatchObject({ filter: 'nonzero', count: true, metrics: ['litigation.total'] });
  });

  test('最多的三个 gives topN 3; a fragment keeps its order for the follow-up', () => {
    expect(agenciesIn('2020年收到申请最多的三个单位').topN).toBe(3);
    expect(agenciesIn('那最少的呢').order).toBe('asc');
  });

  test('前三 gives topN 3, 最少 ascending', () => {
    expect(agenciesIn('2020年行政复议前三').topN).toBe(3);
    expect(agenciesIn('2020年哪个单位申请最少').order).toBe('asc');
  });
});
