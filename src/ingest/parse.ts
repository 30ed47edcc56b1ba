/**
 * Text → ParsedReport. Pure: no I/O. Composes the stages; each stage lives in its own folder:
 *   identity/  agency, year, title, website, publication date
 *   tables/    table 二, 三, 四 (2019/2021) and the pre-2019 statistics table; fused digit runs
 *   prose/     figures stated in sentences (§F)
 *   checks/    the format's identities and prose-vs-table cross-checks → warnings
 */
import type { ParseResult, ParsedReport, Figure, ReportWarning } from './model.ts';
import { squeezedLines, type ReportDocument } from './text/document.ts';
import { readIdentity } from './identity/identity.ts';
import { detectFormat } from './tables/format.ts';
import { locateTables } from './tables/regions.ts';
import { parseTables } from './tables/tables.ts';
import { extractProseFigures } from './prose/prose.ts';
import { checkReport } from './checks/checks.ts';
import { parseTitle } from './identity/title.ts';
import { readDetails } from './identity/details.ts';
import { readUnitsSummed } from './prose/units-summed.ts';

/** A line that is nothing but a report's title ("温州市龙湾区人民政府2022年政府信息公开工作年度报告"). */
const WHOLE_TITLE = /^[^,;:。:，；：、]{4,40}(?:政府信息|政务信息|信息)公开(?:工作)?(?:年度)?(?:报告|年报)$/u;

/**
 * Where a second report begins when a file holds two (one pasted after the other): a whole-line title
 * naming an agency and a year, after the first report's section 一. Null when there is none. The second
 * report's tables and sentences must not become the first's figures.
 */
export function secondReportStart(doc: ReportDocument): number | null {
  let inBody = false;
  const squeezed = squeezedLines(doc);
  for (let i = 0; i < squeezed.length; i++) {
    const s = squeezed[i];
    if (!inBody) {
      inBody = /^一[、.．]/u.test(s);
      continue;
    }
    // (A title says 公开: most lines are spared WHOLE_TITLE's backtracking.)
    if (!s.includes('公开') || !WHOLE_TITLE.test(s)) continue;
    const t = parseTitle(s);
    if (t.isReportTitle && t.agency !== null && t.year !== null) return i;
  }
  return null;
}

function truncated(doc: ReportDocument, end: number): ReportDocument {
  return {
    lines: doc.lines.slice(0, end),
    norm: doc.norm.slice(0, end),
    sourceLine: doc.sourceLine.slice(0, end),
    section: doc.section.slice(0, end),
    ...(doc.sourceColumn ? { sourceColumn: doc.sourceColumn.slice(0, end) } : {}),
    ...(doc.sourcePage ? { sourcePage: doc.sourcePage.slice(0, end) } : {}),
  };
}

/**
 * A crawled page's header says when it was published and where: used only where the report's own text
 * is silent (its signature date and printed website come first).
 */
function pageFallbacks(id: { published: string | null; website: string | null }, doc: ReportDocument): { published: string | null; website: string | null } {
  const meta = doc.pageMeta;
  const date = meta?.published ? /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/u.exec(meta.published) : null;
  const published = id.published ?? (date ? `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}` : null);
  let website = id.website;
  if (!website && meta?.url) {
    try {
      const u = new URL(meta.url);
      if (u.protocol === 'http:' || u.protocol === 'https:') website = `${u.origin}/`;
    } catch {
      // not a URL: no website
    }
  }
  return { published, website };
}

export function parseDocument(whole: ReportDocument): ParseResult {
  const second = secondReportStart(whole);
  const doc = second === null ? whole : truncated(whole, second);
  // The signature block read for the agency is the first report's too.
  const identity = readIdentity(doc);
  if (!identity.ok) return identity;
  const cut: ReportWarning[] =
    second === null
      ? []
      : [
          {
            code: 'file.second_report',
            message: `第${whole.sourceLine[second]}行起是另一份报告（“${whole.lines[second].trim()}”），只读取了其前的第一份报告。`,
            line: whole.sourceLine[second],
            line2: null,
            metric: null,
          },
        ];
  const regions = locateTables(doc);
  const format = detectFormat(doc, regions);
  // The prose first: a squeezed table's ambiguous digit runs may be decided by what a sentence states.
  const prose = extractProseFigures(doc, format, identity.value.year);
  const tables = parseTables(doc, format, regions, prose.figures);
  const figures: Figure[] = [...tables.figures, ...prose.figures];
  const warnings: ReportWarning[] = [
    ...identity.warnings,
    ...cut,
    ...tables.warnings,
    ...prose.warnings,
    ...checkReport({ doc, format, figures }),
  ];
  const report: ParsedReport = {
    ...identity.value,
    ...pageFallbacks(identity.value, whole),
    format,
    figures,
    warnings,
    details: readDetails(doc, identity.value),
    unitsSummed: readUnitsSummed(doc),
    lineCount: whole.lines.length,
  };
  return { ok: true, report };
}
