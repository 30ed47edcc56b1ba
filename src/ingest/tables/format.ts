/**
 * Which table format a report uses — by the tables' own column headers and rows, never by its year or
 * the notice it cites (report-format.md §A, §B, §E).
 */
import { squeezedLines, type ReportDocument } from '../text/document.ts';
import type { ReportFormat } from '../model.ts';
import { locateTables, type TableRegions } from './regions.ts';
import { hasOtherHandlingSubrows } from './table3.ts';

/** Marker → format, first match wins; matched on whitespace-free text (headers break across lines). */
const TABLE2_HEADERS: [RegExp, ReportFormat][] = [
  [/本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|采购总金额/, '2019'],
  [/本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额/, '2021'],
];
const TABLE3_MARKERS = /本年度办理结果|勾稽关系|结转下年度继续办理/;
const TABLE3_ROWS = /予以公开|部分公开|不予公开|无法提供|不予处理|其他处理/g;
// The statistics table's own header; its title alone may only be cited ("附件：…统计表").
const PRE2019_HEADER = /统计指标|指标名称[\s\S]{0,80}(?:计量)?单位/;
const PRE2019_TITLE = /政府信息公开情况统计表/;
const UNIT_VALUE_ROW = /(条|件|个|人|次|篇|万元|人次)\s+\d+(\.\d+)?\s*$/u;

/** `regions`: the tables already located in `doc` (parseDocument locates them once for both stages). */
export function detectFormat(doc: ReportDocument, regions: TableRegions = locateTables(doc)): ReportFormat {
  const squeeze = (a: number, b: number) => squeezedLines(doc).slice(a, b).join('');
  if (regions.t2) {
    const t2 = squeeze(regions.t2[0], regions.t2[1]);
    for (const [re, format] of TABLE2_HEADERS) if (re.test(t2)) return format;
  }
  if (regions.t3) {
    const t3 = squeeze(regions.t3[0], regions.t3[1]);
    const rows = new Set(t3.match(TABLE3_ROWS) ?? []);
    if (TABLE3_MARKERS.test(t3) && rows.size >= 3) return hasOtherHandlingSubrows(t3) ? '2021' : '2019';
  }
  const all = squeeze(0, doc.norm.length);
  if (PRE2019_HEADER.test(all)) return 'pre-2019';
  if (PRE2019_TITLE.test(all) && doc.norm.filter((l) => UNIT_VALUE_ROW.test(l)).length >= 3) return 'pre-2019';
  return 'narrative';
}
