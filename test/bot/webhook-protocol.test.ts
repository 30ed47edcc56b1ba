/**
 * Protocol details of each platform, checked against its documentation (requests built in platforms.ts from
 * the documented algorithms): the payload variants, unit conventions and markup a real platform sends.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createDecipheriv, createHmac } from 'node:crypto';
import { TRUNCATED_NOTICE } from '../../src/bot/render.ts';
import { build, NOW } from './helpers.ts';
import { LUCHENG_Q, recordingHttp, SECRETS } from './fakes.ts';
import type { HttpClient } from '../../src/bot/channels/channel.ts';
import {
  dingtalkRequest,
  feishuEvent,
  feishuRequest,
  mattermostFormRequest,
  mattermostRequest,
  slackRequest,
  wecomEncrypt,
  wecomRequest,
  wecomSig,
  type SignOptions,
} from './platforms.ts';

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

describe('Mattermost: the form payload (the default content type) carries timestamp in seconds', () => {
  test('a genuine form-encoded webhook is answered, the trigger word stripped', async () => {
    const { app, ask } = await server();
    const res = await app.inject(mattermostFormRequest(NOW, LUCHENG_Q));
    expect(res.statusCode).toBe(200);
    expect(res.json().text).toContain('第565行');
    expect(ask.calls.map((c) => c.question)).toEqual([LUCHENG_Q]);
  });

  test.each([
    ['6 minutes old', { ageMs: 6 * 60_000 }],
    ['6 minutes in the future', { ageMs: -6 * 60_000 }],
    ['wrong token', { tamper: 'signature' }],
    ['no token', { tamper: 'missing' }],
  ] as Array<[string, SignOptions]>)('form: %s → 401', async (_n, o) => {
    const { app, ask } = await server();
    const res = await app.inject(mattermostFormRequest(NOW, LUCHENG_Q, o));
    expect(res.statusCode).toBe(401);
    expect(res.body).toBe('');
    expect(ask.calls).toHaveLength(0);
  });

  test('a payload without timestamp cannot be judged fresh → 401', async () => {
    const { app } = await server();
    const req = mattermostRequest(NOW, LUCHENG_Q);
    const body = JSON.parse(req.payload as string);
    delete body.timestamp;
    expect((await app.inject({ ...req, payload: JSON.stringify(body) })).statusCode).toBe(401);
  });

  test('the trigger word is stripped whatever its case', async () => {
    const { app, ask } = await server();
    await app.inject(mattermostFormRequest(NOW, LUCHENG_Q, { trigger: 'GongKai' }));
    expect(ask.calls.map((c) => c.question)).toEqual([LUCHENG_Q]);
  });
});

describe('mention markup and escaping are removed before the question is asked', () => {
  test.each([
    ['Slack escaped user mention <@U…|name>', slackRequest(NOW, `<@U012ABCDEF|gongkai> ${LUCHENG_Q}`)],
    ['Slack plain user mention <@U…>', slackRequest(NOW, `<@W012ABCDEF> ${LUCHENG_Q}`)],
    ['Feishu @_all and @_user_1', feishuRequest(NOW, feishuEvent(NOW, `@_all ${LUCHENG_Q}`))],
    ['DingTalk leading space after the @', dingtalkRequest(NOW, `  ${LUCHENG_Q} `)],
  ] as Array<[string, InjectOptions]>)('%s', async (_n, req) => {
    const built = await server();
    expect((await built.app.inject(req)).statusCode).toBe(200);
    await built.app.gongkai.idle();
    expect(built.ask.calls.map((c) => c.question)).toEqual([LUCHENG_Q]);
  });

  test('Slack: the three HTML entities Slack escapes are decoded', async () => {
    const { app, ask } = await server();
    await app.inject(slackRequest(NOW, '鹿城区 &amp; 统计局 &lt;2020&gt;'));
    expect(ask.calls[0].question).toBe('鹿城区 & 统计局 <2020>');
  });
});

describe('group chats keep one follow-up context per member', () => {
  const platforms: Array<[string, (text: string, o: SignOptions) => InjectOptions]> = [
    ['dingtalk', (t, o) => dingtalkRequest(NOW, t, o)],
    ['feishu', (t, o) => feishuRequest(NOW, feishuEvent(NOW, t, o))],
    ['mattermost', (t, o) => mattermostRequest(NOW, t, o)],
  ];
  test.each(platforms)('%s: another member\'s "那2019年呢？" does not continue my question', async (_n, req) => {
    const built = await server();
    await built.app.inject(req(LUCHENG_Q, { id: 'm1', sender: 'alice' }));
    await built.app.inject(req('那2019年呢？', { id: 'm2', sender: 'bob' }));
    await built.app.inject(req('那2019年呢？', { id: 'm3', sender: 'alice' }));
    await built.app.gongkai.idle();
    expect(built.ask.calls.map((c) => c.options?.previous)).toEqual([undefined, undefined, { agency: '温州市鹿城区人民政府', year: 2020, metric: 'review.total' }]);
  });

  test.each(platforms)('%s: another member\'s "1" does not answer my choice', async (_n, req) => {
    const built = await server();
    await built.app.inject(req('统计局行政复议多少件', { id: 'c1', sender: 'alice' }));
    await built.app.inject(req('1', { id: 'c2', sender: 'bob' }));
    await built.app.inject(req('1', { id: 'c3', sender: 'alice' }));
    await built.app.gongkai.idle();
    expect(built.ask.calls.map((c) => [c.question, c.options?.agencyId])).toEqual([
      ['统计局行政复议多少件', undefined],
      ['1', undefined],
      ['统计局行政复议多少件', 2],
    ]);
  });
});

describe('Feishu tenant_access_token', () => {
  function tokenServer(replies: Array<{ code: number }>) {
    const http = recordingHttp();
    const scripted = (async (url, init) => {
      if (url.endsWith('/reply')) {
        http.calls.push({ url, headers: init.headers, body: init.body });
        return { status: 200, json: replies.shift() ?? { code: 0 } };
      }
      return http(url, init);
    }) as HttpClient;
    return { http, scripted };
  }

  test('a burst of events fetches the token once', async () => {
    const built = await server();
    const res = await Promise.all(Array.from({ length: 20 }, (_, i) => built.app.inject(feishuRequest(NOW, feishuEvent(NOW, LUCHENG_Q, { id: `burst-${i}` })))));
    expect(res.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    await built.app.gongkai.idle();
    const urls = built.http.calls.map((c) => c.url);
    expect(urls.filter((u) => u.endsWith('/tenant_access_token/internal'))).toHaveLength(1);
    expect(urls.filter((u) => u.endsWith('/reply'))).toHaveLength(20);
  });

  test('a reply refused for an invalid token (99991663) fetches a new token and is sent again', async () => {
    const { http, scripted } = tokenServer([{ code: 99991663 }, { code: 0 }]);
    const built = await server({}, { http: scripted });
    await built.app.inject(feishuRequest(NOW, feishuEvent(NOW, LUCHENG_Q)));
    await built.app.gongkai.idle();
    expect(http.calls.map((c) => c.url.replace('https://open.feishu.cn/open-apis', ''))).toEqual([
      '/auth/v3/tenant_access_token/internal',
      '/im/v1/messages/om_5ce6d572455d361153b7cb51da133945/reply',
      '/auth/v3/tenant_access_token/internal',
      '/im/v1/messages/om_5ce6d572455d361153b7cb51da133945/reply',
    ]);
  });

  test('a failed token request is not cached; the failure is logged without the app secret', async () => {
    let fail = true;
    const http = recordingHttp();
    const flaky = (async (url, init) => {
      if (fail && url.endsWith('/tenant_access_token/internal')) {
        fail = false;
        return { status: 200, json: { code: 10014, msg: 'app secret invalid' } };
      }
      return http(url, init);
    }) as HttpClient;
    const built = await server({}, { http: flaky });
    await built.app.inject(feishuRequest(NOW, feishuEvent(NOW, LUCHENG_Q, { id: 'e1' })));
    await built.app.gongkai.idle();
    await built.app.inject(feishuRequest(NOW, feishuEvent(NOW, LUCHENG_Q, { id: 'e2' })));
    await built.app.gongkai.idle();
    expect(http.calls.filter((c) => c.url.endsWith('/reply'))).toHaveLength(1);
    const log = built.lines.join('');
    expect(log).toContain('feishu token request failed: status 200 code 10014');
    expect(log).not.toContain(SECRETS.FEISHU_APP_SECRET);
  });
});

describe('WeCom details', () => {
  test('URL verification: an echostr whose "+" reached us as a space still verifies', async () => {
    let echostr = '';
    let msg = '';
    // Find a ciphertext with a "+" in it (random IV: a few tries at most).
    for (let i = 0; !echostr.includes('+'); i++) {
      msg = `echo-${i}`;
      echostr = wecomEncrypt(msg);
    }
    const ts = String(Math.floor(NOW / 1000));
    const q = `msg_signature=${wecomSig(ts, 'n1', echostr)}&timestamp=${ts}&nonce=n1&echostr=${echostr}`; // "+" left raw
    const { app } = await server();
    const res = await app.inject({ method: 'GET', url: `/webhooks/wecom?${q}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(msg);
  });

  function wecomInner(content: string, id: string): InjectOptions {
    const inner =
      `<xml><ToUserName><![CDATA[${SECRETS.WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName>` +
      `<CreateTime>${Math.floor(NOW / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>${content}</Content><MsgId>${id}</MsgId><AgentID>1000002</AgentID></xml>`;
    const encrypted = wecomEncrypt(inner);
    const ts = String(Math.floor(NOW / 1000));
    return {
      method: 'POST',
      url: `/webhooks/wecom?msg_signature=${wecomSig(ts, 'n2', encrypted)}&timestamp=${ts}&nonce=n2`,
      headers: { 'content-type': 'text/xml' },
      payload: `<xml><ToUserName><![CDATA[${SECRETS.WECOM_CORP_ID}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`,
    };
  }

  test.each([
    ['text with "]]>" split across CDATA sections', '<![CDATA[a]]]]><![CDATA[>b]]>', 'a]]>b'],
    ['plain text with the predefined entities', '鹿城区 &amp; 统计局 &lt;x&gt; &#x4E2D;&#25991;', '鹿城区 & 统计局 <x> 中文'],
  ])('Content: %s', async (_n, content, expected) => {
    const { app, ask } = await server();
    expect((await app.inject(wecomInner(content, '99'))).statusCode).toBe(200);
    expect(ask.calls[0].question).toBe(expected);
  });

  test('a DOCTYPE with entities in the body is inert text (no expansion) → 401', async () => {
    const { app, ask } = await server();
    const ts = String(Math.floor(NOW / 1000));
    const body = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "AAAA"><!ENTITY b "&a;&a;&a;&a;">]><xml><Encrypt>&b;</Encrypt></xml>';
    const res = await app.inject({ method: 'POST', url: `/webhooks/wecom?msg_signature=${wecomSig(ts, 'n', '&b;')}&timestamp=${ts}&nonce=n`, headers: { 'content-type': 'text/xml' }, payload: body });
    expect(res.statusCode).toBe(401);
    expect(res.body).toBe('');
    expect(ask.calls).toHaveLength(0);
  });
});

describe('timestamps too far in the future are refused like stale ones', () => {
  test.each([
    ['dingtalk (1 h window)', dingtalkRequest(NOW, LUCHENG_Q, { ageMs: -61 * 60_000 })],
    ['feishu', feishuRequest(NOW, feishuEvent(NOW, LUCHENG_Q), { ageMs: -6 * 60_000 })],
    ['wecom', wecomRequest(NOW, LUCHENG_Q, { ageMs: -6 * 60_000 })],
    ['slack', slackRequest(NOW, LUCHENG_Q, { ageMs: -6 * 60_000 })],
    ['mattermost (JSON, ms)', mattermostRequest(NOW, LUCHENG_Q, { ageMs: -6 * 60_000 })],
  ] as Array<[string, InjectOptions]>)('%s → 401', async (_n, req) => {
    const { app, ask } = await server();
    const res = await app.inject(req);
    expect(res.statusCode).toBe(401);
    expect(res.body).toBe('');
    expect(ask.calls).toHaveLength(0);
  });

  test.each([
    ['dingtalk at 59 minutes', dingtalkRequest(NOW, LUCHENG_Q, { ageMs: -59 * 60_000 })],
    ['slack at 4 minutes', slackRequest(NOW, LUCHENG_Q, { ageMs: -4 * 60_000 })],
  ] as Array<[string, InjectOptions]>)('inside the window: %s → 200', async (_n, req) => {
    const { app } = await server();
    expect((await app.inject(req)).statusCode).toBe(200);
  });
});

describe('long answers are cut between figures by us, never mid-figure by the platform', () => {
  function wecomReplyContent(xml: string): string {
    const encrypted = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(xml)![1];
    const key = Buffer.from(`${SECRETS.WECOM_ENCODING_AES_KEY}=`, 'base64');
    const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    const padded = Buffer.concat([d.update(Buffer.from(encrypted, 'base64')), d.final()]);
    const plain = padded.subarray(0, padded.length - padded[padded.length - 1]);
    const inner = plain.subarray(20, 20 + plain.readUInt32BE(16)).toString();
    return /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(inner)![1];
  }

  test('WeCom: a 60-figure answer fits its 2048-byte text limit, each figure shown whole, with a notice', async () => {
    const { app } = await server();
    const content = wecomReplyContent((await app.inject(wecomRequest(NOW, 'long'))).body);
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
    const figures = content.split('\n').filter((l) => l.includes('年第'));
    expect(figures.length).toBeGreaterThan(3);
    for (const line of figures) expect(line).toMatch(/：23 件。$/);
    expect(content.endsWith(TRUNCATED_NOTICE)).toBe(true);
  });

  test('Slack: the same answer is under 40,000 characters and so is sent whole', async () => {
    const { app } = await server();
    const text: string = (await app.inject(slackRequest(NOW, 'long'))).json().text;
    expect(text.split('\n').filter((l) => l.includes('年第'))).toHaveLength(60);
    expect(text).not.toContain(TRUNCATED_NOTICE);
  });
});

test("Slack: the signed ssl_check probe is acknowledged with 200 and asks nothing", async () => {
  const { app, ask } = await server();
  const ts = String(Math.floor(NOW / 1000));
  const body = 'ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO';
  const sig = `v0=${createHmac('sha256', SECRETS.SLACK_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  const res = await app.inject({ method: 'POST', url: '/webhooks/slack', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': sig }, payload: body });
  expect(res.statusCode).toBe(200);
  expect(ask.calls).toHaveLength(0);
});

test("Slack: the unsigned ssl_check probe (as Slack sends it) is acknowledged with 200 and asks nothing", async () => {
  const { app, ask } = await server();
  const res = await app.inject({ method: 'POST', url: '/webhooks/slack', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO' });
  expect([res.statusCode, res.body]).toEqual([200, '']);
  expect(ask.calls).toHaveLength(0);
  // Unsigned, anything else is still refused.
  const forged = await app.inject({ method: 'POST', url: '/webhooks/slack', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'ssl_check=0&text=x&trigger_id=1' });
  expect(forged.statusCode).toBe(401);
});
