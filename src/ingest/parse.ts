/**
 * Text → ParsedReport. Pure: no I/O. Composes the stages; each stage lives in its own folder:
 *   identity/  agency, year, title, website, publication date
 *   tables/    table 二, 三, 四 (2019/2021) and the pre-2019 statistics table; fused digit runs
 *   prose/     figures stated in sentences (§F)
 *   checks/    the format's identities and prose-vs-table cross-checks → warnings
 */
import type { ParseResult, ParsedReport, Figure, ReportWarning } from './model.ts';
import type { ReportDocument } from './text/document.ts';
import { readIdentity } from './identity/identity.ts';
import { detectFormat } from './tables/format.ts';
import { parseTables } from './tables/tables.ts';
import { extractProseFigures } from './prose/prose.ts';
import { checkReport } from './checks/checks.ts';

export function parseDocument(doc: ReportDocument): ParseResult {
  const identity = readIdentity(doc);
  if (!identity.ok) return identity;
  const format = detectFormat(doc);
  const tables = parseTables(doc, format);
  const prose = extractProseFigures(doc, format);
  const figures: Figure[] = [...tables.figures, ...prose.figures];
  const warnings: ReportWarning[] = [
    ...identity.warnings,
    ...tables.warnings,
    ...prose.warnings,
    ...checkReport({ doc, format, figures }),
  ];
  const report: ParsedReport = {
    ...identity.value,
    format,
    figures,
    warnings,
    lineCount: doc.lines.length,
  };
  return { ok: true, report };
}
