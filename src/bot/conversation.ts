/**
 * Follow-ups per chat, shared by every channel: the previous structured query ("那2019年呢？"), and a
 * pending clarify question so that a tap (Telegram) or a number (text chats) answers it for one agency.
 * Stored in the shared store, bounded in time (CONTEXT_TTL_MS) and — in memory — in size.
 */
import type { Answer, AskFn, AskOptions } from '../query/answer.ts';
import type { SharedStore } from './state/store.ts';

export const CONTEXT_TTL_MS = 30 * 60_000;

export interface ChatContext {
  previous?: unknown;
  pending?: { question: string; candidates: Array<{ id: number; name: string }> };
}

export interface Conversation {
  /** Ask in a chat: applies and updates its context. */
  ask(chatKey: string, question: string): Promise<Answer>;
  /** Answer the pending clarify question for the chosen agency. */
  choose(chatKey: string, agencyId: number): Promise<Answer | null>;
}

export function createConversation(ask: AskFn, store: SharedStore, today?: () => Date): Conversation {
  const load = async (key: string) => (await store.getContext<ChatContext>(key)) ?? {};

  async function run(key: string, ctx: ChatContext, question: string, options: AskOptions): Promise<Answer> {
    const answer = ask(question, { ...options, today: today?.() });
    // An understood question (even one the index cannot answer) becomes the base of the next follow-up;
    // a question not understood at all leaves the previous one in place.
    const next: ChatContext = { previous: answer.status === 'unsupported' ? ctx.previous : (answer.query ?? ctx.previous) };
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
        if (chosen) return run(key, ctx, ctx.pending.question, { agencyId: chosen.id, previous: ctx.previous });
      }
      return run(key, ctx, question, { previous: ctx.previous });
    },
    async choose(key, agencyId) {
      const ctx = await load(key);
      if (!ctx.pending) return null;
      return run(key, ctx, ctx.pending.question, { agencyId, previous: ctx.previous });
    },
  };
}
