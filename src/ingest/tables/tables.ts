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

/** Tables 二, 三 and 四 of a 2019/2021 report; the pre-2019 statistics table has its own parser. */
export function parseTables(doc: ReportDocument, format: ReportFormat, regions?: TableRegions, prose: readonly Figure[] = []): StageOutput {
  if (format === 'pre-2019') return parsePre2019Table(doc, prose);
  if (format === 'narrative') return { figures: [], warnings: [] };
  regions ??= locateTables(doc);
  const parts: StageOutput[] = [];
  if (regions.t2) parts.push(parseTable2(doc, regions.t2[0], regions.t2[1], format));
  if (regions.t3) parts.push(parseTable3(doc, regions.t3[0], regions.t3[1], format));
  if (regions.t4) parts.push(parseTable4(doc, regions.t4[0], regions.t4[1]));
  return { figures: parts.flatMap((p) => p.figures), warnings: parts.flatMap((p) => p.warnings) };
}
