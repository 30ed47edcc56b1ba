/**
 * createAsker: the question → Answer engine over one opened index. Everything heavy (alias map, n-gram
 * index, reports, statements) is built once here; each question is then understood (pure), looked up
 * (prepared statements, per-report cache) and rendered. One boundary turns any failure into a valid
 * Answer: ask never throws.
 */
import type { Database } from 'better-sqlite3';
import { metricDef } from '../catalogue/metrics.ts';
import type { AgencyRow, ReportRow, WarningRow } from '../store/schema.ts';
import { parsePlace } from '../catalogue/gazetteer.ts';
import { placeStem } from '../catalogue/names.ts';
import { AgencyIndex, type AgencyRef } from './agency/agency-index.ts';
import type { Answer, AnswerResult, AnswerSource, AskFn, AskOptions } from './answer.ts';
import { EXAMPLE_QUESTIONS } from './examples.ts';
import { FigureStore, fmt, LOOKUP_SQL, type Resolved } from './lookup/figures.ts';
import { citation, metricLabel, resultText, valueText } from './render/format.ts';
import { StructuredQuerySchema, type StructuredQuery } from './understand/structured-query.ts';
import { understand } from './understand/understand.ts';

/** "注意：…；…。" — the reports' warnings after an answer, each without its own full stop. */
function warningNotes(warnings: string[]): string {
  if (warnings.length === 0) return '';
  return `\n注意：${warnings.map((w) => w.replace(/[。.]$/u, '')).join('；')}。`;
}

/** Report-level warnings that explain why a figure may be absent from the file (src/ingest/checks). */
const INCOMPLETE_FILE_CODES = new Set(['report.truncated', 'table.missing', 'table.incomplete', 'table.row_missing', 'table.row_unreadable']);

export interface AskerOptions {
  /** Fixed "today" for every question (tests); AskOptions.today overrides it. */
  today?: Date;
}

const MAX_LIST = 10;
/** Figures to point at when the one asked for is not in the report (see Engine.related). */
const RELATED: Record<string, string[]> = {
  'requests.new': ['requests.accepted'],
  'proactive.total': ['proactive.website', 'proactive.wechat', 'proactive.weibo', 'proactive.app', 'proactive.douyin', 'proactive.gazette', 'proactive.media'],
};
const RELATED_NOTE: Record<string, string> = { 'requests.accepted': '（受理数可能含上年结转的申请）' };
/** What "情况" means when no figure is named: applications received, reviews, lawsuits. */
const OVERVIEW: string[][] = [['requests.new'], ['review.total'], ['litigation.total']];

export function createAsker(db: Database, options: AskerOptions = {}): AskFn {
  const agencies = db.prepare(LOOKUP_SQL.agencies.sql).all() as AgencyRow[];
  const aliases = db.prepare(LOOKUP_SQL.aliases.sql).all() as { alias: string; agency_id: number }[];
  const engine = new Engine(new AgencyIndex(agencies, aliases), new FigureStore(db), options);
  return (question, askOptions) => {
    const q = typeof question === 'string' ? question : String(question ?? '');
    try {
      return engine.ask(q, askOptions ?? {});
    } catch {
      return {
        question: q,
        status: 'unsupported',
        text: `抱歉，处理这个问题时出错了。可以这样问：${EXAMPLE_QUESTIONS[0]}`,
        results: [],
        warnings: [],
        suggestions: EXAMPLE_QUESTIONS,
      };
    }
  };
}

class Engine {
  constructor(
    readonly index: AgencyIndex,
    readonly store: FigureStore,
    readonly options: AskerOptions,
  ) {}

  ask(question: string, opts: AskOptions): Answer {
    const base = { question, results: [] as AnswerResult[], warnings: [] as string[], suggestions: [] as string[] };
    if (question.trim() === '') return this.unsupported(question, '请输入问题。');
    const today = opts.today ?? this.options.today ?? new Date();
    const und = understand(question, this.index, today, opts.agencyId);
    let query = und.query;
    const prev = opts.previous === undefined ? null : StructuredQuerySchema.safeParse(opts.previous);
    if (prev?.success && query.ambiguous.length > 0) query = preferPrevious(query, prev.data);
    if (prev?.success && und.followUp && query.kind !== 'help' && query.kind !== 'list_agencies') query = mergeFollowUp(query, prev.data);
    const withQuery = (a: Omit<Answer, 'query'>): Answer => ({ ...a, query });

    switch (query.kind) {
      case 'help':
        return withQuery({ ...base, status: 'answered', text: `可以问各单位政府信息公开年度报告里的数字，例如：\n${EXAMPLE_QUESTIONS.join('\n')}`, suggestions: EXAMPLE_QUESTIONS });
      case 'list_agencies':
        if (query.agencies.length + query.ambiguous.length > 0) return withQuery(this.namedAgencies(base, query));
        return withQuery({ ...base, status: 'answered', text: this.agencyListText(this.inScope(query)), suggestions: [] });
    }
    if (this.index.size === 0) {
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
      const suggestions = this.closeNames(name);
      return withQuery({
        ...base,
        status: 'not_found',
        text: `索引中没有“${name}”的报告。${suggestions.length > 0 ? `相近的单位：${suggestions.join('、')}` : ''}`,
        suggestions,
      });
    }
    if (query.kind === 'list_years') {
      if (query.agencies.length === 0) return withQuery({ ...base, status: 'answered', text: this.agencyListText() });
      const text = query.agencies.map((a) => `${a.name}：${this.store.years(a.id).map((y) => `${y}年`).join('、') || '暂无报告'}`).join('\n');
      return withQuery({ ...base, status: 'answered', text: `已收录的报告年份——${text}` });
    }
    if (query.metrics.length === 0 && query.agencies.length > 0 && und.unknown.length === 0) {
      // An agency and no figure ("经信局去年的信息公开情况"): the headline figures.
      query = { ...query, kind: query.agencies.length > 1 ? 'compare' : 'figure', metrics: OVERVIEW.map((s) => s[0]!), slots: OVERVIEW };
    }
    if (query.metrics.length === 0) {
      // Words we do not know ("公开率") are not a request for the headline figures: say what was not understood.
      const lead = und.unknown.length > 0 ? `没有找到“${und.unknown.join('')}”对应的数字。` : '';
      return { ...this.unsupported(question, und.recognized ? `${lead}请说明想查哪项数字（如行政复议、收到申请、予以公开）。` : undefined), query };
    }
    if (query.kind === 'filter') return withQuery(this.filterAgencies(question, query));
    if (query.kind === 'ranking' || query.kind === 'total') return withQuery(this.acrossAgencies(question, query));
    if (query.agencies.length === 0) {
      if (this.index.size === 1) query = { ...query, agencies: [this.index.ref([...this.index.agencies.keys()][0]!)!] };
      else {
        const candidates = [...this.index.agencies.values()].slice(0, MAX_LIST).map((a) => ({ id: a.id, name: a.name }));
        return withQuery({
          ...base,
          status: 'clarify',
          text: `请问您问的是哪个单位？${candidates.length > 0 ? `\n${candidates.map((c, i) => `${i + 1}. ${c.name}`).join('\n')}` : ''}`,
          candidates,
          suggestions: candidates.map((c) => c.name),
        });
      }
    }
    const answer = this.perAgency(question, query);
    if (answer.status === 'answered') answer.text = notSplitNote(query, answer.results) + answer.text + extraLines(und.normalized, query, answer.results);
    return { ...answer, query };
  }

  /**
   * Names to offer for an agency we lack: those of the same place first (清江浦区财政局 → 淮安市…),
   * then the closest spellings, then any.
   */
  closeNames(name: string): string[] {
    const place = parsePlace(name);
    const local: string[] = [];
    if (place && (place.county || place.city || place.province)) {
      const rank = (a: AgencyRow) =>
        place.county && a.county === place.county && (!place.city || a.city === place.city) ? 0
          : place.city && a.city === place.city ? (place.county ? 1 : 0)
            : place.province && a.province === place.province ? 2 : 3;
      const byRank: string[][] = [[], [], []];
      for (const a of this.placeIndex(place)) {
        const r = rank(a);
        if (r < 3) byRank[r]!.push(a.name);
      }
      local.push(...byRank.flat());
    }
    const close = this.index.fuzzy(name, 5).map((m) => m.name);
    const out = [...close.filter((n) => local.includes(n)), ...local, ...close];
    const unique = [...new Set(out)].slice(0, 5);
    return unique.length > 0 ? unique : this.index.someNames(5);
  }

  private byPlace: Map<string, AgencyRow[]> | null = null;
  /** Agencies of a place's province (built once, on the first unknown name). */
  placeIndex(place: { province: string | null; city: string | null }): AgencyRow[] {
    if (!this.byPlace) {
      this.byPlace = new Map();
      for (const a of this.index.agencies.values()) {
        for (const k of new Set([a.province, a.city].filter((x): x is string => !!x))) {
          const list = this.byPlace.get(k);
          if (list) list.push(a);
          else this.byPlace.set(k, [a]);
        }
      }
    }
    return (place.city && this.byPlace.get(place.city)) || (place.province && this.byPlace.get(place.province)) || [];
  }

  /** Agencies a ranking, total or list covers: all, or those in the places named ("温州市各单位"). */
  inScope(query: StructuredQuery): AgencyRow[] {
    const all = [...this.index.agencies.values()];
    if (!query.scope || query.scope.length === 0) return all;
    return all.filter((a) => query.scope!.some((p) => [a.province, a.city, a.county].some((x) => !!x && (x === p || placeStem(x) === p)) || a.name.startsWith(p)));
  }

  /** "统计局有几个": the agencies that go by the name typed. */
  namedAgencies(base: Pick<Answer, 'question' | 'results' | 'warnings' | 'suggestions'>, query: StructuredQuery): Omit<Answer, 'query'> {
    const found = [...query.agencies, ...query.ambiguous.flatMap((a) => a.candidates)];
    const unique = found.filter((a, i) => found.findIndex((b) => b.id === a.id) === i);
    const typed = query.ambiguous[0]?.text ?? '';
    const lines = unique.slice(0, MAX_LIST).map((c, i) => `${i + 1}. ${c.name}（${this.store.years(c.id).join('、') || '暂无报告'}）`);
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

  /** "哪些单位没有被复议过" / "有几个单位被起诉": agencies whose figure is 0 (or above 0). */
  filterAgencies(question: string, query: StructuredQuery): Answer {
    const slot = query.slots[0]!;
    const label = metricLabel(query.metrics[0]!, query.applicant);
    const years = query.years;
    // A year named: that year. None: each agency's latest report, as everywhere else (reading every
    // year of every agency would cost a report per agency-year on a large index).
    const yearsOf = (id: number): number[] => this.yearsFor(id, query).years;
    const matched: { agency: AgencyRef; results: AnswerResult[] }[] = [];
    const unknown: string[] = [];
    let considered = 0;
    for (const row of this.inScope(query)) {
      const agency = this.index.ref(row.id)!;
      const results: AnswerResult[] = [];
      for (const y of yearsOf(row.id)) {
        const report = this.store.report(row.id, y);
        if (report) results.push(this.result(agency, report, slot, query.applicant).result);
      }
      if (results.length === 0) continue;
      considered++;
      const known = results.filter((r) => r.value !== null);
      if (known.length === 0) {
        unknown.push(agency.name);
        continue;
      }
      const zero = known.every((r) => r.value === 0);
      if (query.filter === 'zero' ? zero : !zero) matched.push({ agency, results: query.filter === 'zero' ? known : known.filter((r) => r.value! > 0) });
    }
    const when = years.type === 'single' ? `${years.year}年`
      : years.type === 'latest' ? '（未指定年份，按各单位最新一年的报告）'
        : years.type === 'all' ? '（已收录的各年报告中）' : `（${this.yearsLabel(query)}）`;
    if (considered === 0) {
      return { question, status: 'not_found', text: `索引中没有${years.type === 'single' ? `${years.year}年` : ''}的相应报告。已收录年份：${this.store.allYears().join('、')}`, results: [], warnings: [], suggestions: [] };
    }
    const what = query.filter === 'zero' ? `${label}为 0 ` : `${label}不为 0 `;
    const lines = matched.slice(0, MAX_LIST * 2).map(({ agency, results }) =>
      `${agency.name}：${results.map((r) => `${r.year}年 ${valueText(r)}${r.source ? `（第${r.source.line}行）` : ''}`).join('，')}`);
    const head = `${when}${what}的单位${query.count ? `共 ${matched.length} 个` : `有 ${matched.length} 个`}（共查 ${considered} 个单位）${matched.length > 0 ? '：' : '。'}`;
    const text = [head, ...lines, ...(matched.length > MAX_LIST * 2 ? [`……等 ${matched.length} 个`] : []),
      ...(unknown.length > 0 ? [`报告未披露该项：${unknown.slice(0, MAX_LIST).join('、')}${unknown.length > MAX_LIST ? ` 等 ${unknown.length} 个` : ''}`] : [])].join('\n');
    return { question, status: 'answered', text, results: matched.flatMap((m) => m.results).slice(0, 200), warnings: [], suggestions: [] };
  }

  yearsLabel(query: StructuredQuery): string {
    const y = query.years;
    if (y.type === 'range') return `${y.from}—${y.to}年`;
    if (y.type === 'list') return y.years.map((v) => `${v}年`).join('、');
    if (y.type === 'recent') return `近${y.count}年`;
    return '';
  }

  unsupported(question: string, lead?: string): Answer {
    return {
      question,
      status: 'unsupported',
      text: `${lead ?? '抱歉，这个问题不在政府信息公开年度报告的范围内。'}可以这样问：\n${EXAMPLE_QUESTIONS.slice(0, 4).join('\n')}`,
      results: [],
      warnings: [],
      suggestions: EXAMPLE_QUESTIONS,
    };
  }

  agencyListText(names: AgencyRow[] = [...this.index.agencies.values()]): string {
    if (this.index.size === 0) return '索引中还没有报告（运行 gongkai ingest 建立索引）。';
    if (names.length === 0) return '索引中没有这个地方的单位的报告。';
    const shown = names.slice(0, 50).map((a) => `${a.name}（${this.store.years(a.id).join('、')}）`);
    return `已收录 ${names.length} 个单位的报告：\n${shown.join('\n')}${names.length > 50 ? `\n……等 ${names.length} 个` : ''}`;
  }

  /** Years of one agency a query asks about, and a note when the year was chosen for the user. */
  yearsFor(agencyId: number, query: StructuredQuery): { years: number[]; note: string | null; missing: number[] } {
    const have = this.store.years(agencyId);
    const y = query.years;
    switch (y.type) {
      case 'latest': {
        const last = have.at(-1);
        return { years: last === undefined ? [] : [last], note: last === undefined ? null : `（未指定年份，按最新的${last}年报告）`, missing: [] };
      }
      case 'single':
        return { years: have.includes(y.year) ? [y.year] : [], note: null, missing: have.includes(y.year) ? [] : [y.year] };
      case 'list':
        return { years: y.years.filter((v) => have.includes(v)), note: null, missing: y.years.filter((v) => !have.includes(v)) };
      case 'range': {
        const years = have.filter((v) => v >= y.from && v <= y.to);
        return { years, note: null, missing: years.length === 0 ? [y.from, y.to] : [] };
      }
      case 'recent':
        return { years: have.slice(-y.count), note: null, missing: [] };
      case 'all':
        return { years: have, note: null, missing: [] };
    }
  }

  result(agency: AgencyRef, report: ReportRow, slot: string[], applicant: string | null, withRelated = false): { result: AnswerResult; warnings: string[] } {
    let chosen: Resolved | null = null;
    for (const key of slot) {
      const column = applicant && metricDef(key)?.byApplicant ? applicant : 'total';
      const r = this.store.resolve(report.id, key, column);
      if (r.cell !== 'missing') {
        chosen = r;
        break;
      }
      chosen ??= r;
    }
    const r = chosen!;
    const col = applicant && metricDef(r.key)?.byApplicant ? applicant : null;
    const sources: AnswerSource[] = r.cells.map((c) => ({ file: report.file, line: c.line, section: c.section, quote: c.quote }));
    const result: AnswerResult = {
      agency: agency.name,
      year: report.year,
      metric: r.key,
      label: metricLabel(r.key, col),
      value: r.value,
      unit: r.unit,
      approximate: r.approximate,
      source: sources[0] ?? null,
      cell: r.cell,
      report: report.title,
    };
    if (col) result.applicant = col;
    if (sources.length > 1) result.sources = sources;
    if (r.formula) result.formula = r.formula;
    const warnings = this.relevantWarnings(report.id, r);
    if (withRelated && r.cell === 'missing') warnings.push(...this.related(report, r.key));
    return { result, warnings };
  }

  /**
   * A figure the report does not give, but a neighbour it does ("共受理申请35件" for 新收申请, 网站 2428
   * 条 for 主动公开总数): said beside 报告未披露, with its line, never as the figure asked for.
   */
  related(report: ReportRow, key: string): string[] {
    const found: { k: string; r: Resolved; line: number; quote: string }[] = [];
    for (const k of RELATED[key] ?? []) {
      const r = this.store.resolve(report.id, k);
      const c = r.cells[0];
      if (r.value !== null && c) found.push({ k, r, line: c.line, quote: c.quote.trim() });
    }
    if (found.length === 0) return [];
    const item = (f: (typeof found)[number]) => `${metricLabel(f.k)} ${fmt(f.r.value!)} ${f.r.approximate ? '余' : ''}${f.r.unit}（第${f.line}行）`;
    const one = found.length === 1 ? `：“${found[0]!.quote}”${RELATED_NOTE[found[0]!.k] ?? ''}` : '';
    return [`报告未给出“${metricLabel(key)}”，另有：${found.map(item).join('、')}${one}`];
  }

  relevantWarnings(reportId: number, r: Resolved): string[] {
    const lines = new Set(r.cells.map((c) => c.line));
    const keys = new Set([r.key, ...r.cells.map((c) => c.metric)]);
    const touches = (w: WarningRow) => {
      // A figure the file lacks may be missing because the file is cut short or a table went unread.
      if (r.cell === 'missing' && INCOMPLETE_FILE_CODES.has(w.code)) return true;
      if (w.metric) {
        for (const k of keys) if (w.metric === k || w.metric.startsWith(k + '.') || k.startsWith(w.metric + '.')) return true;
        return false;
      }
      return (w.line !== null && lines.has(w.line)) || (w.line2 !== null && lines.has(w.line2));
    };
    return this.store.warnings(reportId).filter(touches).map((w) => w.message);
  }

  perAgency(question: string, query: StructuredQuery): Answer {
    const results: AnswerResult[] = [];
    const warnings: string[] = [];
    const blocks: string[] = [];
    const missingYears: string[] = [];
    const notes: string[] = [];
    for (const agency of query.agencies) {
      const { years, note, missing } = this.yearsFor(agency.id, query);
      if (note) notes.push(note);
      for (const y of missing) missingYears.push(`${agency.name}${y}年`);
      for (const year of years) {
        const report = this.store.report(agency.id, year);
        if (!report) continue;
        for (const slot of query.slots) {
          for (const applicant of query.applicants ?? [query.applicant]) {
            const { result, warnings: w } = this.result(agency, report, slot, applicant, true);
            results.push(result);
            for (const m of w) if (!warnings.includes(m)) warnings.push(m);
          }
        }
      }
    }
    if (results.length === 0) {
      const have = query.agencies.map((a) => `${a.name}：${this.store.years(a.id).map((y) => `${y}年`).join('、') || '暂无'}`);
      return {
        question,
        status: 'not_found',
        text: `索引中没有${missingYears.join('、') || '相应年份'}的报告。已收录——${have.join('；')}`,
        results: [],
        warnings: [],
        suggestions: query.agencies.flatMap((a) => this.store.years(a.id).map((y) => `${a.name}${y}年${metricLabel(query.metrics[0]!)}`)).slice(0, 5),
      };
    }
    let text: string;
    if (query.kind === 'trend') text = trendText(results);
    else if (query.kind === 'yesno') text = results.map((r) => `${yesNo(r)}${resultText(r)}`).join('\n');
    else text = results.map(resultText).join('\n');
    if (query.corrected.length > 0) text += `\n（按${query.corrected.map((c) => `“${c.replace(' → ', '”理解为“')}”`).join('、')}）`;
    if (notes.length > 0) text += `\n${[...new Set(notes)].join('')}`;
    if (missingYears.length > 0) text += `\n（未收录：${missingYears.join('、')}的报告）`;
    if (warnings.length > 0) text += warningNotes(warnings);
    return { question, status: 'answered', text, results, warnings, suggestions: [] };
  }

  /** Ranking and totals across agencies (all indexed, the ones named, or those of a place). */
  acrossAgencies(question: string, query: StructuredQuery): Answer {
    const slot = query.slots[0]!;
    const named = query.agencies.length > 0;
    const pool = named ? query.agencies.map((a) => a.id) : this.inScope(query).map((a) => a.id);
    let year: number | null;
    let note = '';
    if (query.years.type === 'single') year = query.years.year;
    else if (query.years.type === 'list') year = query.years.years.at(-1) ?? null;
    else {
      // Rankings and totals compare one year: the newest year the agencies compared all have, else the
      // newest year indexed for them.
      const yearSets = pool.map((id) => new Set(this.store.years(id)));
      const all = [...new Set(yearSets.flatMap((s) => [...s]))].sort((a, b) => a - b);
      const common = all.filter((y) => yearSets.every((s) => s.has(y)));
      year = (named ? common.at(-1) ?? all.at(-1) : all.at(-1)) ?? null;
      if (year !== null) note = `（${query.years.type === 'latest' ? '未指定年份，' : ''}按最新的${year}年报告）`;
    }
    if (pool.length === 0) {
      return { question, status: 'not_found', text: `索引中没有${query.scope?.join('、') ?? ''}的单位的报告。`, results: [], warnings: [], suggestions: this.index.someNames(5) };
    }
    const results: AnswerResult[] = [];
    const warnings: string[] = [];
    const skipped: string[] = [];
    for (const id of pool) {
      const report = year === null ? null : this.store.report(id, year);
      if (!report) {
        if (named) skipped.push(this.index.ref(id)!.name);
        continue;
      }
      const { result, warnings: w } = this.result(this.index.ref(id)!, report, slot, query.applicant);
      results.push(result);
      for (const m of w) if (!warnings.includes(m)) warnings.push(m);
    }
    const label = metricLabel(query.metrics[0]!, query.applicant);
    if (results.length === 0) {
      return { question, status: 'not_found', text: `索引中没有${year ?? ''}年的报告。已收录年份：${this.store.allYears().join('、')}`, results: [], warnings: [], suggestions: [] };
    }
    const missingNote = skipped.length > 0 ? `\n（未收录${year}年报告：${skipped.join('、')}）` : '';
    const withValue = results.filter((r) => r.value !== null);
    const without = results.filter((r) => r.value === null);
    const unit = results[0]!.unit;
    const scope = query.scope && query.scope.length > 0 ? query.scope.join('、') : '';
    if (query.kind === 'total') {
      const total = withValue.reduce((s, r) => s + r.value!, 0);
      const lines = withValue.map((r) => `${r.agency} ${valueText(r)}${r.source ? `（第${r.source.line}行）` : ''}`);
      const text =
        `${year}年${scope}${withValue.length}个单位${label}合计 ${fmt(total)} ${unit}${note}。\n${lines.join('\n')}` +
        (without.length > 0 ? `\n未计入（报告未披露或无法识别）：${without.map((r) => r.agency).join('、')}` : '') +
        missingNote +
        warningNotes(warnings);
      return { question, status: 'answered', text, results: [...withValue, ...without], warnings, suggestions: [] };
    }
    const sign = query.order === 'asc' ? 1 : -1;
    const sorted = [...withValue].sort((a, b) => sign * (a.value! - b.value!));
    // Ties at the cut are kept: "前三" with two agencies sharing third place shows both.
    const n = query.topN ?? MAX_LIST;
    const cut = sorted[n - 1]?.value;
    const tiedAtCut = sorted.filter((r, i) => i >= n && cut !== undefined && r.value === cut && query.topN !== undefined);
    const top = [...sorted.slice(0, n), ...tiedAtCut.slice(0, MAX_LIST)];
    const best = sorted.filter((r) => r.value === sorted[0]?.value);
    const lines = top.map((r) => `${sorted.findIndex((o) => o.value === r.value) + 1}. ${r.agency} ${valueText(r)}${r.source ? `\n   ${citation(r.report, r.source)}` : ''}`);
    const names = best.slice(0, 5).map((r) => r.agency).join('、') + (best.length > 5 ? ` 等 ${best.length} 个单位` : '');
    const who = best.length > 1 ? `${names}（并列，均为 ${valueText(best[0]!)}）` : `${best[0]?.agency ?? ''}（${best[0] ? valueText(best[0]) : ''}）`;
    const head = `${year}年${scope}${label}${query.order === 'asc' ? '最少' : '最多'}的是${who}${note}：`;
    const moreTied = tiedAtCut.length > MAX_LIST ? `\n……另有 ${tiedAtCut.length - MAX_LIST} 个单位同为 ${valueText(tiedAtCut[0]!)}` : '';
    const tail = moreTied + (without.length > 0 ? `\n未参与排序（报告未披露或无法识别）：${without.map((r) => r.agency).join('、')}` : '');
    const text = `${head}\n${lines.join('\n')}${tail}${missingNote}${warningNotes(warnings)}`;
    return { question, status: 'answered', text, results: top, warnings, suggestions: [] };
  }
}

/**
 * Lines added after a single agency's figures: the sum when "一共/加起来" joins several figures of
 * one unit, the difference when two are compared, and a note that the reports give counts, not rates.
 */
function extraLines(normalized: string, query: StructuredQuery, results: AnswerResult[]): string {
  const out: string[] = [];
  const known = results.filter((r) => r.value !== null);
  const oneUnit = known.length === results.length && known.length >= 2 && known.every((r) => r.unit === known[0]!.unit);
  if (oneUnit && SUM_RE.test(normalized) && query.kind === 'figure' && new Set(known.map((r) => r.metric)).size === known.length) {
    out.push(`合计：${known.map((r) => fmt(r.value!)).join(' + ')} = ${fmt(known.reduce((s, r) => s + r.value!, 0))} ${known[0]!.unit}`);
  }
  const twoAgencies = query.kind === 'compare' && known[0]?.metric === known[1]?.metric;
  if (oneUnit && known.length === 2 && DIFF_RE.test(normalized) && (twoAgencies || query.kind === 'figure')) {
    const [a, b] = known as [AnswerResult, AnswerResult];
    const who = (r: AnswerResult) => (twoAgencies ? r.agency : r.label);
    const d = a.value! - b.value!;
    out.push(d === 0 ? `两者相同，均为 ${fmt(a.value!)} ${a.unit}。` : `${who(d > 0 ? a : b)}比${who(d > 0 ? b : a)}多 ${fmt(Math.abs(d))} ${a.unit}。`);
  }
  if (RATE_RE.test(normalized)) out.push('（年度报告只列件数，不给比率；以上是计算比率所需的件数。）');
  if (PERIOD_RE.test(normalized)) out.push('（年度报告只有全年的数字，没有分月、分季度或半年的数字；以上是全年数。）');
  return out.length > 0 ? `\n${out.join('\n')}` : '';
}
const SUM_RE = /一共|总共|合计|加起来|加上|共计|总和|^.*加.*(?:共|多少)/;
const DIFF_RE = /比|相差|差多少|差几|多多少|少多少|多几|少几|哪个多|哪个少|谁多|谁少/;
const RATE_RE = /率|比例|占比|百分/;
const PERIOD_RE = /上半年|下半年|季度|\d{1,2}月|[一二三四五六七八九十]{1,2}月份?|月份/;

/**
 * "企业申请行政复议多少件": only table 三 is split by applicant. Any other figure asked for with an
 * applicant is the total, and is said to be, first — never read as that applicant's figure.
 */
function notSplitNote(query: StructuredQuery, results: AnswerResult[]): string {
  const who = [...new Set([query.applicant, ...(query.applicants ?? [])])].filter((a): a is NonNullable<typeof a> => !!a);
  if (who.length === 0) return '';
  const whole = [...new Set(results.filter((r) => !metricDef(r.metric)?.byApplicant).map((r) => metricLabel(r.metric)))];
  if (whole.length === 0) return '';
  const names = who.map((a) => metricLabel('', a).replace(/^（|）$/g, '')).join('、');
  return `年度报告的${whole.join('、')}不按申请人类型分列，没有${names}的单独数字；以下是总数。\n`;
}

function yesNo(r: AnswerResult): string {
  if (r.value === null) return '';
  return r.value === 0 ? `没有，0 ${r.unit}。` : `有，${fmt(r.value)} ${r.unit}。`;
}

function trendText(results: AnswerResult[]): string {
  const lines: string[] = [];
  const prevByKey = new Map<string, AnswerResult>();
  for (const r of results) {
    const k = `${r.agency}|${r.metric}|${r.applicant ?? ''}`;
    const prev = prevByKey.get(k);
    let change = '';
    if (prev && prev.value !== null && r.value !== null) {
      const d = r.value - prev.value;
      change = `（比${prev.year}年${d > 0 ? '增加' : d < 0 ? '减少' : '持平'}${d !== 0 ? ` ${fmt(Math.abs(d))} ${r.unit}` : ''}）`;
    }
    prevByKey.set(k, r);
    lines.push(`${r.agency}${r.year}年${r.label}：${valueText(r)}${change}`);
    if (r.source) lines.push(citation(r.report, r.source));
  }
  return lines.join('\n');
}

/** "统计局呢？" right after a question about 温州市统计局: the ambiguity is settled by the conversation. */
function preferPrevious(cur: StructuredQuery, prev: StructuredQuery): StructuredQuery {
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
