/**
 * Questions about the agencies themselves: which ones go by a name ("统计局有几个"), which are indexed,
 * and — for a name we lack — which to offer instead.
 */
import { agencyPlace } from '../../catalogue/agency-place.ts';
import type { AgencyRow } from '../../store/schema.ts';
import type { AgencyIndex } from '../agency/agency-index.ts';
import type { Answer } from '../answer.ts';
import type { StructuredQuery } from '../understand/structured-query.ts';
import { MAX_LIST, type Ctx } from './context.ts';

/** Agencies by province and by city, built once per index on the first unknown name. */
const placeIndexes = new WeakMap<AgencyIndex, Map<string, AgencyRow[]>>();

/** "统计局有几个": the agencies that go by the name typed. */
export function namedAgencies(ctx: Ctx, base: Pick<Answer, 'question' | 'results' | 'warnings' | 'suggestions'>, query: StructuredQuery): Omit<Answer, 'query'> {
  const found = [...query.agencies, ...query.ambiguous.flatMap((a) => a.candidates)];
  const unique = found.filter((a, i) => found.findIndex((b) => b.id === a.id) === i);
  const typed = query.ambiguous[0]?.text ?? '';
  const lines = unique.slice(0, MAX_LIST).map((c, i) => `${i + 1}. ${c.name}（${ctx.store.years(c.id).join('、') || '暂无报告'}）`);
  const more = unique.length > MAX_LIST ? `\n……等 ${unique.length} 个` : '';
  if (unique.length === 1) {
    return { ...base, status: 'answered', text: `索引中只有 1 个：${lines[0]!.slice(3)}` };
  }
  const candidates = unique.slice(0, MAX_LIST);
  return {
    ...base,
    status: 'clarify',
    text: `索引中“${typed}”有 ${unique.length} 个，请问要查哪一个？\n${lines.join('\n')}${more}`,
    candidates,
    suggestions: candidates.map((c) => c.name),
  };
}

export function agencyListText(ctx: Ctx, names: AgencyRow[] = [...ctx.index.agencies.values()]): string {
  if (ctx.index.size === 0) return '索引中还没有报告（运行 gongkai ingest 建立索引）。';
  if (names.length === 0) return '索引中没有这个地方的单位的报告。';
  const shown = names.slice(0, 50).map((a) => `${a.name}（${ctx.store.years(a.id).join('、')}）`);
  return `已收录 ${names.length} 个单位的报告：\n${shown.join('\n')}${names.length > 50 ? `\n……等 ${names.length} 个` : ''}`;
}

/**
 * Names to offer for an agency we lack: those of the same place first (清江浦区财政局 → 淮安市…),
 * then the closest spellings, then any.
 */
export function closeNames(ctx: Ctx, name: string): string[] {
  // A unit's place too (平潭综合实验区教育局 → the zone's agencies).
  const place = agencyPlace(name);
  const local: string[] = [];
  if (place && (place.county || place.city || place.province)) {
    const rank = (a: AgencyRow) =>
      place.county && a.county === place.county && (!place.city || a.city === place.city) ? 0
        : place.city && a.city === place.city ? (place.county ? 1 : 0)
          : place.province && a.province === place.province ? 2 : 3;
    const byRank: string[][] = [[], [], []];
    for (const a of placeIndex(ctx, place)) {
      const r = rank(a);
      if (r < 3) byRank[r]!.push(a.name);
    }
    local.push(...byRank.flat());
  }
  const close = ctx.index.fuzzy(name, 5).map((m) => m.name);
  const out = [...close.filter((n) => local.includes(n)), ...local, ...close];
  const unique = [...new Set(out)].slice(0, 5);
  return unique.length > 0 ? unique : ctx.index.someNames(5);
}

/** Agencies of a place's province (built once, on the first unknown name). */
function placeIndex(ctx: Ctx, place: { province: string | null; city: string | null }): AgencyRow[] {
  let byPlace = placeIndexes.get(ctx.index);
  if (!byPlace) {
    byPlace = new Map<string, AgencyRow[]>();
    placeIndexes.set(ctx.index, byPlace);
    for (const a of ctx.index.agencies.values()) {
      for (const k of new Set([a.province, a.city].filter((x): x is string => !!x))) {
        const list = byPlace.get(k);
        if (list) list.push(a);
        else byPlace.set(k, [a]);
      }
    }
  }
  return (place.city && byPlace.get(place.city)) || (place.province && byPlace.get(place.province)) || [];
}
