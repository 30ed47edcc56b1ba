/**
 * Test doubles for the server: a fake AskFn with the seeds' real figures (鹿城区 2020 行政复议 23,
 * line 565 of the 鹿城区 report), a fake catalog, a recording HTTP client and a silent logger.
 */
import pino from 'pino';
import type { UserFromGetMe } from 'grammy/types';
import { Writable } from 'node:stream';
import { AnswerSchema, type Answer, type AskOptions } from '../../src/query/answer.ts';
import type { Catalog } from '../../src/bot/catalog.ts';
import type { HttpClient } from '../../src/bot/channels/channel.ts';
import { loadConfig, type Config } from '../../src/bot/config.ts';

export const LUCHENG_Q = '鹿城区2020年行政复议多少件';
export const LUCHENG_FILE = 'data/reports/002_ebc6c56e4ff49493.txt';
export const LUCHENG_QUOTE = ' 7 8 4 4 23 9 1 1 2 13 1 1 1 2 5';
export const LUCHENG_TITLE = '温州市鹿城区人民政府2020年政府信息公开工作年度报告';

const source = { file: LUCHENG_FILE, line: 565, section: '四、政府信息公开行政复议、行政诉讼情况', quote: LUCHENG_QUOTE };

export function luchengReview(question = LUCHENG_Q, agency = '温州市鹿城区人民政府', value = 23): Answer {
  return AnswerSchema.parse({
    question,
    status: 'answered',
    // Shaped as the engine writes it (src/query/render/format.ts resultText).
    text: `${agency}2020年行政复议总计：${value} 件。\n来源：《${LUCHENG_TITLE}》四、政府信息公开行政复议、行政诉讼情况，第565行：“${LUCHENG_QUOTE.trim()}”`,
    results: [{ agency, year: 2020, metric: 'review.total', label: '行政复议总计', value, unit: '件', approximate: false, source, cell: 'number', report: LUCHENG_TITLE }],
    warnings: [],
    suggestions: [],
    query: { agency, year: 2020, metric: 'review.total' },
  });
}

const base = { results: [], warnings: [], suggestions: [] };

export interface FakeAsk {
  (question: string, options?: AskOptions): Answer;
  calls: Array<{ question: string; options?: AskOptions }>;
}

export function fakeAsk(): FakeAsk {
  const calls: FakeAsk['calls'] = [];
  const ask = ((question: string, options?: AskOptions): Answer => {
    calls.push({ question, options });
    if (question === LUCHENG_Q) return luchengReview();
    if (question === '统计局行政复议多少件') {
      if (options?.agencyId === 2) return luchengReview(question, '温州市统计局', 0);
      return AnswerSchema.parse({
        ...base,
        question,
        status: 'clarify',
        text: '“统计局”对应多个机关，请选择：',
        candidates: [
          { id: 2, name: '温州市统计局' },
          { id: 9, name: '温州市鹿城区统计局' },
        ],
      });
    }
    if (question === '那2019年呢？') {
      if (!options?.previous) return AnswerSchema.parse({ ...base, question, status: 'unsupported', text: '没听懂，请说明机关和年份。' });
      const prev = options.previous as { agency: string };
      return AnswerSchema.parse({ ...base, question, status: 'not_found', text: `没有收录${prev.agency}2019年的报告。`, query: { ...prev, year: 2019 } });
    }
    if (question === 'html') {
      return AnswerSchema.parse({ ...base, question, status: 'unsupported', text: '不支持 <script>alert("x")</script> & 其他' });
    }
    if (question === 'long') {
      const results = Array.from({ length: 60 }, (_, i) => ({ ...luchengReview().results[0], label: `第${i + 1}项${'很长的指标名称'.repeat(5)}` }));
      const one = luchengReview(question);
      const cite = one.text.split('\n')[1];
      const text = results.map((r) => `${r.agency}2020年${r.label}：23 件。\n${cite}`).join('\n');
      return AnswerSchema.parse({ ...one, text, results });
    }
    if (question === 'longquote') {
      // A citation longer than a Telegram message: an HTML page's one-line table, the figure deep inside.
      const quote = `${'甲乙丙丁'.repeat(700)} 本年新收申请 23 件 ${'戊己庚辛'.repeat(700)}`;
      const one = luchengReview(question);
      const text = `温州市鹿城区人民政府2020年行政复议总计：23 件。\n来源：《${LUCHENG_TITLE}》四、政府信息公开行政复议、行政诉讼情况，第565行：“${quote}”`;
      return AnswerSchema.parse({ ...one, text, results: [{ ...one.results[0], source: { ...source, quote } }] });
    }
    if (question === 'boom') throw new Error('engine exploded');
    return AnswerSchema.parse({ ...base, question, status: 'unsupported', text: '暂不支持这个问题。', suggestions: [LUCHENG_Q] });
  }) as FakeAsk;
  ask.calls = calls;
  return ask;
}

export const fakeCatalog: Catalog = {
  counts: () => ({ reports: 5, figures: 321, agencies: 5 }),
  reports: ({ limit, offset }) => ({
    total: 1,
    items: [{ id: 3, agency: '温州市鹿城区人民政府', year: 2020, format: '2019', title: LUCHENG_TITLE, file: LUCHENG_FILE, figures: 120, warnings: 1 }].slice(offset, offset + limit),
  }),
  agencies: ({ limit, offset }) => ({
    total: 2,
    items: [
      { id: 3, name: '温州市鹿城区人民政府', province: '浙江省', city: '温州市', county: '鹿城区', years: [2020] },
      { id: 2, name: '温州市统计局', province: '浙江省', city: '温州市', county: null, years: [2020] },
    ].slice(offset, offset + limit),
  }),
  years: () => [2018, 2020],
};

export interface RecordingHttp extends HttpClient {
  calls: Array<{ url: string; headers: Record<string, string>; body: string }>;
}
export function recordingHttp(): RecordingHttp {
  const calls: RecordingHttp['calls'] = [];
  const http = (async (url, init) => {
    calls.push({ url, headers: init.headers, body: init.body });
    if (url.endsWith('/tenant_access_token/internal')) return { status: 200, json: { code: 0, tenant_access_token: 't-abc', expire: 7200 } };
    return { status: 200, json: { code: 0, data: {} } };
  }) as RecordingHttp;
  http.calls = calls;
  return http;
}

/** A logger whose lines tests can read (to check that secrets and private text stay out). */
export function captureLogger(level = 'info') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

export const SECRETS = {
  DINGTALK_APP_SECRET: 'ding-secret-SEC123',
  FEISHU_APP_ID: 'cli_a1b2c3',
  FEISHU_APP_SECRET: 'feishu-app-secret',
  FEISHU_ENCRYPT_KEY: 'feishu-encrypt-key',
  FEISHU_VERIFICATION_TOKEN: 'feishu-verify-token',
  WECOM_TOKEN: 'wecomtoken',
  WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  WECOM_CORP_ID: 'wx5823bf96d3bd56c7',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  MATTERMOST_TOKEN: 'mm-token-xyz',
};

export function testConfig(env: Record<string, string> = {}): Config {
  const result = loadConfig({ ...SECRETS, RATE_LIMIT_MAX: '1000', ...env });
  if (!result.ok) throw new Error(result.message);
  return result.config as Config;
}

export const BOT_INFO: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: 'gongkai',
  username: 'gongkai_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;
