import type { ReportDocument } from '../text/document.ts';
import type { StageOutput } from './tables.ts';

// Placeholder: implemented by the pre-2019 work (national 统计表 and the Fujian variant).
export function parsePre2019Table(_doc: ReportDocument): StageOutput {
  return { figures: [], warnings: [] };
}
