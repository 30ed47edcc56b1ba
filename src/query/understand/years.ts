/**
 * Years in a question: 2020, 2020年, 20年, 二〇二〇年, 去年/前年/今年, 2019到2021年, 近三年, 历年.
 * Input is normalized text (normalizeText). Pure: "today" is a parameter.
 */
import { chineseDigitsToArabic, parseSmallNumber, SMALL_NUMBER } from './numbers.ts';

export type YearSpec =
  | { type: 'latest' }
  | { type: 'single'; year: number }
  | { type: 'list'; years: number[] }
  | { type: 'range'; from: number; to: number }
  | { type: 'recent'; count: number }
  | { type: 'all' };

export interface YearParse {
  years: YearSpec;
  /** The text with every year expression replaced by "，" so later stages do not read it. */
  rest: string;
}

const fullYear = (text: string): number => {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
};

const YEAR = '(?<![\\d.])((?:19|20)\\d{2}|\\d{2}(?=年))';
const RANGE_RE = new RegExp(`${YEAR}年?(?:度)?(?:到|至|~|-|—|－|～)${YEAR}年?(?:度)?`, 'g');
const SINGLE_RE = new RegExp(`${YEAR}(?!\\d)(?:年度|年)?`, 'g');
const RECENT_RE = new RegExp(`(?:近|最近|过去|前|这)(${SMALL_NUMBER})(?:个)?年`, 'g');
const ALL_RE = /历年(?:来)?|每一?年|各年(?:度)?|逐年|所有年份|这几年|近几年|历史/g;
const RELATIVE: [RegExp, number][] = [
  [/大前年/g, -3],
  [/前年/g, -2],
  // "去年结转" / "上年结转" name a figure (requests.carried_over), not a year.
  [/去年(?!结转)|上一?年度?(?!度?(?:项目|结转))/g, -1],
  [/今年|本年度?(?!度?(?:新|办理|制发|废止|收费|增|处理))/g, 0],
];

export function parseYears(text: string, today: Date): YearParse {
  let rest = chineseDigitsToArabic(text);
  const found: number[] = [];
  let spec: YearSpec | null = null;

  rest = rest.replace(RANGE_RE, (_m, a: string, b: string) => {
    const from = fullYear(a);
    const to = fullYear(b);
    spec ??= { type: 'range', from: Math.min(from, to), to: Math.max(from, to) };
    return '，';
  });
  rest = rest.replace(RECENT_RE, (m, n: string) => {
    const count = parseSmallNumber(n);
    if (count === null || count < 1 || count > 30) return m;
    spec ??= { type: 'recent', count };
    return '，';
  });
  rest = rest.replace(ALL_RE, () => {
    spec ??= { type: 'all' };
    return '，';
  });
  rest = rest.replace(SINGLE_RE, (m, y: string) => {
    const year = fullYear(y);
    if (year < 1990 || year > 2099) return m;
    found.push(year);
    return '，';
  });
  // "比去年多吗" after a year is the year before that one, not today's 去年: left for the trend.
  rest = rest.replace(/(比|较|与|和|跟)(?:去年|上年|上一年)(?!结转)/g, '，');
  const thisYear = today.getUTCFullYear();
  for (const [re, delta] of RELATIVE) {
    rest = rest.replace(re, () => {
      found.push(thisYear + delta);
      return '，';
    });
  }
  if (!spec) {
    const unique = [...new Set(found)].sort((a, b) => a - b);
    if (unique.length === 1) spec = { type: 'single', year: unique[0]! };
    else if (unique.length > 1) spec = { type: 'list', years: unique };
  }
  return { years: spec ?? { type: 'latest' }, rest };
}
