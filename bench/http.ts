/**
 * HTTP benchmark: GET /api/ask under autocannon (100 connections) on the real server (`node bin/gongkai.js
 * serve` as `npm start` runs it, seed index), against a bare fastify hello-world measured in the same run;
 * the ratio of the two. Each is measured twice: with the server and autocannon sharing every core (the
 * method of the first runs), and pinned apart — autocannon on core 0, the server on the others — so that
 * parsing the larger answers does not take CPU from the server under test.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import type { BenchContext } from './lib/context.ts';
import type { Section } from './lib/doc.ts';
import { seedIndex } from './lib/cache.ts';
import { cpuOf, emptyReportsDir, serverEnv, startChild, startServe, type RunningChild } from './lib/child.ts';
import { load, type LoadResult } from './lib/load.ts';
import { int } from './lib/stats.ts';
import { SEED_QUESTIONS } from './ask.ts';

export const askPaths = (questions: string[]) => questions.map((q) => `/api/ask?q=${encodeURIComponent(q)}`);

/** Pin this process (autocannon runs in it), every thread, to a CPU list; returns the list it had. */
function pinSelf(list: string): string {
  const out = execFileSync('taskset', ['-a', '-p', '-c', list, String(process.pid)], { encoding: 'utf8' });
  return /current affinity list: (\S+)/.exec(out)?.[1] ?? `0-${cpus().length - 1}`;
}

/** A load run and the server's CPU time per request during it. */
type Measured = LoadResult & { cpuUs: number };

interface Pair {
  ask: Measured;
  bare: Measured;
}

async function measure(ctx: BenchContext, seconds: number, connections: number, pinned: boolean): Promise<Pair> {
  const n = cpus().length;
  const serverCpus = pinned ? `1-${n - 1}` : undefined;
  const restore = pinned ? pinSelf('0') : undefined;
  try {
    const run = async (start: () => Promise<RunningChild>, paths: string[]): Promise<Measured> => {
      const server = await start();
      try {
        await load(server.url, paths, connections, 1); // warm-up
        const cpu = cpuOf(server.pid);
        const r = await load(server.url, paths, connections, seconds);
        return { ...r, cpuUs: ((cpuOf(server.pid) - cpu) * 1e6) / r.requests };
      } finally {
        await server.stop();
      }
    };
    const ask = await run(() => startServe(serverEnv(seedIndex(), emptyReportsDir()), serverCpus), askPaths(SEED_QUESTIONS));
    const bare = await run(() => startChild('bench/children/hello.ts', {}, serverCpus), ['/hello']);
    const how = pinned ? 'pinned' : 'shared cores';
    ctx.log(`${how}: /api/ask ${int(ask.rps)} req/s (p99 ${ask.p99} ms), bare fastify ${int(bare.rps)} req/s (p99 ${bare.p99} ms) → ${((100 * ask.rps) / bare.rps).toFixed(0)}%`);
    return { ask, bare };
  } finally {
    if (restore) pinSelf(restore);
  }
}

export async function benchHttp(ctx: BenchContext): Promise<Section> {
  const seconds = ctx.quick ? 5 : 15;
  const connections = 100;
  const n = cpus().length;
  const shared = await measure(ctx, seconds, connections, false);
  const pinned = n >= 2 ? await measure(ctx, seconds, connections, true) : undefined;
  const ratio = (p: Pair) => p.ask.rps / p.bare.rps;
  const cpuRatio = (p: Pair) => ((100 * p.bare.cpuUs) / p.ask.cpuUs).toFixed(0);
  const row = (label: string, r: Measured, bold: boolean) =>
    `| ${label} | ${bold ? `**${int(r.rps)}**` : int(r.rps)} | ${r.p50} ms | ${r.p99} ms | ${r.cpuUs.toFixed(0)} µs | ${int(r.requests)} | ${r.errors} | ${r.non2xx} |`;
  const verdict = (r: number) => `**${(100 * r).toFixed(0)}%** (target ≥ 50% — ${r >= 0.5 ? 'met' : '**missed**'})`;
  const body = [
    '## HTTP',
    '',
    `Method: \`npm run bench -- --only http${ctx.quick ? ' --quick' : ''}\`. The real server as \`npm start\` runs it (\`node bin/gongkai.js serve\`,`,
    'compiled dist/, rate limiting, schemas, swagger, the shared store, default `LOG_LEVEL=info`: one log line per question) over the seed index, rate limit raised',
    `out of the way; autocannon in the benchmark process, ${connections} connections, ${seconds} s after a 1 s warm-up, cycling ${SEED_QUESTIONS.length} questions`,
    'as `GET /api/ask?q=…` (after the warm-up every answer comes from the server\'s answer cache). Then a bare fastify app (`GET /hello` → `{"hello":"world"}`, run through tsx) the same way, in the same run.',
    `Each pair twice: **shared** — server and autocannon on the same ${n} cores (the method of the earlier runs) — and **pinned** —`,
    `autocannon on core 0, the server on core${n > 2 ? 's' : ''} 1${n > 2 ? `–${n - 1}` : ''} (\`taskset\`), so that autocannon parsing ≈ 1.3 KB answers against`,
    '17-byte hello-worlds does not take CPU from the server under test. Pinned is the fairer comparison of the two servers,',
    'as long as no other process holds the server\'s core: the server\'s own CPU time per request (/proc/<pid>/stat) does not depend',
    'on that, and its ratio (hello-world ÷ /api/ask) is the cost of one against the other whatever the load.',
    '',
    '| endpoint | req/s | p50 | p99 | server CPU / request | requests | errors | non-2xx |',
    '|---|---|---|---|---|---|---|---|',
    row('`GET /api/ask`, shared cores', shared.ask, !pinned),
    row('bare fastify hello-world, shared cores', shared.bare, false),
    ...(pinned ? [row('`GET /api/ask`, pinned', pinned.ask, true), row('bare fastify hello-world, pinned', pinned.bare, false)] : []),
    '',
    pinned
      ? `Ratio /api/ask ÷ hello-world: pinned ${verdict(ratio(pinned))}; shared cores ${(100 * ratio(shared)).toFixed(0)}%; ` +
        `by server CPU per request ${cpuRatio(pinned)}% pinned, ${cpuRatio(shared)}% shared.`
      : `Ratio /api/ask ÷ hello-world: ${verdict(ratio(shared))}; by server CPU per request ${cpuRatio(shared)}%.`,
  ];
  return { id: 'http', body: body.join('\n') };
}
