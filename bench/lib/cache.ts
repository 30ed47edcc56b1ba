/**
 * Benchmark inputs, built once and reused across runs: generated corpora and the indexes built from
 * them, under $GONGKAI_BENCH_DIR (default: the OS temp dir /gongkai-bench). Never inside the project.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { generateCorpus } from '../gen-corpus.ts';
import type { DocumentShares } from '../corpus/documents.ts';
import { SCHEMA_SQL, SCHEMA_VERSION } from '../../src/store/schema.ts';

export const BENCH_DIR = resolve(process.env.GONGKAI_BENCH_DIR ?? join(tmpdir(), 'gongkai-bench'));
export const SEED = 20261122;
export const YEARS = { from: 2015, to: 2025 };
const PROJECT = resolve(import.meta.dirname, '..', '..');

export interface Corpus {
  dir: string;
  reports: number;
  /** Report paths as the index stores them (dir + relative path). */
  files: string[];
  /** Sidecar path for each report, same order. */
  truths: string[];
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(PROJECT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Corpora are keyed by the generator's source, so a changed generator never reuses an old corpus. */
function generatorVersion(): string {
  const h = createHash('sha256');
  for (const f of [...sourcesUnder('bench/corpus'), join(PROJECT, 'bench/gen-corpus.ts')]) h.update(readFileSync(f));
  return h.digest('hex').slice(0, 8);
}

/** Newest change to the code that builds an index: an index older than this is rebuilt. */
function pipelineStamp(): number {
  return Math.max(...['src/ingest', 'src/store', 'src/catalogue'].flatMap(sourcesUnder).map((f) => statSync(f).mtimeMs));
}

/**
 * A generated corpus of `reports` reports (11 years per agency), generated on first use. With
 * `documents`, some web-page reports are rewritten as PDF and .docx files (bench/corpus/documents.ts, in a
 * child process: Chromium and LibreOffice are driven asynchronously) — a corpus of its own.
 */
export function corpus(reports: number, log: (s: string) => void = () => {}, opts: { documents?: DocumentShares } = {}): Corpus {
  const docs = opts.documents;
  const dir = join(BENCH_DIR, `corpus-${reports}-${SEED}-${generatorVersion()}${docs ? `-pdf${docs.pdf}-docx${docs.docx}` : ''}`);
  const years = YEARS.to - YEARS.from + 1;
  const done = join(dir, docs ? 'documents.json' : 'corpus.json');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    log(`generating ${reports} reports → ${dir}`);
    const s = generateCorpus({ agencies: Math.ceil(reports / years), ...YEARS, out: dir, seed: SEED, limit: reports });
    log(`  generated in ${(s.ms / 1000).toFixed(1)} s (${Math.round(s.reports / (s.ms / 1000))} reports/s)`);
    if (docs) {
      const started = performance.now();
      execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT, 'bench/children/documents.ts'), dir, String(docs.pdf), String(docs.docx)], {
        cwd: PROJECT,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      log(`  PDF and .docx files written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }
  const rows = readFileSync(join(dir, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  return { dir, reports: rows.length, files: rows.map((r) => join(dir, r[0])), truths: rows.map((r) => join(dir, r[1])) };
}

export interface IngestRun {
  jobs: number;
  ms: number;
  ingested: number;
  failed: number;
  failCodes: Record<string, number>;
  totals: { reports: number; figures: number; warnings: number };
  maxRssKb: number;
  /** CPU time of all the child's threads. */
  cpuMs: number;
  dbBytes: number;
  db: string;
}

/** Ingest a corpus into `db` in a child process (so its peak memory is its own). */
export function ingestInChild(c: Corpus, db: string, jobs: number, pool = jobs > 1): IngestRun {
  for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
  const args = ['--import', 'tsx', join(PROJECT, 'bench/children/ingest.ts'), '--db', db, '--jobs', String(jobs), ...(pool ? ['--pool'] : []), c.dir];
  const out = execFileSync(process.execPath, args, {
    cwd: PROJECT,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const run = JSON.parse(out.trim().split('\n').pop()!) as Omit<IngestRun, 'dbBytes' | 'db'>;
  return { ...run, db, dbBytes: statSync(db).size };
}

/**
 * Where the index of a corpus is cached: one file per schema version. A server started over an index of
 * another version rebuilds it from its reports folder — for a benchmark server, an empty folder — so an
 * index of an older schema must never be handed to it under the current name. The schema's text is in the
 * name too: two branches that each bump the version to the same number never share a cached index.
 */
export function indexPath(c: Corpus): string {
  const schema = createHash('sha256').update(SCHEMA_SQL).digest('hex').slice(0, 6);
  return join(BENCH_DIR, `index-${basename(c.dir)}-v${SCHEMA_VERSION}-${schema}.db`);
}

/**
 * The index of a corpus, built with `jobs` workers if not built yet — or, with `fresh`, if the ingest
 * code changed since it was built (accuracy wants today's parser; ask and memory only need an index).
 */
export function corpusIndex(c: Corpus, log: (s: string) => void = () => {}, opts: { jobs?: number; fresh?: boolean } = {}): string {
  const jobs = opts.jobs ?? 2;
  mkdirSync(BENCH_DIR, { recursive: true });
  const db = indexPath(c);
  if (!existsSync(db) || (opts.fresh && statSync(db).mtimeMs < pipelineStamp())) {
    log(`ingesting ${c.reports} reports → ${db}`);
    const r = ingestInChild(c, db, jobs);
    log(`  ${r.ingested} ingested, ${r.failed} failed in ${(r.ms / 1000).toFixed(1)} s`);
  }
  return db;
}

/** The seed index (data/reports). */
export function seedIndex(): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const db = join(BENCH_DIR, 'seed.db');
  if (!existsSync(db) || statSync(db).mtimeMs < pipelineStamp()) {
    for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT, 'bench/children/ingest.ts'), '--db', db, '--jobs', '1', join(PROJECT, 'data/reports')], {
      cwd: PROJECT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    void out;
  }
  return db;
}
