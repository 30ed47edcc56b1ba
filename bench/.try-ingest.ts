import { ingestPaths } from '../src/ingest/ingest.ts';
import { ingestPathsParallel } from '../src/ingest/pool.ts';
import { rmSync } from 'node:fs';
const dir = process.argv[2];
for (const jobs of [1, 2]) {
  const db = `/tmp/gk_try_${jobs}.db`;
  rmSync(db, { force: true });
  const t = performance.now();
  const s = jobs === 1 ? await ingestPaths([dir], { db }) : await ingestPathsParallel([dir], { db, jobs });
  const ms = performance.now() - t;
  const fails = new Map<string, number>();
  for (const f of s.files) if (f.status === 'failed') fails.set(f.code, (fails.get(f.code) ?? 0) + 1);
  console.log(jobs, s.ingested, s.failed, [...fails], Math.round(ms), 'ms', Math.round(s.ingested / (ms / 1000)), 'reports/s', s.totals);
}
