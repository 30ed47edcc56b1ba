import type { ReportDocument } from '../text/document.ts';
import type { ReportFormat } from '../model.ts';
import type { StageOutput } from '../tables/tables.ts';

// Placeholder: implemented by the prose work.
export function extractProseFigures(_doc: ReportDocument, _format: ReportFormat): StageOutput {
  return { figures: [], warnings: [] };
}
