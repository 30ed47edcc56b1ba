/**
 * WeCom (企业微信) self-built app callback.
 * - msg_signature = SHA-1 hex of the sorted [token, timestamp, nonce, ciphertext], concatenated.
 * - AES-256-CBC, key = Base64(EncodingAESKey + "="), IV = first 16 bytes of the key, PKCS#7 padded to 32;
 *   plaintext = 16 random bytes + 4-byte big-endian length + message + receiveid (the CorpID).
 * GET verifies the URL (decrypt echostr, answer it in plain text); POST answers with an encrypted passive reply.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { AppConfigWeCom } from './types.ts';
import { safeEqual, sha1Hex, timestampMs, withinWindow } from './crypto.ts';
import { cleanQuestion, replayTtl, type ChannelAdapter } from './channel.ts';
import { renderMessages, utf8Bytes } from '../render.ts';

const WINDOW_MS = 5 * 60_000;
const BLOCK = 32;
/** Text message content: at most 2048 bytes, beyond which WeCom cuts it off itself. */
export const WECOM_TEXT_BYTES = 2048;

export const wecomKey = (encodingAesKey: string) => Buffer.from(`${encodingAesKey}=`, 'base64');

export function wecomSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return sha1Hex([token, timestamp, nonce, encrypted].sort().join(''));
}

export function wecomEncrypt(encodingAesKey: string, receiveId: string, message: string, random = randomBytes(16)): string {
  const key = wecomKey(encodingAesKey);
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const plain = Buffer.concat([random, len, msg, Buffer.from(receiveId, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** → { message, receiveId } or null when the ciphertext or its padding is not ours. */
export function wecomDecrypt(encodingAesKey: string, encrypted: string): { message: string; receiveId: string } | null {
  try {
    const key = wecomKey(encodingAesKey);
    const buf = Buffer.from(encrypted, 'base64');
    if (buf.length === 0 || buf.length % 16 !== 0) return null;
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    const padded = Buffer.concat([decipher.update(buf), decipher.final()]);
    const pad = padded[padded.length - 1];
    if (pad < 1 || pad > BLOCK) return null;
    const plain = padded.subarray(0, padded.length - pad);
    if (plain.length < 20) return null;
    const len = plain.readUInt32BE(16);
    if (20 + len > plain.length) return null;
    return {
      message: plain.subarray(20, 20 + len).toString('utf8'),
      receiveId: plain.subarray(20 + len).toString('utf8'),
    };
  } catch {
    return null;
  }
}

/** XML's five predefined entities and character references: a fixed table, never a DTD (no entity expansion). */
const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/g, (all, hex: string, dec: string, name: string) => {
    if (name) return XML_ENTITIES[name];
    const cp = hex ? parseInt(hex, 16) : Number(dec);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });

/**
 * The few tags of WeCom's flat XML: <Tag><![CDATA[v]]></Tag> or <Tag>v</Tag>. Read by pattern, not by an
 * XML parser, so a <!DOCTYPE>/<!ENTITY> in the body is inert text.
 */
export function xmlField(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${tag}>`).exec(xml);
  // A text holding "]]>" arrives as adjacent CDATA sections (…]]]]><![CDATA[>…): join them back.
  return m ? (m[1] !== undefined ? m[1].replace(/\]\]><!\[CDATA\[/g, '') : unescapeXml(m[2])) : undefined;
}

/**
 * echostr arrives URL-encoded; a proxy or a hand-built URL that leaves "+" raw turns it into a space on
 * decoding. Base64 has no spaces, so putting the "+" back is safe (the signature is over the "+" form).
 */
const base64Param = (v: string | undefined) => v?.replace(/ /g, '+');

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export function createWeCom(config: AppConfigWeCom): ChannelAdapter {
  function verified(sig: string | undefined, ts: string | undefined, nonce: string | undefined, encrypted: string, now: number) {
    if (!withinWindow(timestampMs(ts, 's'), now, WINDOW_MS) || nonce === undefined) return null;
    if (!safeEqual(sig, wecomSignature(config.token, ts!, nonce, encrypted))) return null;
    const plain = wecomDecrypt(config.encodingAesKey, encrypted);
    if (!plain || !safeEqual(plain.receiveId, config.corpId)) return null;
    return plain.message;
  }

  return {
    name: 'wecom',
    path: '/webhooks/wecom',
    methods: ['GET', 'POST'],
    replayTtlMs: replayTtl(WINDOW_MS),
    ack: { status: 200, contentType: 'text/plain; charset=utf-8', body: '' },
    receive(req, now) {
      const { msg_signature: sig, timestamp: ts, nonce } = req.query;
      if (req.method === 'GET') {
        const echostr = base64Param(req.query.echostr);
        const echo = echostr === undefined ? null : verified(sig, ts, nonce, echostr, now);
        if (echo === null) return { kind: 'reject' };
        return { kind: 'reply', reply: { status: 200, contentType: 'text/plain; charset=utf-8', body: echo } };
      }
      const encrypted = xmlField(req.body, 'Encrypt');
      const xml = encrypted === undefined ? null : verified(sig, ts, nonce, encrypted, now);
      if (xml === null) return { kind: 'reject' };
      const msgId = xmlField(xml, 'MsgId');
      const from = xmlField(xml, 'FromUserName') ?? '';
      const content = xmlField(xml, 'Content');
      if (xmlField(xml, 'MsgType') !== 'text' || content === undefined || !msgId) {
        return { kind: 'reply', reply: { status: 200, contentType: 'text/plain; charset=utf-8', body: '' } };
      }
      return {
        kind: 'message',
        message: { id: msgId, chat: from, question: cleanQuestion(content), private: true, reply: { to: from } },
      };
    },
    async respond(answer, message, deps) {
      const ts = String(Math.floor(deps.now() / 1000));
      const nonce = randomBytes(8).toString('hex');
      const inner =
        `<xml><ToUserName>${cdata(message.reply!.to)}</ToUserName><FromUserName>${cdata(config.corpId)}</FromUserName>` +
        `<CreateTime>${ts}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(renderMessages(answer, { style: 'plain', limit: WECOM_TEXT_BYTES, measure: utf8Bytes })[0]!)}</Content></xml>`;
      const encrypted = wecomEncrypt(config.encodingAesKey, config.corpId, inner);
      const body =
        `<xml><Encrypt>${cdata(encrypted)}</Encrypt><MsgSignature>${cdata(wecomSignature(config.token, ts, nonce, encrypted))}</MsgSignature>` +
        `<TimeStamp>${ts}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`;
      return { status: 200, contentType: 'application/xml; charset=utf-8', body };
    },
  };
}
