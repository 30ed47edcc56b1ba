/**
 * DingTalk outgoing robot. Header `sign` = Base64(HMAC-SHA256(appSecret, timestamp + "\n" + appSecret)),
 * header `timestamp` (ms) within one hour; reply synchronously with a text message.
 */
import type { AppConfigDingTalk } from './types.ts';
import { hmacSha256, safeEqual, timestampMs, withinWindow } from './crypto.ts';
import { cleanQuestion, parseJson, replayTtl, str, type ChannelAdapter } from './channel.ts';
import { renderMessages } from '../render.ts';

const WINDOW_MS = 60 * 60_000;
/**
 * Longest reply we send. DingTalk documents no limit we could find for the outgoing robot's synchronous
 * text reply, and a long one is shown whole, as one wall of text (one went out at 18,434 characters):
 * we cut between figures at 5,000 characters, with a notice, as for the other office chats.
 */
export const DINGTALK_TEXT_CHARS = 5_000;

export function dingtalkSign(appSecret: string, timestamp: string): string {
  return hmacSha256(appSecret, `${timestamp}\n${appSecret}`).toString('base64');
}

export function createDingTalk(config: AppConfigDingTalk): ChannelAdapter {
  return {
    name: 'dingtalk',
    path: '/webhooks/dingtalk',
    methods: ['POST'],
    replayTtlMs: replayTtl(WINDOW_MS),
    ack: { status: 200 },
    receive(req, now) {
      const ts = req.headers['timestamp'];
      if (!withinWindow(timestampMs(ts, 'ms'), now, WINDOW_MS)) return { kind: 'reject' };
      if (!safeEqual(req.headers['sign'], dingtalkSign(config.appSecret, ts!))) return { kind: 'reject' };
      const body = parseJson(req.body);
      const text = body && typeof body.text === 'object' && body.text ? str((body.text as Record<string, unknown>).content) : undefined;
      const id = body ? str(body.msgId) : undefined;
      if (!body || !id) return { kind: 'reply', reply: { status: 400 } };
      if (text === undefined || body.msgtype !== 'text') {
        return { kind: 'reply', reply: { status: 200, body: { msgtype: 'text', text: { content: '目前只能回答文字提问。' } } } };
      }
      // Per person within a group: one member's "1" or "那2019年呢？" must not continue another member's question.
      const chat = `${str(body.conversationId) ?? ''}:${str(body.senderId) ?? str(body.senderStaffId) ?? ''}`;
      return {
        kind: 'message',
        message: { id, chat, question: cleanQuestion(text), private: str(body.conversationType) === '1' },
      };
    },
    async respond(answer) {
      return { status: 200, body: { msgtype: 'text', text: { content: renderMessages(answer, { style: 'plain', limit: DINGTALK_TEXT_CHARS })[0] } } };
    },
  };
}
