/**
 * Slack slash command. X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing secret, "v0:{ts}:{raw body}")),
 * X-Slack-Request-Timestamp (s) within 5 minutes; reply {"response_type":"ephemeral","text"}.
 * A slash command has no message id; its trigger_id is unique per invocation.
 */
import type { AppConfigSlack } from './types.ts';
import { hmacSha256, safeEqual, timestampMs, withinWindow } from './crypto.ts';
import { cleanQuestion, replayTtl, type ChannelAdapter } from './channel.ts';
import { renderMessages } from '../render.ts';

const WINDOW_MS = 5 * 60_000;
/** Slack truncates a message's text beyond 40,000 characters. */
const SLACK_TEXT_CHARS = 40_000;

export function slackSignature(secret: string, timestamp: string, rawBody: string): string {
  return `v0=${hmacSha256(secret, `v0:${timestamp}:${rawBody}`).toString('hex')}`;
}

/** Slack escapes exactly these three in the text it sends (after mentions are stripped they are literal). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function createSlack(config: AppConfigSlack): ChannelAdapter {
  return {
    name: 'slack',
    path: '/webhooks/slack',
    methods: ['POST'],
    replayTtlMs: replayTtl(WINDOW_MS),
    ack: { status: 200 },
    receive(req, now) {
      // Slack's periodic certificate check of a slash-command URL is unsigned; its SDKs answer it 200.
      // It carries no question, so answering it reveals nothing.
      if (new URLSearchParams(req.body).get('ssl_check') === '1') return { kind: 'reply', reply: { status: 200 } };
      const ts = req.headers['x-slack-request-timestamp'];
      if (!withinWindow(timestampMs(ts, 's'), now, WINDOW_MS)) return { kind: 'reject' };
      if (!safeEqual(req.headers['x-slack-signature'], slackSignature(config.signingSecret, ts!, req.body))) return { kind: 'reject' };
      const form = new URLSearchParams(req.body);
      const id = form.get('trigger_id');
      if (!id) return { kind: 'reply', reply: { status: 400 } };
      const question = unescapeSlack(cleanQuestion(form.get('text') ?? ''));
      if (question === '') {
        return { kind: 'reply', reply: { status: 200, body: { response_type: 'ephemeral', text: `用法：${form.get('command') ?? '/gongkai'} 鹿城区2020年行政复议多少件` } } };
      }
      const chat = `${form.get('team_id') ?? ''}:${form.get('channel_id') ?? ''}:${form.get('user_id') ?? ''}`;
      return { kind: 'message', message: { id, chat, question, private: (form.get('channel_name') ?? '') === 'directmessage' } };
    },
    async respond(answer) {
      return { status: 200, body: { response_type: 'ephemeral', text: renderMessages(answer, { style: 'slack', limit: SLACK_TEXT_CHARS })[0] } };
    },
  };
}
