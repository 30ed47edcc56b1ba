import type { ReportDocument } from '../text/document.ts';
import type { Figure, ReportFormat, ReportWarning } from '../model.ts';

export interface StageOutput {
  figures: Figure[];
  warnings: ReportWarning[];
}

// Placeholder: implemented by the tables work (table 二/三/四 and the pre-2019 statistics table).
export function parseTables(_doc: ReportDocument, _format: ReportFormat): StageOutput {
  return { figures: [], warnings: [] };
}
