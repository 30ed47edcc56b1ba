/**
 * The platform side: requests built exactly as each platform builds them, from its documented algorithm
 * (written out here independently of src/, so a wrong implementation cannot agree with itself).
 */
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { SECRETS } from './fakes.ts';

export interface SignOptions {
  /** Seconds (or ms for DingTalk/Mattermost) the request claims to be from, relative to now. */
  ageMs?: number;
  tamper?: 'signature' | 'missing' | 'body';
  id?: string;
  text?: string;
  /** Who sends it (DingTalk senderId, Feishu open_id, Mattermost user_id). */
  sender?: string;
}

const hmac = (key: string, data: string) => createHmac('sha256', key).update(data).digest();

export function dingtalkRequest(now: number, text: string, o: SignOptions = {}): InjectOptions {
  const ts = String(now - (o.ageMs ?? 0));
  let sign = hmac(SECRETS.DINGTALK_APP_SECRET, `${ts}\n${SECRETS.DINGTALK_APP_SECRET}`).toString('base64');
  if (o.tamper === 'signature') sign = hmac('wrong', `${ts}\nwrong`).toString('base64');
  const headers: Record<string, string> = { 'content-type': 'application/json', timestamp: ts };
  if (o.tamper !== 'missing') headers.sign = sign;
  return {
    method: 'POST',
    url: '/webhooks/dingtalk',
    headers,
    payload: JSON.stringify({
      msgtype: 'text',
      text: { content: ` ${text}` },
      msgId: o.id ?? 'msgABC123',
      createAt: String(now),
      conversationType: '2',
      conversationId: 'cidXYZ==',
      senderId: o.sender ?? '$:LWCP_v1:$abc',
      senderNick: '张三',
      chatbotUserId: '$:LWCP_v1:$bot',
      sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=x',
    }),
  };
}

function feishuEncrypt(plain: string): string {
  const key = createHash('sha256').update(SECRETS.FEISHU_ENCRYPT_KEY).digest();
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, c.update(plain, 'utf8'), c.final()]).toString('base64');
}

export function feishuEvent(now: number, text: string, o: SignOptions = {}) {
  return {
    schema: '2.0',
    header: {
      event_id: o.id ?? '5e3702a84e847582be8db7fb73283c02',
      event_type: 'im.message.receive_v1',
      create_time: String(now),
      token: SECRETS.FEISHU_VERIFICATION_TOKEN,
      app_id: SECRETS.FEISHU_APP_ID,
      tenant_key: '2ca1d211f64f6438',
    },
    event: {
      sender: { sender_id: { open_id: o.sender ?? 'ou_84aad35d084aa403a838cf73ee18467' }, sender_type: 'user' },
      message: {
        message_id: 'om_5ce6d572455d361153b7cb51da133945',
        chat_id: 'oc_5ce6d572455d361153b7xx51da133945',
        chat_type: 'group',
        message_type: 'text',
        content: JSON.stringify({ text: `@_user_1 ${text}` }),
        mentions: [{ key: '@_user_1', name: 'gongkai' }],
      },
    },
  };
}

export function feishuRequest(now: number, payload: object, o: SignOptions = {}): InjectOptions {
  const body = JSON.stringify({ encrypt: feishuEncrypt(JSON.stringify(payload)) });
  const ts = String(Math.floor((now - (o.ageMs ?? 0)) / 1000));
  const nonce = '13a6b4f2';
  let sig = createHash('sha256').update(ts + nonce + SECRETS.FEISHU_ENCRYPT_KEY + body).digest('hex');
  if (o.tamper === 'signature') sig = createHash('sha256').update(ts + nonce + 'wrong' + body).digest('hex');
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce };
  if (o.tamper !== 'missing') headers['x-lark-signature'] = sig;
  return { method: 'POST', url: '/webhooks/feishu', headers, payload: o.tamper === 'body' ? body.replace('"encrypt":"', '"encrypt":"A') : body };
}

const wecomKey = () => Buffer.from(`${SECRETS.WECOM_ENCODING_AES_KEY}=`, 'base64');

export function wecomEncrypt(message: string, receiveId = SECRETS.WECOM_CORP_ID): string {
  const key = wecomKey();
  const msg = Buffer.from(message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(receiveId)]);
  const pad = 32 - (plain.length % 32);
  const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([c.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), c.final()]).toString('base64');
}

export const wecomSig = (ts: string, nonce: string, encrypted: string) =>
  createHash('sha1').update([SECRETS.WECOM_TOKEN, ts, nonce, encrypted].sort().join('')).digest('hex');

export function wecomQuery(now: number, encrypted: string, o: SignOptions = {}): string {
  const ts = String(Math.floor((now - (o.ageMs ?? 0)) / 1000));
  const nonce = '1372623149';
  let sig = wecomSig(ts, nonce, encrypted);
  if (o.tamper === 'signature') sig = createHash('sha1').update(`x${sig}`).digest('hex');
  const q = new URLSearchParams({ timestamp: ts, nonce });
  if (o.tamper !== 'missing') q.set('msg_signature', sig);
  return q.toString();
}

export function wecomRequest(now: number, text: string, o: SignOptions = {}): InjectOptions {
  const inner =
    `<xml><ToUserName><![CDATA[${SECRETS.WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>` +
    `<CreateTime>${Math.floor(now / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content>` +
    `<MsgId>${o.id ?? '1234567890123456'}</MsgId><AgentID>1000002</AgentID></xml>`;
  const encrypted = wecomEncrypt(inner);
  return {
    method: 'POST',
    url: `/webhooks/wecom?${wecomQuery(now, encrypted, o)}`,
    headers: { 'content-type': 'text/xml' },
    payload: `<xml><ToUserName><![CDATA[${SECRETS.WECOM_CORP_ID}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`,
  };
}

export function slackRequest(now: number, text: string, o: SignOptions = {}): InjectOptions {
  const ts = String(Math.floor((now - (o.ageMs ?? 0)) / 1000));
  const body = new URLSearchParams({
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: 'C2147483705',
    channel_name: 'test',
    user_id: 'U2147483697',
    user_name: 'Steve',
    command: '/gongkai',
    text,
    response_url: 'https://hooks.slack.com/commands/1234/5678',
    trigger_id: o.id ?? '13345224609.738474920.8088930838d88f008e0',
  }).toString();
  let sig = `v0=${hmac(SECRETS.SLACK_SIGNING_SECRET, `v0:${ts}:${body}`).toString('hex')}`;
  if (o.tamper === 'signature') sig = `v0=${hmac('wrong', `v0:${ts}:${body}`).toString('hex')}`;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts };
  if (o.tamper !== 'missing') headers['x-slack-signature'] = sig;
  return { method: 'POST', url: '/webhooks/slack', headers, payload: o.tamper === 'body' ? body.replace('Steve', 'Mallory') : body };
}

export function mattermostRequest(now: number, text: string, o: SignOptions = {}): InjectOptions {
  const payload: Record<string, string | number> = {
    channel_id: 'hawos4dqtby53pd64o4a4cmeoo',
    channel_name: 'town-square',
    team_domain: 'someteam',
    team_id: 'kwoknj9nwpypzgzy78wkw516qe',
    post_id: o.id ?? 'axdygg1957njfe5pu38saikdho',
    text: `gongkai ${text}`,
    timestamp: now - (o.ageMs ?? 0),
    token: o.tamper === 'signature' ? 'wrong-token' : SECRETS.MATTERMOST_TOKEN,
    trigger_word: 'gongkai',
    user_id: o.sender ?? 'rnina9994bde8mua79zqcg5hmo',
    user_name: 'somename',
  };
  if (o.tamper === 'missing') delete payload.token;
  return { method: 'POST', url: '/webhooks/mattermost', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) };
}

/**
 * Mattermost's default content type, application/x-www-form-urlencoded, as its server writes it
 * (OutgoingWebhookPayload.ToFormValues): the same fields, but `timestamp` in SECONDS (CreateAt/1000).
 */
export function mattermostFormRequest(now: number, text: string, o: SignOptions & { trigger?: string } = {}): InjectOptions {
  const v = new URLSearchParams();
  v.set('token', o.tamper === 'signature' ? 'wrong-token' : SECRETS.MATTERMOST_TOKEN);
  if (o.tamper === 'missing') v.delete('token');
  v.set('team_id', 'kwoknj9nwpypzgzy78wkw516qe');
  v.set('team_domain', 'someteam');
  v.set('channel_id', 'hawos4dqtby53pd64o4a4cmeoo');
  v.set('channel_name', 'town-square');
  v.set('timestamp', String(Math.floor((now - (o.ageMs ?? 0)) / 1000)));
  v.set('user_id', o.sender ?? 'rnina9994bde8mua79zqcg5hmo');
  v.set('user_name', 'somename');
  v.set('post_id', o.id ?? 'bxdygg1957njfe5pu38saikdho');
  v.set('text', `${o.trigger ?? 'gongkai'} ${text}`);
  v.set('trigger_word', 'gongkai');
  v.set('file_ids', '');
  return { method: 'POST', url: '/webhooks/mattermost', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: v.toString() };
}
