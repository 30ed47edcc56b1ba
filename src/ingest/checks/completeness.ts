/**
 * A 2019/2021-format report carries three tables and six sections. A file cut short (a truncated
 * download, a page range, a copy-paste) shows as tables that stop or never start and closing sections
 * that never come. Saying so tells a reader that the missing figures are missing from this file, not
 * from the report — and the query layer can pass that on instead of a silent 报告未披露.
 */
import type { ReportDocument } from '../text/document.ts';
import type { Figure, ReportWarning } from '../model.ts';
import { TABLE2_METRICS, TABLE3_METRICS, TABLE4_METRICS } from '../../catalogue/metrics.ts';

/** Each table with the section heading it sits under: a table is missed only where its section is present. */
const TABLES = [
  { name: '表二（主动公开政府信息情况）', section: /主动公开/, keys: new Set(TABLE2_METRICS.map((d) => d.key)) },
  { name: '表三（收到和处理政府信息公开申请情况）', section: /收到和处理|依申请公开/, keys: new Set(TABLE3_METRICS.map((d) => d.key)) },
  { name: '表四（政府信息公开行政复议、行政诉讼情况）', section: /行政复议|行政诉讼/, keys: new Set(TABLE4_METRICS.map((d) => d.key)) },
];
/** Table 三 has 23 (2019) or 25 (2021) stored rows; fewer than this many read means it stops short. */
const TABLE3_MIN_ROWS = 12;
const CLOSING_SECTIONS = /存在的?主要问题|其他需要报告/;

export function checkCompleteness(doc: ReportDocument, figures: Figure[]): ReportWarning[] {
  const table = figures.filter((f) => f.origin === 'table');
  const warnings: ReportWarning[] = [];
  const lastLine = doc.sourceLine[doc.sourceLine.length - 1] ?? 1;
  for (const t of TABLES) {
    const at = doc.section.findIndex((s) => s !== null && t.section.test(s));
    if (at >= 0 && !table.some((f) => t.keys.has(f.metric))) {
      const line = doc.sourceLine[at] ?? null;
      warnings.push({ code: 'table.missing', message: `第${line}行的“${doc.section[at]}”部分未读到${t.name}的数据。`, line, line2: null, metric: null });
    }
  }
  const t3 = table.filter((f) => TABLES[1].keys.has(f.metric));
  const t3Rows = new Set(t3.map((f) => f.metric));
  if (t3Rows.size > 0 && t3Rows.size < TABLE3_MIN_ROWS) {
    const last = Math.max(...t3.map((f) => f.source.line));
    warnings.push({
      code: 'table.incomplete',
      message: `表三只读到 ${t3Rows.size} 行（止于第${last}行），其余各行缺失，报告可能不完整。`,
      line: last,
      line2: null,
      metric: null,
    });
  }
  if (!doc.section.some((s) => s !== null && CLOSING_SECTIONS.test(s))) {
    warnings.push({
      code: 'report.truncated',
      message: `报告似乎不完整：未见“存在的主要问题及改进情况”“其他需要报告的事项”部分，全文止于第${lastLine}行。`,
      line: lastLine,
      line2: null,
      metric: null,
    });
  }
  return warnings;
}

const STATS_TABLE = /政府信息公开情况统计表|统计指标|指标名称/u;

/**
 * A pre-2019 report told apart by its statistics table whose table yielded nothing (squeezed past
 * reading, or cut off): say so, so its figures read as unreadable here rather than not reported.
 */
export function checkStatsTableRead(doc: ReportDocument, table: Figure[]): ReportWarning[] {
  if (table.length > 0) return [];
  const at = doc.norm.findIndex((l) => STATS_TABLE.test(l));
  const line = at >= 0 ? (doc.sourceLine[at] ?? null) : null;
  return [
    {
      code: 'table.missing',
      message: `${line !== null ? `第${line}行起的` : ''}政府信息公开情况统计表未读出任何数据（表格文字可能被挤压或不完整），统计表各项未入库。`,
      line,
      line2: null,
      metric: null,
    },
  ];
}
