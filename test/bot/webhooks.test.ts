import { afterEach, describe, expect, test } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createDecipheriv } from 'node:crypto';
import { build, NOW } from './helpers.ts';
import { LUCHENG_Q, LUCHENG_QUOTE, SECRETS } from './fakes.ts';
import {
  dingtalkRequest,
  feishuEvent,
  feishuRequest,
  mattermostRequest,
  slackRequest,
  wecomEncrypt,
  wecomQuery,
  wecomRequest,
  wecomSig,
  type SignOptions,
} from './platforms.ts';

type Built = Awaited<ReturnType<typeof build>>;
let current: Built | null = null;
async function server() {
  current = await build();
  return current;
}
afterEach(async () => {
  await current?.app.close();
  current = null;
});

function decryptWeComReply(xml: string): string {
  const field = (tag: string) => new RegExp(`<${tag}><!\\[CDATA\\[(.*?)\\]\\]></${tag}>`).exec(xml)?.[1] ?? '';
  const encrypted = field('Encrypt');
  const ts = /<TimeStamp>(\d+)<\/TimeStamp>/.exec(xml)![1];
  expect(field('MsgSignature')).toBe(wecomSig(ts, field('Nonce'), encrypted));
  const key = Buffer.from(`${SECRETS.WECOM_ENCODING_AES_KEY}=`, 'base64');
  const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const padded = Buffer.concat([d.update(Buffer.from(encrypted, 'base64')), d.final()]);
  expect(padded.length % 32).toBe(0);
  const plain = padded.subarray(0, padded.length - padded[padded.length - 1]);
  const len = plain.readUInt32BE(16);
  expect(plain.subarray(20 + len).toString()).toBe(SECRETS.WECOM_CORP_ID);
  return plain.subarray(20, 20 + len).toString();
}

interface Platform {
  name: string;
  request: (now: number, text: string, o?: SignOptions) => InjectOptions;
  /** Maximum accepted age; a request older than this is stale. */
  staleMs: number;
  /** The text the user sees, from the response (or the outgoing reply API call). */
  answerText: (res: LightMyRequestResponse, built: Built) => Promise<string>;
}

const platforms: Platform[] = [
  {
    name: 'dingtalk',
    request: dingtalkRequest,
    staleMs: 61 * 60_000,
    answerText: async (res) => {
      expect(res.json().msgtype).toBe('text');
      return res.json().text.content;
    },
  },
  {
    name: 'feishu',
    request: (now, text, o) => feishuRequest(now, feishuEvent(now, text, o), o),
    staleMs: 6 * 60_000,
    answerText: async (res, built) => {
      expect(res.json()).toEqual({});
      await built.app.gongkai.idle();
      const reply = built.http.calls.find((c) => c.url.includes('/reply'))!;
      expect(reply.url).toBe('https://open.feishu.cn/open-apis/im/v1/messages/om_5ce6d572455d361153b7cb51da133945/reply');
      expect(reply.headers.authorization).toBe('Bearer t-abc');
      const body = JSON.parse(reply.body);
      expect(body.msg_type).toBe('text');
      return JSON.parse(body.content).text;
    },
  },
  {
    name: 'wecom',
    request: wecomRequest,
    staleMs: 6 * 60_000,
    answerText: async (res) => {
      const inner = decryptWeComReply(res.body);
      expect(inner).toContain('<ToUserName><![CDATA[zhangsan]]></ToUserName>');
      return /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(inner)![1];
    },
  },
  {
    name: 'slack',
    request: slackRequest,
    staleMs: 6 * 60_000,
    answerText: async (res) => {
      expect(res.json().response_type).toBe('ephemeral');
      return res.json().text;
    },
  },
  {
    name: 'mattermost',
    request: mattermostRequest,
    staleMs: 6 * 60_000,
    answerText: async (res) => res.json().text,
  },
];

describe.each(platforms)('$name webhook', (p) => {
  test('a correctly signed message is answered with the figure and its source', async () => {
    const built = await server();
    const res = await built.app.inject(p.request(NOW, LUCHENG_Q));
    expect(res.statusCode).toBe(200);
    const text = await p.answerText(res, built);
    expect(text).toMatch(/行政复议总计：\**23 件。/);
    expect(text).toContain('第565行');
    expect(text).toContain(LUCHENG_QUOTE.trim());
    expect(built.ask.calls.map((c) => c.question)).toEqual([LUCHENG_Q]);
  });

  test.each([
    ['bad signature', { tamper: 'signature' }],
    ['missing signature', { tamper: 'missing' }],
  ] as const)('%s → 401 with no body', async (_n, o) => {
    const { app, ask } = await server();
    const res = await app.inject(p.request(NOW, LUCHENG_Q, o));
    expect(res.statusCode).toBe(401);
    expect(res.body).toBe('');
    expect(ask.calls).toHaveLength(0);
  });

  test('stale timestamp → 401', async () => {
    const { app, ask } = await server();
    const res = await app.inject(p.request(NOW, LUCHENG_Q, { ageMs: p.staleMs }));
    expect(res.statusCode).toBe(401);
    expect(res.body).toBe('');
    expect(ask.calls).toHaveLength(0);
  });

  test('a redelivered message id → 200 and no second answer; a new id is answered', async () => {
    const { app, ask, http } = await server();
    expect((await app.inject(p.request(NOW, LUCHENG_Q))).statusCode).toBe(200);
    await app.gongkai.idle();
    const repliesBefore = http.calls.length;
    const replay = await app.inject(p.request(NOW, LUCHENG_Q));
    await app.gongkai.idle();
    expect(replay.statusCode).toBe(200);
    expect(['', '{}']).toContain(replay.body);
    expect(ask.calls).toHaveLength(1);
    expect(http.calls).toHaveLength(repliesBefore);
    expect((await app.inject(p.request(NOW, LUCHENG_Q, { id: 'another-id-2' }))).statusCode).toBe(200);
  });

  test('oversized body → 413', async () => {
    const { app } = await server();
    const res = await app.inject(p.request(NOW, '问'.repeat(6000)));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('follow-up in the same conversation reuses the previous query', async () => {
    const { app, ask } = await server();
    await app.inject(p.request(NOW, LUCHENG_Q));
    await app.inject(p.request(NOW, '那2019年呢？', { id: 'follow-up-1' }));
    expect(ask.calls[1].options?.previous).toEqual({ agency: '温州市鹿城区人民政府', year: 2020, metric: 'review.total' });
  });
});

describe('platform specifics', () => {
  test('Feishu url_verification: encrypted challenge is answered', async () => {
    const { app } = await server();
    const res = await app.inject(feishuRequest(NOW, { challenge: 'ajls384kdjx98XX', token: SECRETS.FEISHU_VERIFICATION_TOKEN, type: 'url_verification' }, { tamper: 'missing' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ challenge: 'ajls384kdjx98XX' });
  });

  test('Feishu url_verification with a wrong token → 401', async () => {
    const { app } = await server();
    const res = await app.inject(feishuRequest(NOW, { challenge: 'c', token: 'nope', type: 'url_verification' }));
    expect(res.statusCode).toBe(401);
  });

  test('Feishu: an unencrypted body is refused when an Encrypt Key is set', async () => {
    const { app } = await server();
    const res = await app.inject({ method: 'POST', url: '/webhooks/feishu', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(feishuEvent(NOW, LUCHENG_Q)) });
    expect(res.statusCode).toBe(401);
  });

  test('Feishu: tampered ciphertext → 401', async () => {
    const { app } = await server();
    const res = await app.inject(feishuRequest(NOW, feishuEvent(NOW, LUCHENG_Q), { tamper: 'body' }));
    expect(res.statusCode).toBe(401);
  });

  test('WeCom GET URL verification returns the decrypted echostr', async () => {
    const { app } = await server();
    const echostr = wecomEncrypt('1616140317555161061');
    const res = await app.inject({ method: 'GET', url: `/webhooks/wecom?${wecomQuery(NOW, echostr)}&echostr=${encodeURIComponent(echostr)}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('1616140317555161061');
    const bad = await app.inject({ method: 'GET', url: `/webhooks/wecom?${wecomQuery(NOW, echostr, { tamper: 'signature' })}&echostr=${encodeURIComponent(echostr)}` });
    expect(bad.statusCode).toBe(401);
  });

  test('WeCom: a message encrypted for another CorpID → 401', async () => {
    const { app } = await server();
    const encrypted = wecomEncrypt('<xml><MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId></xml>', 'wrongcorp');
    const res = await app.inject({ method: 'POST', url: `/webhooks/wecom?${wecomQuery(NOW, encrypted)}`, headers: { 'content-type': 'text/xml' }, payload: `<xml><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>` });
    expect(res.statusCode).toBe(401);
  });

  test('Slack: a body changed after signing → 401', async () => {
    const { app } = await server();
    expect((await app.inject(slackRequest(NOW, LUCHENG_Q, { tamper: 'body' }))).statusCode).toBe(401);
  });

  test('text chats: a clarify answer lists numbered candidates; replying the number answers for that agency', async () => {
    const { app, ask } = await server();
    const first = await app.inject(mattermostRequest(NOW, '统计局行政复议多少件', { id: 'p1' }));
    // Markdown: "1\." so that Mattermost shows the number typed, not a list of its own.
    expect(first.json().text).toContain('1\\. 温州市统计局\n2\\. 温州市鹿城区统计局\n回复序号即可选择。');
    const second = await app.inject(mattermostRequest(NOW, '1', { id: 'p2' }));
    expect(ask.calls[1]).toMatchObject({ question: '统计局行政复议多少件', options: { agencyId: 2 } });
    expect(second.json().text).toContain('温州市统计局2020年行政复议总计：**0 件。**');
  });

  test('webhooks are rate-limited per client too', async () => {
    const built = await build({ RATE_LIMIT_MAX: '2' });
    current = built;
    const statuses = [];
    for (const id of ['r1', 'r2', 'r3']) statuses.push((await built.app.inject(slackRequest(NOW, LUCHENG_Q, { id }))).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
  });

  test('Feishu: the tenant access token is fetched once and reused', async () => {
    const built = await server();
    await built.app.inject(feishuRequest(NOW, feishuEvent(NOW, LUCHENG_Q, { id: 'ev-1' })));
    await built.app.inject(feishuRequest(NOW, feishuEvent(NOW, LUCHENG_Q, { id: 'ev-2' })));
    await built.app.gongkai.idle();
    const urls = built.http.calls.map((c) => c.url.replace('https://open.feishu.cn', ''));
    expect(urls.filter((u) => u.includes('tenant_access_token'))).toHaveLength(1);
    expect(urls.filter((u) => u.endsWith('/reply'))).toHaveLength(2);
    expect(JSON.parse(built.http.calls[0].body)).toEqual({ app_id: SECRETS.FEISHU_APP_ID, app_secret: SECRETS.FEISHU_APP_SECRET });
  });

  test('a channel without its variables is off (404)', async () => {
    const built = await build({ SLACK_SIGNING_SECRET: '' });
    current = built;
    expect((await built.app.inject(slackRequest(NOW, LUCHENG_Q))).statusCode).toBe(404);
  });
});
