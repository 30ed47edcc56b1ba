/**
 * HTTP benchmark: GET /api/ask under autocannon (100 connections) on the real server (startServer,
 * seed index), against a bare fastify hello-world measured in the same run; the ratio of the two.
 */
import type { BenchContext } from './lib/context.ts';
import type { Section } from './lib/doc.ts';
import { seedIndex } from './lib/cache.ts';
import { emptyReportsDir, serverEnv, startChild } from './lib/child.ts';
import { load, type LoadResult } from './lib/load.ts';
import { int } from './lib/stats.ts';
import { SEED_QUESTIONS } from './ask.ts';

export const askPaths = (questions: string[]) => questions.map((q) => `/api/ask?q=${encodeURIComponent(q)}`);

export async function benchHttp(ctx: BenchContext): Promise<Section> {
  const seconds = ctx.quick ? 5 : 15;
  const connections = 100;
  const server = await startChild('bench/children/serve.ts', serverEnv(seedIndex(), emptyReportsDir()));
  let ask: LoadResult;
  try {
    await load(server.url, askPaths(SEED_QUESTIONS), connections, 1); // warm-up
    ask = await load(server.url, askPaths(SEED_QUESTIONS), connections, seconds);
  } finally {
    await server.stop();
  }
  ctx.log(`/api/ask: ${int(ask.rps)} req/s, p99 ${ask.p99} ms`);
  const hello = await startChild('bench/children/hello.ts');
  let bare: LoadResult;
  try {
    await load(hello.url, ['/hello'], connections, 1);
    bare = await load(hello.url, ['/hello'], connections, seconds);
  } finally {
    await hello.stop();
  }
  ctx.log(`bare fastify: ${int(bare.rps)} req/s, p99 ${bare.p99} ms`);
  const ratio = ask.rps / bare.rps;
  const body = [
    '## HTTP',
    '',
    `Method: \`npm run bench -- --only http${ctx.quick ? ' --quick' : ''}\`. The real server (\`startServer\`, everything \`npm start\` wires:`,
    'rate limiting, schemas, swagger, the shared store) in a child process over the seed index, rate limit raised out of the way;',
    `autocannon in the benchmark process, ${connections} connections, ${seconds} s after a 1 s warm-up, cycling ${SEED_QUESTIONS.length} questions`,
    'as `GET /api/ask?q=…`. Then a bare fastify app (`GET /hello` → `{"hello":"world"}`) the same way, in the same run.',
    'Both share the 2 cores with autocannon itself.',
    '',
    '| endpoint | req/s | p50 | p99 | requests | errors | non-2xx |',
    '|---|---|---|---|---|---|---|',
    `| \`GET /api/ask\` | **${int(ask.rps)}** | ${ask.p50} ms | ${ask.p99} ms | ${int(ask.requests)} | ${ask.errors} | ${ask.non2xx} |`,
    `| bare fastify hello-world | ${int(bare.rps)} | ${bare.p50} ms | ${bare.p99} ms | ${int(bare.requests)} | ${bare.errors} | ${bare.non2xx} |`,
    '',
    `Ratio /api/ask ÷ hello-world: **${(100 * ratio).toFixed(0)}%** (target ≥ 50% — ${ratio >= 0.5 ? 'met' : '**missed**'}).`,
  ];
  return { id: 'http', body: body.join('\n') };
}
