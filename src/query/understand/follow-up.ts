/**
 * A question read in its conversation — the one place that decides it, for every channel and the CLI
 * batch alike. Only a fragment ("那2019年呢？", "统计局呢？", "诉讼呢？"), asked soon after the previous
 * question, takes what it lacks from it: a message is only ever understood as what it says. A complete
 * question, a question about all units, or one naming something the catalogue does not know ("联系电话",
 * "GDP", an agency not indexed) stands alone — answered, or honestly not, but never with the previous
 * question's figure. Pure: queries in, query out.
 */
import { ALL_UNITS_RE, FOLLOW_UP_CUE_RE, OVERVIEW_REQUEST_RE } from '../../catalogue/conversation.ts';
import type { StructuredQuery } from './structured-query.ts';
import type { Understood } from './understand.ts';

/** How long after a question a fragment may still continue it. */
export const FOLLOW_UP_WINDOW_MS = 10 * 60_000;

/** The previous question of this conversation, and how long ago it was asked (absent: just now, e.g. a batch). */
export interface PreviousQuestion {
  query: StructuredQuery;
  ageMs?: number;
}

/** Kinds that answer across agencies: complete with a figure, never narrowed to the previous agency. */
const ACROSS_KINDS = new Set<StructuredQuery['kind']>(['ranking', 'total', 'filter']);
/** Kinds that name what they ask without a figure word: a rate, a detail of the report, its problems. */
const ASKS_OWN_THING = new Set<StructuredQuery['kind']>(['rate', 'detail', 'problems']);
/** Kinds that are not about figures at all. */
const STANDALONE_KINDS = new Set<StructuredQuery['kind']>(['help', 'list_agencies']);

const stale = (prev: PreviousQuestion) => prev.ageMs !== undefined && prev.ageMs > FOLLOW_UP_WINDOW_MS;

/** Whether the message continues the previous question, and why not when it does not (for tests and logs). */
export function continuesPrevious(und: Understood, prev: PreviousQuestion): { continues: boolean; reason: string } {
  const q = und.query;
  const no = (reason: string) => ({ continues: false, reason });
  if (stale(prev)) return no('stale');
  if (STANDALONE_KINDS.has(q.kind)) return no('standalone kind');
  if (und.unknown.length > 0) return no('unknown words');
  if (q.unresolved.length > 0) return no('agency not indexed');
  if (ACROSS_KINDS.has(q.kind) || q.scope?.length || ALL_UNITS_RE.test(und.normalized)) return no('all units');
  const cue = FOLLOW_UP_CUE_RE.test(und.normalized);
  const hasAgency = q.agencies.length > 0 || q.ambiguous.length > 0;
  const hasFigure = q.metrics.length > 0 || ASKS_OWN_THING.has(q.kind) || (hasAgency && OVERVIEW_REQUEST_RE.test(und.normalized));
  const hasYear = q.years.type !== 'latest';
  if (hasAgency && hasFigure && hasYear) return no('complete');
  // An agency and a figure is a question of its own (the latest report answers it) unless the speaker
  // says it continues ("鹿城区行政诉讼呢？").
  if (hasAgency && hasFigure && !cue) return no('complete');
  const carries = hasAgency || hasFigure || hasYear || q.applicant !== null || q.order !== undefined || q.topN !== undefined;
  if (!carries && !cue) return no('nothing to continue with');
  return { continues: true, reason: cue ? 'cue' : 'fragment' };
}

/** "统计局呢？" right after a question about 温州市统计局: the ambiguity is settled by the conversation. */
export function preferPrevious(cur: StructuredQuery, prev: StructuredQuery): StructuredQuery {
  const agencies = [...cur.agencies];
  const ambiguous = cur.ambiguous.filter((a) => {
    const known = a.candidates.find((c) => prev.agencies.some((p) => p.id === c.id));
    if (known && !agencies.some((x) => x.id === known.id)) agencies.push(known);
    return !known;
  });
  return { ...cur, agencies, ambiguous };
}

/**
 * The query a message is answered as, given the previous one: the message's own query, an ambiguous name
 * settled by the agency just asked about, and completed from the previous query only when it is a fragment
 * that continues it.
 */
export function inConversation(und: Understood, prev: PreviousQuestion | null): StructuredQuery {
  if (!prev || stale(prev)) return und.query;
  // A name the conversation settles is still the name the message said: one of its own candidates.
  const query = und.query.ambiguous.length > 0 ? preferPrevious(und.query, prev.query) : und.query;
  return continuesPrevious(und, prev).continues ? mergeFollowUp(query, prev.query) : query;
}

/** A fragment ("那2019年呢？", "统计局呢？", "诉讼呢？") takes what it lacks from the previous query. */
export function mergeFollowUp(cur: StructuredQuery, prev: StructuredQuery): StructuredQuery {
  const noAgency = cur.agencies.length === 0 && cur.ambiguous.length === 0 && cur.unresolved.length === 0;
  const merged: StructuredQuery = {
    ...cur,
    agencies: noAgency ? prev.agencies : cur.agencies,
    years: cur.years.type === 'latest' ? prev.years : cur.years,
    metrics: cur.metrics.length === 0 ? prev.metrics : cur.metrics,
    slots: cur.slots.length === 0 ? prev.slots : cur.slots,
    applicant: cur.applicant ?? (cur.metrics.length === 0 ? prev.applicant : null),
  };
  if (!cur.applicant && cur.metrics.length === 0 && prev.applicants) merged.applicants = prev.applicants;
  // "那统计局呢？" after "鹿城区的联系电话" / "…公开率": the same thing asked of the other agency.
  if (ASKS_OWN_THING.has(prev.kind) && cur.metrics.length === 0 && !ASKS_OWN_THING.has(cur.kind)) {
    merged.kind = prev.kind;
    if (prev.detail) merged.detail = prev.detail;
    if (prev.rate) merged.rate = prev.rate;
    return merged;
  }
  if (cur.metrics.length === 0 || cur.kind === 'figure') {
    const yt = merged.years.type;
    if (noAgency && (prev.kind === 'ranking' || prev.kind === 'total') && prev.agencies.length === 0) {
      merged.kind = prev.kind;
      // "那最少的呢": the fragment's own order wins over the previous one.
      const topN = cur.topN ?? prev.topN;
      const order = cur.order ?? prev.order;
      if (topN) merged.topN = topN;
      if (order) merged.order = order;
      if (prev.scope) merged.scope = prev.scope;
    } else if (yt === 'range' || yt === 'recent' || yt === 'all') merged.kind = 'trend';
    else if (yt === 'list' && merged.agencies.length <= 1) merged.kind = 'trend';
    else if (merged.agencies.length >= 2) merged.kind = 'compare';
    else if (cur.kind === 'figure' && prev.kind === 'yesno' && cur.metrics.length === 0) merged.kind = 'yesno';
    else merged.kind = cur.kind === 'list_years' ? 'list_years' : 'figure';
  }
  return merged;
}
