/**
 * Question → StructuredQuery. Pure given the agency index (no SQL here).
 * Order: normalize → years (removed from the text) → agency aliases (removed) → figure words →
 * what is left over is checked for agency names that matched no alias (typos, unknown agencies).
 */
import type { AgencyIndex, AgencyRef } from '../agency/agency-index.ts';
import { placeStem } from '../../catalogue/names.ts';
import { normalizeText } from '../text/normalize.ts';
import { familySlots, type Slot } from './families.ts';
import { HELP_RE, LIST_AGENCIES_RE, LIST_YEARS_RE, RANKING_RE, rankingShape, TOTAL_RE, TREND_RE, YESNO_RE } from './kinds.ts';
import type { StructuredQuery } from './structured-query.ts';
import { scanTerms, type ApplicantChoice } from './vocabulary.ts';
import { parseYears } from './years.ts';
import { leadingPlace, shortPlaceName } from '../../catalogue/gazetteer.ts';

export interface Understood {
  query: StructuredQuery;
  /** The normalized question. */
  normalized: string;
  /** Whether anything in the question was recognized at all (agency, year, figure or cue). */
  recognized: boolean;
  /** A follow-up cue ("那…呢", "…呢") or a fragment lacking agency or figure. */
  followUp: boolean;
}

/** Text that carries no meaning for lookup once agencies, years and figures are taken out. */
const FILLERS = [
  '请问', '我想知道', '想知道', '告诉我', '帮我查一下', '帮我查', '帮我看看', '查一下', '查询', '查查', '看看', '看一下',
  '多少件', '多少条', '多少个', '多少次', '多少人', '多少', '几件', '几个', '几次', '几条', '几', '是多少', '为多少', '有多少',
  '分别是', '分别', '各是', '各有', '各', '一共', '总共', '共计', '共', '合计', '加起来', '总计', '总数', '数量', '数据', '数字', '情况',
  '有没有', '有无', '是否', '没有', '哪个', '哪家', '哪些', '哪一个', '最多', '最少', '最高', '最低', '排名', '排行', '前三', '前五', '前十',
  '全市', '全区', '全县', '全省', '所有单位', '全部单位', '各单位', '各部门', '单位', '部门', '机关', '政府信息公开', '信息公开', '政府信息', '年度报告', '年报', '报告', '工作', '方面', '相关',
  '这个', '那个', '那么', '那', '呢', '吗', '吧', '啊', '呀', '嘛', '了', '的', '是', '有', '在', '和', '与', '及', '跟', '同', '以及', '还有',
  '中', '里', '年度', '年', '度', '件', '条', '个', '次', '人次', '项', '元', '万元', '被', '申请人', '怎么样', '如何', '变化', '趋势', '对比', '比较',
];
const FILLER_ALT = FILLERS.sort((a, b) => b.length - a.length).join('|');
const FILLER_RE = new RegExp(FILLER_ALT, 'g');
const LEADING_FILLER_RE = new RegExp(`^(?:${FILLER_ALT})+`);
const AGENCY_SUFFIX_RE = /(省|市|区|县|局|委|办|中心|政府|厅|镇|乡|街道|院|所|队|站|署|委员会|办公室)$/;
const CJK_RUN_RE = /[\u4e00-\u9fff]{2,}/g;
const MAX_QUESTION = 200;

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
  const place = leadingPlace(run);
  if (!place) return false;
  const row = index.agencies.get(agencyId);
  const own = [row?.province, row?.city, row?.county].filter((p): p is string => !!p);
  return !own.some((p) => p === place || shortPlaceName(p) === place);
}

export function understand(question: string, index: AgencyIndex, today: Date, agencyId?: number): Understood {
  // Questions are short; a pasted page must not cost more than a question.
  const normalized = normalizeText(question.slice(0, 1000)).slice(0, MAX_QUESTION);
  const { years, rest: afterYears } = parseYears(normalized, today);

  const mentions = index.scan(afterYears);
  const afterAgencies = mask(afterYears, mentions);
  const hits = scanTerms(afterAgencies);
  const residual = mask(afterAgencies, hits);

  const agencies: AgencyRef[] = [];
  const ambiguous: StructuredQuery['ambiguous'] = [];
  const unresolved: string[] = [];
  const corrected: string[] = [];
  const addAgency = (ref: AgencyRef | null) => {
    if (ref && !agencies.some((a) => a.id === ref.id)) agencies.push(ref);
  };
  const tryFuzzy = (run: string): boolean => {
    const best = index.fuzzy(run, 5)[0];
    if (best && run.length >= 3 && best.distance <= 1 && !namesAnotherPlace(run, best.id, index)) {
      addAgency({ id: best.id, name: best.name });
      corrected.push(`${run} → ${best.name}`);
      return true;
    }
    return false;
  };
  for (const m of mentions) {
    if (m.foreign) {
      const name = m.text.replace(LEADING_FILLER_RE, '');
      if (!tryFuzzy(name)) unresolved.push(name);
    } else if (m.ids.length === 1) addAgency(index.ref(m.ids[0]!));
    else ambiguous.push({ text: m.text, candidates: m.ids.slice(0, 20).map((id) => index.ref(id)!).filter(Boolean) });
  }
  // "浙江省温州市鹿城区人民政府": the province before a found agency is part of its name, not another agency.
  const ownPlaces = new Set<string>();
  for (const a of agencies) {
    const row = index.agencies.get(a.id);
    for (const p of [row?.province, row?.city, row?.county]) if (p) ownPlaces.add(p).add(placeStem(p));
  }
  for (const run of (residual.replace(FILLER_RE, '，').match(CJK_RUN_RE) ?? []).slice(0, 6)) {
    if (ownPlaces.has(run)) continue;
    const looksLikeAgency = AGENCY_SUFFIX_RE.test(run);
    if (!looksLikeAgency && run.length < 3) continue;
    if (tryFuzzy(run)) continue;
    if (looksLikeAgency) unresolved.push(run);
  }
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
  // "收到多少申请，办结多少": two questions in one keep the generic word as a figure of its own.
  const strong = hits.some((h) => (h.term.keys && !h.term.weak) || h.term.family) && (normalized.match(/多少|几/g)?.length ?? 0) < 2;
  for (const { term } of hits) {
    if (term.keys && !(term.weak && strong)) slots.push(term.keys);
    if (term.family && !families.includes(term.family)) families.push(term.family);
    if (term.aspect) aspects.add(term.aspect);
    if (term.applicant) applicant ??= term.applicant;
  }
  // "网站" carries its family (主动公开) with it, so it works without 主动公开 being said.
  for (const f of families) slots.push(...familySlots(f, aspects));
  if (slots.length === 0 && applicant) slots.push(['requests.new']);
  const uniqueSlots: Slot[] = [];
  for (const s of slots) if (!uniqueSlots.some((u) => u[0] === s[0])) uniqueSlots.push(s);
  // A reason and its parent in one question ("因保护第三方合法权益不予公开") ask for the reason.
  for (let i = uniqueSlots.length - 1; i >= 0; i--) {
    const k = uniqueSlots[i]![0]!;
    if (uniqueSlots.some((u) => u[0]!.startsWith(k + '.'))) uniqueSlots.splice(i, 1);
  }
  const metrics = uniqueSlots.map((s) => s[0]!);

  const kind: StructuredQuery['kind'] = (() => {
    if (HELP_RE.test(normalized) && metrics.length === 0) return 'help';
    if (metrics.length === 0) {
      if (LIST_YEARS_RE.test(normalized)) return 'list_years';
      if (LIST_AGENCIES_RE.test(normalized)) return 'list_agencies';
      return 'figure';
    }
    if (RANKING_RE.test(normalized) && agencies.length !== 1) return 'ranking';
    if (TOTAL_RE.test(normalized) && agencies.length !== 1 && ambiguous.length === 0) return 'total';
    if (YESNO_RE.test(normalized)) return 'yesno';
    if (years.type === 'range' || years.type === 'recent' || years.type === 'all' || (years.type === 'list' && agencies.length <= 1)) return 'trend';
    if (RANKING_RE.test(normalized) || TREND_RE.test(normalized)) return agencies.length >= 2 ? 'compare' : 'trend';
    if (agencies.length >= 2) return 'compare';
    return 'figure';
  })();
  const query: StructuredQuery = {
    kind,
    agencies,
    ambiguous,
    unresolved,
    corrected,
    years: kind === 'trend' && years.type === 'latest' ? { type: 'all' } : years,
    metrics,
    slots: uniqueSlots,
    applicant,
  };
  if (kind === 'ranking') Object.assign(query, rankingShape(normalized));

  const recognized =
    kind === 'help' || kind === 'list_agencies' || kind === 'list_years' ||
    metrics.length > 0 || agencies.length > 0 || ambiguous.length > 0 || unresolved.length > 0 || years.type !== 'latest';
  const followUp = /呢[?？]?$|^那|^还有|^再|换成/.test(normalized) || (recognized && (metrics.length === 0 || (agencies.length === 0 && ambiguous.length === 0 && unresolved.length === 0)));
  return { query, normalized, recognized, followUp };
}
