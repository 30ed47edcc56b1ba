/**
 * Question → StructuredQuery. Pure given the agency index (no SQL here).
 * Order: normalize → years (removed from the text) → agency aliases (removed) → figure words →
 * what is left over is checked for agency names that matched no alias (typos, unknown agencies).
 */
import { PLACE_STOPWORDS, type AgencyIndex, type AgencyRef } from '../agency/agency-index.ts';
import { qualifyByPlace } from '../agency/place-qualified.ts';
import { placeWords } from '../../catalogue/names.ts';
import { normalizeText } from '../text/normalize.ts';
import { familySlots, type Slot } from './families.ts';
import {
  COUNT_RE, HAS_RE, HELP_RE, LIST_AGENCIES_RE, LIST_YEARS_RE, NONE_RE, RANKING_RE, rankingShape, SUPERLATIVE_RE, TOTAL_RE, TREND_RE, WHICH_RE, YESNO_RE,
} from './kinds.ts';
import type { StructuredQuery } from './structured-query.ts';
import { scanTerms, termAt, type ApplicantChoice } from './vocabulary.ts';
import { parseYears } from './years.ts';
import { FOLLOW_UP_CUE_RE } from '../../catalogue/conversation.ts';
import { asksProblems, asksShare, namedRate, readDetail, readThreshold, withoutThreshold } from './asks.ts';
import { knownPlaceNames, leadingPlace, shortPlaceName } from '../../catalogue/gazetteer.ts';
import { OTHER_LEVEL_WORDS, QUESTION_AGENCY_END, SUB_AGENCY_START } from '../../catalogue/agency-words.ts';
import { FILLERS } from '../../catalogue/question-fillers.ts';
import { levelIn } from '../../catalogue/agency-levels.ts';

export interface Understood {
  query: StructuredQuery;
  /** The normalized question. */
  normalized: string;
  /** Whether anything in the question was recognized at all (agency, year, figure or cue). */
  recognized: boolean;
  /** A follow-up cue ("那…呢", "…呢"); whether the message continues the previous one is follow-up.ts's call. */
  followUp: boolean;
  /**
   * Words left over that are neither agency, year, figure nor filler ("罚了几次" before 罚 was known):
   * a question with such words and no figure is not a request for the overview.
   */
  unknown: string[];
}

/** Longest full place name (广元市, 元谋县: 3+ characters, ending as places do) to find inside a run. */
const FULL_PLACE_MAX = 10;
const FULL_PLACE_END_RE = /[省市县区州盟旗]$/u;

/** A run of text split around the full place names in it ("广元市有几个单位" → 广元市 | 有几个单位). */
function withPlacesWhole(run: string, placeNames: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let rest = 0;
  for (let i = 0; i < run.length; i++) {
    for (let len = Math.min(FULL_PLACE_MAX, run.length - i); len >= 3; len--) {
      const name = run.slice(i, i + len);
      // Only a name the fillers would cut: any other is read as it always was (沭阳县教育局 stays one name).
      if (!FULL_PLACE_END_RE.test(name) || !placeNames.has(name) || !HAS_FILLER_RE.test(name)) continue;
      if (i > rest) out.push(run.slice(rest, i));
      out.push(name);
      rest = i + len;
      i = rest - 1;
      break;
    }
  }
  if (rest < run.length) out.push(run.slice(rest));
  return out;
}

/** Single characters that carry no figure: ignored when deciding whether a word was left unknown. */
const UNKNOWN_IGNORE_RE = /[请我你您们下为都还又也就过到给对上内家位名起场份多少哪谁数些其它他该]/g;
/** What may be said around an agency with no figure named and still mean "its headline figures". */
const OVERVIEW_WORDS = /^(?:公开|政务公开|概况|总体|基本|整体|主要|全部|所有|各项|指标|介绍|说说|讲讲|汇总|做得|表现|咋样|怎样|工作|报告|年报)+$/;

const FILLER_ALT = [...FILLERS].sort((a, b) => b.length - a.length).join('|');
const FILLER_RE = new RegExp(FILLER_ALT, 'g');
const HAS_FILLER_RE = new RegExp(FILLER_ALT);
const LEADING_FILLER_RE = new RegExp(`^(?:${FILLER_ALT})`);
const AGENCY_SUFFIX_RE = QUESTION_AGENCY_END;
const CJK_ANY_RE = /\p{sc=Han}+/gu;
const LATIN_WORD_RE = /[a-z]{2,}/g;
/** Latin words the kinds of question read themselves ("top3", "help"). */
const LATIN_KNOWN = new Set(['top', 'help']);
/** "和", "、" between two figure words: both are asked for ("依申请公开和行政复议各多少"). */
const CONJUNCTION_RE = /^(?:和|与|及|跟|、|,|，|以及|还有|加|同)$/;
const MAX_QUESTION = 200;
const REPEAT_RE = /([^\d零〇○一二两三四五六七八九十百千万壹贰貳叁參肆伍陆陸柒捌玖]{1,4}?)\1{2,}/gu;
const PREVIOUS_YEAR_RE = /同比|环比|(?:比|较|与|和|跟)(?:去年|上年|上一年)(?!结转)/;
const SUB_AGENCY_RE = SUB_AGENCY_START;
const NAMED_LIST_RE = /有几个|有哪些|是哪些|哪几个|有多少个|有多少家|都有谁|几家|都有哪/;
/** With units in the plural ("各区县", "各部门"), these words ask for their total. */
const PLURAL_TOTAL_RE = /(?<!公)共|总数|总量/;
const ALL_UNITS_RE = /各单位|所有单位|全部单位|各部门|所有部门|全部部门|各机关|哪个单位|哪些单位|哪家单位|哪个部门|哪些部门|几个单位|多少个单位|几家单位|多少家单位|几个部门/;
const ACROSS_KINDS = new Set<StructuredQuery['kind']>(['ranking', 'total', 'filter', 'list_agencies']);

/** A name without the question's words before it ("请问国家统计局" → 国家统计局; "中央…" keeps its 中). */
function withoutLeadIn(name: string): string {
  let out = name;
  for (let m = LEADING_FILLER_RE.exec(out); m && !OTHER_LEVEL_WORDS.some((w) => out.startsWith(w)); m = LEADING_FILLER_RE.exec(out)) out = out.slice(m[0].length);
  return out;
}

function mask(text: string, spans: { start: number; end: number }[]): string {
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += text.slice(last, s.start) + '，';
    last = s.end;
  }
  return out + text.slice(last);
}

/**
 * A one-character difference is a typo only when the text does not name a real, different place:
 * "温洲市统计局" → 温州市统计局, but "杭州市统计局" is another city's agency, never 温州's.
 */
function namesAnotherPlace(run: string, agencyId: number, index: AgencyIndex): boolean {
  const row = index.agencies.get(agencyId);
  // "中央统计局" is not a typo of 中山统计局: another level's word is never a misspelt place.
  if (OTHER_LEVEL_WORDS.some((w) => run.startsWith(w) && !row?.name.startsWith(w))) return true;
  const place = leadingPlace(run);
  if (!place) return false;
  const own = [row?.province, row?.city, row?.county].filter((p): p is string => !!p);
  return !own.some((p) => p === place || shortPlaceName(p) === place);
}

/**
 * A rate, a detail of the report, its problems, or yes/no against a number: set on the query when asked.
 * Their words are known words: taken out of `unknown`, so they never read as "a figure we lack".
 */
function readSpecialAsk(normalized: string, query: StructuredQuery, unknown: string[], threshold: StructuredQuery['threshold']): void {
  const detail = readDetail(normalized, query.metrics.length > 0);
  const known = () => unknown.splice(0, unknown.length);
  if (detail) {
    Object.assign(query, { kind: 'detail', detail, metrics: [], slots: [] });
    known();
    return;
  }
  if (asksProblems(normalized)) {
    Object.assign(query, { kind: 'problems', metrics: [], slots: [] });
    known();
    return;
  }
  const rate = namedRate(normalized);
  if (rate) {
    Object.assign(query, { kind: 'rate', rate: rate.key, metrics: [rate.numerator.plus[0]!], slots: [rate.numerator.plus] });
    known();
    return;
  }
  if (query.metrics.length > 0 && asksShare(normalized) && query.kind !== 'ranking' && query.kind !== 'total' && query.kind !== 'filter') {
    query.kind = 'rate';
    query.rate = 'share';
    known();
    return;
  }
  if (threshold && query.metrics.length > 0 && query.kind !== 'filter' && query.kind !== 'ranking') {
    query.kind = 'yesno';
    query.threshold = threshold;
  }
}

export function understand(question: string, index: AgencyIndex, today: Date, agencyId?: number): Understood {
  // Questions are short; a pasted page must not cost more than a question.
  // A word said over and over ("请问请问…", "啊啊啊", "？？？") counts once, so it cannot push the
  // question itself past the cut. Digits are left alone: "2000年", "二〇〇〇年" are years, not repeats.
  const normalized = normalizeText(question.slice(0, 1000)).replace(REPEAT_RE, '$1').slice(0, MAX_QUESTION);
  const threshold = readThreshold(normalized);
  const { years, rest: afterYears } = parseYears(threshold ? withoutThreshold(normalized) : normalized, today);

  const mentions = qualifyByPlace(index.scan(afterYears), afterYears, index);
  const afterAgencies = mask(afterYears, mentions);
  const hits = scanTerms(afterAgencies);
  const afterTerms = mask(afterAgencies, hits);
  // "温州市各区县", "浙江省各地市", "各乡镇街道": the kind of agency a list across agencies covers — no agency name.
  const level = levelIn(afterTerms);
  const residual = level ? mask(afterTerms, [level]) : afterTerms;

  const agencies: AgencyRef[] = [];
  const ambiguous: StructuredQuery['ambiguous'] = [];
  const unresolved: string[] = [];
  const corrected: string[] = [];
  const addAgency = (ref: AgencyRef | null) => {
    if (ref && !agencies.some((a) => a.id === ref.id)) agencies.push(ref);
  };
  const typed = new Map<number, string>();
  const tryFuzzy = (run: string): boolean => {
    const [best, second] = index.fuzzy(run, 5);
    // Two agencies one edit away ("濬县文化和旅游局": 漳县…, 浚县…) is no typo we can settle.
    const unique = !second || second.distance > 1;
    if (best && unique && run.length >= 3 && best.distance <= 1 && !namesAnotherPlace(run, best.id, index)) {
      addAgency({ id: best.id, name: best.name });
      corrected.push(`${run} → ${best.name}`);
      return true;
    }
    return false;
  };
  for (const m of mentions) {
    // "鹿城区政府办", "鹿城区政府办公室": an office of the agency found is another agency, not it.
    const sub = m.foreign ? null : SUB_AGENCY_RE.exec(afterYears.slice(m.end));
    if (sub && !termAt(afterYears, m.end)) {
      // Not a typo of the agency found: a longer name would have matched as an alias.
      unresolved.push(m.text + sub[0]);
      continue;
    }
    if (m.foreign) {
      const name = withoutLeadIn(m.text);
      if (!tryFuzzy(name)) unresolved.push(name);
    } else if (m.ids.length === 1) {
      addAgency(index.ref(m.ids[0]!));
      typed.set(m.ids[0]!, m.text);
    }
    else ambiguous.push({ text: m.text, candidates: m.ids.slice(0, 20).map((id) => index.ref(id)!).filter(Boolean) });
  }
  // "浙江省温州市鹿城区人民政府": the province before a found agency is part of its name, not another agency.
  const ownPlaces = new Set<string>();
  for (const a of agencies) {
    const row = index.agencies.get(a.id);
    for (const p of [row?.province, row?.city, row?.county]) if (p) ownPlaces.add(p).add(shortPlaceName(p));
    // A unit's names too (平潭实验区 of 平潭综合实验区).
    if (row) for (const w of placeWords(row)) ownPlaces.add(w);
  }
  const unknown: string[] = [];
  const places: string[] = [];
  const placeNames = knownPlaceNames();
  let fuzzyTries = 0;
  // A place whose name holds a filler character (广元市, 中山市, 元谋县) is read whole before fillers are cut.
  const runs = (residual.match(CJK_ANY_RE) ?? []).flatMap((raw) => withPlacesWhole(raw, placeNames).flatMap((part) =>
    placeNames.has(part) ? [part] : part.replace(FILLER_RE, '，').match(CJK_ANY_RE) ?? []));
  for (const run of runs) {
    if (ownPlaces.has(run) || unresolved.some((u) => u.endsWith(run))) continue;
    // A place alone ("亳州", "温州市"): another agency when asked about (not_found), a scope for "各单位".
    if (placeNames.has(run) && !PLACE_STOPWORDS.has(run) && !index.isAlias(run)) {
      places.push(run);
      continue;
    }
    const looksLikeAgency = run.length >= 2 && AGENCY_SUFFIX_RE.test(run);
    const noteUnknown = () => {
      const bare = run.replace(UNKNOWN_IGNORE_RE, '');
      if (bare !== '' && !OVERVIEW_WORDS.test(bare)) unknown.push(run);
    };
    if ((!looksLikeAgency && run.length < 3) || fuzzyTries >= 6) {
      noteUnknown();
      continue;
    }
    fuzzyTries++;
    if (tryFuzzy(run)) continue;
    if (looksLikeAgency) {
      // "鹿城区教育局" with only 鹿城区人民政府 indexed: the department of that place, named in full.
      const owner = [...typed].find(([, t]) => afterYears.includes(t + run));
      if (owner) {
        const at = agencies.findIndex((a) => a.id === owner[0]);
        if (at >= 0) agencies.splice(at, 1);
      }
      unresolved.push(owner ? owner[1] + run : run);
    }
    else noteUnknown();
  }
  // Latin words ("GDP", "PM2.5") name nothing in the catalogue: unknown, like an unknown Chinese word.
  for (const word of residual.match(LATIN_WORD_RE) ?? []) if (!LATIN_KNOWN.has(word)) unknown.push(new RegExp(word, 'i').exec(question)?.[0] ?? word);
  if (agencyId !== undefined) {
    const forced = index.ref(agencyId);
    if (forced) {
      agencies.length = 0;
      agencies.push(forced);
      ambiguous.length = 0;
      unresolved.length = 0;
    }
  }

  // Figures: explicit keys, then families refined by aspects.
  const slots: Slot[] = [];
  const families: string[] = [];
  const aspects = new Set<string>();
  let applicant: ApplicantChoice | null = null;
  const applicants: ApplicantChoice[] = [];
  // "收到多少申请，办结多少": two questions in one keep the generic word as a figure of its own.
  const strong = hits.some((h) => (h.term.keys && !h.term.weak) || h.term.family) && (normalized.match(/多少|几/g)?.length ?? 0) < 2;
  const joined = (i: number) => {
    const h = hits[i]!;
    const prev = hits[i - 1];
    const next = hits[i + 1];
    return (prev !== undefined && CONJUNCTION_RE.test(afterAgencies.slice(prev.end, h.start))) ||
      (next !== undefined && CONJUNCTION_RE.test(afterAgencies.slice(h.end, next.start)));
  };
  for (const h of hits) if (h.typo) corrected.push(`${h.word} → ${h.typo}`);
  for (const [i, { term }] of hits.entries()) {
    if (term.keys && !(term.weak && strong && !joined(i))) slots.push(term.keys);
    if (term.family && !families.includes(term.family)) families.push(term.family);
    if (term.aspect) aspects.add(term.aspect);
    if (term.applicant) {
      applicant ??= term.applicant;
      if (!applicants.includes(term.applicant)) applicants.push(term.applicant);
    }
  }
  // "网站" carries its family (主动公开) with it, so it works without 主动公开 being said.
  for (const f of families) slots.push(...familySlots(f, aspects));
  if (slots.length === 0 && applicant) slots.push(['requests.new']);
  const uniqueSlots: Slot[] = [];
  for (const s of slots) if (!uniqueSlots.some((u) => u[0] === s[0])) uniqueSlots.push(s);
  // A reason and its parent in one question ("因保护第三方合法权益不予公开", "个人隐私不公开") ask for
  // the reason, whichever of a slot's alternative keys makes it the parent.
  for (let i = uniqueSlots.length - 1; i >= 0; i--) {
    const parent = uniqueSlots[i]!;
    if (uniqueSlots.some((u) => u !== parent && u.some((k) => parent.some((p) => k.startsWith(p + '.'))))) uniqueSlots.splice(i, 1);
  }
  const metrics = uniqueSlots.map((s) => s[0]!);

  // "淮安市各单位…合计": the city named is the scope, not its government.
  if (agencies.length === 1 && metrics.length > 0 && (ALL_UNITS_RE.test(normalized) || level) && agencyId === undefined) {
    const t = typed.get(agencies[0]!.id);
    if (t && placeNames.has(t)) {
      places.push(t);
      agencies.length = 0;
    }
  }
  // "哪些单位没有被复议过" / "有几个单位被起诉": read on what is left once figure words are out,
  // so 没公开, 无法提供, 未审结 do not count as "none".
  const which = (WHICH_RE.test(residual) || level?.asked === true) && !SUPERLATIVE_RE.test(normalized);
  const filter = !which ? undefined : NONE_RE.test(residual) ? 'zero' : HAS_RE.test(residual) ? 'nonzero' : undefined;
  const kind: StructuredQuery['kind'] = (() => {
    if (HELP_RE.test(normalized) && metrics.length === 0) return 'help';
    if (metrics.length === 0) {
      if (LIST_YEARS_RE.test(normalized)) return 'list_years';
      if (LIST_AGENCIES_RE.test(normalized)) return 'list_agencies';
      // "统计局有几个": which agencies go by that name.
      if (agencies.length + ambiguous.length > 0 && NAMED_LIST_RE.test(residual)) return 'list_agencies';
      return 'figure';
    }
    if (filter && agencies.length !== 1) return 'filter';
    // Two agencies named with "哪个多" are compared (each at its own year), not ranked among all.
    if ((RANKING_RE.test(normalized) || level?.asked === true) && agencies.length === 0) return 'ranking';
    // "温州市各区县行政诉讼共多少件": 共 over units in the plural is their total (one agency's 共 is its own figure).
    const plural = ALL_UNITS_RE.test(normalized) || level !== null;
    if ((TOTAL_RE.test(normalized) || (plural && PLURAL_TOTAL_RE.test(normalized))) && agencies.length !== 1 && ambiguous.length === 0) return 'total';
    // "温州市各区县行政诉讼多少件": a place's agencies of a kind, each with its figure, and their sum.
    if (level && places.length > 0 && agencies.length === 0 && ambiguous.length === 0 && !YESNO_RE.test(normalized)) return 'total';
    if (YESNO_RE.test(normalized)) return 'yesno';
    if (years.type === 'range' || years.type === 'recent' || years.type === 'all' || (years.type === 'list' && agencies.length <= 1)) return 'trend';
    if (RANKING_RE.test(normalized) || TREND_RE.test(normalized)) return agencies.length >= 2 ? 'compare' : 'trend';
    if (agencies.length >= 2) return 'compare';
    return 'figure';
  })();
  // "2024年比去年多吗", "同比": the year asked and the one before it.
  const yearsAsked = kind === 'trend' && years.type === 'single' && PREVIOUS_YEAR_RE.test(normalized)
    ? { type: 'list' as const, years: [years.year - 1, years.year] }
    : years;
  const query: StructuredQuery = {
    kind,
    agencies,
    ambiguous,
    unresolved,
    corrected,
    // A trend with no year: every year; "比去年多了多少" with no year: the latest report and the one before.
    years: kind === 'trend' && yearsAsked.type === 'latest'
      ? (PREVIOUS_YEAR_RE.test(normalized) ? { type: 'recent', count: 2 } : { type: 'all' })
      : yearsAsked,
    metrics,
    slots: uniqueSlots,
    applicant,
  };
  if (applicants.length > 1) query.applicants = applicants;
  // A fragment may carry only the order ("那最少的呢"): keep it for the follow-up.
  if (kind === 'ranking' || (metrics.length === 0 && RANKING_RE.test(normalized))) Object.assign(query, rankingShape(normalized));
  readSpecialAsk(normalized, query, unknown, threshold);
  if (kind === 'filter') {
    query.filter = filter;
    if (COUNT_RE.test(residual)) query.count = true;
  }
  // A place named alone: the scope of a list across agencies ("温州市各单位"), else an agency we lack.
  if (places.length > 0 && agencyId === undefined) {
    if (agencies.length === 0 && ambiguous.length === 0 && ACROSS_KINDS.has(kind)) query.scope = places;
    else if (agencies.length === 0 && ambiguous.length === 0) unresolved.push(...places);
    // "杭州市鹿城区": a full place name that is not the found agency's own is another agency.
    else unresolved.push(...places.filter((p) => p.length >= 3 && AGENCY_SUFFIX_RE.test(p)));
  }

  if (level && agencies.length === 0 && ambiguous.length === 0 && ACROSS_KINDS.has(kind)) query.level = level.level;

  const recognized =
    kind === 'help' || kind === 'list_agencies' || kind === 'list_years' ||
    metrics.length > 0 || agencies.length > 0 || ambiguous.length > 0 || unresolved.length > 0 || years.type !== 'latest';
  const followUp = FOLLOW_UP_CUE_RE.test(normalized);
  return { query, normalized, recognized, followUp, unknown };
}
