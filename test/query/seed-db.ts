/**
 * The index the query tests run against: the real one from ingest (`buildSeedIndex()` in
 * test/helpers/seed-index.ts). If ingest cannot build it, the index is built from the hand-read gold
 * files instead (every cell and prose figure of the five seeds, with their lines and
 * verbatim quotes), so the query tests judge query and never depend on parser progress.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveAliases } from '../../src/catalogue/names.ts';
import { metricDef } from '../../src/catalogue/metrics.ts';
import { openIndex, openIndexForWrite, type Db } from '../../src/store/open.ts';
import { loadGold } from '../helpers/gold.ts';
import { buildSeedIndex } from '../helpers/seed-index.ts';

const WARNING_TEXT: Record<string, string> = {
  prose_table_mismatch: '报告正文与表格数字不一致',
};

export function buildGoldIndex(path = join(mkdtempSync(join(tmpdir(), 'gongkai-query-')), 'gold.db')): string {
  const db = openIndexForWrite(path);
  const insertAgency = db.prepare('INSERT INTO agencies(name, province, city, county) VALUES (?, ?, ?, ?)');
  const insertAlias = db.prepare('INSERT OR IGNORE INTO agency_aliases(alias, agency_id, kind) VALUES (?, ?, ?)');
  const insertReport = db.prepare(
    "INSERT INTO reports(file, sha256, agency_id, year, format, title, website, published, line_count, ingested_at) VALUES (?, '', ?, ?, ?, ?, ?, ?, ?, '2026-01-01')",
  );
  const insertFigure = db.prepare(
    `INSERT INTO figures(report_id, metric, applicant, row_label, col_label, value, cell, raw, unit, approximate, computed, origin, line, section, quote)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertWarning = db.prepare('INSERT INTO warnings(report_id, code, message, line, line2, metric) VALUES (?, ?, ?, ?, ?, ?)');
  const tx = db.transaction(() => {
    for (const { gold, lines } of loadGold()) {
      const county = /^温州市(.+?区)/.exec(gold.agency)?.[1] ?? null;
      const parts = { name: gold.agency, province: '浙江省', city: '温州市', county };
      const agencyId = Number(insertAgency.run(parts.name, parts.province, parts.city, parts.county).lastInsertRowid);
      for (const a of deriveAliases(parts)) insertAlias.run(a.alias, agencyId, a.kind);
      const title = `${gold.agency}${gold.year}年政府信息公开工作年度报告`;
      const reportId = Number(
        insertReport.run(gold.file, agencyId, gold.year, gold.format, title, gold.website ?? null, gold.published ?? null, lines.length).lastInsertRowid,
      );
      const sectionOf = (line: number) => {
        for (let i = line - 1; i >= 0; i--) if (/^[#\s]*[一二三四五六]、[^\d\t]{2,40}$/.test((lines[i] ?? '').trim())) return lines[i]!.replace(/^[#\s]+/, '').trim();
        return null;
      };
      const unit = (m: string) => metricDef(m)?.unit ?? '件';
      for (const c of gold.cells) {
        insertFigure.run(reportId, c.metric, c.applicant, c.metric, c.applicant ?? '', c.cell === 'dash' ? null : c.value, c.cell,
          c.cell === 'dash' ? '—' : String(c.value ?? ''), unit(c.metric), 0, c.computed ? 1 : 0, 'table', c.line, sectionOf(c.line), lines[c.line - 1] ?? '');
      }
      for (const p of gold.prose) {
        insertFigure.run(reportId, p.metric, p.applicant, p.metric, '', p.value, 'number', String(p.value), unit(p.metric),
          p.approximate ? 1 : 0, 0, 'prose', p.line, sectionOf(p.line), lines[p.line - 1] ?? '');
      }
      for (const w of gold.warnings) {
        if (w.code.endsWith('.*')) continue;
        const msg = `${WARNING_TEXT[w.code] ?? w.code}（第${w.line}行 / 第${w.line2}行）`;
        insertWarning.run(reportId, w.code, msg, w.line ?? null, w.line2 ?? null, w.metric ?? null);
      }
    }
  });
  tx();
  db.close();
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
