/**
 * A detail of the report itself — 联系电话, 地址, 网址, 发布日期, 标题, 发布机构 — as printed, with the line
 * it stands on. Never a figure: a report that does not print the detail says so.
 */
import { REPORT_DETAIL_NAMES, type ReportDetailField } from '../../catalogue/report-details.ts';
import type { Answer, AnswerResult, AnswerSource } from '../answer.ts';
import { placeText } from '../render/format.ts';
import type { StructuredQuery } from '../understand/structured-query.ts';
import { forEachReport, type Ctx } from './context.ts';

const NAMES: Record<NonNullable<StructuredQuery['detail']>, string> = { ...REPORT_DETAIL_NAMES, publisher: '发布机构' };

export function reportDetail(ctx: Ctx, question: string, query: StructuredQuery): Answer {
  const field = query.detail!;
  const name = NAMES[field];
  const lines: string[] = [];
  const results: AnswerResult[] = [];
  const notes: string[] = [];
  forEachReport(ctx, query, lines, notes, (agency, report) => {
    // The publisher is the reporting agency; cited at the title line the name is printed on.
    const row = ctx.details.get(report.id, field === 'publisher' ? 'title' : field);
    const title = `《${report.title}》`;
    if (!row) {
      lines.push(`${title}没有写明${name}。`);
      return;
    }
    const value = field === 'publisher' ? agency.name : field === 'published' ? chineseDate(row.value) : row.value;
    const source: AnswerSource = { file: report.file, line: row.line, section: row.section, quote: row.quote, column: row.col, page: row.page };
    results.push({
      agency: agency.name,
      year: report.year,
      metric: `detail.${field}`,
      label: name,
      value: null,
      text: value,
      unit: '',
      approximate: false,
      source,
      report: report.title,
  });
  lines.push(`${agency.name}${report.year}年报告的${name}：${value}`);
  lines.push(`来源：${title}${row.section ?? ''}，${placeText(source)}：“${row.quote.trim()}”`);
  });
  const text = [...lines, ...new Set(notes)].join('\n');
  return { question, status: results.length > 0 ? 'answered' : 'not_found', text, results, warnings: [], suggestions: [] };
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export type { ReportDetailField };
