import { describe, expect, test } from 'vitest';
import type { Update } from 'grammy/types';
import { createBot } from '../../src/bot/telegram/bot.ts';
import { createConversation } from '../../src/bot/conversation.ts';
import { createMemoryStore } from '../../src/bot/state/memory.ts';
import { EXAMPLE_QUESTIONS } from '../../src/bot/telegram/texts.ts';
import { BOT_INFO, fakeAsk, fakeCatalog, LUCHENG_Q, LUCHENG_QUOTE } from './fakes.ts';


interface Call {
  method: string;
  payload: Record<string, any>;
}

function setup(userLimit = 100) {
  const ask = fakeAsk();
  const store = createMemoryStore();
  const conversation = createConversation(ask, store);
  const bot = createBot({ token: '123:TEST', userLimit }, { conversation, catalog: fakeCatalog, store, botInfo: BOT_INFO });
  const calls: Call[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, any> });
    return { ok: true, result: method === 'sendMessage' ? { message_id: calls.length, date: 0, chat: { id: 1, type: 'private' } } : true } as any;
  });
  let updateId = 1;
  const user = { id: 7, is_bot: false, first_name: '李' };
  const privateChat = { id: 7, type: 'private' as const, first_name: '李' };
  const groupChat = { id: -100, type: 'supergroup' as const, title: '公开组' };
  const other = { id: 8, is_bot: false, first_name: '王' };
  const send = (text: string, chat: 'private' | 'group' = 'private', extra: Record<string, unknown> = {}, from = user) => {
    const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0].length }] : [];
    const mention = text.indexOf('@gongkai_bot');
    if (mention >= 0 && !text.startsWith('/')) entities.push({ type: 'mention', offset: mention, length: '@gongkai_bot'.length });
    return bot.handleUpdate({
      update_id: updateId++,
      message: { message_id: updateId, date: 0, chat: chat === 'private' ? privateChat : groupChat, from, text, entities, ...extra },
    } as unknown as Update);
  };
  const tap = (data: string, chat: 'private' | 'group' = 'private', from = user) =>
    bot.handleUpdate({
      update_id: updateId++,
      callback_query: {
        id: `cb${updateId}`,
        from,
        chat_instance: 'ci',
        data,
        message: { message_id: 1, date: 0, chat: chat === 'private' ? privateChat : groupChat, text: 'x' },
      },
    } as unknown as Update);
  const sent = () => calls.filter((c) => c.method === 'sendMessage');
  return { bot, ask, calls, send, tap, sent, user, other };
}

describe('Telegram bot', () => {
  test('/start explains what it does with three example questions', async () => {
    const t = setup();
    await t.send('/start');
    const [msg] = t.sent();
    expect(msg.payload.parse_mode).toBe('HTML');
    expect(msg.payload.text).toContain('政府信息公开工作年度报告');
    expect(EXAMPLE_QUESTIONS).toHaveLength(3);
    for (const q of EXAMPLE_QUESTIONS) expect(msg.payload.text).toContain(q);
  });

  test('/help explains follow-ups and groups', async () => {
    const t = setup();
    await t.send('/help');
    expect(t.sent()[0].payload.text).toContain('那2019年呢？');
    expect(t.sent()[0].payload.text).toContain('@我');
  });

  test.each([
    ['/agencies', ['温州市鹿城区人民政府（2020）', '温州市统计局']],
    ['/years', ['2018、2020']],
    ['/sources', ['温州市鹿城区人民政府2020年政府信息公开工作年度报告', '<code>002_ebc6c56e4ff49493.txt</code>']],
  ])('%s lists the index', async (command, expected) => {
    const t = setup();
    await t.send(command);
    for (const e of expected) expect(t.sent()[0].payload.text).toContain(e);
  });

  test('a question is answered in HTML: figure bold, citation in a blockquote', async () => {
    const t = setup();
    await t.send(LUCHENG_Q);
    const [msg] = t.sent();
    expect(msg.payload).toMatchObject({ chat_id: 7, parse_mode: 'HTML' });
    expect(msg.payload.text).toContain('温州市鹿城区人民政府2020年行政复议总计：<b>23 件。</b>');
    expect(msg.payload.text).toMatch(new RegExp(`<blockquote>来源：《温州市鹿城区人民政府2020年政府信息公开工作年度报告》.*第565行：“${LUCHENG_QUOTE.trim()}”</blockquote>`));
  });

  test('text is HTML-escaped', async () => {
    const t = setup();
    await t.send('html');
    const text = t.sent()[0].payload.text as string;
    expect(text).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; 其他');
    expect(text).not.toContain('<script>');
  });

  test('a long answer is split into messages under 4096 characters, each with whole blocks', async () => {
    const t = setup();
    await t.send('long');
    const texts = t.sent().map((m) => m.payload.text as string);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(4096);
      expect(text.split('<blockquote>').length).toBe(text.split('</blockquote>').length);
      expect(text.split('<b>').length).toBe(text.split('</b>').length);
    }
    expect(texts.join('\n\n').match(/<b>23 件。<\/b>/g)).toHaveLength(60);
  });

  test('clarify → inline keyboard of ids; a tap answers the original question for that agency', async () => {
    const t = setup();
    await t.send('统计局行政复议多少件');
    const keyboard = t.sent()[0].payload.reply_markup.inline_keyboard;
    // The asker's id and the agency's: only the asker's tap counts.
    expect(keyboard).toEqual([[{ text: '温州市统计局', callback_data: 'pick:7:2' }], [{ text: '温州市鹿城区统计局', callback_data: 'pick:7:9' }]]);
    for (const row of keyboard) expect(Buffer.byteLength(row[0].callback_data)).toBeLessThanOrEqual(64);
    await t.tap('pick:7:2');
    expect(t.calls.find((c) => c.method === 'answerCallbackQuery')).toBeDefined();
    expect(t.ask.calls[1]).toMatchObject({ question: '统计局行政复议多少件', options: { agencyId: 2 } });
    expect(t.sent()[1].payload.text).toContain('温州市统计局2020年行政复议总计：<b>0 件。</b>');
  });

  test('a stale tap (no pending question) answers the callback with a notice', async () => {
    const t = setup();
    await t.tap('pick:7:2');
    const cb = t.calls.find((c) => c.method === 'answerCallbackQuery')!;
    expect(cb.payload.text).toContain('过期');
    expect(t.sent()).toHaveLength(0);
  });

  test('follow-up reuses the previous query of the same chat only', async () => {
    const t = setup();
    await t.send(LUCHENG_Q);
    await t.send('那2019年呢？');
    expect(t.ask.calls[1].options?.previous).toEqual({ agency: '温州市鹿城区人民政府', year: 2020, metric: 'review.total' });
    expect(t.sent()[1].payload.text).toContain('没有收录温州市鹿城区人民政府2019年的报告');
    await t.send('@gongkai_bot 那2019年呢？', 'group');
    expect(t.ask.calls[2]).toMatchObject({ question: '那2019年呢？' });
    expect(t.ask.calls[2].options?.previous).toBeUndefined();
  });

  test('in groups: ignores plain messages, answers mentions and commands', async () => {
    const t = setup();
    await t.send(LUCHENG_Q, 'group');
    expect(t.sent()).toHaveLength(0);
    await t.send(`@gongkai_bot ${LUCHENG_Q}`, 'group');
    expect(t.ask.calls.map((c) => c.question)).toEqual([LUCHENG_Q]);
    expect(t.sent()[0].payload.text).toContain('<b>23 件。</b>');
    await t.send('/help@gongkai_bot', 'group');
    expect(t.sent()[1].payload.text).toContain('用法');
    await t.send('/help@other_bot', 'group');
    expect(t.sent()).toHaveLength(2);
  });

  test('per-user rate limit: excess messages are not answered and the user is told once', async () => {
    const t = setup(2);
    for (let i = 0; i < 4; i++) await t.send(LUCHENG_Q);
    expect(t.ask.calls).toHaveLength(2);
    expect(t.sent().filter((m) => String(m.payload.text).includes('提问太快'))).toHaveLength(1);
  });

  test('a citation longer than a message is shortened around its figure with "…", never cut inside <blockquote>', async () => {
    const t = setup();
    await t.send('longquote');
    const texts = t.sent().map((m) => m.payload.text as string);
    expect(texts).toHaveLength(1);
    const [text] = texts;
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text.startsWith('温州市鹿城区人民政府2020年行政复议总计：<b>23 件。</b>\n<blockquote>来源：《')).toBe(true);
    expect(text.endsWith('…”</blockquote>')).toBe(true);
    expect(text).toContain('第565行：“…');
    expect(text).toContain('本年新收申请 23 件');
  });

  test('group: two members keep their own follow-ups', async () => {
    const t = setup();
    await t.send(`@gongkai_bot ${LUCHENG_Q}`, 'group');
    await t.send('@gongkai_bot 那2019年呢？', 'group', {}, t.other);
    expect(t.ask.calls[1].options?.previous).toBeUndefined();
    await t.send('@gongkai_bot 那2019年呢？', 'group');
    expect(t.ask.calls[2].options?.previous).toEqual({ agency: '温州市鹿城区人民政府', year: 2020, metric: 'review.total' });
  });

  test("group: B cannot press A's buttons, nor answer A's choice with a number", async () => {
    const t = setup();
    await t.send('@gongkai_bot 统计局行政复议多少件', 'group');
    await t.tap('pick:7:2', 'group', t.other);
    const refused = t.calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(refused.map((c) => c.payload.text)).toEqual(['这是其他人提问的选项，请自己提问。']);
    expect(t.ask.calls).toHaveLength(1);
    // Forging B's own id into A's button: B has no pending choice.
    await t.tap('pick:8:2', 'group', t.other);
    expect(t.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!.payload.text).toContain('过期');
    await t.send('@gongkai_bot 1', 'group', {}, t.other);
    expect(t.ask.calls[1]).toMatchObject({ question: '1' });
    expect(t.ask.calls[1].options?.agencyId).toBeUndefined();
    // A's own tap still works, for one of A's candidates only.
    await t.tap('pick:7:99', 'group');
    expect(t.ask.calls).toHaveLength(2);
    await t.tap('pick:7:2', 'group');
    expect(t.ask.calls[2]).toMatchObject({ question: '统计局行政复议多少件', options: { agencyId: 2 } });
  });
});
