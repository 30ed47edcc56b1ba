import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildDocument, splitLines } from '../../src/ingest/text/document.ts';
import { readIdentity, type IdentityResult } from '../../src/ingest/identity/identity.ts';
import { parsePlace, shortPlaceName } from '../../src/catalogue/gazetteer.ts';
import { parseTitle } from '../../src/ingest/identity/title.ts';

const read = (rel: string): string => readFileSync(new URL(rel, import.meta.url), 'utf8');
const identityOf = (text: string): IdentityResult => readIdentity(buildDocument(splitLines(text)));

/** A body with the six sections, so short synthetic reports are not "truncated". */
const BODY = [
  '',
  '一、总体情况',
  '2020 年，本机关认真贯彻落实《条例》。',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '无。',
  ...Array.from({ length: 15 }, () => '正文。'),
];
const report = (...header: string[]): IdentityResult => readIdentity(buildDocument([...header, ...BODY]));
const value = (r: IdentityResult) => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe('readIdentity: the five seeds', () => {
  test.each([
    ['000_3035c731dff6020a.txt', '温州市经济和信息化局', null, '330300', 1, 2020, '温州市经济和信息化局2020年度政府信息公开工作年度报告', 'http://wzjxj.wenzhou.gov.cn/', null],
    ['001_0057fa3dafb4cac1.txt', '温州市统计局', null, '330300', 3, 2020, '温州市统计局2020年政府信息公开工作年度报告', 'http://wztjj.wenzhou.gov.cn/', null],
    ['002_ebc6c56e4ff49493.txt', '温州市鹿城区人民政府', '鹿城区', '330302', 1, 2020, '温州市鹿城区人民政府2020年政府信息公开工作年度报告', 'http://www.lucheng.gov.cn', '2021-02-20'],
    ['003_9ca5b3fc5e07fc94.txt', '温州市政务服务中心', null, '330300', 3, 2020, '温州市政务服务中心2020年度政府信息公开工作年度报告', 'http://zwfwj.wenzhou.gov.cn/', null],
    ['004_8d900a062941073b.txt', '温州市商务局', null, '330300', 3, 2018, '温州市商务局2018年度政府信息公开年度报告', null, '2019-01-02'],
  ])('%s → %s', (file, name, county, code, line, year, title, website, published) => {
    const r = identityOf(read(`../../data/reports/${file}`));
    expect(r).toEqual({
      ok: true,
      value: {
        agency: { name, province: '浙江省', city: '温州市', county, divisionCode: code, line },
        year,
        title,
        website,
        published,
      },
      warnings: [],
    });
  });

  test('seed 000: the body typo "20120 年" does not move the year', () => {
    const text = read('../../data/reports/000_3035c731dff6020a.txt');
    expect(text).toContain('20120 年');
    expect(value(identityOf(text)).year).toBe(2020);
  });
});

describe('readIdentity: real PDF-extracted reports', () => {
  test.each([
    ['huaian_hongze_2023.layout.txt', '淮安市洪泽区人民政府', '洪泽区', '320813', 2023, '洪泽区人民政府2023年政府信息公开工作年度报告'],
    ['huaian_hongze_2023.raw.txt', '淮安市洪泽区人民政府', '洪泽区', '320813', 2023, '洪泽区人民政府2023年政府信息公开工作年度报告'],
    ['huaian_hongze_2024.layout.txt', '淮安市洪泽区人民政府', '洪泽区', '320813', 2024, '淮安市洪泽区人民政府2024年政府信息公开工作年度报告'],
    ['huaian_hongze_2024.raw.txt', '淮安市洪泽区人民政府', '洪泽区', '320813', 2024, '淮安市洪泽区人民政府2024年政府信息公开工作年度报告'],
    ['huaian_shi_2024.layout.txt', '淮安市人民政府', null, '320800', 2024, '淮安市人民政府2024年政府信息公开工作年度报告'],
    ['huaian_shi_2024.raw.txt', '淮安市人民政府', null, '320800', 2024, '淮安市人民政府2024年政府信息公开工作年度报告'],
  ])('%s → %s %i', (file, name, county, code, year, title) => {
    const v = value(identityOf(read(`../fixtures/pdftotext/${file}`)));
    expect(v.agency).toEqual({ name, province: '江苏省', city: '淮安市', county, divisionCode: code, line: 1 });
    expect(v.year).toBe(year);
    expect(v.title).toBe(title);
    expect(v.website).toBeNull();
  });
});

describe('readIdentity: title shapes', () => {
  test.each([
    [['温州市统计局 2020年政府信息公开工作年度报告'], '温州市统计局', 2020],
    [['温州市统计局关于2020年度政府信息公开工作的年度报告'], '温州市统计局', 2020],
    [['2020年温州市统计局政府信息公开工作年度报告'], '温州市统计局', 2020],
    [['# 温州市政务服务中心', '', '## 2020 年度政府信息公开工作年度报告'], '温州市政务服务中心', 2020],
    [['温州市鹿城区人民政府 2020 年政府信息', '公开工作年度报告'], '温州市鹿城区人民政府', 2020],
    [['温州市统计局二〇二〇年政府信息公开工作年度报告'], '温州市统计局', 2020],
    [['温州市统计局二O二一年度政府信息公开工作年度报告'], '温州市统计局', 2021],
    [['温州市统计局政府信息公开工作年度报告', '（2020年度）'], '温州市统计局', 2020],
    [['首页 > 政务公开 > 政府信息公开年报', '温州市鹿城区人民政府2020年政府信息公开工作年度报告'], '温州市鹿城区人民政府', 2020],
    [['溫州市鹿城區人民政府2020年政府信息公開工作年度報告'], '温州市鹿城区人民政府', 2020],
    [['淮安市洪泽区2023年政府信息公开工作年度报告'], '淮安市洪泽区人民政府', 2023],
    [['浙江省商务厅2020年政府信息公开工作年度报告'], '浙江省商务厅', 2020],
    [['瑞安市人民政府2020年政府信息公开工作年度报告'], '瑞安市人民政府', 2020],
    // A place name with a CJK Extension A character (㵲, U+3D72) is still a name.
    [['岑巩县㵲水街道办事处2022年政府信息公开工作年度报告'], '岑巩县㵲水街道办事处', 2022],
  ])('%j', (header, name, year) => {
    const v = value(report(...header));
    expect(v.agency.name).toBe(name);
    expect(v.year).toBe(year);
  });

  test.each([
    ['温州市鹿城区人民政府2020年政府信息公开工作年度报告', '温州市鹿城区人民政府', 2020],
    ['2020年温州市统计局政府信息公开工作年度报告', '温州市统计局', 2020],
    ['温州市统计局政府信息公开工作年度报告(2020年度)', '温州市统计局', 2020],
    ['二〇一八年度温州市商务局政府信息公开年度报告', '温州市商务局', 2018],
    ['本机关2020年政府信息公开工作年度报告', null, 2020],
  ])('parseTitle(%j)', (title, agency, year) => {
    expect(parseTitle(title)).toEqual({ agency, year, isReportTitle: true });
  });
});

describe('readIdentity: places, completion and OCR correction', () => {
  test('a misread district is corrected to the only district of its city one character away', () => {
    const r = report('温州市鹿域区人民政府 2020 年政府信息', '公开工作年度报告');
    expect(r.ok && r.value.agency).toEqual({
      name: '温州市鹿城区人民政府', province: '浙江省', city: '温州市', county: '鹿城区', divisionCode: '330302', line: 1,
    });
    expect(r.ok && r.value.title).toBe('温州市鹿城区人民政府2020年政府信息公开工作年度报告');
    expect(r.ok && r.warnings).toEqual([
      {
        code: 'name.corrected',
        message: '机构名称“温州市鹿域区人民政府”疑为OCR误识，已按行政区划更正为“温州市鹿城区人民政府”（第1行）',
        line: 1,
        line2: null,
        metric: null,
      },
    ]);
  });

  test('a misread city is corrected only because one of the three cities one off (温州 铜川 银川) has 鹿城区', () => {
    const r = report('温川市鹿城区人民政府2020年政府信息公开工作年度报告');
    expect(r.ok && r.value.agency.name).toBe('温州市鹿城区人民政府');
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['name.corrected']);
  });

  test('a district misread right after its city is corrected from the body, not filed at the city', () => {
    const r = report('成都市埤都区民政局2010年政府信息公开工作年度报告', '2010年，成都市郫都区民政局认真贯彻落实《条例》。');
    expect(r.ok && r.value.agency).toEqual({
      name: '成都市郫都区民政局', province: '四川省', city: '成都市', county: '郫都区', divisionCode: '510117', line: 1,
    });
    expect(r.ok && r.warnings.map((w) => [w.code, w.line, w.line2])).toEqual([['name.corrected', 1, 2]]);
  });

  test('CJK radicals a PDF font maps glyphs to (⺠ for 民, ⻄ for 西) read as the ideographs', () => {
    expect(value(report('⻄安市教育局2021年政府信息公开工作年度报告')).agency).toMatchObject({ name: '西安市教育局', city: '西安市' });
    const v = value(report('霍城县人⺠政府2016年政府信息公开工作年度报告'));
    expect(v.agency).toMatchObject({ name: '霍城县人民政府', county: '霍城县', divisionCode: '654023' });
  });

  test('no correction without a unique match: 鼓楼区 is in four cities', () => {
    const r = report('鼓楼区人民政府2020年政府信息公开工作年度报告');
    expect(r.ok && r.value.agency).toEqual({ name: '鼓楼区人民政府', province: null, city: null, county: null, divisionCode: null, line: 1 });
    expect(r.ok && r.warnings).toEqual([]);
  });

  test('a district named without its city is completed when unique and the report names the city', () => {
    const v = value(report('洪泽区人民政府', '2023 年政府信息公开工作年度报告', '如有疑问，请与淮安市洪泽区人民政府办公室联系。'));
    expect(v.agency).toMatchObject({ name: '淮安市洪泽区人民政府', city: '淮安市', county: '洪泽区', divisionCode: '320813' });
    expect(v.title).toBe('洪泽区人民政府2023年政府信息公开工作年度报告');
  });

  test('… and kept as printed (place still filled) when the report never names the city', () => {
    const v = value(report('洪泽区人民政府', '2023 年政府信息公开工作年度报告', '如有疑问，请与区政府办公室联系。'));
    expect(v.agency).toMatchObject({ name: '洪泽区人民政府', province: '江苏省', city: '淮安市', county: '洪泽区' });
  });

  test('municipalities: 海淀区 → 北京市海淀区人民政府', () => {
    const v = value(report('海淀区人民政府2020年政府信息公开工作年度报告', '本报告由北京市海淀区人民政府办公室编制。'));
    expect(v.agency).toMatchObject({ name: '北京市海淀区人民政府', province: '北京市', city: '北京市', county: '海淀区', divisionCode: '110108' });
  });

  test('"市统计局" is completed from the full name the report spells out', () => {
    const v = value(report('市统计局2020年政府信息公开工作年度报告', '本报告由温州市统计局依据《条例》编制。'));
    expect(v.agency).toMatchObject({ name: '温州市统计局', city: '温州市', divisionCode: '330300' });
  });

  test.each([
    ['温州市鹿城区人民政府', { province: '浙江省', city: '温州市', county: '鹿城区', divisionCode: '330302', length: 6 }],
    ['瑞安市人民政府', { province: '浙江省', city: '温州市', county: '瑞安市', divisionCode: '330381', length: 3, cityInferred: true }],
    ['江苏省人民政府', { province: '江苏省', city: null, county: null, divisionCode: '320000', length: 3 }],
    ['重庆市万州区人民政府', { province: '重庆市', city: '重庆市', county: '万州区', divisionCode: '500101' }],
  ])('parsePlace(%j)', (name, expected) => {
    expect(parsePlace(name)).toMatchObject(expected);
  });

  test('a sub-district unique in the gazetteer places its office (name kept as printed); an ambiguous one does not', () => {
    const v = value(report('大南街道办事处2020年政府信息公开工作年度报告', '本报告由温州市鹿城区大南街道办事处编制。'));
    expect(v.agency).toMatchObject({ name: '大南街道办事处', province: '浙江省', city: '温州市', county: '鹿城区', divisionCode: '330302' });
    // 五马街道 is in 温州 and in 长治.
    expect(parsePlace('五马街道办事处')).toBeNull();
    expect(parsePlace('温州市住房和城乡建设局')).toMatchObject({ city: '温州市', county: null });
  });

  test('a district-prefixed department is completed like its government', () => {
    const v = value(report('鹿城区五马街道办事处2020年政府信息公开工作年度报告', '电子版可在温州市鹿城区人民政府网站下载。'));
    expect(v.agency).toMatchObject({ name: '温州市鹿城区五马街道办事处', county: '鹿城区' });
  });

  test.each([
    ['市统计局'],
    ['国家统计局'],
  ])('parsePlace(%j) is null: no place printed', (name) => expect(parsePlace(name)).toBeNull());

  test.each([
    ['温州市', '温州'],
    ['鹿城区', '鹿城'],
    ['内蒙古自治区', '内蒙古'],
    ['北京市', '北京'],
  ])('shortPlaceName(%j) = %j', (name, short) => expect(shortPlaceName(name)).toBe(short));
});

describe('readIdentity: other sources of the agency', () => {
  test.each([
    [['2020年政府信息公开工作年度报告', '本报告由温州市统计局根据《条例》编制。'], '温州市统计局', 2],
    [['2020年政府信息公开工作年度报告', '填报单位：温州市商务局'], '温州市商务局', 2],
  ])('%j', (header, name, line) => {
    const v = value(report(...header));
    expect(v.agency.name).toBe(name);
    expect(v.agency.line).toBe(line);
    expect(v.title).toBe(`${name}2020年政府信息公开工作年度报告`);
  });

  test('a cover page: title, then the agency, then the month it was issued; the year from the period', () => {
    const r = report('政府信息公开工作年度报告', '', '温州市统计局', '二〇二一年一月', '本报告所列数据的统计期限自2020年1月1日至2020年12月31日。');
    expect(r.ok && r.value.agency.name).toBe('温州市统计局');
    expect(r.ok && r.value.agency.line).toBe(3);
    expect(r.ok && r.value.year).toBe(2020);
    expect(r.ok && r.value.title).toBe('温州市统计局政府信息公开工作年度报告');
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['year.from_period']);
  });

  test('a title wrapped inside its last word ("…年度报" / "告", a PDF title box) is one title', () => {
    const r = report('    安阳市文峰区东关街道办事处2020 年政府信息公开工作年度报', '告', '    根据《中华人民共和国政府信息公开条例》规定，特向社会公布本年度报告。');
    expect(r.ok && [r.value.agency.name, r.value.year, r.value.title]).toEqual([
      '安阳市文峰区东关街道办事处',
      2020,
      '安阳市文峰区东关街道办事处2020年政府信息公开工作年度报告',
    ]);
  });

  test('the signature block at the end', () => {
    const v = value(readIdentity(buildDocument(['2020年政府信息公开工作年度报告', ...BODY, '温州市统计局', '', '2021年1月20日'])));
    expect(v.agency.name).toBe('温州市统计局');
    expect(v.published).toBe('2021-01-20');
  });
});

describe('readIdentity: pronouns are not agencies, places that start like one are', () => {
  // 本溪市 starts with 本 ("本机关"): 33 of 10,000 generated reports were refused as no_identity.
  test.each([
    ['本溪市明山区文化和旅游局2016年度政府信息公开工作年度报告', '本溪市明山区文化和旅游局', '明山区'],
    ['本溪市南芬区医疗保障局2015年政府信息公开工作年度报告', '本溪市南芬区医疗保障局', '南芬区'],
  ])('%s → %s', (title, name, county) => {
    expect(parseTitle(title).agency).toBe(name);
    const v = value(report(title));
    expect(v.agency).toMatchObject({ name, city: '本溪市', county });
    expect(v.year).toBe(Number(/\d{4}/.exec(title)![0]));
  });

  test('本溪市 as the 填报单位 of an untitled-agency report', () => {
    expect(value(report('2018年政府信息公开工作年度报告', '填报单位：本溪市南芬区医疗保障局')).agency.name).toBe('本溪市南芬区医疗保障局');
  });

  test.each([['本机关'], ['本局'], ['我局'], ['该单位'], ['本会'], ['各级行政机关'], ['本市人民政府'], ['我区教育局']])('%s is a pronoun, not an agency', (name) => {
    expect(parseTitle(`${name}2020年政府信息公开工作年度报告`).agency).toBeNull();
  });
});

describe('readIdentity: year', () => {
  test('no year in the title: the statistics period, with a warning — not fooled by "20120"', () => {
    const r = report('温州市统计局政府信息公开工作年度报告', '本报告中所列数据的统计期限自 20120 年 1 月 1 日起至 2020 年 12 月 31 日止。');
    expect(r.ok && r.value.year).toBe(2020);
    expect(r.ok && r.warnings).toEqual([
      { code: 'year.from_period', message: '标题未写明报告年度，按统计期限取 2020 年（第2行）', line: 2, line2: null, metric: null },
    ]);
  });

  test('a title year the statistics period contradicts is kept, with a warning citing both lines', () => {
    const r = report('温州市统计局2002年政府信息公开工作年度报告', '报告中所列数据的统计期限自 2020 年 1 月 1 日起至 2020 年 12 月 31 日止。');
    expect(r.ok && r.value.year).toBe(2002);
    expect(r.ok && r.warnings).toEqual([
      {
        code: 'year.period_mismatch',
        message: '标题年度 2002 年与统计期限（截至 2020 年）不一致，按标题取 2002 年（第2行）',
        line: 2,
        line2: 1,
        metric: null,
      },
    ]);
  });

  test('a page header line ending in 网站 is not taken for the agency', () => {
    const v = value(report('温州市人民政府门户网站', '2020年政府信息公开工作年度报告', '本报告由温州市统计局依据《条例》编制。'));
    expect(v.agency.name).toBe('温州市统计局');
  });

  test('a year beyond this year is not a report year', () => {
    const r = report(`温州市统计局${new Date().getFullYear() + 9}年政府信息公开工作年度报告`);
    expect(r).toMatchObject({ ok: false, error: { code: 'no_identity' } });
  });
});

describe('readIdentity: website and date', () => {
  test.each([
    ['电子版可在门户网站（<http://wztjj.wenzhou.gov.cn/>）下载。', 'http://wztjj.wenzhou.gov.cn/'],
    ['电子版可在“鹿城”政府网站（http://www.lucheng.gov.cn）下载。', 'http://www.lucheng.gov.cn'],
    ['网址：https://www.example.gov.cn/col/col1/index.html。', 'https://www.example.gov.cn/col/col1/index.html'],
    ['电子版可在本机关网站（www.wenzhou.gov.cn）下载。', 'http://www.wenzhou.gov.cn'],
    ['本报告的电子版可在温州市经信局官方网站（http://wzjxj.wenzhou.gov.\ncn/）下载。', 'http://wzjxj.wenzhou.gov.cn/'],
    ['电子版可在本机关网站（http://www.wenzhou.gov.cn/col/\ncol1229/index.html）下载。', 'http://www.wenzhou.gov.cn/col/'],
  ])('website from %j', (line, url) => {
    expect(value(report('温州市统计局2020年政府信息公开工作年度报告', ...line.split('\n'))).website).toBe(url);
  });

  test.each([
    [['温州市鹿城区人民政府', '', '2021 年 2 月 20 日'], '2021-02-20'],
    [['填报日期：2019.1.2'], '2019-01-02'],
    [['温州市统计局', '二〇二一年二月二十日'], '2021-02-20'],
    [['温州市统计局 2021年1月5日'], '2021-01-05'],
    [['2021 年，我局将继续加强信息公开工作。'], null],
  ])('published from %j', (tail, iso) => {
    const v = value(readIdentity(buildDocument(['温州市统计局2020年政府信息公开工作年度报告', ...BODY, ...tail])));
    expect(v.published).toBe(iso);
  });

  test('a web page\'s "发布日期" near the top', () => {
    const v = value(report('温州市统计局2020年政府信息公开工作年度报告', '发布日期：2021-01-28 来源：市统计局'));
    expect(v.published).toBe('2021-01-28');
  });
});

describe('readIdentity: failures say what is missing', () => {
  test('not a report at all', () => {
    const r = readIdentity(buildDocument(['今天天气很好。', '我们去公园散步。', '公园里有很多人。']));
    expect(r).toMatchObject({ ok: false, error: { code: 'not_a_report' } });
    if (!r.ok) expect(r.error.message).toContain('政府信息公开');
  });

  test('no agency anywhere', () => {
    const r = report('2020年政府信息公开工作年度报告');
    expect(r).toMatchObject({ ok: false, error: { code: 'no_identity' } });
    if (!r.ok) expect(r.error.message).toContain('机关名称');
  });

  test('no year anywhere', () => {
    const r = report('温州市统计局政府信息公开工作年度报告');
    expect(r).toMatchObject({ ok: false, error: { code: 'no_identity' } });
    if (!r.ok) expect(r.error.message).toContain('年度');
  });

  test('a title and a few lines, no section, no table: truncated', () => {
    const r = readIdentity(buildDocument(['温州市统计局2020年政府信息公开工作年度报告', '', '根据《条例》，现将我局 2020 年信息公开']));
    expect(r).toMatchObject({ ok: false, error: { code: 'truncated' } });
  });
});
