/** Aliases of units outside the gazetteer, derived from the units table and the organ rules. */
import { describe, expect, test } from 'vitest';
import { agencyPlace } from '../../src/catalogue/agency-place.ts';
import { deriveAliases, placeWords } from '../../src/catalogue/names.ts';
import { AGENCY_NAME_END, QUESTION_AGENCY_END, SUB_AGENCY_START } from '../../src/catalogue/agency-words.ts';

const aliases = (name: string): string[] => {
  const p = agencyPlace(name);
  return deriveAliases({ name, province: p?.province ?? null, city: p?.city ?? null, county: p?.county ?? null }).map((a) => a.alias);
};

describe('unit aliases', () => {
  test('苏州工业园区管理委员会: exactly its name, 管委会 and the zone alone — no invented city prefix', () => {
    expect(aliases('苏州工业园区管理委员会')).toEqual(['苏州工业园区管理委员会', '苏州工业园区管委会', '苏州工业园区']);
  });

  test('国家发展和改革委员会: 国家 is its level (国家发改委), the bare body is every level\'s', () => {
    expect(aliases('国家发展和改革委员会')).toEqual(['国家发展和改革委员会', '发展和改革委员会', '国家发改委', '发改委', '国家发展和改革委', '发展和改革委']);
    expect(aliases('国家统计局')).toEqual(['国家统计局', '统计局']);
  });

  test('平潭综合实验区管理委员会: by the zone\'s names (实验区 ↔ 综合实验区) and 管委会, never by 管委会 alone', () => {
    const a = aliases('平潭综合实验区管理委员会');
    for (const x of ['平潭综合实验区', '平潭实验区', '平潭', '平潭综合实验区管委会', '平潭实验区管委会', '平潭管委会', '福建省平潭综合实验区管理委员会']) expect(a).toContain(x);
    for (const x of ['管委会', '管理委员会', '实验区', '平潭管理委']) expect(a).not.toContain(x);
  });

  test('a 片区管理局 is named by its 片区, with or without the zone', () => {
    const a = aliases('平潭综合实验区海坛片区管理局');
    for (const x of ['海坛片区', '海坛片区管理局', '平潭海坛片区管理局', '平潭综合实验区海坛片区', '海坛']) expect(a).toContain(x);
    expect(a).not.toContain('管理局');
  });

  test('a zone bureau: by the zone\'s names and, placeless, by its body', () => {
    expect(aliases('平潭综合实验区公安局')).toEqual([
      '平潭综合实验区公安局', '平潭实验区公安局', '福建省平潭综合实验区公安局', '福建省平潭实验区公安局', '福建平潭综合实验区公安局', '福建平潭实验区公安局',
      '平潭综合区公安局', '平潭公安局', '公安局',
    ]);
  });

  test('placeWords: what makes an alias name its own place (实验区 alone does not)', () => {
    const p = agencyPlace('平潭综合实验区公安局')!;
    const words = placeWords({ name: '平潭综合实验区公安局', province: p.province, city: p.city, county: p.county });
    expect(words).toContain('平潭');
    expect(words).toContain('平潭实验区');
    expect(words).not.toContain('实验区');
  });

  test('人民政府办公厅 ↔ 政府办公厅 ↔ 政府办; 县人民政府 ↔ 县政府', () => {
    expect(aliases('浙江省人民政府办公厅')).toEqual(expect.arrayContaining(['浙江省政府办公厅', '浙江省政府办', '浙江政府办公厅']));
    expect(aliases('沭阳县人民政府')).toEqual(expect.arrayContaining(['沭阳县政府', '县政府', '沭阳县', '沭阳']));
  });
});

describe('one list of organ words', () => {
  test.each([
    ['商务部', true, true], ['平潭综合实验区管委会', true, true], ['审计署', true, true], ['新疆生产建设兵团', true, true],
    ['平潭综合实验区', true, true], ['海坛片区', true, true], ['温州市统计局', true, true], ['温州大学', true, false], ['机会', true, false],
    ['信息公开', false, false],
  ])('%s: a printed name\'s end %s, a question\'s %s', (name, printed, question) => {
    expect(AGENCY_NAME_END.test(name)).toBe(printed);
    expect(QUESTION_AGENCY_END.test(name)).toBe(question);
  });

  test.each([['办公室', true], ['政府办', false], ['管委会', true], ['部', false], ['公安局', false], ['局', true]])('%s starts another agency after one: %s', (text, sub) => {
    expect(SUB_AGENCY_START.test(text)).toBe(sub);
  });
});
