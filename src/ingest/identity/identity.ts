/**
 * Who reports, for which year: agency (full official name + place), year, title, website, date signed.
 * Read from the title and header (first ~60 lines) and the signature block (last ~60), never from the
 * file name. Short names are completed and one-character misreads of place names corrected with the
 * gazetteer, each only when the match is unique.
 */
import { squeezedLines, type ReportDocument } from '../text/document.ts';
import type { AgencyIdentity, IngestError, ReportWarning } from '../model.ts';
import { leadingPlace, shortPlaceName } from '../../catalogue/gazetteer.ts';
import { agencyPlace } from '../../catalogue/agency-place.ts';
import { AGENCY_LABEL_VALUE, expandOrgan, HEADER_LABELS, PLACE_LEVEL_CHARS, stripNameLabel } from '../../catalogue/agency-words.ts';
import { CN_DIGIT, looksLikeAgency, parseTitle, stripMarks, YEAR_TEXT, yearValue } from './title.ts';
import { fixMisreadPlace } from './misread.ts';
import { unitForms } from '../../catalogue/names.ts';

export interface IdentityValue {
  agency: AgencyIdentity;
  year: number;
  title: string;
  website: string | null;
  published: string | null;
}
export type IdentityResult =
  | { ok: true; value: IdentityValue; warnings: ReportWarning[] }
  | { ok: false; error: IngestError };

const HEADER = 60;
const TRAILER = 60;
const TITLE_SEARCH = 40;
const MIN_YEAR = 2000;

/** One line of the header or trailer: its index in the document and its squeezed normalized text. */
interface Line {
  i: number;
  s: string;
}

function window(doc: ReportDocument): { head: Line[]; tail: Line[] } {
  const n = doc.norm.length;
  // squeeze(doc.norm[i]), from the document's whitespace-free lines.
  const squeezed = squeezedLines(doc);
  const head: Line[] = [];
  for (let i = 0; i < Math.min(n, HEADER); i++) {
    const s = stripMarks(squeezed[i]);
    if (s) head.push({ i, s });
  }
  const tail: Line[] = [];
  for (let i = Math.max(HEADER, n - TRAILER); i < n; i++) {
    const s = stripMarks(squeezed[i]);
    if (s) tail.push({ i, s });
  }
  return { head, tail };
}

// ---------------------------------------------------------------- title

interface TitleFound {
  text: string;
  first: number;
  /** Position in `head` of the title's last line. */
  lastAt: number;
  agency: string | null;
  year: number | null;
}

/** Title lines are short and are not sentences. */
const TITLE_LINE_MAX = 60;
const SENTENCE = /[。；;]|根据|依据|按照/u;

function findTitle(head: Line[]): TitleFound | null {
  let best: TitleFound | null = null;
  let bestScore = -1;
  const lines = head.slice(0, TITLE_SEARCH);
  for (let j = 0; j < lines.length; j++) {
    // A title wrapped inside its last word ("…工作年度报" / "告", a PDF's narrow title box) ends a line later.
    const broken = /报$/u.test(lines[j].s) && lines[j + 1] !== undefined && /^告/u.test(lines[j + 1].s) && lines[j + 1].s.length <= 20;
    const end = broken ? j + 1 : j;
    const last = broken ? lines[j].s + lines[j + 1].s : lines[j].s;
    if (last.length > TITLE_LINE_MAX || SENTENCE.test(last) || !/报告|年报/u.test(last)) continue;
    let found: TitleFound | null = null;
    let score = -1;
    // Grow the window backwards (title broken over lines) until it names agency and year.
    for (let k = 0; k <= 2 && j - k >= 0; k++) {
      const first = lines[j - k];
      if (k > 0 && (first.s.length > 40 || SENTENCE.test(first.s) || /报告$/u.test(first.s))) break;
      let text = lines.slice(j - k, end + 1).map((l) => l.s).join('');
      let parts = parseTitle(text);
      if (!parts.isReportTitle) continue;
      // "XX局政府信息公开工作年度报告" / "（2020年度）" on the next line.
      const next = lines[end + 1];
      if (parts.year === null && next && /^[（(]?[^（()）]{2,6}年度?[）)]?$/u.test(next.s) && YEAR_TEXT.test(next.s)) {
        text += next.s;
        parts = parseTitle(text);
      }
      const s = (parts.agency ? 2 : 0) + (parts.year !== null ? 1 : 0);
      if (s > score) {
        score = s;
        found = { text, first: first.i, lastAt: end, agency: parts.agency, year: parts.year };
      }
      if (s === 3) break;
    }
    if (found && score > bestScore) {
      best = found;
      bestScore = score;
      if (score === 3) break;
    }
  }
  return best;
}

// ---------------------------------------------------------------- agency

interface NameFound {
  name: string;
  i: number;
}

const FILLED_BY = AGENCY_LABEL_VALUE;
/** Whether a name starts with a place or unit (for a label whose colon was lost: "名称沭阳县…"). */
const PLACE_LEVEL_END = new RegExp(`[${PLACE_LEVEL_CHARS}]$`, 'u');
const startsWithPlace = (s: string): boolean => agencyPlace(s) !== null;
const COMPILED_BY = /本报告由(\p{sc=Han}{2,40}?)(?:根据|依据|按照|编制|汇总|结合|发布|通过)/u;
const DATE_ONLY = /^(?:\d{4}年\d{1,2}月\d{1,2}日|[二][〇○零ＯO0][一二三四五六七八九〇○零ＯO0]{2}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$/u;

function signatureName(tail: Line[]): NameFound | null {
  const last = tail.slice(-15);
  for (let k = last.length - 1; k >= 0; k--) {
    const s = last[k].s.replace(/[（(]盖章[）)]$/u, '');
    if (s.length <= 30 && looksLikeAgency(s) && !/报告$/u.test(s)) {
      const nearDate = last.slice(k + 1, k + 3).some((l) => DATE_ONLY.test(l.s));
      if (nearDate) return { name: s, i: last[k].i };
    }
  }
  return null;
}

function otherNames(head: Line[], tail: Line[], title: TitleFound | null): NameFound[] {
  const out: NameFound[] = [];
  // A cover page: "政府信息公开工作年度报告" / "温州市统计局" / "二〇二一年一月".
  if (title) {
    for (const l of head.slice(title.lastAt + 1, title.lastAt + 3)) {
      const name = stripNameLabel(l.s, startsWithPlace);
      if (name.length <= 30 && looksLikeAgency(name)) out.push({ name, i: l.i });
    }
  }
  for (const l of [...head, ...tail]) {
    const m = FILLED_BY.exec(l.s);
    if (m && looksLikeAgency(m[1])) out.push({ name: m[1], i: l.i });
  }
  const sig = signatureName(tail.length ? tail : head);
  if (sig) out.push(sig);
  for (const l of head) {
    const m = COMPILED_BY.exec(l.s);
    if (!m) continue;
    const name = m[1].replace(/(?<=政府)办公室$/u, '');
    if (looksLikeAgency(name)) out.push({ name, i: l.i });
  }
  return out;
}

/** A date right after a name ("平潭县公安局 二○一○年一月十日"): the name signs the report. */
const LABEL_BEFORE = new RegExp(`(?:${HEADER_LABELS.join('|')})[:：]\\s*$`, 'u');
const SIGNED_AFTER = /^[\s（(盖章)）]*(?:\d{4}年|[二][〇○零ＯO0][一二三四五六七八九〇○零ＯO0]{2}年)/u;

/**
 * "市统计局" / "区财政局" / "公安局": the place is not printed with the name. The text around usually
 * spells the full name ("本报告由温州市统计局…", the signature "平潭县公安局"); take the place that precedes
 * the same words most often — a signature or a label's value counting five times a passing mention —
 * and only when one place does so more than any other.
 */
function completeFromText(name: string, context: string): string | null {
  const level = /^[省市区县]/u.test(name) ? name[0]! : '';
  const rest = name.slice(level.length);
  const counts = new Map<string, number>();
  for (let at = context.indexOf(rest); at !== -1; at = context.indexOf(rest, at + 1)) {
    const before = context.slice(Math.max(0, at - 16), at);
    for (let k = 2; k <= before.length; k++) {
      const candidate = before.slice(before.length - k);
      if (level && !candidate.endsWith(level)) break;
      const place = agencyPlace(candidate + rest);
      if (place && place.length === candidate.length && !place.corrected) {
        // A signature (the name, then the date) or a label's value (来源：…, 发布机构：…) says who reports;
        // a mention in passing (the superior's name, a breadcrumb) says less.
        const after = context.slice(at + rest.length, at + rest.length + 16);
        const labelled = LABEL_BEFORE.test(context.slice(Math.max(0, at - candidate.length - 8), at - candidate.length));
        const weight = 1 + (SIGNED_AFTER.test(after) ? 4 : 0) + (labelled ? 4 : 0);
        counts.set(candidate + rest, (counts.get(candidate + rest) ?? 0) + weight);
        break;
      }
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1]![1] === ranked[0]![1])) return null;
  return ranked[0]![0];
}

interface Canonical {
  agency: AgencyIdentity;
  warnings: ReportWarning[];
  corrected: { from: string; to: string } | null;
}

function canonicalAgency(found: NameFound, lines: readonly Line[], doc: ReportDocument): Canonical {
  const context = lines.map((l) => l.s).join('\n');
  // "名称：沭阳县发展和改革局": the label is no part of the name; "…管委会" is printed for "…管理委员会".
  let name = expandOrgan(stripNameLabel(found.name, startsWithPlace));
  const line = doc.sourceLine[found.i] ?? found.i + 1;
  const warnings: ReportWarning[] = [];
  let corrected: Canonical['corrected'] = null;
  if (!agencyPlace(name)) name = completeFromText(name, context) ?? name;
  let place = agencyPlace(name);
  if (place?.corrected) {
    const printed = name;
    corrected = place.corrected;
    name = name.replace(place.corrected.from, place.corrected.to);
    warnings.push({
      code: 'name.corrected',
      message: `机构名称“${printed}”疑为OCR误识，已按行政区划更正为“${name}”（第${line}行）`,
      line,
      line2: null,
      metric: null,
    });
  } else if (!place || (place.county === null && place.unit === null)) {
    // "沐阳县…": a place one character off a gazetteer place, settled by the report's own text — at the
    // name's start, or right after its city ("成都市埤都区民政局" for 郫都区: the city alone placed it, a level
    // too high). A district fix must stay in the city that placed it.
    const head = place ? name.slice(0, place.length) : '';
    const fix = fixMisreadPlace(name.slice(head.length), lines.map((l) => l.s));
    const fixedName = fix ? head + fix.to + name.slice(head.length + fix.from.length) : '';
    const candidate = fix ? agencyPlace(fixedName) : null;
    const fixed = candidate && (!place || (candidate.county !== null && candidate.city === place.city)) ? candidate : null;
    if (fix && fixed) {
      const printed = name;
      corrected = { from: fix.from, to: fix.to };
      name = fixedName;
      place = fixed;
      const seen = fix.seenAt === null ? null : (doc.sourceLine[lines[fix.seenAt]!.i] ?? lines[fix.seenAt]!.i + 1);
      warnings.push({
        code: 'name.corrected',
        message: `机构名称印作“${printed}”（第${line}行），“${fix.from}”疑为“${fix.to}”的误识，已更正为“${name}”${seen === null ? '（两字形近）' : `（第${seen}行写作“${fix.to}”）`}`,
        line,
        line2: seen,
        metric: null,
      });
    }
  }
  // A place alone ("淮安市洪泽区") means its government; a unit alone its governing body
  // ("平潭综合实验区" → 管理委员会, "…海坛片区" → 管理局); a 街道 alone, its 办事处.
  const governing = place?.sub ? place.sub.governing : place?.unit?.governing;
  if (place && place.length === name.length && place.unit) {
    if (governing) name += governing;
  } else if (place && place.length === name.length && /[省市区县旗]$/u.test(name)) name += '人民政府';
  else if (/街道$/u.test(name)) name += '办事处';
  // "洪泽区人民政府": districts are officially named with their city; add it when the county is unique
  // and the report itself mentions the city — never when the name already starts with the city
  // ("苏州工业园区管理委员会" is not 苏州市苏州工业园区…).
  if (place?.cityInferred && place.city && place.county?.endsWith('区') && name.startsWith(place.county)) {
    const city = place.city;
    const stem = shortPlaceName(city);
    if (!name.startsWith(stem) && (context.includes(city) || context.includes(stem))) name = city + name;
  }
  // Placed nowhere and not even a known (if ambiguous, like 鼓楼区) place name at its start; a stem
  // is not enough (公安局 starts with 公安, 公安县's stem).
  // "海坛片区管理局": an area named without its zone gets the zone, when the report names it.
  if (place?.parentInferred && place.unit && unitForms(place.unit).some((f) => f.length >= 2 && context.includes(f))) name = place.unit.name + name;
  if (!place && !PLACE_LEVEL_END.test(leadingPlace(name) ?? '')) {
    warnings.push({
      code: 'name.unplaced',
      message: `机构名称“${name}”中的地名不在行政区划表和单位表中，无法确定所属地区（第${line}行）`,
      line,
      line2: null,
      metric: null,
    });
  }
  return {
    agency: {
      name,
      province: place?.province ?? null,
      city: place?.city ?? null,
      county: place?.county ?? null,
      divisionCode: place?.divisionCode ?? null,
      line,
    },
    warnings,
    corrected,
  };
}

// ---------------------------------------------------------------- year, website, date

const PERIOD = /统计(?:期限|时限|区间|时间)[^。]{0,30}?至(\d{4})年/u;

function periodYear(head: Line[]): { year: number; i: number } | null {
  for (let k = 0; k < head.length; k++) {
    // The period sentence is often broken over lines.
    const text = head.slice(k, k + 3).map((l) => l.s).join('');
    if (!head[k].s.includes('统计')) continue;
    const m = PERIOD.exec(text);
    // Cite the line the period sentence starts on.
    if (m && m.index < head[k].s.length) return { year: Number(m[1]), i: head[k].i };
  }
  return null;
}

const URL = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+/u;
const WWW = /(?<![\w./])www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+[A-Za-z0-9\-._~/?#=&%]*/u;

/** A host that ends like a whole domain name; anything else at a line end was probably cut by wrapping. */
const WHOLE_HOST = /^https?:\/\/[^/]+\.(cn|com|net|org|gov|edu|mil|info)(:\d+)?(\/|$)/iu;
const URL_CONTINUATION = /^\s*([A-Za-z0-9\-._~/?#=&%]+)(?=[)）>」】\p{sc=Han}]|$)/u;

function findWebsite(doc: ReportDocument, head: Line[]): string | null {
  for (const pattern of [URL, WWW]) {
    for (const l of head) {
      const text = doc.norm[l.i];
      const m = pattern.exec(text);
      if (!m) continue;
      let url = m[0];
      // "http://wzjxj.wenzhou.gov." | "cn/）下载": PDF wrapping cut the address.
      if (m.index + url.length === text.trimEnd().length && !WHOLE_HOST.test(pattern === WWW ? `http://${url}` : url)) {
        const next = URL_CONTINUATION.exec(doc.norm[l.i + 1] ?? '');
        if (next) url += next[1];
      }
      url = url.replace(/[.,;:!?'*)\]>]+$/u, '');
      return pattern === WWW ? `http://${url}` : url;
    }
  }
  return null;
}

/** "二十" → 20, "十二" → 12, "二十一" → 21. */
function cnSmall(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const i = s.indexOf('十');
  if (i === -1) return CN_DIGIT[s] ?? NaN;
  const tens = i === 0 ? 1 : (CN_DIGIT[s[0]] ?? NaN);
  const ones = i === s.length - 1 ? 0 : (CN_DIGIT[s[i + 1]] ?? NaN);
  return tens * 10 + ones;
}

const DATE_LABEL = /(填报|发布|成文|印发)?(日期|时间)[:：]/u;
const DATE_PATTERNS: RegExp[] = [
  /(\d{4})年(\d{1,2})月(\d{1,2})日$/u,
  /(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})$/u,
  /([二][〇○零ＯO0][一二三四五六七八九〇○零ＯO0]{2})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/u,
];

function isoDate(y: string, m: string, d: string): string | null {
  const year = yearValue(y);
  const month = cnSmall(m);
  const day = cnSmall(d);
  if (!(year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date the report was signed: a short line near the end that is (mostly) a date. */
function dateIn(text: string, patterns: RegExp[], signed: boolean): string | null {
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    // Only the date, or an agency name signing it ("温州市鹿城区人民政府2021年2月20日").
    const prefix = text.slice(0, m.index);
    if (signed && prefix.length > 0 && !looksLikeAgency(prefix)) continue;
    const iso = isoDate(m[1], m[2], m[3]);
    if (iso) return iso;
  }
  return null;
}

/** Dates right after a "发布日期：" label on a web page's header line ("发布日期：2021-01-28 来源：…"). */
const DATE_AFTER_LABEL = DATE_PATTERNS.map((re) => new RegExp(`^${re.source.replace(/\$$/u, '')}`, 'u'));

/** The date the report was signed: a short line near the end that is (mostly) a date. */
function findPublished(head: Line[], tail: Line[]): string | null {
  const end = tail.length ? tail : head;
  for (const l of [...end.slice(-15)].reverse()) {
    if (l.s.length > 40 || /[，。；,]/u.test(l.s)) continue;
    const labelled = DATE_LABEL.exec(l.s);
    const iso = dateIn(labelled ? l.s.slice(labelled.index + labelled[0].length) : l.s, DATE_PATTERNS, true);
    if (iso) return iso;
  }
  for (const l of head.slice(0, 15)) {
    const labelled = /(发布|成文|印发)(日期|时间)[:：]/u.exec(l.s);
    if (!labelled) continue;
    const iso = dateIn(l.s.slice(labelled.index + labelled[0].length), DATE_AFTER_LABEL, false);
    if (iso) return iso;
  }
  return null;
}

// ---------------------------------------------------------------- the reader

function fail(code: IngestError['code'], message: string): IdentityResult {
  return { ok: false, error: { code, message } };
}

export function readIdentity(doc: ReportDocument): IdentityResult {
  const { head, tail } = window(doc);
  const lines = [...head, ...tail];
  const context = lines.map((l) => l.s).join('\n');
  const title = findTitle(head);
  const warnings: ReportWarning[] = [];

  if (!title && !/信息公开/u.test(context)) {
    return fail('not_a_report', '不是政府信息公开工作年度报告：开头找不到报告标题，全文前后也未提及“政府信息公开”');
  }

  const nameFound: NameFound | null = title?.agency ? { name: title.agency, i: title.first } : (otherNames(head, tail, title)[0] ?? null);
  if (!nameFound) {
    return fail('no_identity', `未找到报告机关名称：标题${title ? `“${title.text}”` : ''}未写明机关，也没有“填报单位”或落款`);
  }
  const canon = canonicalAgency(nameFound, lines, doc);
  warnings.push(...canon.warnings);

  const thisYear = new Date().getFullYear();
  const inRange = (y: number | null): y is number => y !== null && y >= MIN_YEAR && y <= thisYear;
  let year: number | null = inRange(title?.year ?? null) ? title!.year : null;
  const period = periodYear(head);
  if (year === null) {
    if (period && inRange(period.year)) {
      year = period.year;
      const line = doc.sourceLine[period.i] ?? period.i + 1;
      warnings.push({
        code: 'year.from_period',
        message: `标题未写明报告年度，按统计期限取 ${year} 年（第${line}行）`,
        line,
        line2: null,
        metric: null,
      });
    } else {
      return fail('no_identity', `未找到报告年度：标题${title ? `“${title.text}”` : ''}和统计期限都没有写明 ${MIN_YEAR}–${thisYear} 之间的年份（${canon.agency.name}）`);
    }
  }

  if (period && inRange(period.year) && period.year !== year && warnings.every((w) => w.code !== 'year.from_period')) {
    const line = doc.sourceLine[period.i] ?? period.i + 1;
    warnings.push({
      code: 'year.period_mismatch',
      message: `标题年度 ${year} 年与统计期限（截至 ${period.year} 年）不一致，按标题取 ${year} 年（第${line}行）`,
      line,
      line2: doc.sourceLine[title?.first ?? 0] ?? null,
      metric: null,
    });
  }

  if (title && head.length + tail.length < 20 && !doc.section.some((s) => s !== null) && !doc.lines.some((l) => l.includes('\t'))) {
    return fail('truncated', `报告不完整：只有标题“${title.text}”等 ${head.length + tail.length} 行，没有任何章节或统计表`);
  }

  let titleText = title?.text ?? `${canon.agency.name}${year}年政府信息公开工作年度报告`;
  if (canon.corrected) titleText = titleText.replace(canon.corrected.from, canon.corrected.to);
  if (title && !title.agency) titleText = canon.agency.name + titleText;

  return {
    ok: true,
    value: {
      agency: canon.agency,
      year,
      title: titleText,
      website: findWebsite(doc, head),
      published: findPublished(head, tail),
    },
    warnings,
  };
}
