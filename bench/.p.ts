import { createParsePool, parseInOrder } from '../src/ingest/pool.ts';
import { readFileSync } from 'node:fs';
import { corpus } from './lib/cache.ts';
const c = corpus(1000);
const files = c.files.map((f) => ({ path: f, bytes: readFileSync(f) }));
for (const jobs of [1, 2]) {
  const t0 = performance.now();
  const pool = createParsePool({ jobs });
  await pool.parse(files[0].path, files[0].bytes);
  await Promise.all(files.slice(1, 3).map((f) => pool.parse(f.path, f.bytes)));
  const t1 = performance.now();
  let n = 0;
  for await (const _ of parseInOrder(pool, files)) n++;
  const t2 = performance.now();
  console.log(`jobs ${jobs}: startup ${Math.round(t1 - t0)} ms, ${n} parsed in ${Math.round(t2 - t1)} ms = ${Math.round(n / ((t2 - t1) / 1000))}/s`);
  await pool.close();
}
