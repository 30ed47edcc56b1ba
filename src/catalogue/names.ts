/**
 * Agency names: the aliases people type, derived by rule from the full official name
 * (report-format.md §H). Used by ingest (to fill agency_aliases) and by query (to resolve names).
 *
 * A name is read as  [province][city][county] + body  (温州市 + 统计局, 温州市鹿城区 + 人民政府).
 * Aliases = (ways to write the place) × (ways to write the body). Everything is by rule, so an agency
 * never seen before gets its short forms too.
 */
import { AND_NAME_ORGANS, ORGAN_RULES } from './agency-words.ts';
import { gazetteer, shortPlaceForms, shortPlaceName } from './gazetteer.ts';
import { parseUnit, UNIT_NAME_RULES, UNITS, type Unit } from './units.ts';

export interface AgencyNameParts {
  name: string;
  province: string | null;
  city: string | null;
  county: string | null;
}
export interface Alias {
  alias: string;
  kind: string;
}

/** Department names and their common short forms; the general "X和Y局" rule covers the rest. */
const BODY_ABBREVIATIONS: [RegExp, string[]][] = [
  [/^经济和信息化局$/, ['经信局']],
  [/^经济和信息化委员会$/, ['经信委']],
  [/^发展和改革委员会$/, ['发改委']],
  [/^发展和改革局$/, ['发改局', '发改委']],
  [/^人力资源和社会保障局$/, ['人社局']],
  [/^人力资源和社会保障厅$/, ['人社厅']],
  [/^自然资源和规划局$/, ['资规局', '自然资源局', '自规局']],
  [/^市场监督管理局$/, ['市场监管局']],
  [/^住房和城乡建设局$/, ['住建局']],
  [/^生态环境局$/, ['环境局', '环保局']],
  [/^政务服务中心$/, ['行政服务中心', '政务中心']],
  [/^政务服务管理办公室$/, ['政务服务中心', '行政服务中心', '政务办']],
  [/^政务服务管理局$/, ['政务服务中心', '行政服务中心']],
  [/^卫生健康委员会$/, ['卫健委']],
  [/^卫生健康局$/, ['卫健局']],
  [/^卫生和计划生育委员会$/, ['卫计委']],
  [/^医疗保障局$/, ['医保局']],
  [/^退役军人事务局$/, ['退役军人局']],
  [/^科学技术局$/, ['科技局']],
  [/^城市管理局$/, ['城管局']],
  [/^综合行政执法局$/, ['综合执法局', '执法局']],
  [/^人民防空办公室$/, ['人防办']],
  [/^大数据发展管理局$/, ['大数据局']],
  [/^农业农村局$/, ['农业局']],
  [/^交通运输局$/, ['交通局']],
  [/^文化广电旅游局$/, ['文广旅局']],
  [/^应急管理局$/, ['应急局']],
  [/^公共资源交易中心$/, ['交易中心']],
  [/^(.{1,8}?街道)办事处$/, ['$1', '$1办']],
  [/^(.{1,8}?[镇乡])人民政府$/, ['$1', '$1政府']],
  [/^(.+(?<!管理))委员会$/u, ['$1委']],
  // The catalogue's organ rules (管理委员会 → 管委会, 人民政府办公厅 → 政府办公厅, 政府办 …), at the name's end.
  ...ORGAN_RULES.map((r): [RegExp, string[]] => [new RegExp(`^(.*)${r.full}$`, 'u'), r.short.map((s) => `$1${s}`)]),
];
/** "X和Y局" → first character of X and of Y + 局 (经济和信息化局 → 经信局). */
const GENERAL_AND_RULE = new RegExp(`^(.{2,6})和(.{2,6})(${AND_NAME_ORGANS.join('|')})$`, 'u');
const SUFFIX_SHORT: Record<string, string> = { 委员会: '委', 办公室: '办' };

/** A place's level: its one-character form names the agency's own level (市统计局, 区政府). */
const PLACE_SUFFIX = /(省|市|自治区|自治州|自治县|特别行政区|地区|盟|区|县|旗|镇|乡|街道)$/;
const PLACE_PREFIX_RE = /^(.{2,7}?(?:省|自治区))?(.{2,7}?(?:市|自治州|地区|盟))?(.{1,7}?(?:区|县|市|旗))?/;

let upperStems: ReadonlyMap<string, readonly string[]> | null = null;
/**
 * Stems of provinces and prefecture-level cities (朝阳, 辽阳, 吉林), each with the places it stems from. A
 * county whose stem is one of them (长春市朝阳区, 辽阳市辽阳县) is not named by the stem alone: "辽阳应急局" is
 * 辽阳市's, "朝阳交通局" is 朝阳市's, so answering with the county's figure would be another agency's figure.
 * A city's own stem is no clash with itself (浙江省温州市统计局 is 温州统计局), but 吉林 is both 吉林省 and 吉林市.
 */
function upperPlaceStems(): ReadonlyMap<string, readonly string[]> {
  if (upperStems) return upperStems;
  const g = gazetteer();
  const out = new Map<string, string[]>();
  for (const name of [...g.provincesByName.keys(), ...g.citiesByName.keys()]) {
    const stem = shortPlaceName(name);
    out.set(stem, [...(out.get(stem) ?? []), name]);
  }
  upperStems = out;
  return out;
}

/** Whether a place's stem alone could be read as another province or city. */
function stemNamesAnotherPlace(place: string, stem: string): boolean {
  return (upperPlaceStems().get(stem) ?? []).some((p) => p !== place);
}

function bodyForms(body: string): string[] {
  const forms = new Set([body]);
  for (const [re, shorts] of BODY_ABBREVIATIONS) {
    if (re.test(body)) for (const s of shorts) forms.add(body.replace(re, s));
  }
  const general = GENERAL_AND_RULE.exec(body);
  if (general) forms.add(general[1]![0]! + general[2]![0]! + (SUFFIX_SHORT[general[3]!] ?? general[3]!));
  return [...forms];
}

/** The ways a unit is written, longest context first: 平潭综合实验区, 平潭实验区, 平潭综合区, 平潭 (rules and table). */
export function unitForms(unit: Unit, printed = unit.name): string[] {
  const forms = new Set([printed, unit.name]);
  for (const text of [unit.name, ...unit.printed]) {
    forms.add(text);
    for (const r of UNIT_NAME_RULES) if (text.endsWith(r.full)) for (const s of r.short) forms.add(text.slice(0, -r.full.length) + s);
  }
  for (const s of unit.short) forms.add(s);
  return [...forms];
}

interface NamePlaces {
  places: string[];
  body: string;
  /** Set when the places are units: the forms of the most specific one and of its parent. */
  unitForms?: { own: string[]; parent: string[] | null; governing: string | null };
}

/** Split the name into its leading places and the body, using the known parts first. */
function splitName(agency: AgencyNameParts): NamePlaces {
  const u = parseUnit(agency.name);
  // 国家统计局, 国家发展和改革委员会: 国家 is the level, the rest the body (国家发改委, 发改委).
  if (u && u.unit.kind === 'central') {
    if (/^国家.{2}/u.test(agency.name)) return { places: ['国家'], body: agency.name.slice(2), unitForms: { own: ['国家'], parent: null, governing: null } };
    return { places: [], body: agency.name };
  }
  if (u) {
    const body = agency.name.slice(u.length);
    const printed = agency.name.slice(0, u.length - (u.sub?.name.length ?? 0));
    const top = unitForms(u.unit, printed || u.unit.name);
    if (u.sub) return { places: [u.unit.name, u.sub.name], body, unitForms: { own: unitForms(u.sub), parent: top, governing: u.sub.governing } };
    return { places: [u.unit.name], body, unitForms: { own: top, parent: null, governing: u.unit.governing } };
  }
  let rest = agency.name;
  const places: string[] = [];
  const parts = [agency.province, agency.city, agency.county];
  for (const [i, p] of parts.entries()) {
    if (!p) continue;
    if (rest.startsWith(p)) {
      places.push(p);
      rest = rest.slice(p.length);
      continue;
    }
    // "吉林市船营区…" of 吉林省: 吉林 there is the city's name, not the province's stem.
    if (parts.slice(i + 1).some((q) => q && rest.startsWith(q))) continue;
    // "恩施州利川市…": the longest short form printed (恩施州 before 恩施).
    const short = shortPlaceForms(p).find((f) => rest.startsWith(f));
    if (short) {
      places.push(p);
      rest = rest.slice(short.length);
    }
  }
  if (places.length === 0) {
    const m = PLACE_PREFIX_RE.exec(rest);
    if (m && m[0].length > 0 && m[0].length < rest.length) {
      for (const p of [m[1], m[2], m[3]]) if (p) places.push(p);
      rest = rest.slice(m[0].length);
    }
  }
  return { places, body: rest };
}

export function deriveAliases(agency: AgencyNameParts): Alias[] {
  const out = new Map<string, string>();
  const add = (alias: string, kind: string) => {
    const a = alias.replace(/\s+/g, '');
    if (a.length >= 2 && !out.has(a)) out.set(a, kind);
  };
  add(agency.name, 'full');
  const { places, body, unitForms: units } = splitName(agency);
  const bodies = bodyForms(body);
  const own = places.at(-1) ?? null; // the most specific place: the agency's own level
  const parent = places.length >= 2 ? places.at(-2)! : null;
  // The organ that is the place's own government: 人民政府, or a unit's governing body (管理委员会, 管理局).
  const isGovernment = body === '人民政府' || (units !== undefined && body === units.governing);

  // Place spellings from most to least specific context.
  const placeForms: [string, string][] = [];
  if (units) {
    if (units.parent) for (const pf of units.parent) for (const of of units.own) placeForms.push([pf + of, 'city_prefixed']);
    for (const of of units.own) placeForms.push([of, 'short']);
  } else if (own) {
    const ownStem = shortPlaceName(own);
    // The stem alone only when it cannot be read as a city or province (see upperPlaceStems).
    const stemClashes = parent !== null && ownStem !== own && stemNamesAnotherPlace(own, ownStem);
    const ownForms = [own, ...shortPlaceForms(own)]; // 恩施土家族苗族自治州, 恩施州, 恩施
    if (parent) for (const pf of [parent, ...shortPlaceForms(parent)]) for (const of of ownForms) placeForms.push([pf + of, 'city_prefixed']);
    for (const of of ownForms) if (!(stemClashes && of === ownStem)) placeForms.push([of, 'short']);
    if (!isGovernment) {
      const level = PLACE_SUFFIX.exec(own)?.[1];
      if (level && level.length === 1) placeForms.push([level, 'level']); // 市统计局, 区政府
    }
  }

  for (const b of bodies) {
    const abbrev = b !== body;
    for (const [pf, kind] of placeForms) add(pf + b, abbrev ? 'abbrev' : kind);
    if (!isGovernment) add(b, abbrev ? 'abbrev' : 'body');
  }
  if (isGovernment && own) {
    // A government is named by its place alone: 鹿城区, 鹿城, 温州鹿城区; and 区政府 by its level.
    for (const [pf, kind] of placeForms) add(pf, kind);
    const level = units ? undefined : PLACE_SUFFIX.exec(own)?.[1];
    if (level && level.length === 1) {
      add(level + '政府', 'level');
      add(level + '人民政府', 'level');
    }
  }
  return [...out].map(([alias, kind]) => ({ alias, kind }));
}

/**
 * Every way the agency's places are written (温州市, 温州, 鹿城区, 鹿城; 平潭综合实验区, 平潭实验区, 平潭): an
 * alias containing none of them names no place of its own (统计局, 区政府, 实验区公安局).
 */
export function placeWords(agency: AgencyNameParts): string[] {
  const { places, unitForms: units } = splitName(agency);
  const out = new Set<string>();
  if (units) {
    for (const f of [...units.own, ...(units.parent ?? [])]) if (!UNIT_NAME_RULES.some((r) => r.short.includes(f) || r.full === f)) out.add(f);
  }
  for (const p of [agency.province, agency.city, agency.county, ...places]) {
    if (!p) continue;
    out.add(p);
    for (const f of shortPlaceForms(p)) out.add(f);
  }
  return [...out].filter((f) => f.length >= 2);
}

let unitStemMap: Map<string, string[]> | null = null;
/** Each listed unit's names that say which unit it is (平潭综合实验区 → 平潭实验区, 平潭 …; 海坛片区 → 海坛). */
function unitStems(): Map<string, string[]> {
  if (unitStemMap) return unitStemMap;
  const out = new Map<string, string[]>();
  const bare = new Set(UNIT_NAME_RULES.flatMap((r) => [r.full, ...r.short]));
  for (const u of UNITS) out.set(u.name, unitForms(u).filter((f) => f.length >= 2 && !bare.has(f)));
  unitStemMap = out;
  return out;
}

/**
 * The cheap form of placeWords for the index's every alias: each place's stem (温州, 鹿城) and a listed
 * unit's names. An alias containing none of them names no place of its own.
 */
export function placeStems(agency: AgencyNameParts): string[] {
  const out: string[] = [];
  for (const p of [agency.province, agency.city, agency.county]) {
    if (!p) continue;
    out.push(shortPlaceName(p));
    const unit = unitStems().get(p);
    if (unit) out.push(...unit);
  }
  return out;
}
