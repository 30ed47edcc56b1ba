/**
 * Child process of the benchmarks: ingest paths into an index and print one JSON line with the time,
 * outcome counts and this process's peak RSS (workers are threads, so theirs is included).
 *   node --import tsx bench/children/ingest.ts --db FILE --jobs N [--pool] PATH...
 * --jobs 1 parses in the writing thread; --pool, or --jobs > 1, parses on N worker threads (ingestPaths' `workers`).
 */
import { ingestPaths } from '../../src/ingest/ingest.ts';

const args = process.argv.slice(2);
const take = (name: string) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const db = take('db') ?? 'data/gongkai.db';
const jobs = Number(take('jobs') ?? 1);
const poolFlag = args.indexOf('--pool');
const pool = poolFlag >= 0 || jobs > 1;
if (poolFlag >= 0) args.splice(poolFlag, 1);
const started = performance.now();
const summary = await ingestPaths(args, { db, workers: pool ? jobs : 0 });
const ms = performance.now() - started;
const failCodes: Record<string, number> = {};
for (const f of summary.files) if (f.status === 'failed') failCodes[f.code] = (failCodes[f.code] ?? 0) + 1;
console.log(
  JSON.stringify({
    jobs,
    pool,
    ms,
    ingested: summary.ingested,
    failed: summary.failed,
    failCodes,
    totals: summary.totals,
    maxRssKb: process.resourceUsage().maxRSS,
    // CPU time of every thread of this process: on a shared machine, the cost that wall time hides.
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  }),
);
