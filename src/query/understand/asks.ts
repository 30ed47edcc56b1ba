/**
 * Questions that are not "how many": a rate or share, yes/no against a number, one of the report's own
 * details, the report's problems. Read from the normalized question; the catalogue holds the words.
 */
import { NAMED_RATES, SHARE_WORDS, type RateDef } from '../../catalogue/rates.ts';
import { REPORT_DETAIL_WORDS } from '../../catalogue/report-details.ts';
import type { StructuredQuery } from './structured-query.ts';
import { parseSmallNumber } from './numbers.ts';

const RATE_WORDS: [string, RateDef][] = NAMED_RATES.flatMap((r) => r.words.map((w) => [w, r] as [string, RateDef])).sort((a, b) => b[0].length - a[0].length);
const SHARE_RE = new RegExp(SHARE_WORDS.join('|'));

/** A named rate said in the question (longest word first), or null. */
export function namedRate(normalized: string): RateDef | null {
  for (const [w, r] of RATE_WORDS) if (normalized.includes(w)) return r;
  return null;
}

export function asksShare(normalized: string): boolean {
  return SHARE_RE.test(normalized) || /[^效]率(?:是|为|多少|几|怎么样|如何|高|低|$)/.test(normalized);
}

/** "超过200件", "200件以上", "不到10件", "少于5", "达到100条" → comparison with a number. */
const THRESHOLD_RES: [RegExp, NonNullable<StructuredQuery['threshold']>['op']][] = [
  [/(?:超过|超出|多于|大于|高于|超)(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)/, 'gt'],
  [/(?:不少于|不低于|至少|达到|达|满)(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)/, 'ge'],
  [/(?:不到|少于|低于|小于|不足|未达到|未满|没到|没有到)(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)/, 'lt'],
  [/(?:不超过|不多于|不高于|最多)(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)/, 'le'],
  [/(\d+(?:\.\d+)?)[件条个项次篇人元]?(?:以上|及以上)/, 'ge'],
  [/(\d+(?:\.\d+)?)[件条个项次篇人元]?(?:以下|及以下)/, 'le'],
];
/** Only when asked as yes/no: "超过200件" inside a ranking ("超过200件的单位") is a filter, not ours. */
const YES_NO_CUE = /是不是|是否|有没有|吗|么[?？]?$|没有?[?？]?$|不[?？]?$/;

// "不超过" before "超过", "不多于" before "多于": the 'le' cues are tried first.
const THRESHOLD_ORDER = [...THRESHOLD_RES].sort((a, b) => (a[1] === 'le' ? -1 : 0) - (b[1] === 'le' ? -1 : 0));

export function readThreshold(normalized: string): StructuredQuery['threshold'] | undefined {
  if (!YES_NO_CUE.test(normalized)) return undefined;
  for (const [re, op] of THRESHOLD_ORDER) {
    const m = re.exec(normalized);
    if (!m) continue;
    const value = /^\d/.test(m[1]!) ? Number(m[1]) : parseSmallNumber(m[1]!);
    if (value === null || !Number.isFinite(value)) continue;
    return { op, value };
  }
  return undefined;
}

/** The digits of a threshold are not a year or a figure: cut them out before years are read. */
export function withoutThreshold(normalized: string): string {
  return normalized.replace(/(?:超过|超出|多于|大于|高于|不少于|不低于|至少|达到|不到|少于|低于|小于|不足|不超过|不多于)\d+(?:\.\d+)?/g, '，');
}

/**
 * Which detail of the report is asked for, if any. A figure word with a count cue is a figure
 * ("网站公开多少条"); "联系电话是多少" names no figure and is a detail.
 */
export function readDetail(normalized: string, namesFigure: boolean): StructuredQuery['detail'] | undefined {
  if (namesFigure && /多少|几[件条个项次篇]?|数量|总数/.test(normalized)) return undefined;
  if (/谁发布|谁发的|谁编制|谁写的|哪个单位(?:发布|编制|发的)|发布(?:单位|机构|机关)|编制(?:单位|机关)/.test(normalized)) return 'publisher';
  for (const [field, re] of REPORT_DETAIL_WORDS) if (re.test(normalized)) return field;
  return undefined;
}

/** "报告数据有矛盾吗", "有没有对不上的", "勾稽关系": the report's warnings. Bare 问题 is its section 五. */
const PROBLEMS_RE = /矛盾|不一致|对不上|不相符|不吻合|勾稽|钩稽|数据(?:有|存在)?(?:问题|错误|差错)|(?:有|存在)(?:什么)?(?:错误|差错)|填错|算错|警告|校验|核对结果|质量问题|数据质量/;

export function asksProblems(normalized: string): boolean {
  return PROBLEMS_RE.test(normalized);
}
