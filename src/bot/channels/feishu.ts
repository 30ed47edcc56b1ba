/**
 * Feishu/Lark event subscription (im.message.receive_v1).
 * - Encrypted bodies {"encrypt": b64}: AES-256-CBC, key = SHA-256(Encrypt Key), IV = first 16 bytes.
 * - X-Lark-Signature = sha256hex(timestamp + nonce + encryptKey + raw body), checked for every event.
 * - url_verification → {"challenge"} (proved by decrypting with our key and/or the verification token).
 * Events are acknowledged at once; the answer goes out through the message-reply API.
 */
import { createDecipheriv, createCipheriv, createHash, randomBytes } from 'node:crypto';
import type { AppConfigFeishu } from './types.ts';
import { safeEqual, sha256Hex, timestampMs, withinWindow } from './crypto.ts';
import { cleanQuestion, parseJson, replayTtl, str, type ChannelAdapter, type HttpClient } from './channel.ts';
import { renderMessages, utf8Bytes } from '../render.ts';

const WINDOW_MS = 5 * 60_000;
/**
 * A text message's request body may be at most 150 KB (open.feishu.cn, 发送消息 / 回复消息); the text
 * travels JSON-encoded twice, so it is kept to 100 KB of UTF-8.
 */
export const FEISHU_TEXT_BYTES = 100_000;

const aesKey = (encryptKey: string) => createHash('sha256').update(encryptKey, 'utf8').digest();

export function feishuDecrypt(encryptKey: string, encrypted: string): string | null {
  try {
    const buf = Buffer.from(encrypted, 'base64');
    if (buf.length < 32 || buf.length % 16 !== 0) return null;
    const decipher = createDecipheriv('aes-256-cbc', aesKey(encryptKey), buf.subarray(0, 16));
    return Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** The platform side of the scheme (tests and tools use it to build genuine requests). */
export function feishuEncrypt(encryptKey: string, plain: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', aesKey(encryptKey), iv);
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

export function feishuSignature(timestamp: string, nonce: string, encryptKey: string, rawBody: string): string {
  return sha256Hex(timestamp + nonce + encryptKey + rawBody);
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

/** Reply-API codes meaning "this tenant_access_token is no good" (revoked, rotated app secret …): fetch anew once. */
const TOKEN_INVALID_CODES = new Set(['99991661', '99991663', '99991671']);

export function createFeishu(config: AppConfigFeishu): ChannelAdapter {
  // One request in flight for every concurrent reply (a burst must not fetch one token per message).
  let token: { value: Promise<string>; expiresAt: number } | null = null;

  async function fetchToken(http: HttpClient, now: number): Promise<{ value: string; expiresAt: number }> {
    const res = await http(`${config.apiBase}/open-apis/auth/v3/tenant_access_token/internal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ app_id: config.appId, app_secret: config.appSecret }),
    });
    const body = obj(res.json);
    const value = str(body?.tenant_access_token);
    if (res.status !== 200 || str(body?.code) !== '0' || !value) throw new Error(`feishu token request failed: status ${res.status} code ${str(body?.code) ?? '?'}`);
    // Valid for `expire` seconds (2 h); renewed 5 minutes early so a reply never goes out with a dying token.
    const expire = typeof body?.expire === 'number' ? body.expire : 3600;
    return { value, expiresAt: now + Math.max(60, expire - 300) * 1000 };
  }

  function tenantToken(http: HttpClient, now: number): Promise<string> {
    if (token && token.expiresAt > now) return token.value;
    const fetched = fetchToken(http, now);
    const entry = { value: fetched.then((t) => t.value), expiresAt: Number.POSITIVE_INFINITY };
    token = entry;
    fetched.then(
      (t) => {
        entry.expiresAt = t.expiresAt;
      },
      () => {
        if (token === entry) token = null;
      },
    );
    return entry.value;
  }

  return {
    name: 'feishu',
    path: '/webhooks/feishu',
    methods: ['POST'],
    replayTtlMs: replayTtl(WINDOW_MS),
    ack: { status: 200, body: {} },
    receive(req, now) {
      const outer = parseJson(req.body);
      if (!outer) return { kind: 'reject' };
      let event: Obj | null = outer;
      let decrypted = false;
      if (typeof outer.encrypt === 'string') {
        if (!config.encryptKey) return { kind: 'reject' };
        const plain = feishuDecrypt(config.encryptKey, outer.encrypt);
        event = plain === null ? null : parseJson(plain);
        if (!event) return { kind: 'reject' };
        decrypted = true;
      } else if (config.encryptKey) {
        return { kind: 'reject' }; // with an Encrypt Key configured, Feishu always encrypts
      }
      const header = obj(event.header);
      const bodyToken = str(header?.token) ?? str(event.token);
      if (config.verificationToken && !safeEqual(bodyToken, config.verificationToken)) return { kind: 'reject' };

      if (event.type === 'url_verification') {
        // The handshake is unsigned; knowing our key (decrypted) or our token (checked above) proves it.
        if (!decrypted && !config.verificationToken) return { kind: 'reject' };
        return { kind: 'reply', reply: { status: 200, body: { challenge: str(event.challenge) ?? '' } } };
      }

      if (config.encryptKey) {
        const ts = req.headers['x-lark-request-timestamp'];
        const nonce = req.headers['x-lark-request-nonce'] ?? '';
        if (!withinWindow(timestampMs(ts, 's'), now, WINDOW_MS)) return { kind: 'reject' };
        const expected = feishuSignature(ts!, nonce, config.encryptKey, req.body);
        if (!safeEqual(req.headers['x-lark-signature'], expected)) return { kind: 'reject' };
      } else if (!withinWindow(timestampMs(str(header?.create_time), 'ms'), now, WINDOW_MS)) {
        return { kind: 'reject' };
      }

      const eventId = str(header?.event_id);
      if (!eventId) return { kind: 'reject' };
      const message = obj(obj(event.event)?.message);
      if (str(header?.event_type) !== 'im.message.receive_v1' || !message) {
        return { kind: 'reply', reply: { status: 200, body: {} } };
      }
      const messageId = str(message.message_id);
      const content = parseJson(str(message.content) ?? '');
      const text = str(content?.text);
      if (!messageId || message.message_type !== 'text' || text === undefined) {
        return { kind: 'reply', reply: { status: 200, body: {} } };
      }
      return {
        kind: 'message',
        message: {
          id: eventId,
          // Per person within a group: one member's "1" or "那2019年呢？" must not continue another member's question.
          chat: `${str(message.chat_id) ?? messageId}:${str(obj(obj(obj(event.event)?.sender)?.sender_id)?.open_id) ?? ''}`,
          question: cleanQuestion(text),
          private: str(message.chat_type) === 'p2p',
          reply: { messageId },
        },
      };
    },
    async respond(answer, message, deps) {
      const messageId = message.reply!.messageId;
      const reply = async () => {
        const access = await tenantToken(deps.http, deps.now());
        const res = await deps.http(`${config.apiBase}/open-apis/im/v1/messages/${encodeURIComponent(messageId)}/reply`, {
          method: 'POST',
          headers: { authorization: `Bearer ${access}`, 'content-type': 'application/json; charset=utf-8' },
          // msg_type text: `content` is itself a JSON string {"text": "…"}.
          body: JSON.stringify({ msg_type: 'text', content: JSON.stringify({ text: renderMessages(answer, { style: 'plain', limit: FEISHU_TEXT_BYTES, measure: utf8Bytes })[0] }) }),
        });
        return { status: res.status, code: str(obj(res.json)?.code) ?? '?' };
      };
      const send = async () => {
        let res = await reply();
        if (TOKEN_INVALID_CODES.has(res.code)) {
          token = null;
          res = await reply();
        }
        if (res.status !== 200 || res.code !== '0') throw new Error(`feishu reply failed: status ${res.status} code ${res.code}`);
      };
      deps.background(send());
      return { status: 200, body: {} };
    },
  };
}
