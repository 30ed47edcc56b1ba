/**
 * Reporting units by their real names at ingest (issue 11): units outside the gazetteer, header labels,
 * organ spellings, bare department names completed from the report, city completion that invents
 * nothing, place misreads settled by the report's own text. Fixtures are written here in the shapes of
 * real reports (a crawled page's "标题:" line, a squeezed body, a signature), not copied from them.
 */
import { describe, expect, test } from 'vitest';
import { agencyPlace } from '../../src/catalogue/agency-place.ts';
import { stripNameLabel, expandOrgan } from '../../src/catalogue/agency-words.ts';
import { parseUnit } from '../../src/catalogue/units.ts';
import { readIdentity, type IdentityResult } from '../../src/ingest/identity/identity.ts';
import { fixMisreadPlace } from '../../src/ingest/identity/misread.ts';
import { buildDocument } from '../../src/ingest/text/document.ts';

const BODY = [
  '一、总体情况',
  '本年度，本机关认真贯彻落实《条例》。',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  ...Array.from({ length: 15 }, () => '正文。'),
];
const report = (header: string[], trailer: string[] = []): IdentityResult => readIdentity(buildDocument([...header, ...BODY, ...trailer]));
const agencyOf = (header: string[], trailer: string[] = []) => {
  const r = report(header, trailer);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return { ...r.value.agency, year: r.value.year, warnings: r.warnings.map((w) => w.code) };
};

describe('units outside the gazetteer', () => {
  test.each([
    ['平潭综合实验区公安局2022年政府信息公开工作年度报告', '平潭综合实验区公安局', '福建省', '平潭综合实验区', null, 2022],
    ['平潭综合实验区财政金融局2021年度政府信息公开工作年度报告', '平潭综合实验区财政金融局', '福建省', '平潭综合实验区', null, 2021],
    ['平潭综合实验区海坛片区管理局 2023年度政府信息公开工作年度报告', '平潭综合实验区海坛片区管理局', '福建省', '平潭综合实验区', '海坛片区', 2023],
    ['平潭综合实验区金井片区管理局2020年政府信息公开工作年度报告', '平潭综合实验区金井片区管理局', '福建省', '平潭综合实验区', '金井片区', 2020],
    // A unit alone is its governing body; 管委会 is stored in full.
    ['平潭综合实验区2012年政府信息公开工作年度报告', '平潭综合实验区管理委员会', '福建省', '平潭综合实验区', null, 2012],
    ['平潭综合实验区管委会2014年度政府信息公开工作年度报告', '平潭综合实验区管理委员会', '福建省', '平潭综合实验区', null, 2014],
    ['平潭县人民政府2011年政府信息公开工作年度报告', '平潭县人民政府', '福建省', '福州市', '平潭县', 2011],
    ['河北雄安新区管理委员会2022年政府信息公开工作年度报告', '河北雄安新区管理委员会', '河北省', '雄安新区', null, 2022],
    ['雄安新区2021年政府信息公开工作年度报告', '雄安新区管理委员会', '河北省', '雄安新区', null, 2021],
    ['国家统计局2020年政府信息公开工作年度报告', '国家统计局', null, null, null, 2020],
    ['商务部2019年政府信息公开工作年度报告', '商务部', null, null, null, 2019],
    ['新疆生产建设兵团第八师统计局2020年政府信息公开工作年度报告', '新疆生产建设兵团第八师统计局', '新疆维吾尔自治区', '新疆生产建设兵团', '第八师', 2020],
    ['嘉兴经济技术开发区管委会2021年政府信息公开工作年度报告', '嘉兴经济技术开发区管理委员会', '浙江省', '嘉兴市', '嘉兴经济技术开发区', 2021],
    ['浙江省统计局2020年政府信息公开工作年度报告', '浙江省统计局', '浙江省', null, null, 2020],
  ])('%s → %s', (title, name, province, city, county, year) => {
    expect(agencyOf([title])).toMatchObject({ name, province, city, county, year, warnings: [] });
  });

  test('an area printed without its zone takes the zone when the report names it, else stays as printed', () => {
    expect(agencyOf(['海坛片区管理局2023年度政府信息公开工作年度报告', '平潭综合实验区海坛片区管理局依据《条例》编制本报告。'])).toMatchObject({
      name: '平潭综合实验区海坛片区管理局', province: '福建省', city: '平潭综合实验区', county: '海坛片区', warnings: [],
    });
    expect(agencyOf(['海坛片区管理局2023年度政府信息公开工作年度报告'])).toMatchObject({ name: '海坛片区管理局', city: '平潭综合实验区', county: '海坛片区' });
  });

  test('a gazetteer zone named with its city is not prefixed again: 苏州工业园区管理委员会', () => {
    const a = agencyOf(['苏州工业园区管委会2020年政府信息公开工作年度报告', '本报告由苏州工业园区管理委员会编制，苏州市人民政府网站可查阅。']);
    expect(a).toMatchObject({ name: '苏州工业园区管理委员会', province: '江苏省', city: '苏州市', county: '苏州工业园区', divisionCode: '320576' });
  });

  test('the crawled page\'s title line, its label stripped: "标题: …"', () => {
    expect(agencyOf(['标题: 平潭综合实验区行政审批局2024年政府信息公开工作年度报告', '发布时间: 2025-01-20 10:00'])).toMatchObject({
      name: '平潭综合实验区行政审批局', year: 2024,
    });
  });

  test('a title without the place ("公安局2009年度…") takes the place the report prints before the name most often', () => {
    const a = agencyOf(
      ['当前位置：首页政务公开平潭综合实验区公安局政府信息公开年报', '公安局2009年度政府信息公开工作年度报告', '来源：平潭县公安局办公室'],
      ['平潭县公安局', '二○一○年一月十日'],
    );
    expect(a).toMatchObject({ name: '平潭县公安局', province: '福建省', city: '福州市', county: '平潭县', year: 2009, warnings: [] });
  });

  test('… and stays as printed, unplaced, when two places tie', () => {
    const a = agencyOf(['公安局2009年度政府信息公开工作年度报告', '平潭县公安局与平潭综合实验区公安局联合发布。']);
    expect(a).toMatchObject({ name: '公安局', province: null, warnings: ['name.unplaced'] });
  });
});

describe('header labels are labels, not part of the name', () => {
  test.each([
    ['名称：沭阳县发展和改革局', '沭阳县发展和改革局'],
    ['名称:沭阳县发展和改革局', '沭阳县发展和改革局'],
    ['标题：平潭综合实验区公安局', '平潭综合实验区公安局'],
    ['来源：平潭县公安局办公室', '平潭县公安局办公室'],
    ['发布机构: 平潭综合实验区社会事业局', '平潭综合实验区社会事业局'],
    ['填报单位：温州市商务局', '温州市商务局'],
    ['温州市商务局', '温州市商务局'],
  ])('stripNameLabel(%j) = %j', (printed, name) => expect(stripNameLabel(printed)).toBe(name));

  test.each([
    ['名称沭阳县发展和改革局', '沭阳县发展和改革局'],
    ['标题平潭综合实验区公安局', '平潭综合实验区公安局'],
    ['名称解释中心', '名称解释中心'],
  ])('a label whose colon was lost with the spacing goes when a place follows: %j → %j', (printed, name) => {
    expect(stripNameLabel(printed, (s) => agencyPlace(s) !== null)).toBe(name);
  });

  test('a form\'s squeezed cells "名称 沭阳县发展和改革局" under the title', () => {
    expect(agencyOf(['政府信息公开工作年度报告（2020年度）', '名称 沭阳县发展和改革局'])).toMatchObject({ name: '沭阳县发展和改革局', county: '沭阳县' });
  });

  test('a cover page with "名称：" before the name', () => {
    expect(agencyOf(['政府信息公开工作年度报告（2020年度）', '名称：沭阳县发展和改革局'])).toMatchObject({
      name: '沭阳县发展和改革局', city: '宿迁市', county: '沭阳县', year: 2020,
    });
  });

  test.each([
    ['平潭综合实验区管委会', '平潭综合实验区管理委员会'],
    ['苏州工业园区管委会', '苏州工业园区管理委员会'],
    ['温州市人民政府办公室', '温州市人民政府办公室'],
    ['温州市政府办', '温州市政府办'],
  ])('expandOrgan(%j) = %j', (printed, name) => expect(expandOrgan(printed)).toBe(name));
});

describe('place misreads: settled by the report\'s own text and the confusable-character table', () => {
  test('沐阳 printed throughout, 沭阳 in the address: corrected, both spellings and lines named', () => {
    const r = report(
      ['沐阳县发展和改革局2021年政府信息公开工作年度报告'],
      ['地址：江苏省宿迁市沭阳县人民路1号', '沐阳县发展和改革局', '2022年1月20日'],
    );
    expect(r.ok && r.value.agency).toMatchObject({ name: '沭阳县发展和改革局', province: '江苏省', city: '宿迁市', county: '沭阳县', divisionCode: '321322' });
    expect(r.ok && r.value.title).toBe('沭阳县发展和改革局2021年政府信息公开工作年度报告');
    expect(r.ok && r.warnings).toEqual([
      {
        code: 'name.corrected',
        message: '机构名称印作“沐阳县发展和改革局”（第1行），“沐阳县”疑为“沭阳县”的误识，已更正为“沭阳县发展和改革局”（第24行写作“沭阳县”）',
        line: 1,
        line2: 24,
        metric: null,
      },
    ]);
  });

  test('沐阳 with no other spelling in the text: the confusable pair alone is one clear winner among 泌阳, 枞阳, 泗阳 …', () => {
    expect(fixMisreadPlace('沐阳县发展和改革局', ['沐阳县发展和改革局'])).toEqual({ from: '沐阳县', to: '沭阳县', seenAt: null });
  });

  test('no correction without one clear winner: 渊阳县 is one off 沭阳, 泌阳, 枞阳 … and the text names none', () => {
    expect(fixMisreadPlace('渊阳县统计局', ['渊阳县统计局'])).toBeNull();
    expect(agencyOf(['渊阳县统计局2021年政府信息公开工作年度报告'])).toMatchObject({ name: '渊阳县统计局', warnings: ['name.unplaced'] });
  });

  test('a real place is never "corrected" to another one off it: 鼓楼区 (four cities) with 钟楼区 in the text', () => {
    expect(fixMisreadPlace('鼓楼区人民政府', ['鼓楼区人民政府', '与钟楼区签署合作协议'])).toBeNull();
  });

  test('the report spelling the gazetteer name elsewhere settles a pair not in the table', () => {
    expect(fixMisreadPlace('泗洪具统计局', ['泗洪具统计局'])).toBeNull();
    expect(fixMisreadPlace('渊阳县统计局', ['渊阳县统计局', '联系地址：枞阳县城关镇'])).toEqual({ from: '渊阳县', to: '枞阳县', seenAt: 1 });
  });
});

describe('agencyPlace and parseUnit', () => {
  test.each([
    ['平潭综合实验区海坛片区管理局', { unit: '平潭综合实验区', sub: '海坛片区', length: 11 }],
    ['平潭综合实验区某某片区管理局', { unit: '平潭综合实验区', sub: '某某片区', length: 11 }],
    ['福建省平潭综合实验区公安局', { unit: '平潭综合实验区', sub: null, length: 10 }],
    ['平潭实验区公安局', { unit: '平潭综合实验区', sub: null, length: 5 }],
    ['国家统计局', { unit: '国家统计局', sub: null, length: 5 }],
    ['新疆生产建设兵团第一师', { unit: '新疆生产建设兵团', sub: '第一师', length: 11 }],
    ['宁波保税区管理委员会', { unit: '宁波保税区', sub: null, length: 5 }],
  ])('parseUnit(%j)', (name, expected) => {
    const u = parseUnit(name);
    expect(u && { unit: u.unit.name, sub: u.sub?.name ?? null, length: u.length }).toEqual(expected);
  });

  test.each(['温州市统计局', '温州市鹿城区人民政府', '鹿城区统计局', '统计局', '市统计局'])('parseUnit(%j) is null', (name) => expect(parseUnit(name)).toBeNull());

  test('a gazetteer place wins over a rule zone of the same length (苏州工业园区 has a GB/T 2260 code)', () => {
    expect(agencyPlace('苏州工业园区管理委员会')).toMatchObject({ county: '苏州工业园区', divisionCode: '320576', unit: null });
  });
});

describe('a department printed without its place: who signs outweighs who is mentioned', () => {
  test('the superior named three times, the bureau signing once: the signature wins', () => {
    const a = agencyOf(
      ['财政局2020年政府信息公开工作年度报告', '按照温州市财政局部署，对照温州市财政局要求，参加温州市财政局培训。'],
      ['瑞安市财政局', '2021年1月15日'],
    );
    expect(a).toMatchObject({ name: '瑞安市财政局', city: '温州市', county: '瑞安市' });
  });

  test('a label\'s value counts like a signature: 来源：平潭县公安局 against a breadcrumb and a mention', () => {
    const a = agencyOf(['当前位置：首页平潭综合实验区公安局', '公安局2009年度政府信息公开工作年度报告', '来源：平潭县公安局', '平潭综合实验区公安局的通知']);
    expect(a).toMatchObject({ name: '平潭县公安局' });
  });
});
