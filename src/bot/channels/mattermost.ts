/**
 * Mattermost outgoing webhook (and any chat with a plain token-authenticated outgoing webhook).
 * The token travels in the payload (JSON or form); post_id identifies the message; reply {"text"}.
 */
import type { AppConfigMattermost } from './types.ts';
import { safeEqual, timestampMs, withinWindow } from './crypto.ts';
import { cleanQuestion, parseJson, replayTtl, str, type ChannelAdapter } from './channel.ts';
import { renderAnswer } from '../render.ts';

const WINDOW_MS = 5 * 60_000;

function fields(req: { headers: Record<string, string | undefined>; body: string }): Record<string, string | undefined> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    const json = parseJson(req.body) ?? {};
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, str(v)]));
  }
  return Object.fromEntries(new URLSearchParams(req.body));
}

export function createMattermost(config: AppConfigMattermost): ChannelAdapter {
  return {
    name: 'mattermost',
    path: '/webhooks/mattermost',
    methods: ['POST'],
    replayTtlMs: replayTtl(WINDOW_MS),
    receive(req, now) {
      const f = fields(req);
      const token = f.token ?? req.headers['authorization']?.replace(/^Token\s+/i, '');
      if (!safeEqual(token, config.token)) return { kind: 'reject' };
      // Mattermost sends the post time in ms; a payload without it cannot be judged stale.
      if (f.timestamp !== undefined && !withinWindow(timestampMs(f.timestamp, 'ms'), now, WINDOW_MS)) return { kind: 'reject' };
      const id = f.post_id;
      if (!id) return { kind: 'reply', reply: { status: 400 } };
      let text = f.text ?? '';
      if (f.trigger_word && text.startsWith(f.trigger_word)) text = text.slice(f.trigger_word.length);
      return {
        kind: 'message',
        message: { id, chat: `${f.team_id ?? ''}:${f.channel_id ?? ''}`, question: cleanQuestion(text), private: false },
      };
    },
    async respond(answer) {
      return { status: 200, body: { text: renderAnswer(answer, 'markdown') } };
    },
  };
}
