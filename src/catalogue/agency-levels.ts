/**
 * Kinds of agency people single out in questions across agencies ("温州市各区县", "浙江省各地市",
 * "某市各部门", "各乡镇街道"): the rule that reads an agency's kind from its name and places, and the words
 * that ask for one. Data and a pure rule; query filters by it.
 */
export type AgencyLevel = 'province_gov' | 'city_gov' | 'county_gov' | 'township' | 'department';

export const LEVEL_LABELS: Record<AgencyLevel, string> = {
  province_gov: '省级政府',
  city_gov: '市级政府',
  county_gov: '区县政府',
  township: '乡镇街道',
  department: '部门',
};

/**
 * Words that ask for one kind, longest first. "哪个部门" is not here: people say it of any agency
 * ("2020年哪个部门行政复议最少" ranks governments too); "各部门" and "市直部门" single departments out.
 */
export const LEVEL_WORDS: readonly (readonly [string, AgencyLevel])[] = [
  ['各县（市、区）', 'county_gov'],
  ['各县(市、区)', 'county_gov'],
  ['各县市区', 'county_gov'],
  ['各区县市', 'county_gov'],
  ['区县政府', 'county_gov'],
  ['县区政府', 'county_gov'],
  ['县级政府', 'county_gov'],
  ['各区县', 'county_gov'],
  ['各县区', 'county_gov'],
  ['各县市', 'county_gov'],
  ['乡镇街道', 'township'],
  ['街道乡镇', 'township'],
  ['各乡镇', 'township'],
  ['各街道', 'township'],
  ['镇街', 'township'],
  ['设区市', 'city_gov'],
  ['各地市', 'city_gov'],
  ['地级市', 'city_gov'],
  ['市级政府', 'city_gov'],
  ['各市', 'city_gov'],
  ['各部门', 'department'],
  ['市直部门', 'department'],
  ['区直部门', 'department'],
  ['县直部门', 'department'],
  ['政府部门', 'department'],
];

/**
 * Kinds asked for by a question word ("哪些区县没有行政诉讼", "哪个乡镇收到申请最多"): the noun after it,
 * longest first. Only after the question word — "区县" alone may be part of a name.
 */
export const ASKED_LEVEL_NOUNS: readonly (readonly [string, AgencyLevel])[] = [
  ['县市区', 'county_gov'],
  ['区县', 'county_gov'],
  ['县区', 'county_gov'],
  ['乡镇街道', 'township'],
  ['乡镇', 'township'],
  ['街道', 'township'],
  ['设区市', 'city_gov'],
  ['地市', 'city_gov'],
];
/** Words that ask which or how many of something ("哪些单位", "几个区县"). */
export const QUESTION_WORD = '(?:哪些|哪个|哪几个|哪一个|几个|多少个)';
const ASKED_LEVEL = new RegExp(`${QUESTION_WORD}(${ASKED_LEVEL_NOUNS.map(([w]) => w).join('|')})`, 'u');

/**
 * The kind a question asks for, and where its words stand (to take them out of the text); `asked`: said
 * with a question word, which stays in the text ("哪些区县…": which agencies, as "哪些单位" says).
 */
export function levelIn(text: string): { level: AgencyLevel; start: number; end: number; asked: boolean } | null {
  for (const [word, level] of LEVEL_WORDS) {
    const start = text.indexOf(word);
    // 各市场监管局 is no city.
    if (start >= 0 && !(word === '各市' && text[start + 2] === '场')) return { level, start, end: start + word.length, asked: false };
  }
  const m = ASKED_LEVEL.exec(text);
  if (!m) return null;
  const noun = m[1]!;
  const start = m.index + m[0].length - noun.length;
  return { level: ASKED_LEVEL_NOUNS.find(([w]) => w === noun)![1], start, end: start + noun.length, asked: true };
}

const TOWNSHIP_BODY = /^.{1,12}?(?:街道办事处|街道|镇人民政府|乡人民政府|镇政府|乡政府)$/u;
const GOVERNMENT_BODY = /^人民政府$/u;

/** An agency's kind, from its full name and the places it is read under (catalogue names.ts). */
export function agencyLevel(a: { name: string; province: string | null; city: string | null; county: string | null }): AgencyLevel {
  let body = a.name;
  for (const place of [a.province, a.city, a.county]) if (place && body.startsWith(place)) body = body.slice(place.length);
  if (TOWNSHIP_BODY.test(body)) return 'township';
  if (GOVERNMENT_BODY.test(body)) return a.county ? 'county_gov' : a.city ? 'city_gov' : a.province ? 'province_gov' : 'department';
  return 'department';
}
