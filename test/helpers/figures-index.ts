/**
 * A small index written straight through the index writer from reports described by their figures —
 * no report text to parse — so tests of questions across agencies can say exactly which agency holds
 * which value in which cell state (a dash, a blank, an undecided cell, a figure computed from its parts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openIndexWriter } from '../../src/ingest/store/writer.ts';
import type { Figure, ParsedReport } from '../../src/ingest/model.ts';

export interface CellSpec {
  metric: string;
  /** A number, '—' (dash), '' (blank) or '?' (undecided). */
  value: number | '—' | '' | '?';
  applicant?: string | null;
  origin?: 'table' | 'prose';
}
export interface ReportSpec {
  name: string;
  province: string | null;
  city: string | null;
  county: string | null;
  year: number;
  cells: CellSpec[];
}

function figure(c: CellSpec, n: number): Figure {
  const cell = c.value === '—' ? 'dash' : c.value === '' ? 'blank' : c.value === '?' ? 'undecided' : 'number';
  return {
    metric: c.metric,
    applicant: c.applicant ?? null,
    cumulative: false,
    rowLabel: c.metric,
    colLabel: c.applicant ?? '总计',
    value: typeof c.value === 'number' ? c.value : null,
    cell,
    raw: String(c.value),
    unit: '件',
    approximate: false,
    computed: false,
    origin: c.origin ?? 'table',
    // One line per cell: a citation names exactly the cell read.
    source: { line: n + 10, section: '四、行政复议、行政诉讼情况', quote: `${c.metric} ${String(c.value)}` },
  };
}

/** Write the reports into a fresh index (one file name per report) and return its path. */
export function buildFiguresIndex(reports: ReportSpec[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-figures-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'gongkai.db');
  const writer = openIndexWriter(db);
  reports.forEach((r, i) => {
    const parsed: ParsedReport = {
      agency: { name: r.name, province: r.province, city: r.city, county: r.county, divisionCode: null, line: 1 },
      year: r.year,
      format: '2021',
      title: `${r.name}${r.year}年政府信息公开工作年度报告`,
      website: null,
      published: null,
      figures: r.cells.map(figure),
      warnings: [],
      lineCount: 100,
    };
    writer.writeReport(`reports/${i}.txt`, `sha${i}`, parsed);
  });
  writer.commit();
  return db;
}
