/**
 * The shared store against a real redis-server: set-if-absent across clients, context with TTL, and two
 * server instances sharing one Redis — a webhook answered by one is refused as a replay by the other,
 * and the rate-limit counters are shared.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from '../../src/bot/server.ts';
import { createRedisStore } from '../../src/bot/state/redis.ts';
import { createMemoryStore } from '../../src/bot/state/memory.ts';
import type { SharedStore } from '../../src/bot/state/store.ts';
import { captureLogger, fakeAsk, fakeCatalog, LUCHENG_Q, recordingHttp, testConfig } from './fakes.ts';
import { NOW } from './helpers.ts';
import { dingtalkRequest, slackRequest } from './platforms.ts';
import { startRedis, type TestRedis } from './redis-server.ts';

let redis: TestRedis;
const stores: SharedStore[] = [];
async function store(): Promise<SharedStore> {
  const s = await createRedisStore(redis.url);
  stores.push(s);
  return s;
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const s of stores) await s.close();
  await redis?.stop();
});

async function instance(env: Record<string, string> = {}) {
  const s = await store();
  await s.redis!.flushdb();
  const ask = fakeAsk();
  const app = await buildServer(testConfig({ REDIS_URL: redis.url, ...env }), {
    ask,
    catalog: fakeCatalog,
    store: s,
    logger: captureLogger().logger,
    http: recordingHttp(),
    clock: () => NOW,
  });
  return { app, ask };
}

describe('shared store', () => {
  test.each([
    ['memory', async () => createMemoryStore()],
    ['redis', store],
  ])('%s: seen() is set-if-absent; contexts round-trip', async (_kind, make) => {
    const a = await make();
    const id = `msg-${Math.random()}`;
    expect(await a.seen(id, 60_000)).toBe(false);
    expect(await a.seen(id, 60_000)).toBe(true);
    await a.setContext('chat:1', { previous: { year: 2020 } }, 60_000);
    expect(await a.getContext('chat:1')).toEqual({ previous: { year: 2020 } });
    expect(await a.getContext('chat:none')).toBeUndefined();
  });

  test('redis: two clients see each other’s ids; ids expire after their TTL', async () => {
    const [a, b] = [await store(), await store()];
    expect(await a.seen('shared-1', 60_000)).toBe(false);
    expect(await b.seen('shared-1', 60_000)).toBe(true);
    await b.seen('short-1', 1);
    // PX 1: gone once Redis has expired it; PTTL -2 means the key no longer exists.
    await expect.poll(() => b.redis!.pttl('gongkai:seen:short-1')).toBe(-2);
    expect(await a.seen('short-1', 60_000)).toBe(false);
  });

  test('memory: bounded in size (oldest forgotten) and in time', async () => {
    let now = 0;
    const m = createMemoryStore({ maxContexts: 2, now: () => now });
    await m.setContext('a', 1, 1000);
    await m.setContext('b', 2, 1000);
    await m.setContext('c', 3, 1000);
    expect(await m.getContext('a')).toBeUndefined();
    expect(await m.getContext('c')).toBe(3);
    now = 1001;
    expect(await m.getContext('c')).toBeUndefined();
  });
});

describe('two server instances sharing one Redis', () => {
  test('a webhook answered by one instance is acknowledged, not answered again, by the other', async () => {
    const one = await instance();
    const two = await instance();
    try {
      const first = await one.app.inject(dingtalkRequest(NOW, LUCHENG_Q, { id: 'replayed-across' }));
      expect(first.statusCode).toBe(200);
      expect(first.json().text.content).toContain('23 件');
      const replay = await two.app.inject(dingtalkRequest(NOW, LUCHENG_Q, { id: 'replayed-across' }));
      expect(replay.statusCode).toBe(200);
      expect(replay.body).toBe('');
      expect(two.ask.calls).toHaveLength(0);
      const slack = await two.app.inject(slackRequest(NOW, LUCHENG_Q, { id: 'slack-across' }));
      expect(slack.statusCode).toBe(200);
      const again = await one.app.inject(slackRequest(NOW, LUCHENG_Q, { id: 'slack-across' }));
      expect([again.statusCode, again.body]).toEqual([200, '']);
      expect(one.ask.calls).toHaveLength(1);
    } finally {
      await one.app.close();
      await two.app.close();
    }
  });

  test('rate-limit counters are shared between instances', async () => {
    const one = await instance({ RATE_LIMIT_MAX: '2' });
    const two = await instance({ RATE_LIMIT_MAX: '2' });
    try {
      const get = (app: typeof one.app) => app.inject({ method: 'GET', url: '/api/reports' }).then((r) => r.statusCode);
      expect([await get(one.app), await get(two.app), await get(one.app), await get(two.app)]).toEqual([200, 200, 429, 429]);
    } finally {
      await one.app.close();
      await two.app.close();
    }
  });

  test('/healthz names the shared store', async () => {
    const one = await instance();
    try {
      expect((await one.app.inject({ method: 'GET', url: '/healthz' })).json().store).toBe('redis');
    } finally {
      await one.app.close();
    }
  });
});
