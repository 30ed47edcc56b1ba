/**
 * Webhook benchmark: genuinely signed Slack slash commands, each with a new trigger_id and a fresh
 * timestamp, against the real server (`npm start`'s compiled code, seed index) — once with the in-memory
 * shared store and once with Redis (a throwaway redis-server on loopback), so that an operator sees what
 * the shared replay ids and chat context cost per message. Every message passes the signature check, the
 * replay check (one SET NX) and the per-chat context read and write, and is answered inline.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Request } from 'autocannon';
import type { BenchContext } from './lib/context.ts';
import type { Section } from './lib/doc.ts';
import { seedIndex } from './lib/cache.ts';
import { emptyReportsDir, serverEnv, startServe } from './lib/child.ts';
import { measuredLoad, type MeasuredLoad } from './lib/load.ts';
import { int } from './lib/stats.ts';
import { SEED_QUESTIONS } from './ask.ts';
// The same throwaway redis-server the tests start (.ci/run installs the binary when missing).
import { startRedis } from '../test/bot/redis-server.ts';

const SECRET = 'bench-slack-signing-secret';
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)}`;

/** One signed slash command: what Slack sends (form body, v0 signature over "v0:{ts}:{body}"). */
function signedSlack(question: string): { body: string; headers: Record<string, string> } {
  const ts = String(Math.floor(Date.now() / 1000));
  const body = new URLSearchParams({
    team_id: 'T0001',
    channel_id: 'C0001',
    channel_name: 'bench',
    user_id: `U${Math.floor(Math.random() * 1000)}`,
    command: '/gongkai',
    text: question,
    response_url: 'https://hooks.slack.com/commands/1/2',
    trigger_id: randomUUID(),
  }).toString();
  const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': sig } };
}

async function run(redisUrl: string, seconds: number, connections: number): Promise<MeasuredLoad> {
  const server = await startServe({ ...serverEnv(seedIndex(), emptyReportsDir()), SLACK_SIGNING_SECRET: SECRET, REDIS_URL: redisUrl });
  try {
    let i = 0;
    const request: Request = {
      method: 'POST',
      path: '/webhooks/slack',
      // A new trigger_id and signature per request: every message is new to the replay check.
      setupRequest: (req: Request) => ({ ...req, ...signedSlack(SEED_QUESTIONS[i++ % SEED_QUESTIONS.length]!) }),
    };
    return await measuredLoad(server, [request], connections, seconds);
  } finally {
    await server.stop();
  }
}

export async function benchWebhook(ctx: BenchContext): Promise<Section> {
  const seconds = ctx.quick ? 5 : 15;
  const connections = 100;
  const memory = await run('', seconds, connections);
  ctx.log(`memory store: ${int(memory.rps)} req/s (p99 ${memory.p99} ms)`);
  let redis: MeasuredLoad | null = null;
  let why = '';
  try {
    const server = await startRedis();
    try {
      redis = await run(server.url, seconds, connections);
      ctx.log(`Redis store: ${int(redis.rps)} req/s (p99 ${redis.p99} ms)`);
    } finally {
      await server.stop();
    }
  } catch (err) {
    why = err instanceof Error ? err.message : String(err);
    ctx.log(`Redis store: not measured (${why})`);
  }
  const row = (label: string, r: MeasuredLoad) =>
    `| ${label} | **${int(r.rps)}** | ${r.p50} ms | ${r.p99} ms | ${r.cpuUs.toFixed(0)} µs | ${int(r.requests)} | ${r.errors} | ${r.non2xx} |`;
  const body = [
    '## Webhooks and the shared store',
    '',
    `Method: \`npm run bench -- --only webhook${ctx.quick ? ' --quick' : ''}\`. The real server as \`npm start\` runs it (compiled dist/, seed index,`,
    'default `LOG_LEVEL=info`, rate limit raised out of the way) with Slack configured; autocannon in the benchmark process,',
    `${connections} connections, ${seconds} s after a 1 s warm-up, each request a genuinely signed slash command (HMAC-SHA256, fresh timestamp)`,
    `with a new \`trigger_id\`, cycling ${SEED_QUESTIONS.length} questions over 1,000 users of one channel. Each message is verified, checked against the`,
    'replay ids (Redis: one `SET NX PX`), counted by the rate limiter (Redis store: one more round trip), answered (answer',
    'engine, no answer cache on webhooks) with the per-chat context read and written (Redis: `GET`, `SET PX`), and the reply sent inline. First with the in-memory store, then with `REDIS_URL` pointing',
    'at a throwaway `redis-server` on loopback (same machine, sharing the cores). Server and autocannon share the cores.',
    '',
    '| store | req/s | p50 | p99 | server CPU / request | requests | errors | non-2xx |',
    '|---|---|---|---|---|---|---|---|',
    row('in-memory (one process)', memory),
    redis ? row('Redis (`REDIS_URL`, any number of replicas)', redis) : `| Redis | not measured: ${why} | | | | | | |`,
    '',
    redis
      ? `Redis store ÷ memory store: ${((100 * redis.rps) / memory.rps).toFixed(0)}% of the requests/s; ` +
        `${signed(redis.cpuUs - memory.cpuUs)} µs of server CPU per message (the four round trips' client work; ` +
        'redis-server\'s own CPU is not counted, it runs beside).'
      : '',
  ];
  return { id: 'webhook', body: body.join('\n') };
}
