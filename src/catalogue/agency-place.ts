/**
 * Where an agency sits, read from its name: a GB/T 2260 place (gazetteer.parsePlace) or a unit of the
 * units table (units.parseUnit), whichever takes more of the name. A unit fills the same three levels as
 * a place: a zone with no city of its own stands at city level (福建省 / 平潭综合实验区 / 海坛片区), a
 * zone inside a city at county level (杭州市 / 杭州高新技术产业开发区).
 */
import { parsePlace, type PlaceMatch } from './gazetteer.ts';
import { parseUnit, type Unit } from './units.ts';

export interface AgencyPlace extends PlaceMatch {
  /** The unit the name starts with, if it is one (平潭综合实验区, 国家统计局's 国家统计局). */
  unit: Unit | null;
  /** The unit below it (海坛片区), if printed. */
  sub: Unit | null;
  /** The unit was not printed, only the one below it ("海坛片区管理局"). */
  parentInferred: boolean;
}

export function agencyPlace(name: string): AgencyPlace | null {
  const place = parsePlace(name);
  const u = parseUnit(name);
  if (u && (!place || u.length > place.length)) {
    const { unit, sub } = u;
    const inCity = unit.city !== null;
    return {
      province: unit.province,
      city: inCity ? unit.city : unit.kind === 'central' ? null : unit.name,
      county: inCity ? unit.name : (sub?.name ?? null),
      divisionCode: null,
      length: u.length,
      cityInferred: false,
      corrected: null,
      unit,
      sub,
      parentInferred: u.parentInferred ?? false,
    };
  }
  return place ? { ...place, unit: null, sub: null, parentInferred: false } : null;
}
