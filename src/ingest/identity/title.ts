/**
 * The report title: found among the first lines (it is often broken over two or three lines, or split
 * into a "# 机关" and a "## 2020 年度…报告" heading) and read into agency + year. Pure string work.
 */
import { AGENCY_NAME_END, isBareOrgan, NOT_AGENCY_NAME, stripNameLabel } from '../../catalogue/agency-words.ts';

/**
 * A line as identity reads it: Markdown and decoration around it stripped ("# ", "## ", "**", "> "), all
 * whitespace removed (titles have no word spaces). Whitespace goes first, then the marks at either end:
 * the same as stripping /^[\s#>*]+|[\s*]+$/ first, without that regex retrying its trailing-run match
 * at every blank of a line full of spaces (quadratic in the run).
 */
export function squeeze(line: string): string {
  return stripMarks(line.replace(/\s+/gu, ''));
}

/** A line with its whitespace already removed → squeeze(line): the Markdown marks at either end stripped. */
export function stripMarks(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (s[start] === '#' || s[start] === '>' || s[start] === '*')) start++;
  while (end > start && s[end - 1] === '*') end--;
  return s.slice(start, end);
}

/** The part of a title that says what the document is. */
export const TITLE_END = /(政府信息|政务信息|信息)公开.{0,16}(报告|年报)|政务公开.{0,12}年度报告/u;

export const CN_DIGIT: Record<string, number> = {
  '〇': 0, '○': 0, '零': 0, 'Ｏ': 0, 'O': 0, 'o': 0, '0': 0,
  '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};
/** "2020年", "2020年度", "二〇二〇年", "二O二O年度" (a year is four digits, never five: not "20120年"). */
export const YEAR_TEXT = /(?<![\d])((?:19|20)\d{2}|[二][〇○零ＯOo0][一二三四五六七八九〇○零ＯOo0]{2})(?!\d)年?度?/u;

export function yearValue(digits: string): number {
  if (/^\d{4}$/.test(digits)) return Number(digits);
  let n = 0;
  for (const ch of digits) n = n * 10 + (CN_DIGIT[ch] ?? 0);
  return n;
}

/** Agencies' names end with an organ word, or a place whose government is meant (catalogue list). */
export const ORG_SUFFIX = AGENCY_NAME_END;
const NAME_CHARS = /^[\p{sc=Han}（）()]{2,40}$/u;

export function looksLikeAgency(name: string): boolean {
  return NAME_CHARS.test(name) && ORG_SUFFIX.test(name) && !NOT_AGENCY_NAME.test(name);
}

export interface TitleParts {
  /** The agency as printed in the title, if the title names one. */
  agency: string | null;
  year: number | null;
  /** Whether the title says what kind of document this is. */
  isReportTitle: boolean;
}

/** Read agency and year out of a squeezed title ("温州市鹿城区人民政府2020年政府信息公开工作年度报告"). */
export function parseTitle(title: string): TitleParts {
  // "XX人民政府关于公布《XX区2022年政府信息公开工作年度报告》的通知": the quoted title is the report's.
  // "标题：平潭综合实验区公安局2022年…": a page header's label is no part of the title.
  title = stripNameLabel(title);
  const quoted = /《([^《》]+)》/u.exec(title);
  const t = quoted && TITLE_END.test(quoted[1]) ? quoted[1] : title.replace(/^[《<「【“"]+|[》>」】”"]+$/gu, '');
  const end = TITLE_END.exec(t);
  const anchor = end ? end.index : t.length;
  const before = t.slice(0, anchor);
  const yb = YEAR_TEXT.exec(before);
  const ya = yb ? null : YEAR_TEXT.exec(t.slice(anchor));
  const year = yb ? yearValue(yb[1]) : ya ? yearValue(ya[1]) : null;
  let agency = yb ? before.slice(0, yb.index) + before.slice(yb.index + yb[0].length) : before;
  // "XX市人民政府办公室关于印发XX市…年度报告的通知": the report's agency is what is issued, not the issuer.
  agency = agency
    .replace(/^.*?(?:关于)?(?:印发|转发|公布|发布)(?=.{2})/u, '')
    .replace(/^关于|关于$/u, '')
    .replace(/(的|年度|度|本级)$/u, '')
    .replace(/^[（(]|[）)]$/gu, '')
    .replace(/关于$/u, '');
  // A bare organ word is the tail of a name broken over lines ("温州市瓯海区" / "人民政府2023年…").
  const bare = isBareOrgan(agency);
  return { agency: looksLikeAgency(agency) && !bare ? agency : null, year, isReportTitle: end !== null };
}
