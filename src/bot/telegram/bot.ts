/**
 * The Telegram bot (grammY). Same handlers for webhook and long polling; the transport is chosen in main.
 * Answers in HTML parse mode, split under Telegram's 4096-character limit; clarify answers become an
 * inline keyboard whose callback_data carries only the agency id.
 */
import { Bot, InlineKeyboard, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { limit } from '@grammyjs/ratelimiter';
import { autoRetry } from '@grammyjs/auto-retry';
import type { Answer } from '../../query/answer.ts';
import type { TelegramConfig } from '../config.ts';
import type { Catalog } from '../catalog.ts';
import type { Conversation } from '../conversation.ts';
import type { SharedStore } from '../state/store.ts';
import { escapeHtml, renderMessages, splitMessage } from '../render.ts';
import { reportPath } from '../report-path.ts';
import { CHOICE_EXPIRED_TEXT, HELP_TEXT, NOT_YOUR_CHOICE_TEXT, RATE_LIMITED_TEXT, START_TEXT } from './texts.ts';

export const TELEGRAM_LIMIT = 4096;
/** A clarify button: who asked, and the agency (callback_data is at most 64 bytes). */
const PICK = /^pick:(\d{1,20}):(\d{1,12})$/;
const LIST_LIMIT = 60;

export interface BotDeps {
  conversation: Conversation;
  catalog: Catalog;
  store: SharedStore;
  /** Preset bot identity (tests; skips getMe). */
  botInfo?: UserFromGetMe;
  /** One line per question. */
  onQuestion?: (event: { channel: 'telegram'; status: Answer['status']; latencyMs: number; question: string; private: boolean }) => void;
  now?: () => number;
  /** The reports folder: /sources shows files relative to it, never a server path. */
  reportsDir?: string;
}

/**
 * Conversation key: the chat and the person. In a group each member has their own follow-ups and
 * pending choice — B's "那2019年呢" never continues A's question.
 */
export function chatKey(ctx: Context): string {
  return `telegram:${ctx.chat?.id ?? ctx.from?.id ?? 'unknown'}:${ctx.from?.id ?? 'unknown'}`;
}

/** The question a group message addresses to us, or null when it does not mention the bot. */
export function addressedText(ctx: Context): string | null {
  const msg = ctx.message;
  if (!msg?.text) return null;
  if (ctx.chat?.type === 'private') return msg.text.trim();
  const username = ctx.me.username.toLowerCase();
  let mentioned = msg.reply_to_message?.from?.id === ctx.me.id;
  let text = msg.text;
  for (const e of msg.entities ?? []) {
    const part = msg.text.slice(e.offset, e.offset + e.length);
    if ((e.type === 'mention' && part.toLowerCase() === `@${username}`) || (e.type === 'text_mention' && e.user.id === ctx.me.id)) {
      mentioned = true;
      text = text.replace(part, ' ');
    }
  }
  return mentioned ? text.trim() : null;
}

export async function sendAnswer(ctx: Context, answer: Answer): Promise<void> {
  const chunks = renderMessages(answer, { style: 'html', limit: TELEGRAM_LIMIT, multi: true });
  const asker = ctx.from?.id ?? 0;
  const keyboard =
    answer.status === 'clarify' && answer.candidates?.length
      ? InlineKeyboard.from(answer.candidates.slice(0, 20).map((c) => [InlineKeyboard.text(c.name, `pick:${asker}:${c.id}`)]))
      : undefined;
  for (let i = 0; i < chunks.length; i++) {
    const last = i === chunks.length - 1;
    await ctx.reply(chunks[i], {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
  }
}

export function createBot(config: TelegramConfig, deps: BotDeps): Bot {
  const bot = new Bot(config.token, { ...(deps.botInfo ? { botInfo: deps.botInfo } : {}), client: { apiRoot: config.apiRoot } });
  const now = deps.now ?? Date.now;
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));

  bot.use(
    limit({
      timeFrame: 2000,
      limit: config.userLimit,
      storageClient: deps.store.redis ?? 'MEMORY_STORE',
      keyPrefix: 'gongkai:tg-rate:',
      keyGenerator: (ctx) => (ctx.from ? String(ctx.from.id) : undefined),
      onLimitExceeded: async (ctx) => {
        await ctx.reply(RATE_LIMITED_TEXT).catch(() => undefined);
      },
    }),
  );

  const html = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };

  bot.command('start', (ctx) => ctx.reply(START_TEXT, html));
  bot.command('help', (ctx) => ctx.reply(HELP_TEXT, html));
  bot.command('agencies', async (ctx) => {
    const { total, items } = deps.catalog.agencies({ limit: LIST_LIMIT, offset: 0 });
    const lines = items.map((a) => `• ${escapeHtml(a.name)}${a.years.length ? `（${a.years.join('、')}）` : ''}`);
    const more = total > items.length ? `\n…共 ${total} 个机关，完整列表见 /api/agencies` : '';
    await sendChunks(ctx, `<b>已收录的机关（${total}）</b>\n${lines.join('\n')}${more}`);
  });
  bot.command('years', async (ctx) => {
    const years = deps.catalog.years();
    await ctx.reply(years.length ? `<b>已收录的年份</b>\n${years.join('、')}` : '索引中还没有报告。', html);
  });
  bot.command('sources', async (ctx) => {
    const { total, items } = deps.catalog.reports({ limit: LIST_LIMIT, offset: 0 });
    const lines = items.map((r) => `• ${escapeHtml(r.title)}\n  <code>${escapeHtml(reportPath(r.file, deps.reportsDir))}</code>`);
    const more = total > items.length ? `\n…共 ${total} 份报告，完整列表见 /api/reports` : '';
    await sendChunks(ctx, `<b>报告来源（${total} 份）</b>\n${lines.join('\n')}${more}`);
  });

  bot.on('callback_query:data', async (ctx) => {
    const m = PICK.exec(ctx.callbackQuery.data);
    if (m && m[1] !== String(ctx.from.id)) {
      // Someone else's question: their choice is theirs to make.
      await ctx.answerCallbackQuery({ text: NOT_YOUR_CHOICE_TEXT });
      return;
    }
    const started = now();
    const answer = m ? await deps.conversation.choose(chatKey(ctx), Number(m[2])) : null;
    if (!answer) {
      await ctx.answerCallbackQuery({ text: CHOICE_EXPIRED_TEXT });
      return;
    }
    await ctx.answerCallbackQuery();
    deps.onQuestion?.({ channel: 'telegram', status: answer.status, latencyMs: now() - started, question: answer.question, private: ctx.chat?.type === 'private' });
    await sendAnswer(ctx, answer);
  });

  bot.on('message:text', async (ctx) => {
    if (ctx.message.text.startsWith('/')) return; // someone else's or an unknown command
    const question = addressedText(ctx);
    if (question === null) return;
    if (question === '') {
      await ctx.reply(HELP_TEXT, html);
      return;
    }
    const started = now();
    const answer = await deps.conversation.ask(chatKey(ctx), question);
    deps.onQuestion?.({ channel: 'telegram', status: answer.status, latencyMs: now() - started, question, private: ctx.chat.type === 'private' });
    await sendAnswer(ctx, answer);
  });

  return bot;

  async function sendChunks(ctx: Context, text: string) {
    for (const chunk of splitMessage(text.split('\n'), TELEGRAM_LIMIT, '\n')) await ctx.reply(chunk, html);
  }
}
