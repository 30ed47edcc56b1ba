import type { ReportDocument } from '../text/document.ts';
import type { Figure, ReportFormat, ReportWarning } from '../model.ts';

// Placeholder: implemented by the checks work.
export function checkReport(_input: { doc: ReportDocument; format: ReportFormat; figures: Figure[] }): ReportWarning[] {
  return [];
}
