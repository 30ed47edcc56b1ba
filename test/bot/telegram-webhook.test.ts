import { afterEach, describe, expect, test } from 'vitest';
import { createBot } from '../../src/bot/telegram/bot.ts';
import { createConversation } from '../../src/bot/conversation.ts';
import { createMemoryStore } from '../../src/bot/state/memory.ts';
import { buildServer } from '../../src/bot/server.ts';
import { BOT_INFO, captureLogger, fakeAsk, fakeCatalog, LUCHENG_Q, recordingHttp, testConfig } from './fakes.ts';

const SECRET = 'tg-webhook-secret_1';

async function setup() {
  const ask = fakeAsk();
  const store = createMemoryStore();
  const conversation = createConversation(ask, store);
  const config = testConfig({ TELEGRAM_BOT_TOKEN: '123:TOKEN', PUBLIC_URL: 'https://bot.example.cn', TELEGRAM_WEBHOOK_SECRET: SECRET });
  const bot = createBot(config.telegram!, { conversation, catalog: fakeCatalog, store, botInfo: BOT_INFO });
  const sent: string[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    if (method === 'sendMessage') sent.push((payload as { text: string }).text);
    return { ok: true, result: true } as any;
  });
  const { logger, lines } = captureLogger();
  const app = await buildServer(config, { ask, catalog: fakeCatalog, store, logger, http: recordingHttp(), telegram: bot, conversation });
  return { app, sent, lines, ask };
}

const update = (id: number) => ({
  update_id: id,
  message: { message_id: id, date: 0, chat: { id: 7, type: 'private', first_name: '李' }, from: { id: 7, is_bot: false, first_name: '李' }, text: LUCHENG_Q },
});

let app: Awaited<ReturnType<typeof setup>>['app'] | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('Telegram webhook route', () => {
  test.each([
    ['no secret header', {}],
    ['wrong secret header', { 'x-telegram-bot-api-secret-token': 'wrong' }],
  ])('%s → 401 and nothing answered', async (_n, headers) => {
    const t = await setup();
    app = t.app;
    const res = await t.app.inject({ method: 'POST', url: '/telegram', headers, payload: update(1) });
    expect(res.statusCode).toBe(401);
    expect(res.body).toBe('');
    expect(t.ask.calls).toHaveLength(0);
  });

  test.each([
    ['malformed JSON', 'application/json', '{"update_id":'],
    ['an oversized body', 'application/json', JSON.stringify({ update_id: 1, pad: 'x'.repeat(300 * 1024) })],
    ['a foreign content type', 'text/plain', 'hello'],
  ])('without the secret, %s is refused 401 before the body is read', async (_n, type, payload) => {
    const t = await setup();
    app = t.app;
    const res = await t.app.inject({ method: 'POST', url: '/telegram', headers: { 'content-type': type }, payload });
    expect(res.statusCode).toBe(401);
    expect(res.body).toBe('');
  });

  test('the matching secret → answered; a redelivered update_id is acknowledged but not answered twice', async () => {
    const t = await setup();
    app = t.app;
    const headers = { 'x-telegram-bot-api-secret-token': SECRET };
    expect((await t.app.inject({ method: 'POST', url: '/telegram', headers, payload: update(10) })).statusCode).toBe(200);
    expect(t.sent[0]).toContain('<b>23 件。</b>');
    expect((await t.app.inject({ method: 'POST', url: '/telegram', headers, payload: update(10) })).statusCode).toBe(200);
    expect(t.sent).toHaveLength(1);
    expect(t.lines.join('\n')).not.toContain(SECRET);
    expect(t.lines.join('\n')).not.toContain('123:TOKEN');
  });
});
