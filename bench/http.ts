/**
 * HTTP benchmark: GET /api/ask under autocannon (100 connections) on the real server (`node bin/gongkai.js
 * serve` as `npm start` runs it, seed index), against a bare fastify hello-world measured in the same run;
 * the ratio of the two. Each is measured twice: with the server and autocannon sharing every core (the
 * method of the first runs), and pinned apart — autocannon on core 0, the server on the others — so that
 * parsing the larger answers does not take CPU from the server under test.
 */
import { execFileSync } from 'node:child_process';
import type { Request } from 'autocannon';
import { cpus } from 'node:os';
import type { BenchContext } from './lib/context.ts';
import type { Section } from './lib/doc.ts';
import { corpus, corpusIndex, seedIndex } from './lib/cache.ts';
import { emptyReportsDir, memoryOf, serverEnv, startChild, startServe } from './lib/child.ts';
import { KIND_LABELS, KINDS, kindQuestions, type BenchKind } from './lib/kinds.ts';
import { loadTruths } from './lib/questions.ts';
import { createRng } from './corpus/prng.ts';
import type { Truth } from './corpus/truth.ts';
import { ANSWER_CACHE_SIZE as ANSWER_CACHE } from '../src/bot/server.ts';
import { measuredLoad, type MeasuredLoad } from './lib/load.ts';
import { int, summarize } from './lib/stats.ts';
import { SEED_QUESTIONS } from './ask.ts';

export const askPaths = (questions: string[]) => questions.map((q) => `/api/ask?q=${encodeURIComponent(q)}`);

/** Pin this process (autocannon runs in it), every thread, to a CPU list; returns the list it had. */
function pinSelf(list: string): string {
  const out = execFileSync('taskset', ['-a', '-p', '-c', list, String(process.pid)], { encoding: 'utf8' });
  return /current affinity list: (\S+)/.exec(out)?.[1] ?? `0-${cpus().length - 1}`;
}

interface Round {
  ask: MeasuredLoad;
  bare: MeasuredLoad;
}

/**
 * Both servers started once, then `rounds` alternating load runs (/api/ask, hello-world, /api/ask, …): on a
 * shared machine a neighbour's burst lands in one run of one round, so the median of the rounds' ratios is
 * the figure and the spread is shown beside it.
 */
async function measure(ctx: BenchContext, seconds: number, rounds: number, connections: number, pinned: boolean): Promise<Round[]> {
  const n = cpus().length;
  const serverCpus = pinned ? `1-${n - 1}` : undefined;
  const restore = pinned ? pinSelf('0') : undefined;
  const ask = await startServe(serverEnv(seedIndex(), emptyReportsDir()), serverCpus);
  const bare = await startChild('bench/children/hello.ts', {}, serverCpus);
  try {
    const out: Round[] = [];
    for (let i = 0; i < rounds; i++) {
      // Each run after a 1 s warm-up: for /api/ask it fills the answer cache.
      const round = {
        ask: await measuredLoad(ask, askPaths(SEED_QUESTIONS), connections, seconds),
        bare: await measuredLoad(bare, ['/hello'], connections, seconds),
      };
      out.push(round);
      ctx.log(
        `${pinned ? 'pinned' : 'shared cores'}, round ${i + 1}/${rounds}: /api/ask ${int(round.ask.rps)} req/s (p99 ${round.ask.p99} ms), ` +
          `bare fastify ${int(round.bare.rps)} req/s (p99 ${round.bare.p99} ms) → ${((100 * round.ask.rps) / round.bare.rps).toFixed(0)}%`,
      );
    }
    return out;
  } finally {
    await Promise.all([ask.stop(), bare.stop()]);
    if (restore) pinSelf(restore);
  }
}

const median = (xs: number[]) => summarize(xs).p50; // one of the values (no interpolation): medianRound finds its round

/** The round whose ratio is the median: its figures go in the table, so that the row and the ratio agree. */
function medianRound(rounds: Round[]): Round {
  const m = median(rounds.map(ratio));
  return rounds.find((r) => ratio(r) === m)!;
}

const ratio = (r: Round) => r.ask.rps / r.bare.rps;
const cpuRatio = (r: Round) => r.bare.cpuUs / r.ask.cpuUs;
const pc = (x: number) => `${(100 * x).toFixed(0)}%`;
const spread = (rounds: Round[], f: (r: Round) => number) => rounds.map((r) => pc(f(r))).join(', ');

export async function benchHttp(ctx: BenchContext): Promise<Section> {
  const seconds = ctx.quick ? 3 : 10;
  const rounds = 3;
  const connections = 100;
  const n = cpus().length;
  const shared = await measure(ctx, seconds, rounds, connections, false);
  const pinned = n >= 2 ? await measure(ctx, seconds, rounds, connections, true) : undefined;
  const row = (label: string, r: MeasuredLoad, bold: boolean) =>
    `| ${label} | ${bold ? `**${int(r.rps)}**` : int(r.rps)} | ${r.p50} ms | ${r.p99} ms | ${r.cpuUs.toFixed(0)} µs | ${int(r.requests)} | ${r.errors} | ${r.non2xx} |`;
  const verdict = (r: number) => `**${pc(r)}**${ctx.quick ? '' : ` (target ≥ 50% — ${r >= 0.5 ? 'met' : '**missed**'})`}`;
  const describe = (how: string, rs: Round[], headline: boolean) =>
    `${how} ${headline ? verdict(median(rs.map(ratio))) : pc(median(rs.map(ratio)))} (rounds ${spread(rs, ratio)}); ` +
    `by server CPU per request ${pc(median(rs.map(cpuRatio)))} (rounds ${spread(rs, cpuRatio)})`;
  const errors = [...(pinned ?? []), ...shared].reduce((sum, r) => sum + r.ask.errors + r.ask.non2xx + r.bare.errors + r.bare.non2xx, 0);
  const s = medianRound(shared);
  const p = pinned ? medianRound(pinned) : undefined;
  const body = [
    '## HTTP',
    '',
    `Method: \`npm run bench -- --only http${ctx.quick ? ' --quick' : ''}\`. The real server as \`npm start\` runs it (\`node bin/gongkai.js serve\`,`,
    'compiled dist/, rate limiting, schemas, swagger, the shared store, default `LOG_LEVEL=info`: one log line per question) over the seed index, rate limit raised',
    `out of the way; beside it a bare fastify app (\`GET /hello\` → \`{"hello":"world"}\`, run through tsx). autocannon in the benchmark process, ${connections} connections,`,
    `cycling ${SEED_QUESTIONS.length} questions as \`GET /api/ask?q=…\` (after the warm-up every answer comes from the server's answer cache). ${rounds} rounds, each`,
    `${seconds} s on /api/ask then ${seconds} s on hello-world, each after a 1 s warm-up: this machine is shared, and a neighbour's burst lands in one run,`,
    'so the figure is the median of the rounds\' ratios, the table shows the median round, and every round\'s ratio is listed.',
    `Twice: **shared** — servers and autocannon on the same ${n} cores — and **pinned** —`,
    `autocannon on core 0, the servers on core${n > 2 ? 's' : ''} 1${n > 2 ? `–${n - 1}` : ''} (\`taskset\`), so that autocannon parsing ≈ 1.3 KB answers against`,
    '17-byte hello-worlds does not take CPU from the server under test. Pinned is the fairer comparison of the two servers.',
    'The server\'s own CPU time per request (/proc/<pid>/stat) is the second measure: its ratio (hello-world ÷ /api/ask) is the cost of one',
    'against the other, less sensitive to who else holds the core.',
    '',
    '| endpoint (median round) | req/s | p50 | p99 | server CPU / request | requests | errors | non-2xx |',
    '|---|---|---|---|---|---|---|---|',
    row('`GET /api/ask`, shared cores', s.ask, !p),
    row('bare fastify hello-world, shared cores', s.bare, false),
    ...(p ? [row('`GET /api/ask`, pinned', p.ask, true), row('bare fastify hello-world, pinned', p.bare, false)] : []),
    '',
    `Ratio /api/ask ÷ hello-world: ${pinned ? `${describe('pinned', pinned, true)}; ${describe('shared cores', shared, false)}` : describe('', shared, true)}.` +
      ` Errors and non-2xx answers over all rounds: ${errors}.`,
  ];
  return { id: 'http', body: body.join('\n') };
}

/** How often each kind is asked in the mix: mostly one agency's figures, a third across agencies. */
const MIX: Record<BenchKind, number> = { figure: 30, figures: 10, compare: 8, ranking: 12, total: 10, filter: 10, trend: 12, yesno: 8 };

/** Kernel counters of the listen queue (nstat): a handshake dropped because the accept backlog was full. */
function listenCounters(): Record<string, number> {
  try {
    const out = execFileSync('nstat', ['-az', 'TcpExtListenOverflows', 'TcpExtListenDrops'], { encoding: 'utf8' });
    return Object.fromEntries(out.trim().split('\n').slice(1).map((l) => l.split(/\s+/)).map(([k, v]) => [k!, Number(v)]));
  } catch {
    return {};
  }
}

/**
 * One request per connection whose path is taken from the list at each send: autocannon renders every
 * entry of a `requests` list for every connection (10,000 paths × 1,000 connections = 10 M buffers).
 */
function cycling(paths: string[]): Request[] {
  let i = 0;
  return [{ method: 'GET', path: paths[0]!, setupRequest: (req: Request) => ({ ...req, path: paths[i++ % paths.length]! }) }];
}

/** Distinct questions in MIX proportions, shuffled, as GET paths. */
function mixedPaths(truths: Truth[], total: number): { paths: string[]; perKind: Record<BenchKind, number> } {
  const weight = Object.values(MIX).reduce((a, b) => a + b, 0);
  const perKind = Object.fromEntries(KINDS.map((k) => [k, Math.round((total * MIX[k]) / weight)])) as Record<BenchKind, number>;
  const qs = kindQuestions(truths, Math.max(...Object.values(perKind)), { from: 2015, to: 2025 }, 41);
  const all = KINDS.flatMap((k) => qs[k].slice(0, perKind[k]));
  const rng = createRng(43);
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return { paths: askPaths(all), perKind };
}

/**
 * The server holding the large index under a mix of every kind of question (distinct agencies, places and
 * years: more questions than the answer cache holds), beside bare fastify; then 1,000 connections at once.
 */
export async function benchScale(ctx: BenchContext): Promise<Section> {
  const n = ctx.quick ? 10_000 : 100_000;
  const seconds = ctx.quick ? 5 : 10;
  const c = corpus(n, ctx.log);
  const db = corpusIndex(c, ctx.log);
  const rng = createRng(37);
  const truths = loadTruths(Array.from({ length: 3_000 }, () => c.truths[rng.int(0, c.truths.length - 1)]));
  const distinct = 10_000;
  const { paths, perKind } = mixedPaths(truths, distinct);
  const server = await startServe(serverEnv(db, emptyReportsDir()));
  const bare = await startChild('bench/children/hello.ts', {});
  let mixed: MeasuredLoad, hello: MeasuredLoad, burst: MeasuredLoad, idle: ReturnType<typeof memoryOf>, peak: ReturnType<typeof memoryOf>;
  let overflows: Record<string, number>;
  try {
    idle = memoryOf(server.pid);
    mixed = await measuredLoad(server, cycling(paths), 100, seconds);
    ctx.log(`mixed kinds, 100 connections: ${int(mixed.rps)} req/s, p99 ${mixed.p99} ms`);
    hello = await measuredLoad(bare, ['/hello'], 100, seconds);
    ctx.log(`bare fastify: ${int(hello.rps)} req/s`);
    const before = listenCounters();
    burst = await measuredLoad(server, cycling(paths), 1_000, seconds);
    const after = listenCounters();
    overflows = Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - (before[k] ?? 0)]));
    peak = memoryOf(server.pid);
    ctx.log(`1,000 connections: ${int(burst.rps)} req/s, p99 ${burst.p99} ms, max ${burst.max} ms, timeouts ${burst.timeouts}`);
  } finally {
    await Promise.all([server.stop(), bare.stop()]);
  }
  const row = (label: string, r: MeasuredLoad) =>
    `| ${label} | **${int(r.rps)}** | ${r.p50} ms | **${r.p99} ms** | ${r.max} ms | ${r.cpuUs.toFixed(0)} µs | ${int(r.requests)} | ${r.timeouts} | ${r.errors - r.timeouts} | ${r.non2xx} |`;
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
  const body = [
    '## Server at scale',
    '',
    `Method: \`npm run bench -- --only scale${ctx.quick ? ' --quick' : ''}\`. The real server as \`npm start\` runs it (compiled dist/, default logging, rate limit raised`,
    `out of the way) over the index of ${int(n)} generated reports; autocannon in the benchmark process (same cores) cycling ${int(paths.length)} distinct`,
    `questions as \`GET /api/ask?q=…\` — ${KINDS.map((k) => `${KIND_LABELS[k]} ${perKind[k]}`).join(', ')} (bench/lib/kinds.ts: agencies, places, kinds of agency`,
    `and years drawn from the corpus) — five times as many as the server's answer cache holds (${int(ANSWER_CACHE)}), so most answers are computed.`,
    `${seconds} s at 100 connections after a 1 s warm-up; bare fastify hello-world the same way, for the ratio; then ${seconds} s at 1,000 connections`,
    'opened at once, with the kernel\'s listen-queue counters (`nstat` TcpExtListenOverflows / ListenDrops) over that run. RSS from /proc (VmHWM = peak).',
    '',
    '| run | req/s | p50 | p99 | max | server CPU / request | requests | timeouts | other errors | non-2xx |',
    '|---|---|---|---|---|---|---|---|---|---|',
    row('mixed kinds, 100 connections', mixed),
    row('bare fastify hello-world, 100 connections', hello),
    row('mixed kinds, 1,000 connections', burst),
    '',
    `Ratio mixed /api/ask ÷ hello-world: ${((100 * mixed.rps) / hello.rps).toFixed(0)}% of the requests/s; by server CPU per request ${((100 * hello.cpuUs) / mixed.cpuUs).toFixed(0)}%.`,
    `Server RSS: ${mb(idle.now)} after start-up, **${mb(peak.peak)}** peak over both runs. Listen queue during the 1,000-connection run: ` +
      `${Object.entries(overflows).map(([k, v]) => `${k.replace('TcpExt', '')} ${v}`).join(', ') || 'counters unavailable'}.`,
    '',
    `Targets: ≥ 5,000 req/s — ${mixed.rps >= 5000 ? 'met' : '**missed**'}; p99 < 50 ms — ${mixed.p99 < 50 ? 'met' : '**missed**'}; peak RSS < 300 MB — ${peak.peak < 300 * 2 ** 20 ? 'met' : '**missed**'};` +
      ` 1,000 connections with 0 timeouts — ${burst.timeouts === 0 ? 'met' : '**missed**'}.`,
  ];
  return { id: 'scale', body: body.join('\n') };
}
