/**
 * Which agencies a question across agencies covers: those of the places named ("温州市", "浙江省") and of
 * the kind asked for ("各区县", "各部门"), as agency ids. Built once per index (a map from each place to its
 * agencies, each agency's kind), so narrowing 100,000 agencies to one city's costs a map lookup.
 */
import { agencyLevel, type AgencyLevel } from '../../catalogue/agency-levels.ts';
import { shortPlaceName } from '../../catalogue/gazetteer.ts';
import type { AgencyIndex } from '../agency/agency-index.ts';
import type { StructuredQuery } from '../understand/structured-query.ts';
import type { Ctx } from './context.ts';

interface ScopeIndex {
  byPlace: Map<string, number[]>;
  level: Map<number, AgencyLevel>;
}

const indexes = new WeakMap<AgencyIndex, ScopeIndex>();

function scopeIndex(index: AgencyIndex): ScopeIndex {
  let built = indexes.get(index);
  if (built) return built;
  built = { byPlace: new Map(), level: new Map() };
  for (const a of index.agencies.values()) {
    built.level.set(a.id, agencyLevel(a));
    const keys = new Set<string>();
    for (const p of [a.province, a.city, a.county]) {
      if (!p) continue;
      keys.add(p);
      keys.add(shortPlaceName(p));
    }
    for (const k of keys) {
      const list = built.byPlace.get(k);
      if (list) list.push(a.id);
      else built.byPlace.set(k, [a.id]);
    }
  }
  indexes.set(index, built);
  return built;
}

/**
 * The agency ids of the query's places and kind, in id order; null when it names neither (every agency).
 * An agency is of a place when one of its places is it (or its short form), or its name begins with it.
 */
export function scopeAgencies(ctx: Ctx, query: Pick<StructuredQuery, 'scope' | 'level'>): number[] | null {
  const places = query.scope ?? [];
  if (places.length === 0 && !query.level) return null;
  const idx = scopeIndex(ctx.index);
  let ids: Set<number>;
  if (places.length === 0) ids = new Set(ctx.index.agencies.keys());
  else {
    ids = new Set();
    for (const p of places) {
      for (const id of idx.byPlace.get(p) ?? []) ids.add(id);
      // A name that begins with the place although its places were not read (no gazetteer entry).
      for (const a of idx.byPlace.has(p) ? [] : ctx.index.agencies.values()) if (a.name.startsWith(p)) ids.add(a.id);
    }
  }
  const out = [...ids].filter((id) => !query.level || idx.level.get(id) === query.level);
  return out.sort((a, b) => a - b);
}
