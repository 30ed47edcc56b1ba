/**
 * Figures stated in sentences (report-format.md §F). Pure: document in, figures out. Each figure is
 * cited on the line where its number (or, for "未发生…", the denial) is printed.
 */
import { sourceAt, type ReportDocument } from '../text/document.ts';
import type { Figure, ReportFormat } from '../model.ts';
import type { StageOutput } from '../tables/tables.ts';
import { metricDef } from '../../catalogue/metrics.ts';
import { joinProse, lineAt, type ProseBlock } from './join.ts';
import { parseProseNumber } from './number.ts';
import { NO_CASES, NO_CASES_END, NO_CASE_KINDS, NO_REQUESTS, NUMBER_SLOT, PROSE_RULES, type ProseRule } from './rules.ts';

interface CompiledRule {
  rule: ProseRule;
  re: RegExp;
}

const COMPILED: CompiledRule[] = PROSE_RULES.map((rule) => ({
  rule,
  // "收到申请：5 件": a colon may stand before the number.
  re: new RegExp(rule.pattern.replaceAll('#', `:?(${NUMBER_SLOT})`), 'gdiu'),
}));

export const PROSE_COLUMN = '正文';

function figureAt(
  doc: ReportDocument,
  block: ProseBlock,
  pos: number,
  metric: string,
  value: number,
  raw: string,
  approximate: boolean,
): Figure {
  const def = metricDef(metric);
  const i = lineAt(block, pos);
  return {
    metric,
    applicant: def?.byApplicant ? 'total' : null,
    cumulative: false,
    rowLabel: def?.label ?? metric,
    colLabel: PROSE_COLUMN,
    value,
    cell: 'number',
    raw,
    unit: def?.unit ?? '',
    approximate,
    computed: false,
    origin: 'prose',
    source: sourceAt(doc, i),
  };
}

function sentenceRest(text: string, from: number): string {
  const end = text.slice(from).search(/[。;!?]/);
  return end < 0 ? text.slice(from) : text.slice(from, from + end);
}

function sentenceHead(text: string, to: number): string {
  const head = text.slice(0, to);
  return head.slice(head.search(/[^。;!?]*$/));
}

/**
 * "上年度收到申请30件", "去年行政复议9件": a clause about last year (or the one before) quotes that year's
 * figure, not this report's. "含上年结转15件" is this year's carried-over count and stays.
 */
const OTHER_YEAR = /(?:上一?|前一?)年(?!度?结转)|去年|前年/u;

/** Years printed as digits ("2021年", "2021年度"). */
const YEAR_MENTION = /(?<!\d)(20\d\d)年/gu;

/**
 * True when the clause so far is about another year than the report's: "上年度…", "去年…", or
 * "2021年共收到申请30件" in the 2022 report (the last year the clause names before the number decides:
 * "与2021年相比,2022年收到申请120件" is the report's).
 */
function aboutOtherYear(head: string, year: number | undefined): boolean {
  if (OTHER_YEAR.test(head)) return true;
  if (year === undefined) return false;
  const years = [...head.matchAll(YEAR_MENTION)];
  return years.length > 0 && Number(years[years.length - 1][1]) !== year;
}

/** The clause from its start up to `to` (clauses end at "。;!?,"). */
function clauseHead(text: string, to: number): string {
  const head = text.slice(0, to);
  return head.slice(head.search(/[^。;!?,]*$/));
}

interface Found {
  figure: Figure;
  /** Offset in the block: figures are listed in reading order. */
  at: number;
}

/** Rule matches in one block; `used` holds the start offsets of numbers already taken. */
function ruleFigures(doc: ReportDocument, block: ProseBlock, used: Set<number>, year: number | undefined): Found[] {
  const out: Found[] = [];
  for (const { rule, re } of COMPILED) {
    re.lastIndex = 0;
    for (let m = re.exec(block.text); m; m = re.exec(block.text)) {
      if (rule.unlessAfter?.test(sentenceRest(block.text, m.index + m[0].length))) continue;
      if (rule.unlessBefore?.test(sentenceHead(block.text, m.index))) {
        const section = doc.section[lineAt(block, m.index)];
        if (!(rule.exceptUnder && section && rule.exceptUnder.test(section))) continue;
      }
      rule.keys.forEach((key, k) => {
        const raw = m![k + 1];
        const at = m!.indices?.[k + 1];
        if (raw === undefined || !at || used.has(at[0])) return;
        // From the clause where the match starts: "上一年度行政复议9件,维持3件" is last year's throughout.
        if (aboutOtherYear(clauseHead(block.text, m!.index) + block.text.slice(m!.index, at[0]), year)) return;
        const n = parseProseNumber(raw);
        if (!n) return;
        used.add(at[0]);
        // The citation is where the digits are, not an approximate marker on the line before.
        const digit = at[0] + raw.search(/\d/);
        out.push({ figure: figureAt(doc, block, digit, key, n.value, raw, n.approximate), at: digit });
      });
    }
  }
  return out;
}

function noCaseFigures(doc: ReportDocument, block: ProseBlock, year: number | undefined): Found[] {
  const out: Found[] = [];
  NO_CASES.lastIndex = 0;
  for (let m = NO_CASES.exec(block.text); m; m = NO_CASES.exec(block.text)) {
    const rest = m.groups!.rest;
    if (aboutOtherYear(clauseHead(block.text, m.index) + m[0].split(/[。;!?,]/u)[0], year)) continue;
    if (NO_REQUESTS.test(rest)) {
      out.push({ figure: figureAt(doc, block, m.index, 'requests.new', 0, m.groups!.neg, false), at: m.index });
      continue;
    }
    // A clause that also prints a count ("无…，行政复议 2 件") is for the count rules.
    if (!NO_CASES_END.test(rest) || /\d\s*件/.test(rest)) continue;
    for (const { word, key } of NO_CASE_KINDS) {
      if (word.test(rest)) out.push({ figure: figureAt(doc, block, m.index, key, 0, m.groups!.neg, false), at: m.index });
    }
  }
  return out;
}

/** `year`: the report's year, when known (a clause about another year is not the report's figure). */
export function extractProseFigures(doc: ReportDocument, _format: ReportFormat, year?: number): StageOutput {
  const figures: Figure[] = [];
  const seen = new Set<string>();
  for (const block of joinProse(doc)) {
    const used = new Set<number>();
    const found = [...ruleFigures(doc, block, used, year), ...noCaseFigures(doc, block, year)].sort((a, b) => a.at - b.at);
    for (const { figure } of found) {
      // A report restates its figures ("如前所述…"): the first statement is the one to cite.
      if (seen.has(figure.metric)) continue;
      seen.add(figure.metric);
      figures.push(figure);
    }
  }
  return { figures, warnings: [] };
}
