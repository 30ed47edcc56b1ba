/**
 * A question read in its conversation: a fragment ("那2019年呢？", "统计局呢？") completed from the previous
 * query, and an ambiguous name settled by the agency just asked about. Pure: query in, query out.
 */
import type { StructuredQuery } from './structured-query.ts';

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
