/**
 * "鹿城区的统计局", "平潭县的公安局", "温州市的统计局": a place the question names, then 的 and a department
 * name that names no place, asks for that place's department — not for whichever agency of that name the
 * index holds. The department's candidates are narrowed to those of the place itself, else to those
 * anywhere under it; none left means an agency we lack.
 */
import { knownPlaceNames } from '../../catalogue/gazetteer.ts';
import { placeWords } from '../../catalogue/names.ts';
import { unitNames } from '../../catalogue/units.ts';
import type { AgencyRow } from '../../store/schema.ts';
import type { AgencyIndex, AliasMention } from './agency-index.ts';

/** What may stand between the place and the department: 的 (之), or nothing after a government's name. */
const OF = /^[的之]$/u;
const MAX_PLACE = 10;

/** The ways one place is written (温州市, 温州; 平潭综合实验区, 平潭实验区, 平潭). */
const formsOf = (place: string): string[] => placeWords({ name: place, province: null, city: null, county: place });

/** The place the question names right before `at` and 的: a government found there, or a place name. */
function placeBefore(text: string, at: number, prev: AliasMention | undefined, index: AgencyIndex): { start: number; matches: (r: AgencyRow) => 'own' | 'under' | null } | null {
  if (!OF.test(text.slice(at - 1, at))) return null;
  const end = at - 1;
  const isPlace = (t: string) => knownPlaceNames().has(t) || unitNames().has(t);
  if (prev && prev.end === end && !prev.foreign && prev.ids.length === 1 && isPlace(prev.text)) {
    const row = index.agencies.get(prev.ids[0]!);
    const own = row ? (row.county ?? row.city ?? row.province) : null;
    if (!own) return null;
    return { start: prev.start, matches: (r) => ((r.county ?? r.city ?? r.province) === own ? 'own' : [r.province, r.city, r.county].includes(own) ? 'under' : null) };
  }
  if (prev && prev.end > end - 2) return null;
  for (let len = Math.min(MAX_PLACE, end); len >= 2; len--) {
    const place = text.slice(end - len, end);
    if (!isPlace(place)) continue;
    return {
      start: end - len,
      matches: (r) => {
        const mostSpecific = r.county ?? r.city ?? r.province;
        if (mostSpecific && formsOf(mostSpecific).includes(place)) return 'own';
        return placeWords(r).includes(place) ? 'under' : null;
      },
    };
  }
  return null;
}

export function qualifyByPlace(mentions: readonly AliasMention[], text: string, index: AgencyIndex): AliasMention[] {
  const out: AliasMention[] = [];
  for (const m of mentions) {
    const place = m.foreign || !index.namesNoPlace(m.text) ? null : placeBefore(text, m.start, out.at(-1), index);
    if (!place) {
      out.push(m);
      continue;
    }
    const rows = m.ids.map((id) => index.agencies.get(id)).filter((r): r is AgencyRow => !!r);
    const own = rows.filter((r) => place.matches(r) === 'own');
    const under = rows.filter((r) => place.matches(r) !== null);
    const ids = (own.length > 0 ? own : under).map((r) => r.id);
    while (out.length > 0 && out.at(-1)!.end > place.start) out.pop();
    const span = { text: text.slice(place.start, m.end), start: place.start, end: m.end };
    out.push(ids.length === 0 ? { ...span, ids: [], foreign: true } : { ...span, ids });
  }
  return out;
}
