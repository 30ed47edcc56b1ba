/**
 * Follow-ups per conversation, shared by every channel: the previous structured query and when it was
 * asked (whether a message continues it is decided in query, src/query/understand/follow-up.ts), and a
 * pending clarify question so that a tap (Telegram) or a number (text chats) answers it for one agency.
 * The key is the channel's (chat, user): in a group, one member's "1" or "那2019年呢？" never continues
 * another member's question. Stored in the shared store, bounded in time (CONTEXT_TTL_MS) and — in
 * memory — in size.
 */
import type { Answer, AskFn, AskOptions } from '../query/answer.ts';
import { nextTurn, turnOptions } from '../query/turn.ts';
import type { SharedStore } from './state/store.ts';

/** How long a pending choice is kept (a fragment continues a question for less: FOLLOW_UP_WINDOW_MS). */
export const CONTEXT_TTL_MS = 30 * 60_000;

export interface ChatContext {
  previous?: unknown;
  /** When `previous` was asked (ms since the epoch). */
  at?: number;
  pending?: { question: string; candidates: Array<{ id: number; name: string }> };
}

export interface Conversation {
  /** Ask in a chat: applies and updates its context. */
  ask(chatKey: string, question: string): Promise<Answer>;
  /** Answer the pending clarify question for the chosen agency (one of its candidates). */
  choose(chatKey: string, agencyId: number): Promise<Answer | null>;
}

export function createConversation(ask: AskFn, store: SharedStore, now: () => number = Date.now): Conversation {
  const load = async (key: string) => (await store.getContext<ChatContext>(key)) ?? {};

  async function run(key: string, ctx: ChatContext, question: string, options: AskOptions): Promise<Answer> {
    const at = now();
    const answer = ask(question, { ...options, ...turnOptions(ctx, at), today: new Date(at) });
    const next: ChatContext = { ...nextTurn(answer, { previous: ctx.previous, at: ctx.at }, at) };
    if (answer.status === 'clarify' && answer.candidates?.length) next.pending = { question, candidates: answer.candidates };
    await store.setContext(key, next, CONTEXT_TTL_MS);
    return answer;
  }

  return {
    async ask(key, question) {
      const ctx = await load(key);
      const pick = /^\s*(\d{1,2})\s*[.。]?\s*$/.exec(question);
      if (pick && ctx.pending) {
        const chosen = ctx.pending.candidates[Number(pick[1]) - 1];
        if (chosen) return run(key, ctx, ctx.pending.question, { agencyId: chosen.id });
      }
      return run(key, ctx, question, {});
    },
    async choose(key, agencyId) {
      const ctx = await load(key);
      if (!ctx.pending || !ctx.pending.candidates.some((c) => c.id === agencyId)) return null;
      return run(key, ctx, ctx.pending.question, { agencyId });
    },
  };
}
