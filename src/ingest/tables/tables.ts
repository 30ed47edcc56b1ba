import type { ReportDocument } from '../text/document.ts';
import type { Figure, ReportFormat, ReportWarning } from '../model.ts';

export interface StageOutput {
  figures: Figure[];
  warnings: ReportWarning[];
}

import { parsePre2019Table } from './pre2019.ts';
import { locateTables, type TableRegions } from './regions.ts';
import { parseTable2 } from './table2.ts';
import { parseTable3 } from './table3.ts';
import { parseTable4 } from './table4.ts';

/**
 * In a body split out of squeezed lines (crawled pages), a table ends where sentences begin again: the
 * report's prose after a table ("2025年，我局…。") lies inside the region up to the next heading, and
 * its numbers must not be read as the table's last cells. Laid-out text keeps its regions as found.
 */
export function endAtProse(doc: ReportDocument, regions: TableRegions): TableRegions {
  if (!doc.sourceColumn) return regions;
  const cut = (r: [number, number] | null): [number, number] | null => {
    if (!r) return r;
    for (let i = r[0] + 1; i < r[1]; i++) if (doc.sourceColumn![i] && doc.norm[i].includes('。')) return [r[0], i];
    return r;
  };
  return { t2: cut(regions.t2), t3: cut(regions.t3), t4: cut(regions.t4) };
}

/** Tables 二, 三 and 四 of a 2019/2021 report; the pre-2019 statistics table has its own parser. */
export function parseTables(doc: ReportDocument, format: ReportFormat, regions?: TableRegions, prose: readonly Figure[] = []): StageOutput {
  if (format === 'pre-2019') return parsePre2019Table(doc, prose);
  if (format === 'narrative') return { figures: [], warnings: [] };
  regions = endAtProse(doc, regions ?? locateTables(doc));
  const parts: StageOutput[] = [];
  if (regions.t2) parts.push(parseTable2(doc, regions.t2[0], regions.t2[1], format, prose));
  if (regions.t3) parts.push(parseTable3(doc, regions.t3[0], regions.t3[1], format));
  if (regions.t4) parts.push(parseTable4(doc, regions.t4[0], regions.t4[1]));
  return { figures: parts.flatMap((p) => p.figures), warnings: parts.flatMap((p) => p.warnings) };
}
