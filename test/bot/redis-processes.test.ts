/**
 * Two server processes on two ports sharing one Redis (REDIS_URL): a DingTalk webhook answered by one
 * is refused as a replay by the other.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type ServerProcess } from './spawn-server.ts';
import { startRedis, type TestRedis } from './redis-server.ts';
import { dingtalkRequest } from './platforms.ts';
import { LUCHENG_Q, SECRETS } from './fakes.ts';

let redis: TestRedis;
let dir: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(join(tmpdir(), 'gongkai-redis-'));
  const env = { GONGKAI_DB: join(dir, 'gongkai.db'), REDIS_URL: redis.url, DINGTALK_APP_SECRET: SECRETS.DINGTALK_APP_SECRET };
  // One after the other: the first builds the index, the second finds it fresh.
  servers.push(await spawnServer(env));
  servers.push(await spawnServer(env));
}, 90_000);

afterAll(async () => {
  for (const s of servers) await s.stop();
  await redis?.stop();
  // beforeAll may have failed before making the folder: report that failure, not a second one here.
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function post(base: string, id: string) {
  const req = dingtalkRequest(Date.now(), LUCHENG_Q, { id });
  return fetch(`${base}${req.url}`, { method: 'POST', headers: req.headers as Record<string, string>, body: req.payload as string });
}

describe('two processes, one Redis', () => {
  test('both report the shared store', async () => {
    for (const s of servers) expect((await (await fetch(`${s.url}/healthz`)).json()).store).toBe('redis');
    expect(servers[0].url).not.toBe(servers[1].url);
  });

  test('a webhook answered on one port is acknowledged, not answered again, on the other', async () => {
    const first = await post(servers[0].url, 'cross-process-1');
    expect(first.status).toBe(200);
    expect((await first.json()).text.content).toContain('23 件');
    const replay = await post(servers[1].url, 'cross-process-1');
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe('');
    expect((await post(servers[1].url, 'cross-process-2')).status).toBe(200);
  });
});
