import { Worker } from 'node:worker_threads';
import { corpus } from './lib/cache.ts';
const c = corpus(1000);
const src = `
const { workerData, parentPort } = require('node:worker_threads');
import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(async (m) => { m.register();
  const { processFile } = await import(${JSON.stringify(new URL('../src/ingest/process-file.ts', import.meta.url).href)});
  const { readFileSync } = require('node:fs');
  const files = workerData.files; const bufs = files.map((f) => readFileSync(f));
  for (let r = 0; r < 2; r++) { const t = performance.now(); for (let i = 0; i < files.length; i++) processFile(files[i], bufs[i]); parentPort.postMessage(performance.now() - t); }
});`;
const w = new Worker(src, { eval: true, workerData: { files: c.files } });
w.on('message', (ms) => console.log('worker parse', Math.round(ms), 'ms', Math.round(1000 / (ms / 1000)), '/s'));
const { processFile } = await import('../src/ingest/process-file.ts');
