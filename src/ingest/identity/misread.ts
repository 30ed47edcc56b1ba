/**
 * A place misread in an agency's name (沭阳县 printed 沐阳县 throughout an OCR'd report): the gazetteer's
 * places one character away are the candidates; the report's own text (another mention, the address)
 * and the table of confusable characters are the evidence. Corrected only on one clear winner. Pure.
 */
import { PLACE_LEVEL_CHARS } from '../../catalogue/agency-words.ts';
import { confusable } from '../../catalogue/confusables.ts';
import { gazetteer, knownPlaceNames, shortPlaceName } from '../../catalogue/gazetteer.ts';

export interface PlaceFix {
  from: string;
  to: string;
  /** Index (in the lines given) of a line spelling the corrected name, if the text does. */
  seenAt: number | null;
}

/** A place token ends with its level. */
const PLACE_END = new RegExp(`[${PLACE_LEVEL_CHARS}]$`, 'u');

/** The one differing position of two same-length strings, or -1 when they differ in 0 or 2+ places. */
function diffAt(a: string, b: string): number {
  if (a.length !== b.length) return -1;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at !== -1) return -1;
    at = i;
  }
  return at;
}

let byLength: Map<number, { name: string; parents: string[] }[]> | null = null;
function placesByLength(): Map<number, { name: string; parents: string[] }[]> {
  if (byLength) return byLength;
  const g = gazetteer();
  const out = new Map<number, { name: string; parents: string[] }[]>();
  const add = (name: string, parents: (string | null | undefined)[]) => {
    const list = out.get(name.length) ?? [];
    list.push({ name, parents: parents.filter((p): p is string => !!p) });
    out.set(name.length, list);
  };
  for (const [name, list] of g.areasByName) {
    for (const a of list) add(name, [g.cities.get(a.cityCode)?.name, g.provinces.get(a.provinceCode)?.name]);
  }
  for (const [name, list] of g.citiesByName) for (const c of list) add(name, [g.provinces.get(c.provinceCode)?.name]);
  for (const name of g.provincesByName.keys()) add(name, []);
  byLength = out;
  return out;
}

/**
 * The misread place at the start of `name`, if one candidate clearly wins: evidence is the corrected
 * spelling appearing in the report (2), the two characters being a known confusable pair (1), and the
 * candidate's city or province named in the report (1). `lines` are the report lines searched.
 */
export function fixMisreadPlace(name: string, lines: readonly string[]): PlaceFix | null {
  const text = lines.join('\n');
  let best: { fix: PlaceFix; score: number } | null = null;
  let second = -1;
  for (let len = Math.min(8, name.length - 1); len >= 2; len--) {
    const token = name.slice(0, len);
    // A real place (鼓楼区, in four cities) is ambiguous, not misread.
    if (!PLACE_END.test(token) || knownPlaceNames().has(token)) continue;
    for (const cand of placesByLength().get(len) ?? []) {
      const at = diffAt(token, cand.name);
      if (at === -1) continue;
      const seenAt = lines.findIndex((l) => l.includes(cand.name));
      const stem = shortPlaceName(cand.name);
      const spelled = seenAt !== -1 || (stem !== cand.name && text.includes(stem));
      const score =
        (spelled ? 2 : 0) + (confusable(token[at]!, cand.name[at]!) ? 1 : 0) + (cand.parents.some((p) => text.includes(p) || text.includes(shortPlaceName(p))) ? 1 : 0);
      // A parent's mention alone is no evidence of this misread over any other.
      if (!spelled && !confusable(token[at]!, cand.name[at]!)) continue;
      if (!best || score > best.score) {
        if (best && best.fix.to !== cand.name) second = Math.max(second, best.score);
        best = { fix: { from: token, to: cand.name, seenAt: seenAt === -1 ? null : seenAt }, score };
      } else if (cand.name !== best.fix.to) second = Math.max(second, score);
    }
    if (best) break;
  }
  // A clear winner: more evidence than any other candidate.
  return best && best.score > second ? best.fix : null;
}
