/**
 * Checks on a parsed report → warnings: the identities of its table format, and prose that
 * contradicts the tables. Pure; the figures are not changed.
 */
import type { ReportDocument } from '../text/document.ts';
import type { Figure, ReportFormat, ReportWarning } from '../model.ts';
import { TABLE3_METRICS, TABLE4_METRICS } from '../../catalogue/metrics.ts';
import { checkTable3, checkTable4 } from './identities.ts';
import { checkProseVsTable } from './prose-vs-table.ts';
import { checkCompleteness, checkStatsTableRead } from './completeness.ts';

const T3 = new Set(TABLE3_METRICS.map((d) => d.key));
const T4 = new Set(TABLE4_METRICS.slice(0, 15).map((d) => d.key));

export function checkReport(input: { doc: ReportDocument; format: ReportFormat; figures: Figure[] }): ReportWarning[] {
  const { format, figures } = input;
  const table = figures.filter((f) => f.origin === 'table');
  const warnings: ReportWarning[] = [];
  if (format === '2019' || format === '2021') {
    warnings.push(...checkTable3(table.filter((f) => T3.has(f.metric) && f.applicant !== null)));
    warnings.push(...checkTable4(table.filter((f) => T4.has(f.metric))));
    warnings.push(...checkCompleteness(input.doc, figures));
  }
  if (format === 'pre-2019') warnings.push(...checkStatsTableRead(input.doc, table));
  warnings.push(...checkProseVsTable(figures));
  return dedupe(warnings);
}

function dedupe(ws: ReportWarning[]): ReportWarning[] {
  const seen = new Set<string>();
  return ws.filter((w) => {
    const k = `${w.code}|${w.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
