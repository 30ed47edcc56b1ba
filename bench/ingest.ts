/**
 * Ingest benchmark: reports/s on generated reports, single-threaded and on a worker pool using every
 * core; index size per report; peak RSS. Full mode also times the 100,000-report index build.
 * Each ingest runs in its own child process so its peak memory is its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { processFile } from '../src/ingest/process-file.ts';
import { BENCH_DIR, SEED, corpus, indexPath, ingestInChild, type IngestRun } from './lib/cache.ts';
import type { BenchContext } from './lib/context.ts';
import type { Section } from './lib/doc.ts';
import { int } from './lib/stats.ts';

function row(label: string, r: IngestRun, cores: number): string {
  const perSec = r.ingested / (r.ms / 1000);
  const fails = Object.entries(r.failCodes).map(([k, v]) => `${k} ${v}`).join(', ');
  return `| ${label} | ${int(r.ingested + r.failed)} | ${(r.ms / 1000).toFixed(1)} s | **${int(perSec)}** | ${int(perSec / cores)} | ${(r.cpuMs / (r.ingested + r.failed)).toFixed(2)} ms | ${(r.dbBytes / r.totals.reports / 1024).toFixed(1)} KB | ${int(r.totals.figures / Math.max(1, r.totals.reports))} | ${(r.maxRssKb / 1024).toFixed(0)} MB | ${r.failed}${fails ? ` (${fails})` : ''} |`;
}

export async function benchIngest(ctx: BenchContext): Promise<Section> {
  const n = ctx.quick ? 1_000 : 10_000;
  const cores = availableParallelism();
  const c = corpus(n, ctx.log);

  // Parse alone (no index), in this process: separates parsing from writing.
  const sample = c.files.slice(0, Math.min(1_000, c.files.length));
  const bytes = sample.map((f) => readFileSync(f));
  for (let i = 0; i < Math.min(100, sample.length); i++) processFile(sample[i], bytes[i]);
  const t0 = performance.now();
  for (let i = 0; i < sample.length; i++) processFile(sample[i], bytes[i]);
  const parseMs = performance.now() - t0;
  ctx.log(`parse only: ${int(sample.length / (parseMs / 1000))} reports/s`);

  ctx.log(`ingest ${n} reports, 1 thread…`);
  const single = ingestInChild(c, join(BENCH_DIR, `ingest-1-${n}.db`), 1);
  ctx.log(`  ${int(single.ingested / (single.ms / 1000))} reports/s`);
  // One worker parsing while the main thread writes also keeps two cores busy, with one fewer thread.
  ctx.log(`ingest ${n} reports, 1 worker + the writing thread…`);
  const oneWorker = ingestInChild(c, join(BENCH_DIR, `ingest-pool1-${n}.db`), 1, true);
  ctx.log(`  ${int(oneWorker.ingested / (oneWorker.ms / 1000))} reports/s`);
  ctx.log(`ingest ${n} reports, ${cores} workers…`);
  const pooled = ingestInChild(c, indexPath(c), cores);
  ctx.log(`  ${int(pooled.ingested / (pooled.ms / 1000))} reports/s`);

  let big: IngestRun | null = null;
  if (!ctx.quick) {
    const c100 = corpus(100_000, ctx.log);
    ctx.log(`ingest 100,000 reports, ${cores} workers…`);
    big = ingestInChild(c100, indexPath(c100), cores);
    ctx.log(`  ${(big.ms / 60000).toFixed(1)} min`);
  }

  const perCore = single.ingested / (single.ms / 1000);
  const lines = [
    '## Ingest',
    '',
    `Method: \`npm run bench -- --only ingest${ctx.quick ? ' --quick' : ''}\`. A corpus of ${int(n)} generated reports (\`bench/gen-corpus.ts\`, seed ${SEED}, 2015–2025,`,
    'every format, layout, damage and encoding in the generator\'s proportions) is ingested into a fresh index by `ingestPaths`',
    `(1 thread) and by \`ingestPaths\` with \`jobs\` (\`src/ingest/pool.ts\`: worker_threads parse, main thread writes, ${cores} workers),`,
    'each in its own child process; reports/s counts ingested reports over wall time including reading, hashing, parsing and',
    'writing; CPU / report is the child\'s user+system time (all threads) per file; peak memory is the child\'s maxRSS',
    '(worker threads included).',
    '',
    '| run | files | wall time | reports/s | per core | CPU / report | index size / report | figures / report | peak RSS | failed |',
    '|---|---|---|---|---|---|---|---|---|---|',
    row('1 thread (`ingestPaths`)', single, 1),
    row('1 worker + writing thread', oneWorker, cores),
    row(`${cores} workers + writing thread`, pooled, cores),
    ...(big ? [row(`100,000 reports, ${cores} workers`, big, cores)] : []),
    '',
    `Parsing alone (\`processFile\`, no index, in-process, ${int(sample.length)} reports): **${int(sample.length / (parseMs / 1000))} reports/s** on one thread.`,
    '',
    `Targets: ≥ 500 reports/s per core — ${perCore >= 500 ? 'met' : `**missed** (${int(perCore)}/s on one thread)`};`,
    big
      ? `100,000-report index in < 5 min — ${big.ms < 300_000 ? 'met' : '**missed**'} (${(big.ms / 60000).toFixed(1)} min); < 50 KB per report — ${big.dbBytes / big.totals.reports < 50 * 1024 ? 'met' : '**missed**'} (${(big.dbBytes / big.totals.reports / 1024).toFixed(1)} KB).`
      : `100,000-report build: not run in --quick mode; < 50 KB per report — ${single.dbBytes / single.totals.reports < 50 * 1024 ? 'met' : '**missed**'} at ${int(n)} reports.`,
  ];
  return { id: 'ingest', body: lines.join('\n') };
}
