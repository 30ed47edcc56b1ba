/**
 * TELEGRAM_API_ROOT against a local fake Bot API server (no network): the bot talks to the root it is
 * given, registers its webhook there, and a failed setWebhook is a failed start — not a server whose
 * /healthz says telegram(webhook) while Telegram sends nothing.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../src/bot/main.ts';
import { BOT_INFO } from './fakes.ts';

const TOKEN = '4242:FAKE-token_value';
let fake: Server;
let root: string;
let dir: string;
const calls: Array<{ method: string; body: Record<string, unknown> }> = [];
let failSetWebhook = false;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-tgroot-'));
  fake = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      const method = m?.[2] ?? '?';
      calls.push({ method, body: body ? JSON.parse(body) : {} });
      res.setHeader('content-type', 'application/json');
      if (m?.[1] !== TOKEN) return res.end(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
      if (method === 'getMe') return res.end(JSON.stringify({ ok: true, result: BOT_INFO }));
      if (method === 'setWebhook' && failSetWebhook) return res.end(JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: bad webhook: Failed to resolve host' }));
      res.end(JSON.stringify({ ok: true, result: true }));
    });
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  const address = fake.address();
  root = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((r) => fake.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({
  GONGKAI_DB: join(dir, 'gongkai.db'),
  LOG_LEVEL: 'silent',
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_API_ROOT: root,
  PUBLIC_URL: 'https://bot.example.cn',
  TELEGRAM_WEBHOOK_SECRET: 'hook-secret',
});

describe('TELEGRAM_API_ROOT', () => {
  test('the bot uses the root given: getMe and setWebhook (with its secret) go there', async () => {
    calls.length = 0;
    failSetWebhook = false;
    const running = await startServer(env(), { host: '127.0.0.1', port: 0 });
    try {
      expect(calls.map((c) => c.method)).toEqual(['getMe', 'setWebhook']);
      expect(calls[1]!.body).toMatchObject({ url: 'https://bot.example.cn/telegram', secret_token: 'hook-secret' });
      const health = await (await fetch(`${running.url}/healthz`)).json();
      expect(health.channels).toEqual(['api', 'telegram(webhook)']);
    } finally {
      await running.stop();
    }
  }, 60_000);

  test('a failed setWebhook stops start-up with the reason, never the token', async () => {
    calls.length = 0;
    failSetWebhook = true;
    const started = startServer(env(), { host: '127.0.0.1', port: 0 });
    await expect(started).rejects.toThrow('Telegram setWebhook 失败（https://bot.example.cn/telegram）：Bad Request: bad webhook: Failed to resolve host');
    await started.catch((err: Error) => expect(err.message).not.toContain('FAKE-token'));
  }, 60_000);
});
