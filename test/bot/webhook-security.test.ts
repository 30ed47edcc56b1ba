/**
 * The webhooks as an attacker sees them: bursts, concurrent replays, junk bodies, and what ends up in
 * responses and logs.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { build, NOW } from './helpers.ts';
import { LUCHENG_Q, SECRETS } from './fakes.ts';
import { loggerOptions } from '../../src/bot/logging.ts';
import { BotError, GrammyError } from 'grammy';
import { dingtalkRequest, feishuEvent, feishuRequest, mattermostFormRequest, mattermostRequest, slackRequest, wecomRequest, type SignOptions } from './platforms.ts';

type Built = Awaited<ReturnType<typeof build>>;
let current: Built | null = null;
async function server(...args: Parameters<typeof build>) {
  current = await build(...args);
  return current;
}
afterEach(async () => {
  await current?.app.close();
  current = null;
});

const builders: Array<[string, (text: string, o?: SignOptions) => InjectOptions]> = [
  ['dingtalk', (t, o) => dingtalkRequest(NOW, t, o)],
  ['feishu', (t, o) => feishuRequest(NOW, feishuEvent(NOW, t, o), o)],
  ['wecom', (t, o) => wecomRequest(NOW, t, o)],
  ['slack', (t, o) => slackRequest(NOW, t, o)],
  ['mattermost', (t, o) => mattermostRequest(NOW, t, o)],
  ['mattermost-form', (t, o) => mattermostFormRequest(NOW, t, o)],
];

const noLeak = (res: LightMyRequestResponse) => {
  expect(res.body).not.toMatch(/at .*\.ts:\d+|node_modules|stack/);
  for (const secret of Object.values(SECRETS)) expect(res.body).not.toContain(secret);
};

describe('a burst of 500 concurrent webhook requests', () => {
  test('every genuine one is answered once, every forged/stale/oversized one refused, and the server stays up', async () => {
    const built = await server({ LOG_LEVEL: 'info' });
    const kinds = ['ok', 'forged', 'unsigned', 'stale', 'huge'] as const;
    const expected = { ok: 200, forged: 401, unsigned: 401, stale: 401, huge: 413 };
    const plan = Array.from({ length: 500 }, (_, i) => {
      const [name, make] = builders[i % builders.length];
      const kind = kinds[Math.floor(i / builders.length) % kinds.length];
      const id = `burst-${name}-${i}`;
      const req =
        kind === 'ok' ? make(LUCHENG_Q, { id })
        : kind === 'forged' ? make(LUCHENG_Q, { id, tamper: 'signature' })
        : kind === 'unsigned' ? make(LUCHENG_Q, { id, tamper: 'missing' })
        : kind === 'stale' ? make(LUCHENG_Q, { id, ageMs: name === 'dingtalk' ? 2 * 3600_000 : 20 * 60_000 })
        : make('问'.repeat(6000), { id });
      return { kind, req };
    });
    const responses = await Promise.all(plan.map((p) => built.app.inject(p.req)));
    await built.app.gongkai.idle();

    expect(responses.map((r) => r.statusCode)).toEqual(plan.map((p) => expected[p.kind]));
    const genuine = plan.filter((p) => p.kind === 'ok').length;
    expect(built.ask.calls).toHaveLength(genuine);
    expect(built.http.calls.filter((c) => c.url.endsWith('/reply'))).toHaveLength(plan.filter((p, i) => p.kind === 'ok' && builders[i % builders.length][0] === 'feishu').length);
    for (const r of responses) noLeak(r);
    for (const r of responses.filter((r) => r.statusCode === 401)) expect(r.body).toBe('');

    // Still serving afterwards.
    expect((await built.app.inject(slackRequest(NOW, LUCHENG_Q, { id: 'after-burst' }))).statusCode).toBe(200);
    const log = built.lines.join('');
    for (const secret of Object.values(SECRETS)) expect(log).not.toContain(secret);
    expect(log).not.toContain(LUCHENG_Q);
  });

  test.each(builders)('%s: 50 concurrent deliveries of one message are answered exactly once', async (_n, make) => {
    const built = await server();
    const responses = await Promise.all(Array.from({ length: 50 }, () => built.app.inject(make(LUCHENG_Q, { id: 'same-id' }))));
    await built.app.gongkai.idle();
    // The platform's retries are acknowledged (200) so it stops; one answer only.
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    expect(built.ask.calls).toHaveLength(1);
    const answered = responses.filter((r) => r.body.includes('23 件') || r.body.includes('Encrypt'));
    const feishuReplies = built.http.calls.filter((c) => c.url.endsWith('/reply'));
    expect(answered.length + feishuReplies.length).toBe(1);
  });
});

describe('junk is refused without detail', () => {
  const junk: Array<[string, string, string, string]> = [
    ['dingtalk', '/webhooks/dingtalk', 'application/json', '{"msgtype":'],
    ['feishu', '/webhooks/feishu', 'application/json', '{"encrypt": 12}'],
    ['feishu', '/webhooks/feishu', 'application/json', '[1,2,3]'],
    ['wecom', '/webhooks/wecom?msg_signature=x&timestamp=1&nonce=1', 'text/xml', '<xml><Encrypt><![CDATA[not base64!]]></Encrypt>'],
    ['slack', '/webhooks/slack', 'application/x-www-form-urlencoded', '%%%&&&=='],
    ['mattermost', '/webhooks/mattermost', 'application/json', '{"token": {"$ne": null}}'],
    ['mattermost', '/webhooks/mattermost', 'application/octet-stream', '\u0000\u0001\u0002'],
  ];
  test.each(junk)('%s %s (%s) → 401, empty body', async (_n, url, type, payload) => {
    const { app, ask } = await server();
    const res = await app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
    expect(res.statusCode).toBe(401);
    expect(res.body).toBe('');
    expect(ask.calls).toHaveLength(0);
  });

  test('a failure inside the engine during a webhook is a 500 in our error shape, no stack; the log line has no question text', async () => {
    const built = await server();
    const res = await built.app.inject(slackRequest(NOW, 'boom'));
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: '服务器内部错误' } });
    noLeak(res);
    const lines = built.lines.map((l) => JSON.parse(l));
    expect(lines.find((l) => l.msg === 'question')).toMatchObject({ channel: 'slack', status: 'error' });
    expect(lines.find((l) => l.msg === 'question').question).toBeUndefined();
  });
});

function capture() {
  const out: string[] = [];
  return { out, log: pino(loggerOptions('info'), new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) })) };
}

test('an error carrying a Telegram update or API payload is logged without the user\'s text', () => {
  const { log, out } = capture();
  const apiError = new GrammyError('Call to \'sendMessage\' failed!', { ok: false, error_code: 400, description: 'Bad Request: chat not found' }, 'sendMessage', { chat_id: 7, text: '私人回复内容' });
  const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 7, type: 'private' }, text: '我的私人问题' } };
  log.error({ err: new BotError(apiError, { update } as never) }, 'telegram handler failed');
  log.error({ err: apiError }, 'telegram handler failed');
  const text = out.join('');
  expect(text).toContain('chat not found');
  expect(text).not.toContain('我的私人问题');
  expect(text).not.toContain('私人回复内容');
});

test('the log redaction paths hide every credential a request or config object could carry', () => {
  const { log, out } = capture();
  log.info({
    req: {
      headers: {
        authorization: 'Bearer t-secret-tenant',
        sign: 'ding-sign-value',
        'x-slack-signature': 'v0=slack-sig-value',
        'x-lark-signature': 'lark-sig-value',
        'x-telegram-bot-api-secret-token': 'tg-secret',
        cookie: 'session=cookie-secret',
      },
    },
    config: { telegram: { token: '123:TG-TOKEN', secret: 'tg-secret2' }, dingtalk: { appSecret: 'ding-app-secret' }, redisUrl: 'redis://:pw-secret@h' },
  });
  const line = out.join('');
  for (const s of ['t-secret-tenant', 'ding-sign-value', 'slack-sig-value', 'lark-sig-value', 'tg-secret', 'cookie-secret', 'TG-TOKEN', 'ding-app-secret', 'pw-secret']) expect(line).not.toContain(s);
});
