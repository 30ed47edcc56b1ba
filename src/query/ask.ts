/**
 * createAsker: the question → Answer engine over one opened index. Everything heavy (alias map, n-gram
 * index, reports, statements) is built once here; each question is then understood (pure,
 * src/query/understand), answered by the builder for its kind (src/query/respond) and rendered.
 * A failure inside (a bug, a damaged index) is thrown as a QueryError carrying the understood query: the
 * channels log it and answer with an error code, and nothing caches it as if it were an answer.
 */
import type { Database } from 'better-sqlite3';
import type { AgencyRow } from '../store/schema.ts';
import { AgencyIndex } from './agency/agency-index.ts';
import type { Answer, AnswerResult, AskFn, AskOptions } from './answer.ts';
import { EXAMPLE_QUESTIONS } from './examples.ts';
import { AcrossStore } from './lookup/across.ts';
import { QueryError } from './query-error.ts';
import { FigureStore, LOOKUP_SQL } from './lookup/figures.ts';
import { ReportDetails } from './lookup/details.ts';
import { acrossAgencies } from './respond/across-agencies.ts';
import { agencyListText, closeNames, namedAgencies } from './respond/agencies.ts';
import { inScope, MAX_LIST, unsupported, type Ctx } from './respond/context.ts';
import { FILTER_PAGE, filterAgencies } from './respond/filter.ts';
import { extraLines, notSplitNote, perAgency } from './respond/per-agency.ts';
import { helpAnswer, smallTalk } from './respond/small-talk.ts';
import { inConversation } from './understand/follow-up.ts';
import { StructuredQuerySchema, type StructuredQuery } from './understand/structured-query.ts';
import { reportDetail } from './respond/details.ts';
import { reportProblems } from './respond/problems.ts';
import { rateAnswer } from './respond/rate.ts';
import { MORE_RE } from './understand/kinds.ts';
import { understand } from './understand/understand.ts';

export interface AskerOptions {
  /** Fixed "today" for every question (tests); AskOptions.today overrides it. */
  today?: Date;
}

/** What "情况" means when no figure is named: applications received, reviews, lawsuits. */
export const OVERVIEW: string[][] = [['requests.new'], ['review.total'], ['litigation.total']];

export function createAsker(db: Database, options: AskerOptions = {}): AskFn {
  const agencies = db.prepare(LOOKUP_SQL.agencies.sql).all() as AgencyRow[];
  const aliases = db.prepare(LOOKUP_SQL.aliases.sql).all() as { alias: string; agency_id: number }[];
  const ctx: Ctx = { index: new AgencyIndex(agencies, aliases), store: new FigureStore(db), details: new ReportDetails(db), across: new AcrossStore(db) };
  return (question, askOptions) => {
    const q = typeof question === 'string' ? question : String(question ?? '');
    const understood: Understood = { query: null };
    try {
      return ask(ctx, options, q, askOptions ?? {}, understood);
    } catch (err) {
      throw new QueryError(understood.query, err);
    }
  };
}

/** Kinds of answer that list agencies, a page at a time. */
const LISTS = new Set<StructuredQuery['kind']>(['ranking', 'total', 'filter']);

/** A list's answer with its query, saying how many rows the page showed (the next page starts after them). */
function paged(answer: Omit<Answer, 'query'>, query: StructuredQuery): Answer {
  return { ...answer, query: answer.page && LISTS.has(query.kind) ? { ...query, shown: answer.page.shown } : query };
}

/** Rows a page of each list shows (a ranking: as many as asked for). */
function pageSize(query: StructuredQuery): number {
  if (query.kind === 'ranking') return query.topN ?? MAX_LIST;
  return query.kind === 'filter' ? FILTER_PAGE : MAX_LIST;
}

/** Filled in as soon as the question is understood, so a failure after that can say what it was answering. */
interface Understood {
  query: StructuredQuery | null;
}

/** Understand the question, then hand it to the builder for its kind; the order of the checks is the policy. */
function ask(ctx: Ctx, options: AskerOptions, question: string, opts: AskOptions, understood: Understood): Answer {
  const base = { question, results: [] as AnswerResult[], warnings: [] as string[], suggestions: [] as string[] };
  if (question.trim() === '') return unsupported(question, '请输入问题。');
  const today = opts.today ?? options.today ?? new Date();
  const prev = opts.previous === undefined ? null : StructuredQuerySchema.safeParse(opts.previous);
  // "更多" after a long list: its next page.
  if (prev?.success && LISTS.has(prev.data.kind) && MORE_RE.test(question.trim())) {
    const { shown, ...last } = prev.data;
    const query: StructuredQuery = { ...last, offset: (last.offset ?? 0) + (shown ?? pageSize(last)) };
    understood.query = query;
    return paged(query.kind === 'filter' ? filterAgencies(ctx, question, query) : acrossAgencies(ctx, question, query), query);
  }
  const talk = smallTalk(question);
  if (talk) return talk;
  const und = understand(question, ctx.index, today, opts.agencyId);
  let query = inConversation(und, prev?.success ? { query: prev.data, ageMs: opts.previousAgeMs } : null);
  if (opts.offset !== undefined && opts.offset > 0 && LISTS.has(query.kind)) query = { ...query, offset: Math.floor(opts.offset) };
  understood.query = query;
  const withQuery = (a: Omit<Answer, 'query'>): Answer => paged(a, query);

  switch (query.kind) {
    case 'help':
      return withQuery(helpAnswer(question));
    case 'list_agencies':
      if (query.agencies.length + query.ambiguous.length > 0) return withQuery(namedAgencies(ctx, base, query));
      return withQuery({ ...base, status: 'answered', text: agencyListText(ctx, inScope(ctx, query)), suggestions: [] });
  }
  if (ctx.index.size === 0) {
    return withQuery({ ...base, status: 'not_found', text: '索引中还没有报告（运行 gongkai ingest 建立索引）。' });
  }
  if (query.ambiguous.length > 0) {
    const candidates = query.ambiguous.flatMap((a) => a.candidates).slice(0, MAX_LIST);
    return withQuery({
      ...base,
      status: 'clarify',
      text: `“${query.ambiguous[0]!.text}”对应多个单位，请问是哪一个？\n${candidates.map((c, i) => `${i + 1}. ${c.name}`).join('\n')}`,
      candidates,
      suggestions: candidates.map((c) => c.name),
    });
  }
  if (query.unresolved.length > 0) {
    const name = query.unresolved[0]!;
    const suggestions = closeNames(ctx, name);
    return withQuery({
      ...base,
      status: 'not_found',
      text: `索引中没有“${name}”的报告。${suggestions.length > 0 ? `相近的单位：${suggestions.join('、')}` : ''}`,
      suggestions,
    });
  }
  if (query.kind === 'list_years') {
    if (query.agencies.length === 0) return withQuery({ ...base, status: 'answered', text: agencyListText(ctx) });
    const text = query.agencies.map((a) => `${a.name}：${ctx.store.years(a.id).map((y) => `${y}年`).join('、') || '暂无报告'}`).join('\n');
    return withQuery({ ...base, status: 'answered', text: `已收录的报告年份——${text}` });
  }
  if (query.kind === 'detail' || query.kind === 'problems' || query.kind === 'rate') {
    const named = withAgency(ctx, base, query);
    if ('status' in named) return withQuery(named);
    query = named;
    const respond = query.kind === 'detail' ? reportDetail : query.kind === 'problems' ? reportProblems : rateAnswer;
    return { ...respond(ctx, question, query), query };
  }
  if (query.metrics.length === 0 && query.agencies.length > 0 && und.unknown.length === 0) {
    // An agency and no figure ("经信局去年的信息公开情况"): the headline figures.
    query = { ...query, kind: query.agencies.length > 1 ? 'compare' : 'figure', metrics: OVERVIEW.map((s) => s[0]!), slots: OVERVIEW };
  }
  if (query.metrics.length === 0) {
    // Words we do not know ("公开率") are not a request for the headline figures: say what was not understood.
    const lead = und.unknown.length > 0 ? `没有找到“${und.unknown.join('')}”对应的数字。` : '';
    return { ...unsupported(question, und.recognized ? `${lead}请说明想查哪项数字（如行政复议、收到申请、予以公开）。` : undefined), query };
  }
  if (query.kind === 'filter') return withQuery(filterAgencies(ctx, question, query));
  if (query.kind === 'ranking' || query.kind === 'total') return withQuery(acrossAgencies(ctx, question, query));
  const named = withAgency(ctx, base, query);
  if ('status' in named) return withQuery(named);
  query = named;
  const answer = perAgency(ctx, question, query);
  if (answer.status === 'answered') answer.text = notSplitNote(query, answer.results) + answer.text + extraLines(und.normalized, query, answer.results);
  return { ...answer, query };
}

/** A question about one unit that names none: the index's only agency, or "which one?". */
function withAgency(ctx: Ctx, base: Pick<Answer, 'question' | 'results' | 'warnings' | 'suggestions'>, query: StructuredQuery): StructuredQuery | Omit<Answer, 'query'> {
  if (query.agencies.length > 0) return query;
  if (ctx.index.size === 1) return { ...query, agencies: [ctx.index.ref([...ctx.index.agencies.keys()][0]!)!] };
  const candidates = [...ctx.index.agencies.values()].slice(0, MAX_LIST).map((a) => ({ id: a.id, name: a.name }));
  return {
    ...base,
    status: 'clarify',
    text: `请问您问的是哪个单位？${candidates.length > 0 ? `\n${candidates.map((c, i) => `${i + 1}. ${c.name}`).join('\n')}` : ''}`,
    candidates,
    suggestions: candidates.map((c) => c.name),
  };
}
