import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTruth } from './bench/corpus/truth.ts';
import { judgeCell, ERROR_OUTCOMES } from './bench/accuracy.ts';
const dir = '/tmp/gongkai-bench/corpus-1000-20261122-84efb2fd';
const db = new Database('/tmp/gongkai-bench/index-corpus-1000-20261122-84efb2fd-v4-5b4613.db', { readonly: true });
const rows = readFileSync(join(dir, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const want = process.argv[2] ?? '';
const byReport = new Map<string, string[]>();
for (const [f, t] of rows) {
  const truth = parseTruth(readFileSync(join(dir, t), 'utf8'));
  const r = db.prepare('SELECT r.id, r.year, a.name FROM reports r JOIN agencies a ON a.id=r.agency_id WHERE r.file = ?').get(join(dir, f)) as any;
  if (!r) { console.log('NOT INDEXED', f); continue; }
  if (r.name !== truth.agency.name || r.year !== truth.year) { console.log('MISATTR', f, truth.layout, truth.damage.join(','), 'true', truth.agency.name, truth.year, 'got', r.name, r.year); continue; }
  const figs = db.prepare("SELECT metric, applicant, cumulative, value, cell, computed, line FROM cited_figures WHERE report_id = ? AND origin='table'").all(r.id) as any[];
  const warns = db.prepare('SELECT metric, line FROM warnings WHERE report_id = ?').all(r.id) as any[];
  for (const c of truth.cells) {
    const { outcome, got } = judgeCell(c, figs, warns);
    if (ERROR_OUTCOMES.includes(outcome) && truth.layout.includes(want)) {
      const k = `${f} ${truth.layout} ${truth.format} [${truth.damage.join(',')}]`;
      const l = byReport.get(k) ?? [];
      l.push(`${c.metric}/${c.applicant} ${c.raw}→${got ? got.cell + ':' + got.value : '—'} ${outcome}`);
      byReport.set(k, l);
    }
  }
}
for (const [k, l] of byReport) console.log(k, l.length, l.slice(0, 4).join(' | '));
