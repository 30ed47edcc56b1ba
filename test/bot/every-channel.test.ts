/**
 * One conversation, asked through every channel against the real engine over the seed index: each reply
 * shows what the CLI's Answer.text says for that question in that conversation (the CLI batch is one
 * conversation too) — the same headline, figures, sources, totals, verdicts and notes, in the platform's
 * markup — and an unanswerable message carries no figure. No network: Feishu's API and Telegram's are
 * captured.
 */
import { createDecipheriv } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCatalog } from '../../src/bot/catalog.ts';
import { createConversation } from '../../src/bot/conversation.ts';
import { buildServer } from '../../src/bot/server.ts';
import { createMemoryStore } from '../../src/bot/state/memory.ts';
import { createBot } from '../../src/bot/telegram/bot.ts';
import { TRUNCATED_NOTICE } from '../../src/bot/render.ts';
import { answerStream } from '../../src/cli/commands/ask.ts';
import { createAsker, type Answer, type AskFn } from '../../src/query/index.ts';
import type { Db } from '../../src/store/open.ts';
import { openSeed, seedIndexPath } from '../query/seed-db.ts';
import { BOT_INFO, captureLogger, recordingHttp, SECRETS, testConfig } from './fakes.ts';
import { NOW } from './helpers.ts';
import { dingtalkRequest, feishuEvent, feishuRequest, mattermostRequest, slackRequest, wecomRequest } from './platforms.ts';

/** The conversation: figures, a total, a ranking, a difference, notes, a yes/no, a follow-up, and messages with no figure to give. */
const QUESTIONS = [
  '鹿城区2020年行政复议多少件',
  '温州市统计局的联系电话是多少',
  '鹿城区2020年GDP多少',
  '鹿城区报告什么时候发布的',
  '2020年所有单位行政复议一共多少',
  '2020年哪个单位行政诉讼最少',
  '鹿城区2020年申请比统计局多多少',
  '温州市统计局2020年行政复议多少件',
  '鹿城区自然人申请多少',
  '温洲市统计局2020年收到多少申请',
  '经信局有没有行政复议',
  '诉讼呢',
  '鹿城区2019年行政复议多少件',
  '你好',
  'How many administrative reviews did Lucheng have in 2020?',
];
/** Messages the index has no figure for: the reply must carry none. */
const NO_FIGURE = new Set(['鹿城区2020年GDP多少', '鹿城区2019年行政复议多少件', '你好', 'How many administrative reviews did Lucheng have in 2020?']);
/** Details of the report itself: the detail as printed with its line, never a count (the previous question's least of all). */
const DETAILS: [string, string][] = [
  ['温州市统计局的联系电话是多少', '温州市统计局2020年报告的联系电话：0577-88967581'],
  ['鹿城区报告什么时候发布的', '温州市鹿城区人民政府2020年报告的发布日期：2021年2月20日'],
];

let db: Db;
let ask: AskFn;
let cli: Answer[];

beforeAll(async () => {
  db = openSeed((await seedIndexPath()).path);
  ask = createAsker(db, { today: new Date(NOW) });
  // The CLI batch, one question per line, --json.
  const out: string[] = [];
  const sink = new Writable({ write: (chunk, _e, cb) => (out.push(String(chunk)), cb()) });
  await answerStream(ask, true, Readable.from([Buffer.from(QUESTIONS.join('\n'))]), sink);
  cli = out.join('').trim().split('\n').map((l) => JSON.parse(l) as Answer);
});
afterAll(() => db?.close());

const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** What a person reads, per markup. */
const VISIBLE: Record<string, (s: string) => string> = {
  plain: (s) => s,
  html: (s) => unescapeHtml(s.replace(/<\/?(?:b|blockquote)>/g, '')),
  slack: (s) => unescapeHtml(s.replace(/^> /gm, '').replace(/\*/g, '')),
  markdown: (s) => s.replace(/^> /gm, '').replace(/\*\*/g, '').replace(/\\([\\`*_[\]<>|~#.])/g, '$1'),
};
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter((l) => l !== '');

function decryptWeCom(xml: string): string {
  const encrypted = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(xml)![1]!;
  const key = Buffer.from(`${SECRETS.WECOM_ENCODING_AES_KEY}=`, 'base64');
  const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const padded = Buffer.concat([d.update(Buffer.from(encrypted, 'base64')), d.final()]);
  const plain = padded.subarray(0, padded.length - padded[padded.length - 1]!);
  const inner = plain.subarray(20, 20 + plain.readUInt32BE(16)).toString();
  return /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(inner)![1]!.replace(/\]\]\]\]><!\[CDATA\[>/g, ']]>');
}

type Channel = { name: string; style: keyof typeof VISIBLE; replies: () => Promise<string[]> };

async function webhookChannel(name: string, style: keyof typeof VISIBLE, send: (app: Awaited<ReturnType<typeof buildServer>>, q: string, i: number) => Promise<string>, read?: (http: ReturnType<typeof recordingHttp>) => string[]): Promise<string[]> {
  const http = recordingHttp();
  const { logger } = captureLogger();
  const app = await buildServer(testConfig(), { ask, catalog: createCatalog(db), store: createMemoryStore({ now: () => NOW }), logger, http, clock: () => NOW });
  try {
    const out: string[] = [];
    for (const [i, q] of QUESTIONS.entries()) out.push(await send(app, q, i));
    await app.gongkai.idle();
    return read ? read(http) : out;
  } finally {
    await app.close();
  }
}

async function telegramReplies(): Promise<string[]> {
  const store = createMemoryStore({ now: () => NOW });
  const conversation = createConversation(ask, store, () => NOW);
  const bot = createBot({ token: '123:TEST', userLimit: 1000 }, { conversation, catalog: createCatalog(db), store, botInfo: BOT_INFO });
  const sent: string[][] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    if (method === 'sendMessage') sent.at(-1)!.push((payload as { text: string }).text);
    return { ok: true, result: method === 'sendMessage' ? { message_id: 1, date: 0, chat: { id: 7, type: 'private' } } : true } as never;
  });
  const user = { id: 7, is_bot: false, first_name: '李' };
  for (const [i, q] of QUESTIONS.entries()) {
    sent.push([]);
    await bot.handleUpdate({ update_id: i + 1, message: { message_id: i + 1, date: 0, chat: { id: 7, type: 'private', first_name: '李' }, from: user, text: q } } as unknown as Update);
  }
  return sent.map((messages) => messages.join('\n'));
}

const CHANNELS: Channel[] = [
  { name: 'dingtalk', style: 'plain', replies: () => webhookChannel('dingtalk', 'plain', async (app, q, i) => (await app.inject(dingtalkRequest(NOW, q, { id: `d${i}` }))).json().text.content) },
  {
    name: 'feishu',
    style: 'plain',
    replies: () =>
      webhookChannel('feishu', 'plain', async (app, q, i) => {
        await app.inject(feishuRequest(NOW, feishuEvent(NOW, q, { id: `f${i}` })));
        await app.gongkai.idle();
        return '';
      }, (http) => http.calls.filter((c) => c.url.endsWith('/reply')).map((c) => JSON.parse(JSON.parse(c.body).content).text)),
  },
  { name: 'wecom', style: 'plain', replies: () => webhookChannel('wecom', 'plain', async (app, q, i) => decryptWeCom((await app.inject(wecomRequest(NOW, q, { id: `${1000 + i}` }))).body)) },
  { name: 'slack', style: 'slack', replies: () => webhookChannel('slack', 'slack', async (app, q, i) => (await app.inject(slackRequest(NOW, q, { id: `s${i}` }))).json().text) },
  { name: 'mattermost', style: 'markdown', replies: () => webhookChannel('mattermost', 'markdown', async (app, q, i) => (await app.inject(mattermostRequest(NOW, q, { id: `m${i}` }))).json().text) },
  { name: 'telegram', style: 'html', replies: telegramReplies },
];

describe('the CLI conversation (the reference)', () => {
  test('answers as a person would expect', () => {
    const text = (q: string) => cli[QUESTIONS.indexOf(q)]!.text;
    expect(text('鹿城区2020年行政复议多少件').split('\n')[0]).toBe('温州市鹿城区人民政府2020年行政复议总计：23 件。');
    expect(text('2020年所有单位行政复议一共多少').split('\n')[0]).toBe('2020年4个单位行政复议总计合计 27 件。');
    expect(text('2020年哪个单位行政诉讼最少')).toMatch(/^2020年行政诉讼总计最少的是/);
    expect(text('鹿城区2020年申请比统计局多多少')).toContain('温州市鹿城区人民政府比温州市统计局多 201 件。');
    expect(text('温州市统计局2020年行政复议多少件')).toContain('0 件（报告填写“—”）');
    expect(text('鹿城区自然人申请多少')).toContain('（未指定年份，按最新的2020年报告）');
    expect(text('温洲市统计局2020年收到多少申请')).toContain('（按“温洲市统计局”理解为“温州市统计局”）');
    expect(text('经信局有没有行政复议')).toMatch(/^没有，0 件。/);
    expect(cli[QUESTIONS.indexOf('诉讼呢')]!.results.map((r) => [r.agency, r.metric])).toEqual([['温州市经济和信息化局', 'litigation.total']]);
    for (const q of NO_FIGURE) expect(cli[QUESTIONS.indexOf(q)]!.results, q).toEqual([]);
    for (const [q, said] of DETAILS) {
      const a = cli[QUESTIONS.indexOf(q)]!;
      expect(a.text.split('\n')[0], q).toBe(said);
      expect(a.results.map((r) => [r.metric.startsWith('detail.'), r.value]), q).toEqual([[true, null]]);
    }
  });
});

describe.each(CHANNELS)('$name', (channel) => {
  let replies: string[];
  beforeAll(async () => {
    replies = await channel.replies();
  });

  test('one reply per message', () => expect(replies).toHaveLength(QUESTIONS.length));

  test.each(QUESTIONS.map((q, i) => [q, i] as const))('%s: shows the CLI answer whole (or, cut to the platform, its first blocks and a notice)', (q, i) => {
    const visible = lines(VISIBLE[channel.style]!(replies[i]!));
    const expected = lines(cli[i]!.text);
    if (visible.at(-1) === TRUNCATED_NOTICE) {
      // Only WeCom's 2,048 bytes cut these answers: what is shown is the answer's beginning, word for word.
      expect(channel.name).toBe('wecom');
      expect(visible.length).toBeGreaterThan(1);
      expect(visible.slice(0, -1)).toEqual(expected.slice(0, visible.length - 1));
    } else {
      expect(visible.slice(0, expected.length)).toEqual(expected);
    }
  });

  test('never an internal key', () => {
    for (const reply of replies) {
      expect(reply).not.toMatch(/\b(?:natural|commercial|research|nonprofit|legal_person|legal|other)\b|[a-z]+\.[a-z_]+(?:\.[a-z_]+)*\b/);
    }
  });

  test('a message with no figure to give shows none', () => {
    for (const q of NO_FIGURE) {
      const visible = VISIBLE[channel.style]!(replies[QUESTIONS.indexOf(q)]!);
      expect(visible, q).not.toMatch(/\d+ 件。|第\d+行/);
    }
  });

  test('a detail of the report shows the detail as printed, never a count', () => {
    for (const [q, said] of DETAILS) {
      const visible = VISIBLE[channel.style]!(replies[QUESTIONS.indexOf(q)]!);
      expect(visible, q).toContain(said);
      expect(visible, q).not.toMatch(/\d+ 件。/);
    }
  });
});
