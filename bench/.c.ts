import { processFile } from '../src/ingest/process-file.ts';
import { readFileSync } from 'node:fs';
import { corpus } from './lib/cache.ts';
import { serialize, deserialize } from 'node:v8';
const c = corpus(1000);
const rs = c.files.map((f) => processFile(f, readFileSync(f)));
for (let k = 0; k < 3; k++) {
  let t = performance.now(); for (const r of rs) deserialize(serialize(r)); const a = performance.now() - t;
  t = performance.now(); let s = 0; for (const r of rs) { const j = JSON.stringify(r); s += j.length; JSON.parse(j); } const b = performance.now() - t;
  t = performance.now(); for (const r of rs) JSON.stringify(r); const b1 = performance.now() - t;
  console.log('v8 clone', Math.round(a), 'ms; json', Math.round(b), 'ms (stringify', Math.round(b1), ') per 1000; avg json', Math.round(s / rs.length), 'chars');
}
