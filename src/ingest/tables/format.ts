import type { ReportDocument } from '../text/document.ts';
import type { ReportFormat } from '../model.ts';

// Placeholder: implemented by the tables work.
export function detectFormat(_doc: ReportDocument): ReportFormat {
  return 'narrative';
}
