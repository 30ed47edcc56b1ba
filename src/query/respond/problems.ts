/**
 * "报告数据有矛盾吗": the report's own warnings — arithmetic that does not add up, prose against table,
 * cells that could not be read — each with the lines it names. What an office checks before publishing.
 */
import type { Answer } from '../answer.ts';
import type { StructuredQuery } from '../understand/structured-query.ts';
import { forEachReport, type Ctx } from './context.ts';

/** Warning codes by what they say about the data (the rest are about reading the file). */
const KIND_OF: [RegExp, string][] = [
  [/^identity\./, '表内勾稽关系不符'],
  [/^prose_table_mismatch/, '正文与表格不一致'],
  [/^fused\.|undecided/, '数字无法准确识别'],
  [/^cross\.units_sum/, '与所属单位报告不符'],
  [/^cross\.conflict/, '与同年另一份报告不一致'],
  [/^cross\.|^across\./, '与上年报告不衔接'],
];

export function reportProblems(ctx: Ctx, question: string, query: StructuredQuery): Answer {
  const lines: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  forEachReport(ctx, query, lines, notes, (agency, report) => {
    const found = ctx.store.warnings(report.id);
    if (found.length === 0) {
      lines.push(`《${report.title}》未发现矛盾：表格的勾稽关系、正文与表格的对照都一致。`);
      return;
    }
    const kinds = [...new Set(found.map((w) => KIND_OF.find(([re]) => re.test(w.code))?.[1] ?? '其他提示'))];
    lines.push(`《${report.title}》有 ${found.length} 处需要注意（${kinds.join('、')}）：`);
    found.forEach((w, i) => {
      lines.push(`${i + 1}. ${w.message}`);
      warnings.push(w.message);
  });
  });
  const text = [...lines, ...new Set(notes)].join('\n');
  const answered = lines.some((l) => l.startsWith('《'));
  return { question, status: answered ? 'answered' : 'not_found', text, results: [], warnings, suggestions: [] };
}
