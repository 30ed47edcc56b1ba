/**
 * Memory benchmark: peak RSS of the real server (`node bin/gongkai.js serve`, as `npm start` runs it) holding the large index (100,000 generated reports;
 * 10,000 in --quick) while answering varied questions under load. The index stays on disk (SQLite).
 */
import { statSync } from 'node:fs';
import type { BenchContext } from './lib/context.ts';
import type { Section } from './lib/doc.ts';
import { corpus, corpusIndex } from './lib/cache.ts';
import { emptyReportsDir, memoryOf, serverEnv, startServe } from './lib/child.ts';
import { load } from './lib/load.ts';
import { knownQuestions, loadTruths } from './lib/questions.ts';
import { createRng } from './corpus/prng.ts';
import { int, mb } from './lib/stats.ts';
import { askPaths } from './http.ts';

export async function benchMemory(ctx: BenchContext): Promise<Section> {
  const n = ctx.quick ? 10_000 : 100_000;
  const c = corpus(n, ctx.log);
  const db = corpusIndex(c, ctx.log);
  const rng = createRng(21);
  const truths = loadTruths(Array.from({ length: 1_000 }, () => c.truths[rng.int(0, c.truths.length - 1)]));
  const questions = knownQuestions(truths, 1_000, 23).map((q) => q.question);
  const server = await startServe(serverEnv(db, emptyReportsDir()));
  let idle, after, result;
  try {
    idle = memoryOf(server.pid);
    result = await load(server.url, askPaths(questions), 100, ctx.quick ? 10 : 30);
    after = memoryOf(server.pid);
  } finally {
    await server.stop();
  }
  ctx.log(`server RSS: idle ${mb(idle.now)}, peak ${mb(after.peak)}`);
  const body = [
    '## Memory',
    '',
    `Method: \`npm run bench -- --only memory${ctx.quick ? ' --quick' : ''}\`. The real server as \`npm start\` runs it (\`node bin/gongkai.js serve\`, compiled dist/,`,
    `default \`LOG_LEVEL=info\`, one log line per question) in a child process over the index of ${int(n)} generated`,
    `reports (${mb(statSync(db).size)} on disk), then ${ctx.quick ? 10 : 30} s of autocannon (100 connections) over 1,000 different generated questions;`,
    'RSS from /proc/<pid>/status (VmRSS after start-up, VmHWM = peak).',
    '',
    `| index | RSS after start-up | peak RSS under load | requests served | req/s |`,
    '|---|---|---|---|---|',
    `| ${int(n)} reports | ${mb(idle.now)} | **${mb(after.peak)}** | ${int(result.requests)} | ${int(result.rps)} |`,
    '',
    `Target: peak RSS < 300 MB with the 100,000-report index — ${after.peak < 300 * 2 ** 20 ? (ctx.quick ? 'met at 10,000 reports (quick mode)' : 'met') : '**missed**'}.`,
  ];
  return { id: 'memory', body: body.join('\n') };
}
