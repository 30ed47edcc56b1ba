/**
 * npm run bench [-- --only ingest,ask,http,scale,webhook,memory,accuracy,real,pdf] [--quick] [--pdf-dir DIR] [-- REAL_FOLDERS…]
 *
 * Runs the benchmarks, prints their figures, and writes them into docs/performance.md (each benchmark
 * replaces its own section; the others keep their last figures). Not part of npm test.
 */
import { resolve } from 'node:path';
import { benchAccuracy } from './accuracy.ts';
import { benchAsk } from './ask.ts';
import { benchHttp, benchScale } from './http.ts';
import { benchIngest } from './ingest.ts';
import { benchMemory } from './memory.ts';
import { benchReal } from './real.ts';
import { benchPdf, pdfDir } from './pdf.ts';
import { benchWebhook } from './webhook.ts';
import { BENCH_DIR } from './lib/cache.ts';
import type { BenchContext } from './lib/context.ts';
import { updatePerformanceDoc, type Section } from './lib/doc.ts';
import { describeMachine, machineLine } from './lib/machine.ts';
import { introText } from './lib/intro.ts';

const BENCHES: Record<string, (ctx: BenchContext) => Promise<Section>> = {
  ingest: benchIngest,
  ask: benchAsk,
  http: benchHttp,
  scale: benchScale,
  webhook: benchWebhook,
  memory: benchMemory,
  accuracy: benchAccuracy,
  real: benchReal,
  pdf: benchPdf,
};

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
// The real-report benchmark needs folders of reports (never bundled): by default it runs only when given some.
const realGiven = argv.includes('--') || Boolean(process.env.GONGKAI_REAL_REPORTS);
// The PDF benchmark needs real PDFs too (--pdf-dir, or ../shared/samples/pdf beside the checkout).
const pdfGiven = pdfDir() !== null;
const only = onlyArg
  ? onlyArg.split(',').map((s) => s.trim()).filter(Boolean)
  : Object.keys(BENCHES).filter((b) => (b !== 'real' || realGiven) && (b !== 'pdf' || pdfGiven));
const unknown = only.filter((b) => !BENCHES[b]);
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (choose from ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}

const machine = describeMachine();
const ctx: BenchContext = { quick, machine, log: (s) => console.error(`  ${s}`) };
const docPath = resolve(import.meta.dirname, '..', 'docs', 'performance.md');
const intro = introText(machine);

console.error(`gongkai benchmarks${quick ? ' (quick)' : ''}: ${only.join(', ')} — ${machineLine(machine)}`);
const sections: Section[] = [];
for (const id of only) {
  console.error(`\n[${id}]`);
  const started = performance.now();
  try {
    const section = await BENCHES[id](ctx);
    const stamp = `\n\n_Run ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}${quick ? ' (--quick)' : ''} in ${((performance.now() - started) / 1000).toFixed(0)} s; load average at start ${machine.load}._`;
    section.body += stamp;
    sections.push(section);
    console.log(`\n${section.body}\n`);
    updatePerformanceDoc(docPath, intro, [section]);
  } catch (err) {
    console.error(`[${id}] failed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  }
}
console.error(`\ndocs/performance.md updated (${sections.map((s) => s.id).join(', ') || 'nothing'}).`);
