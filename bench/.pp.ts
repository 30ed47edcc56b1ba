import { ingestPathsParallel } from '../src/ingest/pool.ts';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { rmSync } from 'node:fs';
const [dir, mode] = process.argv.slice(2);
const db = `/tmp/gk_pp_${mode}.db`;
rmSync(db, { force: true });
const t = performance.now();
const s = mode === 'single' ? await ingestPaths([dir], { db }) : await ingestPathsParallel([dir], { db, jobs: Number(mode) });
console.log(mode, Math.round(s.ingested / ((performance.now() - t) / 1000)), 'reports/s');
