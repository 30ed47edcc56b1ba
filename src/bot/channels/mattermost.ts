/**
 * Mattermost outgoing webhook (and any chat with a plain token-authenticated outgoing webhook).
 * The token travels in the payload (JSON or form); post_id identifies the message; reply {"text"}.
 * The post time is `timestamp`: milliseconds in the JSON payload but SECONDS in the form payload
 * (the server's ToFormValues writes Timestamp/1000) — form is the webhook's default content type.
 */
import type { AppConfigMattermost } from './types.ts';
import { safeEqual, timestampMs, withinWindow } from './crypto.ts';
import { cleanQuestion, parseJson, replayTtl, str, type ChannelAdapter } from './channel.ts';
import { renderMessages } from '../render.ts';

const WINDOW_MS = 5 * 60_000;
/** A post's message is at most 16,383 runes (Mattermost 5.0+, PostMessageMaxRunesV2). */
export const MATTERMOST_POST_RUNES = 16_383;
const runes = (s: string) => [...s].length;

function fields(req: { headers: Record<string, string | undefined>; body: string }): { f: Record<string, string | undefined>; unit: 's' | 'ms' } {
  if ((req.headers['content-type'] ?? '').toLowerCase().includes('application/json')) {
    const json = parseJson(req.body) ?? {};
    return { f: Object.fromEntries(Object.entries(json).map(([k, v]) => [k, str(v)])), unit: 'ms' };
  }
  return { f: Object.fromEntries(new URLSearchParams(req.body)), unit: 's' };
}

/** The trigger word opens the text (Mattermost matches it as the first word, or its start). */
export function stripTrigger(text: string, trigger: string | undefined): string {
  const t = text.trimStart();
  if (!trigger) return t;
  return t.slice(0, trigger.length).toLowerCase() === trigger.toLowerCase() ? t.slice(trigger.length) : t;
}

export function createMattermost(config: AppConfigMattermost): ChannelAdapter {
  return {
    name: 'mattermost',
    path: '/webhooks/mattermost',
    methods: ['POST'],
    replayTtlMs: replayTtl(WINDOW_MS),
    ack: { status: 200 },
    receive(req, now) {
      const { f, unit } = fields(req);
      const token = f.token ?? req.headers['authorization']?.replace(/^Token\s+/i, '');
      if (!safeEqual(token, config.token)) return { kind: 'reject' };
      // Mattermost always sends the post time; without it a captured request could be replayed forever.
      if (!withinWindow(timestampMs(f.timestamp, unit), now, WINDOW_MS)) return { kind: 'reject' };
      const id = f.post_id;
      if (!id) return { kind: 'reply', reply: { status: 400 } };
      return {
        kind: 'message',
        message: { id, chat: `${f.team_id ?? ''}:${f.channel_id ?? ''}:${f.user_id ?? ''}`, question: cleanQuestion(stripTrigger(f.text ?? '', f.trigger_word)), private: false },
      };
    },
    async respond(answer) {
      return { status: 200, body: { text: renderMessages(answer, { style: 'markdown', limit: MATTERMOST_POST_RUNES, measure: runes })[0] } };
    },
  };
}
