/**
 * Server configuration: every knob comes from the environment, validated once at boot and frozen.
 * A channel whose variables are absent is off; a malformed value stops start-up naming the variable.
 */
import { z } from 'zod';
import { DEFAULT_DB, DEFAULT_REPORTS } from '../store/open.ts';

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

export const EnvSchema = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  GONGKAI_DB: z.string().trim().min(1).default(DEFAULT_DB),
  /** Folder the index is built from when missing or stale. */
  GONGKAI_REPORTS: z.string().trim().min(1).default(DEFAULT_REPORTS),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests per RATE_LIMIT_WINDOW_MS per client on /api and the webhooks. */
  RATE_LIMIT_MAX: positiveInt.default(600),
  RATE_LIMIT_WINDOW_MS: positiveInt.default(60_000),
  /** Telegram messages per user per second window (grammY ratelimiter). */
  TELEGRAM_USER_LIMIT: positiveInt.default(3),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, '只能包含 A-Z a-z 0-9 _ -，1–256 个字符').optional(),
  ),
  /** Telegram accepts only https webhook URLs. */
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https$/, error: '应为 https:// 地址（Telegram 只接受 https 的 webhook）' }).optional()),
  /** Bot API root: a self-hosted telegram-bot-api server (https://github.com/tdlib/telegram-bot-api). */
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default('https://api.telegram.org').transform((u) => u.replace(/\/+$/, '')),
  DINGTALK_APP_SECRET: optionalText,
  FEISHU_APP_ID: optionalText,
  FEISHU_APP_SECRET: optionalText,
  FEISHU_ENCRYPT_KEY: optionalText,
  FEISHU_VERIFICATION_TOKEN: optionalText,
  /** Open-platform base; https://open.larksuite.com for Lark. */
  FEISHU_API_BASE: z.url().default('https://open.feishu.cn'),
  WECOM_TOKEN: optionalText,
  WECOM_ENCODING_AES_KEY: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9+/]{43}$/, '应为 43 个 Base64 字符').optional(),
  ),
  WECOM_CORP_ID: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  MATTERMOST_TOKEN: optionalText,
  /** Behind a reverse proxy / load balancer: take the client address from X-Forwarded-For (rate limits). */
  TRUST_PROXY: z.enum(['true', 'false', '1', '0', '']).default('false').transform((v) => v === 'true' || v === '1'),
  REDIS_URL: optionalText.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
  /**
   * Worker threads computing /api/ask answers (src/bot/ask-pool.ts); 0: in the server's own thread. Each
   * holds its own view of the index (≈ 80 MB at 100,000 reports).
   */
  ASK_THREADS: z.coerce.number().int().min(0).max(64).default(0),
});
export type Env = z.infer<typeof EnvSchema>;

export interface TelegramConfig {
  token: string;
  /** Webhook mode when set (PUBLIC_URL + /telegram); long polling otherwise. */
  webhookUrl?: string;
  secret?: string;
  userLimit: number;
  /** Bot API server (a self-hosted telegram-bot-api, or a fake in tests). */
  apiRoot?: string;
}
export interface FeishuConfig {
  appId: string;
  appSecret: string;
  encryptKey?: string;
  verificationToken?: string;
  apiBase: string;
}
export interface WeComConfig {
  token: string;
  encodingAesKey: string;
  corpId: string;
}

export interface Config {
  host: string;
  port: number;
  db: string;
  reports: string;
  logLevel: Env['LOG_LEVEL'];
  rateLimit: { max: number; windowMs: number };
  redisUrl?: string;
  /** Worker threads for /api/ask (0: none). */
  askThreads: number;
  publicUrl?: string;
  trustProxy: boolean;
  telegram?: TelegramConfig;
  dingtalk?: { appSecret: string };
  feishu?: FeishuConfig;
  wecom?: WeComConfig;
  slack?: { signingSecret: string };
  mattermost?: { token: string };
}

export type ConfigResult = { ok: true; config: Readonly<Config> } | { ok: false; message: string };

/** Variables that must come together: naming the first one missing makes the error actionable. */
const GROUPS: Array<{ channel: string; vars: Array<keyof Env> }> = [
  { channel: 'Feishu', vars: ['FEISHU_APP_ID', 'FEISHU_APP_SECRET'] },
  { channel: 'WeCom', vars: ['WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY', 'WECOM_CORP_ID'] },
];

/** Validate an environment; never throws. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? '?');
    return { ok: false, message: `配置错误 / invalid configuration: ${name} 取值无效（${issue.message}）` };
  }
  const e = parsed.data;
  for (const group of GROUPS) {
    const present = group.vars.filter((v) => e[v] !== undefined);
    if (present.length > 0 && present.length < group.vars.length) {
      const missing = group.vars.find((v) => e[v] === undefined)!;
      return { ok: false, message: `配置错误 / invalid configuration: ${missing} 未设置（${group.channel} 需要 ${group.vars.join('、')}）` };
    }
  }
  if (e.FEISHU_APP_ID && !e.FEISHU_ENCRYPT_KEY && !e.FEISHU_VERIFICATION_TOKEN) {
    return { ok: false, message: '配置错误 / invalid configuration: FEISHU_ENCRYPT_KEY 未设置（飞书回调需要加密密钥来校验签名）' };
  }
  if (e.TELEGRAM_BOT_TOKEN && e.PUBLIC_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    return { ok: false, message: '配置错误 / invalid configuration: TELEGRAM_WEBHOOK_SECRET 未设置（设置了 PUBLIC_URL 时 Telegram 走 webhook，必须有密钥）' };
  }
  const publicUrl = e.PUBLIC_URL?.replace(/\/+$/, '');
  const config: Config = {
    host: e.HOST,
    port: e.PORT,
    db: e.GONGKAI_DB,
    reports: e.GONGKAI_REPORTS,
    logLevel: e.LOG_LEVEL,
    rateLimit: { max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS },
    redisUrl: e.REDIS_URL,
    askThreads: e.ASK_THREADS,
    publicUrl,
    trustProxy: e.TRUST_PROXY,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          webhookUrl: publicUrl ? `${publicUrl}/telegram` : undefined,
          secret: e.TELEGRAM_WEBHOOK_SECRET,
          userLimit: e.TELEGRAM_USER_LIMIT,
          apiRoot: e.TELEGRAM_API_ROOT,
        }
      : undefined,
    dingtalk: e.DINGTALK_APP_SECRET ? { appSecret: e.DINGTALK_APP_SECRET } : undefined,
    feishu:
      e.FEISHU_APP_ID && e.FEISHU_APP_SECRET
        ? {
            appId: e.FEISHU_APP_ID,
            appSecret: e.FEISHU_APP_SECRET,
            encryptKey: e.FEISHU_ENCRYPT_KEY,
            verificationToken: e.FEISHU_VERIFICATION_TOKEN,
            apiBase: e.FEISHU_API_BASE.replace(/\/+$/, ''),
          }
        : undefined,
    wecom:
      e.WECOM_TOKEN && e.WECOM_ENCODING_AES_KEY && e.WECOM_CORP_ID
        ? { token: e.WECOM_TOKEN, encodingAesKey: e.WECOM_ENCODING_AES_KEY, corpId: e.WECOM_CORP_ID }
        : undefined,
    slack: e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : undefined,
    mattermost: e.MATTERMOST_TOKEN ? { token: e.MATTERMOST_TOKEN } : undefined,
  };
  return { ok: true, config: deepFreeze(config) };
}

/** Names of the channels that are on, for the start-up line. */
export function enabledChannels(config: Config): string[] {
  const on = ['api'];
  if (config.telegram) on.push(config.telegram.webhookUrl ? 'telegram(webhook)' : 'telegram(polling)');
  for (const name of ['dingtalk', 'feishu', 'wecom', 'slack', 'mattermost'] as const) if (config[name]) on.push(name);
  return on;
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
