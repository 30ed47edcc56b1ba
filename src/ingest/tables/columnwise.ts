/**
 * pdftotext without -layout prints a table's values one per line, and where the PDF grouped cells it
 * prints a group column by column: k rows × 7 columns come out as seven runs of k consecutive lines,
 * each run one column ("1 0 0 0 0 1 1 0 10 3" = the 自然人 column of ten rows), while labels drift
 * elsewhere. Rows are then in table order, but no longer next to their labels.
 *
 * This module recovers the rows from that run structure alone; the caller accepts the result only when
 * the whole table then satisfies every identity.
 */
import type { ReportDocument } from '../text/document.ts';
import { withOcrZeros, type Region, type Token } from './cells.ts';

/**
 * Rows of `width` cells printed apart from their labels: labels first, then the values — one value per
 * line in column runs (see above), one row per line, or one column per line. Null when the region is
 * not printed in one of these ways; `rowCount` is the number of rows the form has.
 */
export function readDetached(doc: ReportDocument, region: Region, width: number, rowCount: number): Token[][] | null {
  const values = region.tokens.filter((t) => t.kind !== 'blank');
  if (values.length !== width * rowCount) return null;
  const byLine = new Map<number, Token[]>();
  for (const t of values) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  // Only lines that hold nothing but values.
  for (const [line, ts] of byLine) {
    const rest = ts.reduce((s, t) => s.replace(t.raw, ''), withOcrZeros(doc.norm[line]));
    if (rest.replace(/[\s|]/gu, '') !== '') return null;
  }
  const lines = [...byLine.values()];
  // One value per line: column runs when they form blocks; else, if nothing separates the values,
  // simply rows of `width` in order (the caller's identities decide whether that reading holds).
  if (lines.every((ts) => ts.length === 1)) return readColumnRuns(values, width) ?? chunk(values, width);
  if (lines.length === rowCount && lines.every((ts) => ts.length === width)) return lines;
  if (lines.length === width && lines.every((ts) => ts.length === rowCount)) {
    return Array.from({ length: rowCount }, (_, r) => lines.map((col) => col[r]));
  }
  return null;
}

function chunk(values: Token[], width: number): Token[][] {
  return Array.from({ length: values.length / width }, (_, r) => values.slice(r * width, r * width + width));
}

function readColumnRuns(values: Token[], width: number): Token[][] | null {
  // Runs: values on consecutive lines.
  const runs: Token[][] = [];
  for (const t of values) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].line === t.line - 1) last.push(t);
    else runs.push([t]);
  }
  // Blocks: `width` consecutive runs of equal length k = k rows, one run per column.
  const rows: Token[][] = [];
  for (let i = 0; i < runs.length; i += width) {
    const block = runs.slice(i, i + width);
    const k = block[0].length;
    if (block.length !== width || block.some((r) => r.length !== k)) return null;
    for (let r = 0; r < k; r++) rows.push(block.map((col) => col[r]));
  }
  return rows;
}
