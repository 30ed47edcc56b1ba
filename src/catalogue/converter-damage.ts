/**
 * What document converters (PDF → Markdown/Word/HTML) put into tables that the report never printed.
 * Data, read by the table readers.
 */

/**
 * Placeholder column headers a converter writes for columns it could not name ("数据1" … "数据6",
 * "列1", "Column 2"). A row of them — at the top or invented mid-table at a page break — holds no values.
 */
export const PLACEHOLDER_HEADER_CELL = /^(?:数据|列|字段|Column|Col|Field)\s*\d{1,2}$/iu;

/** A row with at least this many placeholder cells is a converter's header row. */
export const MIN_PLACEHOLDER_CELLS = 2;

/** True when a line's cells (tab or pipe separated, or blank-separated) are a converter's header row. */
export function isPlaceholderHeaderRow(line: string): boolean {
  const cells = line.includes('|') ? line.split('|') : line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/u);
  let n = 0;
  for (const c of cells) if (PLACEHOLDER_HEADER_CELL.test(c.trim()) && ++n >= MIN_PLACEHOLDER_CELLS) return true;
  return false;
}
