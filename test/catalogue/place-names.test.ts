/**
 * One stem rule for place names (gazetteer.ts shortPlaceName, used by agency aliases and the query's place
 * words alike): an autonomous area is called by its place name without its ethnic groups (黔东南苗族侗族自治州
 * → 黔东南, 黔东南州), as people say it. There used to be two rules (names.ts placeStem kept the groups:
 * 黔东南苗族侗族, 新疆维吾尔); they disagreed on 广西/宁夏/新疆 and both were wrong elsewhere.
 */
import { describe, expect, test } from 'vitest';
import { gazetteer, knownPlaceNames, shortPlaceForms, shortPlaceName } from '../../src/catalogue/gazetteer.ts';
import { deriveAliases } from '../../src/catalogue/names.ts';
import { AgencyIndex } from '../../src/query/agency/agency-index.ts';
import { understand } from '../../src/query/understand/understand.ts';
import type { AgencyRow } from '../../src/store/schema.ts';

describe('place stems', () => {
  test.each([
    // autonomous regions, prefectures, counties and banners
    ['新疆维吾尔自治区', '新疆'],
    ['广西壮族自治区', '广西'],
    ['宁夏回族自治区', '宁夏'],
    ['西藏自治区', '西藏'],
    ['内蒙古自治区', '内蒙古'], // not 内 + 蒙古
    ['黔东南苗族侗族自治州', '黔东南'],
    ['延边朝鲜族自治州', '延边'],
    ['恩施土家族苗族自治州', '恩施'],
    ['海西蒙古族藏族自治州', '海西'],
    ['伊犁哈萨克自治州', '伊犁'], // printed without 族
    ['克孜勒苏柯尔克孜自治州', '克孜勒苏'],
    ['峨边彝族自治县', '峨边'],
    ['龙胜各族自治县', '龙胜'],
    ['积石山保安族东乡族撒拉族自治县', '积石山'],
    ['双江拉祜族佤族布朗族傣族自治县', '双江'],
    ['察布查尔锡伯自治县', '察布查尔'],
    ['东乡族自治县', '东乡'], // named after its people
    ['鄂温克族自治旗', '鄂温克'],
    ['鄂伦春自治旗', '鄂伦春'],
    // ethnic districts
    ['管城回族区', '管城'],
    ['梅里斯达斡尔族区', '梅里斯'],
    // other levels, as before
    ['温州市', '温州'],
    ['鹿城区', '鹿城'],
    ['北京市', '北京'],
    ['浙江省', '浙江'],
    ['香港特别行政区', '香港'],
    ['大兴安岭地区', '大兴安岭'],
    ['锡林郭勒盟', '锡林郭勒'],
    ['正镶白旗', '正镶白'],
    ['五马街道', '五马'],
    ['高良涧镇', '高良涧'],
    // two characters at least
    ['东区', '东区'],
    ['沙县', '沙县'],
  ])('%s → %s', (name, stem) => {
    expect(shortPlaceName(name)).toBe(stem);
  });

  test('no stem of a province, city or county of the gazetteer keeps an ethnic group', () => {
    const g = gazetteer();
    const names = [...g.provinces.values()].map((p) => p.name);
    for (const c of g.cities.values()) if (c.name) names.push(c.name);
    for (const list of g.areasByName.values()) for (const a of list) names.push(a.name);
    const stems = names.map((n) => [n, shortPlaceName(n)]);
    // No stem keeps an ethnic group or the word 自治 (黔东南苗族侗族, 莫力达瓦达斡尔族自治 before).
    expect(stems.filter(([, s]) => /族$|自治/.test(s!))).toEqual([]);
    expect(names.filter((n) => /自治[区州县旗]$/.test(n)).length).toBe(155);
  });

  test.each([
    ['黔东南苗族侗族自治州', ['黔东南州', '黔东南']],
    ['恩施土家族苗族自治州', ['恩施州', '恩施']],
    ['峨边彝族自治县', ['峨边县', '峨边']],
    ['莫力达瓦达斡尔族自治旗', ['莫力达瓦旗', '莫力达瓦']],
    ['管城回族区', ['管城区', '管城']],
    ['广西壮族自治区', ['广西']],
    ['温州市', ['温州']],
    ['东区', []],
  ])('shortPlaceForms(%s) = %j', (name, forms) => expect(shortPlaceForms(name)).toEqual(forms));

  test('the query knows the stems people type, not the old ones', () => {
    const names = knownPlaceNames();
    expect(['黔东南', '延边', '新疆', '广西', '峨边'].map((n) => names.has(n))).toEqual([true, true, true, true, true]);
    expect(['黔东南苗族侗族', '延边朝鲜族', '新疆维吾尔', '广西壮族', '峨边彝族'].map((n) => names.has(n))).toEqual([false, false, false, false, false]);
  });
});

const aliasesOf = (name: string, province: string | null, city: string | null, county: string | null) =>
  deriveAliases({ name, province, city, county }).map((a) => a.alias);

describe('aliases of agencies in autonomous areas', () => {
  test('峨边彝族自治县人民政府: every alias, exactly', () => {
    expect(deriveAliases({ name: '峨边彝族自治县人民政府', province: '四川省', city: '乐山市', county: '峨边彝族自治县' })).toEqual([
      { alias: '峨边彝族自治县人民政府', kind: 'full' },
      { alias: '峨边县人民政府', kind: 'short' },
      { alias: '峨边人民政府', kind: 'short' },
      { alias: '峨边彝族自治县政府', kind: 'abbrev' },
      { alias: '峨边县政府', kind: 'abbrev' },
      { alias: '峨边政府', kind: 'abbrev' },
      { alias: '峨边彝族自治县', kind: 'short' },
      { alias: '峨边县', kind: 'short' },
      { alias: '峨边', kind: 'short' },
    ]);
  });

  test('黔东南苗族侗族自治州统计局: every alias, exactly', () => {
    expect(aliasesOf('黔东南苗族侗族自治州统计局', '贵州省', '黔东南苗族侗族自治州', null)).toEqual([
      '黔东南苗族侗族自治州统计局',
      '黔东南州统计局',
      '黔东南统计局',
      '统计局',
    ]);
  });

  // [name, province, city, county, must have, must not have]
  test.each<[string, string, string | null, string | null, string[], string[]]>([
    ['延边朝鲜族自治州人民政府', '吉林省', '延边朝鲜族自治州', null, ['延边', '延边州', '延边州政府', '延边政府'], ['延边朝鲜族', '延边朝鲜族政府']],
    ['恩施土家族苗族自治州统计局', '湖北省', '恩施土家族苗族自治州', null, ['恩施州统计局', '恩施统计局'], ['恩施土家族苗族统计局']],
    ['新疆维吾尔自治区统计局', '新疆维吾尔自治区', null, null, ['新疆统计局'], ['新疆维吾尔统计局', '新疆区统计局']],
    ['广西壮族自治区人民政府', '广西壮族自治区', null, null, ['广西', '广西政府'], ['广西壮族', '广西区']],
    ['广西壮族自治区南宁市统计局', '广西壮族自治区', '南宁市', null, ['广西南宁市统计局', '广西南宁统计局'], ['广西壮族南宁统计局']],
    ['乐山市峨边彝族自治县统计局', '四川省', '乐山市', '峨边彝族自治县', ['峨边统计局', '峨边县统计局', '乐山峨边统计局'], ['峨边彝族统计局']],
    // 恩施 alone is the prefecture (as 辽阳 is 辽阳市): 恩施市 printed with it keeps its 市.
    ['恩施土家族苗族自治州恩施市人民政府', '湖北省', '恩施土家族苗族自治州', '恩施市', ['恩施市', '恩施州恩施市', '恩施市政府'], ['恩施', '恩施政府']],
    // "恩施州…" is the prefecture's short form, not 恩施 + a body "州利川市…".
    ['恩施州利川市统计局', '湖北省', '恩施土家族苗族自治州', '利川市', ['利川市统计局', '利川统计局', '恩施州利川统计局', '恩施利川市统计局'], ['州利川市统计局']],
    // 本溪 alone is 本溪市: the autonomous county is 本溪县.
    ['本溪市本溪满族自治县教育局', '辽宁省', '本溪市', '本溪满族自治县', ['本溪县教育局', '本溪市本溪县教育局'], ['本溪教育局', '本溪满族教育局']],
    // A city's own stem is no clash with itself when the province is printed too …
    ['浙江省温州市统计局', '浙江省', '温州市', null, ['温州统计局', '温州市统计局', '浙江温州统计局'], []],
    ['广西壮族自治区南宁市统计局', '广西壮族自治区', '南宁市', null, ['南宁统计局', '南宁市统计局'], []],
    // … but 吉林 is 吉林省 as much as 吉林市, and 辽阳 alone is 辽阳市, not its 辽阳县.
    ['吉林省吉林市统计局', '吉林省', '吉林市', null, ['吉林市统计局', '吉林省吉林统计局'], ['吉林统计局']],
    ['辽阳市辽阳县人民政府', '辽宁省', '辽阳市', '辽阳县', ['辽阳县', '辽阳县政府'], ['辽阳', '辽阳政府']],
  ])('%s', (name, province, city, county, has, hasNot) => {
    const a = aliasesOf(name, province, city, county);
    for (const x of has) expect(a).toContain(x);
    for (const x of hasNot) expect(a).not.toContain(x);
  });
});

const ROWS: AgencyRow[] = [
  ['恩施土家族苗族自治州统计局', '湖北省', '恩施土家族苗族自治州', null],
  ['恩施市统计局', '湖北省', '恩施土家族苗族自治州', '恩施市'],
  ['黔东南苗族侗族自治州人民政府', '贵州省', '黔东南苗族侗族自治州', null],
  ['峨边彝族自治县统计局', '四川省', '乐山市', '峨边彝族自治县'],
  ['新疆维吾尔自治区统计局', '新疆维吾尔自治区', null, null],
].map(([name, province, city, county], i) => ({ id: i + 1, name: name!, province, city, county, division_code: null }));
const INDEX = new AgencyIndex(ROWS, []);
const TODAY = new Date('2025-06-01T00:00:00Z');

describe('asking about agencies in autonomous areas', () => {
  test.each<[string, string[]]>([
    ['恩施州统计局2020年行政复议多少件', ['恩施土家族苗族自治州统计局']],
    ['恩施市统计局2020年行政复议多少件', ['恩施市统计局']],
    ['黔东南州2020年行政复议多少件', ['黔东南苗族侗族自治州人民政府']],
    ['黔东南政府2020年行政复议多少件', ['黔东南苗族侗族自治州人民政府']],
    ['峨边统计局2020年行政复议多少件', ['峨边彝族自治县统计局']],
    ['峨边县统计局2020年行政复议多少件', ['峨边彝族自治县统计局']],
    ['新疆统计局2020年行政复议多少件', ['新疆维吾尔自治区统计局']],
  ])('%s → %j', (q, names) => {
    const query = understand(q, INDEX, TODAY).query;
    expect(query.agencies.map((a) => a.name)).toEqual(names);
    expect(query.unresolved).toEqual([]);
  });

  test('恩施统计局 names both the prefecture’s and 恩施市’s bureau: which one?', () => {
    const query = understand('恩施统计局2020年行政复议多少件', INDEX, TODAY).query;
    expect(query.agencies).toEqual([]);
    expect(query.ambiguous.flatMap((a) => a.candidates.map((c) => c.name)).sort()).toEqual(['恩施土家族苗族自治州统计局', '恩施市统计局'].sort());
  });
});
