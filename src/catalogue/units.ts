/**
 * Reporting units outside the GB/T 2260 gazetteer, as data: comprehensive experimental zones and the
 * areas below them, state-level new areas, development zones, central ministries and agencies directly
 * under the State Council, the Xinjiang Production and Construction Corps. Each with its parent place,
 * the spellings it is printed with and the short names people type. `parseUnit` reads a name's unit
 * prefix the way gazetteer.parsePlace reads its place prefix.
 */
import { gazetteer, shortPlaceName } from './gazetteer.ts';

export type UnitKind = 'zone' | 'zone_area' | 'new_area' | 'dev_zone' | 'central' | 'corps' | 'corps_division';

export interface Unit {
  /** The official name (the place part of its agencies' names): 平潭综合实验区. */
  name: string;
  kind: UnitKind;
  province: string | null;
  city: string | null;
  /** For a unit under another unit (海坛片区 under 平潭综合实验区): the parent's name. */
  parent: string | null;
  /** Other printed spellings of the whole name (河北雄安新区 for 雄安新区), longest first. */
  printed: string[];
  /** What people call it (平潭实验区, 平潭; 雄安). */
  short: string[];
  /**
   * The organ that governs it, named when the unit alone is printed ("平潭综合实验区2012年…报告" is its
   * 管理委员会's); null when the unit is itself an organ (国家统计局) or has none of its own.
   */
  governing: string | null;
}

const zone = (name: string, province: string, city: string | null, short: string[], printed: string[] = []): Unit =>
  ({ name, kind: 'zone', province, city, parent: null, printed, short, governing: '管理委员会' });
const area = (name: string, parent: Unit, short: string[]): Unit =>
  ({ name, kind: 'zone_area', province: parent.province, city: parent.city, parent: parent.name, printed: [], short, governing: '管理局' });
const newArea = (name: string, province: string, city: string | null, short: string[], printed: string[] = []): Unit =>
  ({ name, kind: 'new_area', province, city, parent: null, printed, short, governing: '管理委员会' });
const devZone = (name: string, province: string, city: string, short: string[]): Unit =>
  ({ name, kind: 'dev_zone', province, city, parent: null, printed: [], short, governing: '管理委员会' });
const central = (name: string, short: string[] = []): Unit =>
  ({ name, kind: 'central', province: null, city: null, parent: null, printed: [], short, governing: null });

const PINGTAN = zone('平潭综合实验区', '福建省', null, ['平潭实验区', '平潭综合区', '平潭'], ['福建省平潭综合实验区', '福建平潭综合实验区']);
const CORPS: Unit = {
  name: '新疆生产建设兵团', kind: 'corps', province: '新疆维吾尔自治区', city: null, parent: null, printed: [], short: ['新疆兵团', '兵团'], governing: null,
};

/** The table. Gazetteer places (浦东新区, 滨海新区, 兰州新区, 苏州工业园区 …) are not repeated here. */
export const UNITS: readonly Unit[] = [
  PINGTAN,
  area('海坛片区', PINGTAN, ['海坛']),
  area('金井片区', PINGTAN, ['金井']),
  area('君山片区', PINGTAN, ['君山']),
  zone('横琴粤澳深度合作区', '广东省', '珠海市', ['横琴合作区', '横琴']),
  newArea('雄安新区', '河北省', null, ['雄安'], ['河北雄安新区']),
  newArea('两江新区', '重庆市', '重庆市', ['两江'], ['重庆两江新区']),
  newArea('舟山群岛新区', '浙江省', '舟山市', [], ['浙江舟山群岛新区']),
  newArea('南沙新区', '广东省', '广州市', [], ['广州南沙新区']),
  newArea('西咸新区', '陕西省', null, ['西咸'], ['陕西西咸新区']),
  newArea('贵安新区', '贵州省', null, ['贵安'], ['贵州贵安新区']),
  newArea('西海岸新区', '山东省', '青岛市', [], ['青岛西海岸新区']),
  newArea('金普新区', '辽宁省', '大连市', ['金普'], ['大连金普新区']),
  newArea('天府新区', '四川省', null, ['天府'], ['四川天府新区']),
  newArea('湘江新区', '湖南省', '长沙市', [], ['湖南湘江新区']),
  newArea('江北新区', '江苏省', '南京市', [], ['南京江北新区']),
  newArea('福州新区', '福建省', '福州市', [], []),
  newArea('滇中新区', '云南省', null, ['滇中'], ['云南滇中新区']),
  newArea('哈尔滨新区', '黑龙江省', '哈尔滨市', [], []),
  newArea('长春新区', '吉林省', '长春市', [], []),
  newArea('赣江新区', '江西省', null, ['赣江'], ['江西赣江新区']),
  devZone('杭州高新技术产业开发区', '浙江省', '杭州市', ['杭州高新区']),
  devZone('温州经济技术开发区', '浙江省', '温州市', ['温州经开区']),
  devZone('中国（上海）自由贸易试验区', '上海市', '上海市', ['上海自贸区']),
  CORPS,
  ...[
    '国务院办公厅', '外交部', '国防部', '国家发展和改革委员会', '教育部', '科学技术部', '工业和信息化部', '国家民族事务委员会', '公安部',
    '国家安全部', '民政部', '司法部', '财政部', '人力资源和社会保障部', '自然资源部', '生态环境部', '住房和城乡建设部', '交通运输部', '水利部',
    '农业农村部', '商务部', '文化和旅游部', '国家卫生健康委员会', '退役军人事务部', '应急管理部', '中国人民银行', '审计署',
    '国务院国有资产监督管理委员会', '海关总署', '国家税务总局', '国家市场监督管理总局', '国家金融监督管理总局', '国家广播电视总局',
    '国家体育总局', '国家信访局', '国家统计局', '国家知识产权局', '国家国际发展合作署', '国家医疗保障局', '国家机关事务管理局',
    '国家数据局', '国家林业和草原局', '国家能源局', '国家烟草专卖局', '国家移民管理局', '国家铁路局', '中国民用航空局', '国家邮政局',
    '国家文物局', '国家中医药管理局', '国家疾病预防控制局', '国家矿山安全监察局', '国家消防救援局', '国家外汇管理局', '国家药品监督管理局',
    '国家粮食和物资储备局', '国家国防科技工业局', '中国证券监督管理委员会', '国家乡村振兴局', '国务院',
  ].map((n) => central(n)),
];

/**
 * Rules for the place part of a unit's name (data, not if-statements): each long spelling and the
 * shorter ones people use for it. 综合实验区 ↔ 实验区; 高新技术产业开发区 → 高新区; 经济技术开发区 → 经开区.
 */
export const UNIT_NAME_RULES: readonly { full: string; short: string[] }[] = [
  { full: '综合实验区', short: ['实验区'] },
  { full: '高新技术产业开发区', short: ['高新区'] },
  { full: '经济技术开发区', short: ['经开区', '开发区'] },
  { full: '经济开发区', short: ['经开区', '开发区'] },
];

/** A corps division ("新疆生产建设兵团第八师"): a unit of the corps by rule, not listed one by one. */
const CORPS_DIVISION = /^第[一二三四五六七八九十]{1,3}师/u;
/** An area of a zone ("某某片区"). */
const ZONE_AREA = /^\p{sc=Han}{2,4}?片区/u;
/**
 * A development zone or zone area named after a place of the gazetteer ("嘉兴经济技术开发区",
 * "宁波保税区"): a unit of that city by rule. The name must begin with the city's name or stem.
 */
const ZONE_TAIL = /^(.{0,6}?)(综合实验区|经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|工业园区|综合保税区|保税区|新区)/u;

export interface UnitMatch {
  unit: Unit;
  /** The unit below it printed after it (平潭综合实验区 + 海坛片区), if any. */
  sub: Unit | null;
  /** Characters of the name the unit prefix took. */
  length: number;
  /** The sub-unit was printed without its parent ("海坛片区管理局"): the parent is inferred from the table. */
  parentInferred?: boolean;
}

interface Spelling {
  text: string;
  unit: Unit;
}
let spellings: Spelling[] | null = null;
/** Spellings by their first character, longest first: a name is compared with a handful, not all. */
let byFirst: Map<string, Spelling[]> | null = null;

function spellingsFrom(ch: string): readonly Spelling[] {
  if (!byFirst) {
    byFirst = new Map();
    for (const s of allSpellings()) {
      const list = byFirst.get(s.text[0]!) ?? [];
      list.push(s);
      byFirst.set(s.text[0]!, list);
    }
  }
  return byFirst.get(ch) ?? [];
}

function allSpellings(): Spelling[] {
  if (spellings) return spellings;
  const out: Spelling[] = [];
  for (const u of UNITS) {
    if (u.parent) continue;
    for (const text of [u.name, ...u.printed]) {
      out.push({ text, unit: u });
      // 平潭实验区 for 平潭综合实验区, by rule.
      for (const r of UNIT_NAME_RULES) if (text.endsWith(r.full)) for (const s of r.short) out.push({ text: text.slice(0, -r.full.length) + s, unit: u });
    }
  }
  out.sort((a, b) => b.text.length - a.text.length);
  spellings = out;
  return out;
}

const childrenOf = (parent: Unit): Unit[] => UNITS.filter((u) => u.parent === parent.name);

/** A province's name printed before a unit of it ("福建省平潭综合实验区"): its length, else 0. */
function provincePrefix(name: string): number {
  const provinces = gazetteer().provincesByName;
  for (let len = 2; len <= Math.min(8, name.length); len++) if (provinces.has(name.slice(0, len))) return len;
  return 0;
}

/**
 * Read the unit prefix of an agency name: "平潭综合实验区海坛片区管理局" → 平潭综合实验区 + 海坛片区;
 * "新疆生产建设兵团第八师" → the corps and its division; "嘉兴经济技术开发区管委会" → a zone of 嘉兴市 by
 * rule. Null when the name starts with no unit (the gazetteer's places are parsePlace's).
 */
export function parseUnit(name: string): UnitMatch | null {
  const skip = provincePrefix(name);
  const rest = name.slice(skip);
  for (const s of spellingsFrom(rest[0] ?? '')) {
    if (!rest.startsWith(s.text)) continue;
    if (skip && s.unit.province !== name.slice(0, skip)) continue;
    let length = skip + s.text.length;
    let sub: Unit | null = null;
    const after = name.slice(length);
    for (const c of childrenOf(s.unit)) {
      if (after.startsWith(c.name)) {
        sub = c;
        length += c.name.length;
        break;
      }
    }
    // Areas of a zone not listed one by one ("…实验区某某片区管理局") are its areas by rule.
    const zoneArea = !sub && s.unit.kind === 'zone' ? ZONE_AREA.exec(after) : null;
    if (zoneArea) {
      sub = { name: zoneArea[0], kind: 'zone_area', province: s.unit.province, city: s.unit.city, parent: s.unit.name, printed: [], short: [], governing: '管理局' };
      length += zoneArea[0].length;
    }
    if (!sub && s.unit.kind === 'corps') {
      const d = CORPS_DIVISION.exec(after);
      if (d) {
        sub = { name: d[0], kind: 'corps_division', province: s.unit.province, city: null, parent: s.unit.name, printed: [], short: [], governing: null };
        length += d[0].length;
      }
    }
    return { unit: s.unit, sub, length };
  }
  // "海坛片区管理局": a listed area printed without its zone.
  for (const u of UNITS) {
    if (u.parent && name.startsWith(u.name)) {
      const parent = UNITS.find((p) => p.name === u.parent);
      if (parent) return { unit: parent, sub: u, length: u.name.length, parentInferred: true };
    }
  }
  return ruleZone(name);
}

/** Cities unique in the gazetteer by their name and by their stem (嘉兴市, 嘉兴 → 嘉兴市). */
let cityForms: Map<string, string> | null = null;
function cityByForm(): Map<string, string> {
  if (cityForms) return cityForms;
  const out = new Map<string, string>();
  for (const [cityName, cities] of gazetteer().citiesByName) {
    if (cities.length !== 1) continue;
    for (const form of [cityName, shortPlaceName(cityName)]) if (form.length >= 2) out.set(form, cityName);
  }
  cityForms = out;
  return out;
}
const ZONE_WORD = /综合实验区|开发区|高新区|经开区|工业园区|保税区|新区/u;

/** "嘉兴经济技术开发区…": a city's zone by rule, when the city is in the gazetteer and the zone is not. */
function ruleZone(name: string): UnitMatch | null {
  if (!ZONE_WORD.test(name)) return null;
  const g = gazetteer();
  const forms = cityByForm();
  for (let len = Math.min(8, name.length - 2); len >= 2; len--) {
    const form = name.slice(0, len);
    const cityName = forms.get(form);
    if (!cityName) continue;
    const m = ZONE_TAIL.exec(name.slice(form.length));
    if (!m || /[省市区县]/u.test(m[1]!)) continue;
    const zoneName = form + m[0];
    const city = g.citiesByName.get(cityName)![0]!;
    const province = g.provinces.get(city.provinceCode)?.name ?? null;
    const kind: UnitKind = m[2] === '新区' ? 'new_area' : m[2] === '综合实验区' ? 'zone' : 'dev_zone';
    return {
      unit: { name: zoneName, kind, province, city: cityName, parent: null, printed: [], short: [], governing: '管理委员会' },
      sub: null,
      length: zoneName.length,
    };
  }
  return null;
}

/** Every unit's names as typed (full, printed, short and by rule), for telling another unit in a question. */
export function unitNames(): ReadonlySet<string> {
  const out = new Set<string>();
  for (const s of allSpellings()) out.add(s.text);
  for (const u of UNITS) for (const n of [u.name, ...u.short]) if (n.length >= 2) out.add(n);
  return out;
}
