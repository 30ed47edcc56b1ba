/**
 * A report's text as parsers see it: the verbatim lines (for quotes), a normalized twin of each line
 * (for matching), and the section heading each line sits under. Pure; built once per report.
 */
import * as OpenCC from 'opencc-js';

export interface ReportDocument {
  /** Verbatim lines, as quoted in citations. Index i is line i+1 of `sourceLines`. */
  readonly lines: readonly string[];
  /**
   * Normalized lines, same count: NFKC (full-width digits and brackets → ASCII), Traditional →
   * Simplified, non-breaking and ideographic spaces → ' ', trimmed right.
   */
  readonly norm: readonly string[];
  /** 1-based line number to cite for lines[i] (for text files i+1; for HTML, the source line). */
  readonly sourceLine: readonly number[];
  /** The section heading (verbatim, trimmed) that lines[i] sits under, or null before the first. */
  readonly section: readonly (string | null)[];
}

const convert = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Characters without which OpenCC's Traditional → Simplified conversion cannot change a text: for every
 * dictionary entry that changes its key, one character of the key that the replacement does not keep
 * (a key must occur whole to match, so a text lacking that character never matches it). Almost all
 * lines of almost all reports hold none, and the conversion — the largest single cost of parsing —
 * is then skipped. Null (always convert) if opencc-js ever stops exposing its dictionaries this way.
 */
const OPENCC_TRIGGER: { bmp: Uint8Array; astral: Set<number>; lowest: number } | null = (() => {
  const dicts: string[][][] = [];
  const walk = (x: unknown): void => {
    if (typeof x === 'string') dicts.push(x.split('|').map((e) => e.split(' ')));
    else if (Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string' && !x[0].includes('|')) dicts.push([x as string[]]);
    else if (Array.isArray(x)) x.forEach(walk);
  };
  const config = (OpenCC as unknown as { Locale?: { configs?: Record<string, unknown> } }).Locale?.configs?.t2s;
  if (!config || typeof config !== 'object') return null;
  Object.values(config).forEach(walk);
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  let count = 0;
  let lowest = 0x10ffff;
  const add = (ch: string) => {
    const cp = ch.codePointAt(0)!;
    lowest = Math.min(lowest, cp);
    if (cp < 0x10000) bmp[cp] = 1;
    else astral.add(cp);
    count++;
  };
  for (const dict of dicts) {
    for (const [key, value] of dict) {
      if (key === undefined || value === undefined || key === value) continue;
      const k = [...key];
      const v = [...value];
      const i = k.length === v.length ? k.findIndex((ch, j) => ch !== v[j]) : -1;
      if (i >= 0) add(k[i]!);
      else k.forEach(add);
    }
  }
  return count < 1000 ? null : { bmp, astral, lowest };
})();

/** True when OpenCC might change s (see OPENCC_TRIGGER); a table lookup per UTF-16 unit, no allocation. */
export function mayNeedOpenCC(s: string): boolean {
  if (!OPENCC_TRIGGER) return true;
  const { bmp, astral, lowest } = OPENCC_TRIGGER;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Below every trigger (ASCII, digits, punctuation): the common case, one comparison.
    if (c < lowest && c < 0xd800) continue;
    if (c >= 0xd800 && c < 0xdc00) {
      if (astral.has(s.codePointAt(i)!)) return true;
      i++;
    } else if (bmp[c] === 1) return true;
  }
  return false;
}

function toSimplified(s: string): string {
  return mayNeedOpenCC(s) ? convert(s) : s;
}

function tidy(s: string): string {
  return s
    .replace(/[\u00a0\u2002-\u200b\u3000\ufeff]/g, ' ')
    .replace(/[‐‑‒–﹣－]/g, '-')
    .replace(/\s+$/u, '');
}

/** Normalize one line for matching. Never used for quotes. */
export function normalizeLine(s: string): string {
  return tidy(toSimplified(s.normalize('NFKC')));
}

/**
 * Normalize many lines: same result as mapping normalizeLine, but one OpenCC pass over the joined text
 * (its per-call cost dominates on short lines; about twice as fast on a whole report).
 */
export function normalizeLines(lines: readonly string[]): string[] {
  if (lines.some((l) => l.includes('\n') || l.includes('\r'))) return lines.map(normalizeLine);
  const out = toSimplified(lines.join('\n').normalize('NFKC')).split('\n');
  // NFKC or OpenCC never add or remove line feeds; fall back rather than misalign if one ever did.
  if (out.length !== lines.length) return lines.map(normalizeLine);
  return out.map(tidy);
}

/**
 * Section headings of the annual report, by what they are about. A line is a heading only when it is
 * short, starts with a Chinese ordinal "一、" … "八、" (optionally after Markdown #'s) and names one
 * of these topics — table 三's own rows ("一、本年新收…", "四、结转下年度…") are not headings.
 */
const SECTION_TOPICS: RegExp[] = [
  /总体情况|基本概况|概述/,
  /主动公开/,
  /收到和处理|依申请公开/,
  /行政复议|行政诉讼|行政法复议/,
  /存在的?主要问题|问题.*(改进|整改)/,
  /其他需要报告/,
  /统计表/,
  /主要工作举措|工作措施/,
];
const HEADING_RE = /^\s*#{0,6}\s*\*{0,2}\s*([一二三四五六七八九十]{1,2})\s*[、.．]\s*(.{2,40})$/u;
// Table rows that look like headings: table 三's rows, and statistics-table rows (tab, ——, a value).
const NOT_HEADING = /数量|继续办理|办理结果|\t|——|\d\s*$/;

// Linear pre-check: HEADING_RE's run of optional blanks backtracks badly on indented layout lines.
const HEADING_START = /^[\s#*]*[一二三四五六七八九十]/u;

export function isSectionHeading(normLine: string): boolean {
  if (!HEADING_START.test(normLine)) return false;
  const m = HEADING_RE.exec(normLine);
  if (!m) return false;
  const rest = m[2].replace(/\*+$/u, '');
  if (NOT_HEADING.test(rest)) return false;
  return SECTION_TOPICS.some((re) => re.test(rest));
}

export function buildDocument(lines: readonly string[], sourceLine?: readonly number[]): ReportDocument {
  const norm = normalizeLines(lines);
  const section: (string | null)[] = [];
  let current: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (isSectionHeading(norm[i])) current = lines[i].replace(/^[\s#*]+|[\s*]+$/gu, '');
    section.push(current);
  }
  return {
    lines,
    norm,
    sourceLine: sourceLine ?? lines.map((_, i) => i + 1),
    section,
  };
}

/** Split decoded text into lines the way editors count them (\r\n, \r, \n). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
