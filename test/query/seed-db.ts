/**
 * The index the query tests run against: the real one from ingest (`buildSeedIndex()` in
 * test/helpers/seed-index.ts). If ingest cannot build it, the index is built from the hand-read gold
 * files instead (every cell and prose figure of the five seeds, with their lines and
 * verbatim quotes), so the query tests judge query and never depend on parser progress.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metricDef } from '../../src/catalogue/metrics.ts';
import { openIndex, type Db } from '../../src/store/open.ts';
import { openIndexWriter } from '../../src/ingest/store/writer.ts';
import type { Figure, ReportWarning } from '../../src/ingest/model.ts';
import { loadGold } from '../helpers/gold.ts';
import { buildSeedIndex } from '../helpers/seed-index.ts';

const WARNING_TEXT: Record<string, string> = {
  prose_table_mismatch: '报告正文与表格数字不一致',
};

export function buildGoldIndex(path = join(mkdtempSync(join(tmpdir(), 'gongkai-query-')), 'gold.db')): string {
  const writer = openIndexWriter(path);
  for (const { gold, lines } of loadGold()) {
    const county = /^温州市(.+?区)/.exec(gold.agency)?.[1] ?? null;
    const sectionOf = (line: number) => {
      for (let i = line - 1; i >= 0; i--) if (/^[#\s]*[一二三四五六]、[^\d\t]{2,40}$/.test((lines[i] ?? '').trim())) return lines[i]!.replace(/^[#\s]+/, '').trim();
      return null;
    };
    const source = (line: number) => ({ line, section: sectionOf(line), quote: lines[line - 1] ?? '' });
    const unit = (m: string) => metricDef(m)?.unit ?? '件';
    const figures: Figure[] = [
      ...gold.cells.map((c) => ({
        metric: c.metric, applicant: c.applicant, cumulative: false, rowLabel: c.metric, colLabel: c.applicant ?? '',
        value: c.cell === 'dash' ? null : c.value, cell: c.cell, raw: c.cell === 'dash' ? '—' : String(c.value ?? ''),
        unit: unit(c.metric), approximate: false, computed: Boolean(c.computed), origin: 'table' as const, source: source(c.line),
      })),
      ...gold.prose.map((p) => ({
        metric: p.metric, applicant: p.applicant, cumulative: false, rowLabel: p.metric, colLabel: '',
        value: p.value, cell: 'number' as const, raw: String(p.value), unit: unit(p.metric), approximate: Boolean(p.approximate),
        computed: false, origin: 'prose' as const, source: source(p.line),
      })),
    ];
    const warnings: ReportWarning[] = gold.warnings
      .filter((w) => !w.code.endsWith('.*'))
      .map((w) => ({
        code: w.code, message: `${WARNING_TEXT[w.code] ?? w.code}（第${w.line}行 / 第${w.line2}行）`,
        line: w.line ?? null, line2: w.line2 ?? null, metric: w.metric ?? null,
      }));
    writer.writeReport(gold.file, `sha-of-${gold.file}`, {
      agency: { name: gold.agency, province: '浙江省', city: '温州市', county, divisionCode: null, line: null },
      year: gold.year, format: gold.format, title: `${gold.agency}${gold.year}年政府信息公开工作年度报告`,
      website: gold.website ?? null, published: gold.published ?? null, figures, warnings, lineCount: lines.length,
    });
  }
  writer.commit();
  return path;
}

/** Path of a seed index: ingest's (the real one), or the gold one when ingest cannot build it. */
export async function seedIndexPath(): Promise<{ path: string; from: 'ingest' | 'gold' }> {
  if (process.env.GONGKAI_QUERY_DB) return { path: process.env.GONGKAI_QUERY_DB, from: 'ingest' };
  try {
    return { path: await buildSeedIndex(), from: 'ingest' };
  } catch (err) {
    console.warn(`query tests: ingest could not build the seed index (${String(err)}); using the gold index`);
    return { path: buildGoldIndex(), from: 'gold' };
  }
}

export function openSeed(path: string): Db {
  return openIndex(path);
}
