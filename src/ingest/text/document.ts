/**
 * A report's text as parsers see it: the verbatim lines (for quotes), a normalized twin of each line
 * (for matching), and the section heading each line sits under. Pure; built once per report.
 */
import { toSimplified } from '../../catalogue/simplified.ts';
import type { Source } from '../model.ts';

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
  /**
   * Where lines[i] starts inside its source line (1-based character column), when logical lines were
   * split out of one printed line (squeezed crawled text, minified HTML). Absent: every line is whole.
   */
  readonly sourceColumn?: readonly (number | null)[];
  /** The PDF page lines[i] is printed on (1-based). Absent for inputs without pages. */
  readonly sourcePage?: readonly (number | null)[];
  /** What a crawled page's header block says about the report (not part of its text). */
  readonly pageMeta?: PageMeta;
}

/** A crawled page's header values: publication time, publisher, original URL (verbatim). */
export interface PageMeta {
  published?: string;
  publisher?: string;
  url?: string;
}

/** Where each logical line sits in the original file, beyond its line number (see ReportDocument). */
export interface SourcePlaces {
  sourceColumn?: readonly (number | null)[];
  sourcePage?: readonly (number | null)[];
  pageMeta?: PageMeta;
}

/** Non-breaking and other fixed-width spaces → ' ', hyphen and dash variants → '-' (never a line feed). */
function tidyChars(s: string): string {
  return s.replace(/[\u00a0\u2002-\u200b\u3000\ufeff]/g, ' ').replace(/[‐‑‒–﹣－]/g, '-');
}

/**
 * tidyChars, trimmed right. trimEnd strips exactly what .replace(/\s+$/u, '') would, without the regex
 * retrying its trailing-run match at every blank of a layout line full of spaces (quadratic in the run).
 */
function tidy(s: string): string {
  return tidyChars(s).trimEnd();
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
  // tidyChars maps single characters, none of them a line feed: done once over the whole text too.
  const out = tidyChars(toSimplified(lines.join('\n').normalize('NFKC'))).split('\n');
  // NFKC or OpenCC never add or remove line feeds; fall back rather than misalign if one ever did.
  if (out.length !== lines.length) return lines.map(normalizeLine);
  return out.map((l) => l.trimEnd());
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

export function buildDocument(lines: readonly string[], sourceLine?: readonly number[], places: SourcePlaces = {}): ReportDocument {
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
    ...(places.sourceColumn ? { sourceColumn: places.sourceColumn } : {}),
    ...(places.sourcePage ? { sourcePage: places.sourcePage } : {}),
    ...(places.pageMeta ? { pageMeta: places.pageMeta } : {}),
  };
}

const squeezedCache = new WeakMap<readonly string[], readonly string[]>();

/**
 * doc.norm with all whitespace removed, line by line (headers and captions break across lines and
 * cells): built once per document and shared by the stages that match on it.
 */
export function squeezedLines(doc: ReportDocument): readonly string[] {
  let squeezed = squeezedCache.get(doc.norm);
  if (!squeezed) {
    squeezed = doc.norm.map((l) => l.replace(/\s+/gu, ''));
    squeezedCache.set(doc.norm, squeezed);
  }
  return squeezed;
}

/** The citation of lines[i]: the line (and column, page) to cite, its section and its verbatim text. */
export function sourceAt(doc: ReportDocument, i: number): Source {
  const s: Source = { line: doc.sourceLine[i], section: doc.section[i], quote: doc.lines[i] };
  // Only set when known: whole-line text sources stay { line, section, quote } (gold files, JSON output).
  const column = doc.sourceColumn?.[i];
  const page = doc.sourcePage?.[i];
  if (column) s.column = column;
  if (page) s.page = page;
  return s;
}

/**
 * Where a place is, as people say it: 第565行, 第3页第120行, 第11行第345字起 (a column only inside a long
 * line). The one form for answers, warnings and `check`.
 */
export function placeText(s: { line: number; column?: number | null; page?: number | null }): string {
  const page = s.page ? `第${s.page}页` : '';
  const column = s.column && s.column > 1 ? `第${s.column}字起` : '';
  return `${page}第${s.line}行${column}`;
}

/** Split decoded text into lines the way editors count them (\r\n, \r, \n). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
