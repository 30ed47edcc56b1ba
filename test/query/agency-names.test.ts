/**
 * Every reporting unit by its real name (issue 11): a table of names typed in questions, over an index
 * of real kinds of units (a zone's 管委会, its 片区管理局 and bureaus, the county beside it, a gazetteer
 * development zone, a state-level new area, a central agency, a 省直 department, a 兵团 unit, a county
 * whose name OCR misreads), each expected to resolve to one agency, to be another agency we lack
 * (not_found), or to need a choice (clarify). Never the wrong agency.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { agencyPlace } from '../../src/catalogue/agency-place.ts';
import { deriveAliases } from '../../src/catalogue/names.ts';
import { AgencyIndex } from '../../src/query/agency/agency-index.ts';
import { understand } from '../../src/query/understand/understand.ts';
import type { AgencyRow } from '../../src/store/schema.ts';
import { createAsker, type AskFn } from '../../src/query/index.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { SEED_DIR } from '../helpers/seed-index.ts';
import { openSeed, seedIndexPath } from './seed-db.ts';

const NAMES = [
  '温州市统计局', '温州市商务局', '温州市鹿城区人民政府', '温州市鹿城区统计局', '温州市人民政府办公室',
  '平潭综合实验区管理委员会', '平潭综合实验区公安局', '平潭县公安局', '平潭县人民政府', '平潭综合实验区海坛片区管理局',
  '平潭综合实验区金井片区管理局', '平潭综合实验区君山片区管理局', '平潭综合实验区财政金融局', '平潭综合实验区市场监督管理局',
  '平潭综合实验区行政审批局', '平潭综合实验区社会事业局', '平潭综合实验区自然资源与生态环境局', '平潭综合实验区交通与建设局',
  '平潭县信访局', '苏州工业园区管理委员会', '河北雄安新区管理委员会', '国家统计局', '浙江省统计局', '新疆生产建设兵团统计局',
  '沭阳县发展和改革局',
];

function buildIndex(names: readonly string[]): AgencyIndex {
  const rows: AgencyRow[] = names.map((name, i) => {
    const p = agencyPlace(name);
    return { id: i + 1, name, province: p?.province ?? null, city: p?.city ?? null, county: p?.county ?? null, division_code: p?.divisionCode ?? null };
  });
  const aliases = rows.flatMap((r) => deriveAliases(r).map((a) => ({ alias: a.alias, agency_id: r.id })));
  return new AgencyIndex(rows, aliases);
}

const TODAY = new Date('2024-03-01T00:00:00Z');
type Verdict = string | 'not_found' | 'clarify';

/** What ask() does with the understood question: the order of its checks (clarify, then not_found). */
function verdict(index: AgencyIndex, question: string): Verdict {
  const q = understand(question, index, TODAY).query;
  if (q.ambiguous.length > 0) return 'clarify';
  if (q.unresolved.length > 0) return 'not_found';
  if (q.agencies.length === 1) return q.agencies[0]!.name;
  return q.agencies.length === 0 ? 'none' : 'several';
}

const ZONE = '平潭综合实验区管理委员会';
const ZGA = '平潭综合实验区公安局';
const HT = '平潭综合实验区海坛片区管理局';
const JJ = '平潭综合实验区金井片区管理局';
const JS = '平潭综合实验区君山片区管理局';
const PTX = '平潭县人民政府';
const SIP = '苏州工业园区管理委员会';
const XA = '河北雄安新区管理委员会';

const RESOLVES: [string, string][] = [
  // The zone's governing body by every name it goes by.
  ['平潭综合实验区管理委员会', ZONE], ['平潭综合实验区管委会', ZONE], ['平潭实验区管委会', ZONE], ['平潭管委会', ZONE],
  ['平潭综合实验区', ZONE], ['平潭实验区', ZONE], ['福建省平潭综合实验区', ZONE], ['平潭综合区管委会', ZONE],
  // Its areas and bureaus.
  ['平潭综合实验区海坛片区管理局', HT], ['海坛片区管理局', HT], ['海坛片区', HT], ['平潭海坛片区管理局', HT], ['海坛管理局', HT],
  ['金井片区', JJ], ['金井片区管理局', JJ], ['平潭金井片区', JJ], ['君山片区管理局', JS], ['君山片区', JS],
  ['平潭综合实验区公安局', ZGA], ['平潭实验区公安局', ZGA], ['平潭综合区公安局', ZGA],
  ['平潭综合实验区财政金融局', '平潭综合实验区财政金融局'], ['财政金融局', '平潭综合实验区财政金融局'], ['平潭财政金融局', '平潭综合实验区财政金融局'],
  ['平潭综合实验区市场监督管理局', '平潭综合实验区市场监督管理局'], ['平潭实验区市场监管局', '平潭综合实验区市场监督管理局'],
  ['行政审批局', '平潭综合实验区行政审批局'], ['平潭行政审批局', '平潭综合实验区行政审批局'],
  ['社会事业局', '平潭综合实验区社会事业局'], ['交通与建设局', '平潭综合实验区交通与建设局'],
  ['自然资源与生态环境局', '平潭综合实验区自然资源与生态环境局'],
  // The county beside the zone.
  ['平潭县', PTX], ['平潭县人民政府', PTX], ['平潭县政府', PTX], ['平潭县公安局', '平潭县公安局'], ['平潭县信访局', '平潭县信访局'],
  ['信访局', '平潭县信访局'],
  // A gazetteer development zone, a state-level new area, a central agency, a 省直 department, a 兵团 unit.
  ['苏州工业园区管理委员会', SIP], ['苏州工业园区管委会', SIP], ['苏州工业园区', SIP],
  ['河北雄安新区管理委员会', XA], ['雄安新区管委会', XA], ['雄安新区', XA], ['雄安', XA], ['雄安管委会', XA],
  ['国家统计局', '国家统计局'], ['浙江省统计局', '浙江省统计局'], ['浙江统计局', '浙江省统计局'],
  ['新疆生产建设兵团统计局', '新疆生产建设兵团统计局'], ['兵团统计局', '新疆生产建设兵团统计局'], ['新疆兵团统计局', '新疆生产建设兵团统计局'],
  // A county and its department's abbreviations.
  ['沭阳县发展和改革局', '沭阳县发展和改革局'], ['沭阳县发改局', '沭阳县发展和改革局'], ['沭阳发改局', '沭阳县发展和改革局'], ['沭阳县发改委', '沭阳县发展和改革局'],
  // Places of the gazetteer, and 人民政府办公室 ↔ 政府办公室 ↔ 政府办.
  ['温州市统计局', '温州市统计局'], ['温州统计局', '温州市统计局'], ['鹿城区统计局', '温州市鹿城区统计局'], ['温州市鹿城区', '温州市鹿城区人民政府'],
  ['鹿城区政府', '温州市鹿城区人民政府'], ['鹿城区人民政府', '温州市鹿城区人民政府'], ['鹿城', '温州市鹿城区人民政府'],
  ['商务局', '温州市商务局'], ['温州市商务局', '温州市商务局'], ['请问温州商务局', '温州市商务局'],
  ['温州市人民政府办公室', '温州市人民政府办公室'], ['温州市政府办公室', '温州市人民政府办公室'], ['温州市政府办', '温州市人民政府办公室'],
  // A department name after the place the user gave and 的: unique in that place.
  ['平潭县的公安局', '平潭县公安局'], ['平潭实验区的公安局', ZGA], ['平潭综合实验区的公安局', ZGA], ['温州市的统计局', '温州市统计局'],
  ['温州的统计局', '温州市统计局'], ['鹿城区的统计局', '温州市鹿城区统计局'], ['平潭县的信访局', '平潭县信访局'], ['福建省平潭综合实验区公安局', ZGA],
];

const NOT_FOUND: string[] = [
  // Another level or system before a department name.
  '中央统计局', '国家商务局', '中共统计局', '国务院统计局', '全国统计局', '兵团商务局', '海关统计局',
  // Central ministries and other agencies we lack.
  '商务部', '财政部', '国家发改委', '国家税务总局', '审计署',
  // Zones, new areas and development zones we lack.
  '杭州高新区管委会', '苏州高新区管委会', '温州经开区管委会', '嘉兴经济技术开发区管委会', '浦东新区管委会', '滨海新区统计局',
  '雄安新区公安局', '两江新区管委会', '宁波保税区管委会',
  // Another place.
  '杭州市统计局', '北京市统计局', '宁波商务局', '福建省统计局', '福州市公安局', '江苏省统计局', '上海市商务局', '宿迁市统计局',
  '长乐区公安局', '温州市鹿城区市场监管局', '瓯海区统计局',
  // Another unit under a place we hold.
  '平潭综合实验区教育局', '平潭县财政金融局', '海坛片区公安局', '金井镇人民政府', '平潭县海坛街道办事处', '苏州工业园区统计局',
  '新疆生产建设兵团第八师统计局', '鹿城区五马街道办事处', '平潭综合实验区岚城片区管理局', '沭阳县教育局', '鹿城区政府办',
  // …also after 的: the department of a place that has none in the index.
  '平潭县的财政金融局', '鹿城区的商务局', '杭州市的统计局', '海坛片区的公安局', '雄安新区的统计局',
];

const CLARIFY: string[] = ['统计局', '公安局', '平潭公安局', '平潭', '平潭的公安局', '温州市鹿城区统计局和统计局'];

describe('agency names in questions (issue 11): resolves, not_found, clarify — never a wrong agency', () => {
  const index = buildIndex(NAMES);

  test('the table is large enough', () => {
    expect(RESOLVES.length + NOT_FOUND.length + CLARIFY.length).toBeGreaterThanOrEqual(100);
  });

  test.each(RESOLVES)('%s → %s', (name, expected) => {
    expect(verdict(index, `${name}2023年行政复议多少件`)).toBe(expected);
  });

  test.each(NOT_FOUND)('%s → not_found', (name) => {
    expect(verdict(index, `${name}2023年行政复议多少件`)).toBe('not_found');
  });

  test.each(CLARIFY)('%s → clarify', (name) => {
    expect(verdict(index, `${name}2023年行政复议多少件`)).toBe('clarify');
  });

  // The same names asked other ways: a lead-in before, another figure and year word after.
  test.each(RESOLVES)('请问%s去年收到多少申请 → %s', (name, expected) => {
    expect(verdict(index, `请问${name}去年收到多少申请`)).toBe(expected);
  });
  test('another level\'s word is never a typo of a place: 中央统计局 is not 中山统计局, 国家统计局 is not 国家税务局', () => {
    const small = buildIndex(['广东省中山市统计局', '国家税务总局']);
    expect(verdict(small, '中央统计局2023年行政复议多少件')).toBe('not_found');
    expect(verdict(small, '中山统计局2023年行政复议多少件')).toBe('广东省中山市统计局');
    expect(verdict(small, '国家税务局2023年行政复议多少件')).toBe('国家税务总局');
  });

  test.each(['说说商务局', '介绍一下商务局', '关于商务局', '给我查商务局', '帮我看看商务局', '对比商务局', '我想了解商务局', '商务局'])(
    'a lead-in is no qualifier: %s2020年的培训 → 温州市商务局',
    (text) => expect(verdict(index, `${text}2020年的培训`)).toBe('温州市商务局'),
  );
  test.each(NOT_FOUND)('查一下%s的行政诉讼 → not_found', (name) => {
    expect(verdict(index, `查一下${name}的行政诉讼`)).toBe('not_found');
  });
});

describe('the issue\'s questions on the embedded corpus: not_found with suggestions, never a 温州 agency\'s figure', () => {
  let ask: AskFn;
  let one: AskFn;
  beforeAll(async () => {
    ask = createAsker(openSeed((await seedIndexPath()).path), { today: TODAY });
    // One report indexed (鹿城区's): a question about another agency must not fall back to the only one.
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-one-'));
    mkdirSync(join(dir, 'r'));
    copyFileSync(join(SEED_DIR, '002_ebc6c56e4ff49493.txt'), join(dir, 'r', 'r.txt'));
    await ingestPaths([join(dir, 'r')], { db: join(dir, 'one.db') });
    one = createAsker(openSeed(join(dir, 'one.db')), { today: TODAY });
  });

  test.each([
    ['国家统计局2020年行政复议多少件', '国家统计局'],
    ['中央统计局2020年行政复议多少件', '中央统计局'],
    ['兵团统计局2020年行政复议多少件', '兵团统计局'],
    ['国家商务局2018年培训多少人次', '国家商务局'],
    ['商务部2018年培训多少人次', '商务部'],
  ])('%s → not_found naming %s', (question, name) => {
    const a = ask(question);
    expect(a.status).toBe('not_found');
    expect(a.results).toEqual([]);
    expect(a.text).toContain(`索引中没有“${name}”的报告`);
    expect(a.suggestions.length).toBeGreaterThan(0);
  });

  test.each([
    ['杭州高新区管委会2020年行政复议多少件', '杭州高新区管委会'],
    ['苏州工业园区管委会2020年行政复议多少件', '苏州工业园区管委会'],
    ['商务部2020年行政复议多少件', '商务部'],
    ['国家统计局2020年行政复议多少件', '国家统计局'],
  ])('one report indexed: %s → not_found, not 鹿城区\'s 23 件', (question, name) => {
    const a = one(question);
    expect(a.status).toBe('not_found');
    expect(a.results).toEqual([]);
    expect(a.text).toBe(`索引中没有“${name}”的报告。相近的单位：温州市鹿城区人民政府`);
  });

  test('the real short names still answer: 统计局 (the one 统计局 in the index), 鹿城区', () => {
    expect(ask('统计局2020年行政复议多少件').results.map((r) => [r.agency, r.value])).toEqual([['温州市统计局', 0]]);
    expect(one('鹿城区2020年行政复议多少件').results.map((r) => [r.agency, r.value])).toEqual([['温州市鹿城区人民政府', 23]]);
  });
});
