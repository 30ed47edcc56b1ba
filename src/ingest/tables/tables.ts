import type { ReportDocument } from '../text/document.ts';
import type { Figure, ReportFormat, ReportWarning } from '../model.ts';

export interface StageOutput {
  figures: Figure[];
  warnings: ReportWarning[];
}

import { parsePre2019Table } from './pre2019.ts';

// Placeholder: implemented by the tables work (table 二/三/四); the pre-2019 table has its own file.
export function parseTables(doc: ReportDocument, format: ReportFormat): StageOutput {
  if (format === 'pre-2019') return parsePre2019Table(doc);
  return { figures: [], warnings: [] };
}
