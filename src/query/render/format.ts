/**
 * Chinese answer text pieces: the figure with its unit, the cell's caveat, the citation. The leads of
 * its lines are read back by lines.ts, which gives chats the text's structure.
 */
import { applicantLabel, metricDef } from '../../catalogue/metrics.ts';
import type { AnswerResult, AnswerSource } from '../answer.ts';
import { fmt } from '../lookup/figures.ts';
import { placeText } from '../../ingest/text/document.ts';

/** How the lines under a figure start: its sources, its computation, its parts when they cannot be summed. */
export const SOURCE_LEAD = '来源：';
export const FORMULA_LEAD = '计算：';
export const PARTS_LEAD = '各项：';

export function metricLabel(key: string, applicant?: string | null): string {
  const label = (metricDef(key)?.label ?? key).replace(/\s+/g, '');
  if (!applicant || applicant === 'total') return label;
  const col = applicantLabel(applicant);
  return `${label}（${col}）`;
}

export function valueText(r: AnswerResult): string {
  // A detail of the report (联系电话, 发布日期) is its printed text, not a number.
  if (r.text !== undefined) return r.text;
  switch (r.cell) {
    case 'missing':
      return '报告未披露';
    case 'blank':
      return '报告未填写';
    case 'undecided':
      return '报告该项无法准确识别';
  }
  if (r.value === null) return '报告未披露';
  const sign = r.metric.endsWith('.change') && r.value > 0 ? '+' : '';
  const dash = r.cell === 'dash' ? '（报告填写“—”）' : '';
  // One cell the report left blank or did not print, filled from its own row or column sums (a formula
  // over several cells says how it was computed on a line of its own).
  const inferred = r.cell === 'computed' && !r.formula ? '（报告此格未填，按表内勾稽关系推算）' : '';
  return `${sign}${fmt(r.value)} ${r.approximate ? '余' : ''}${r.unit}${dash}${inferred}`;
}

/** Where a source is, as people say it (defined with the document's places; shared with ingest's warnings). */
export { placeText };

export function citation(title: string | undefined, s: AnswerSource): string {
  return `${SOURCE_LEAD}《${title ?? ''}》${s.section ?? ''}，${placeText(s)}：“${s.quote}”`;
}

/** One figure, with its formula and every cell it used. */
export function resultText(r: AnswerResult): string {
  const head = `${r.agency}${r.year}年${r.label}：${valueText(r)}。`;
  const lines = [head];
  if (r.formula && r.value !== null) lines.push(`${FORMULA_LEAD}${r.formula} = ${fmt(r.value)}`);
  else if (r.formula) lines.push(`${PARTS_LEAD}${r.formula}（有项目空白或未识别，不能合计）`);
  const all = r.sources && r.sources.length > 0 ? r.sources : r.source ? [r.source] : [];
  const sources = all.filter((s, i) => all.findIndex((o) => o.line === s.line) === i);
  if (sources.length > 3) {
    // Many cells (不予公开 = eight reasons): one line naming them all; each quote is in `sources`.
    lines.push(`${SOURCE_LEAD}《${r.report ?? ''}》${sources[0]!.section ?? ''}，${sources.map((s) => placeText(s)).join('、')}`);
  } else for (const s of sources) lines.push(citation(r.report, s));
  return lines.join('\n');
}
