/**
 * npm run bench [-- --only ingest,ask,http,memory,accuracy] [--quick]
 *
 * Runs the benchmarks, prints their figures, and writes them into docs/performance.md (each benchmark
 * replaces its own section; the others keep their last figures). Not part of npm test.
 */
import { resolve } from 'node:path';
import { benchAccuracy } from './accuracy.ts';
import { benchAsk } from './ask.ts';
import { benchHttp } from './http.ts';
import { benchIngest } from './ingest.ts';
import { benchMemory } from './memory.ts';
import { BENCH_DIR } from './lib/cache.ts';
import type { BenchContext } from './lib/context.ts';
import { updatePerformanceDoc, type Section } from './lib/doc.ts';
import { describeMachine, machineLine } from './lib/machine.ts';

const BENCHES: Record<string, (ctx: BenchContext) => Promise<Section>> = {
  ingest: benchIngest,
  ask: benchAsk,
  http: benchHttp,
  memory: benchMemory,
  accuracy: benchAccuracy,
};

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const only = onlyArg ? onlyArg.split(',').map((s) => s.trim()).filter(Boolean) : Object.keys(BENCHES);
const unknown = only.filter((b) => !BENCHES[b]);
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (choose from ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}

const machine = describeMachine();
const ctx: BenchContext = { quick, machine, log: (s) => console.error(`  ${s}`) };
const docPath = resolve(import.meta.dirname, '..', 'docs', 'performance.md');
const intro = `# Performance

Measured by \`npm run bench\` (\`bench/run.ts\`; one file per benchmark in \`bench/\`). Each section below says how it was
measured and when; re-run a benchmark to replace its section (\`npm run bench -- --only ask\`). \`--quick\` runs smaller
inputs (1,000-report ingest and accuracy corpora, a 10,000-report "large" index) so a run fits in a few minutes.

Inputs are generated, never downloaded: \`npm run gen:corpus -- --agencies N --years 2015-2025 --out DIR [--seed S]\` writes
realistic reports (every format, layout, encoding and kind of extraction damage in report-format.md §G, in realistic
proportions; names from the GB/T 2260 gazetteer) each beside a \`.truth.json\` sidecar with its true identity and every true
cell with its line. The benchmarks cache corpora and indexes under \`${BENCH_DIR.replace(process.env.HOME ?? '~', '~')}\` ($GONGKAI_BENCH_DIR).

Machine (last run): ${machineLine(machine)}. This machine is shared by several engineers' processes: a load average
above the core count means the figures below are lower bounds.
`;

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
