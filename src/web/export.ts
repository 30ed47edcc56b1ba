/**
 * Every table a page shows can be taken away: the same rows as CSV (UTF-8 with BOM, so Excel opens Chinese
 * right) or JSON. The page builds a Table once; the HTML, the CSV and the JSON are three views of it.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export type CellValue = string | number | boolean | null;
export interface Column {
  key: string;
  label: string;
}
export interface Table {
  /** File name without extension (ASCII: it goes into Content-Disposition). */
  name: string;
  columns: Column[];
  rows: Array<Record<string, CellValue>>;
}

export const FormatSchema = z.enum(['html', 'csv', 'json']).default('html');
export type Format = z.infer<typeof FormatSchema>;

/** A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is written with a leading '. */
function csvCell(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(t: Table): string {
  const lines = [t.columns.map((c) => csvCell(c.label)).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvCell(r[c.key] ?? null)).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function toJson(t: Table): string {
  return JSON.stringify({ columns: t.columns, rows: t.rows });
}

export function sendTable(reply: FastifyReply, t: Table, format: 'csv' | 'json') {
  if (format === 'csv') {
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${t.name}.csv"`)
      .send(toCsv(t));
  }
  return reply.type('application/json; charset=utf-8').send(toJson(t));
}
