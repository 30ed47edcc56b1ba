import { describe, expect, test } from 'vitest';
import { enabledChannels, loadConfig } from '../../src/bot/config.ts';
import { SECRETS } from './fakes.ts';

describe('config from the environment', () => {
  test('no variables at all: API only on 127.0.0.1:3000, frozen', () => {
    const r = loadConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({ host: '127.0.0.1', port: 3000, db: 'data/gongkai.db', reports: 'data/reports' });
    expect(enabledChannels(r.config)).toEqual(['api']);
    expect(Object.isFrozen(r.config)).toBe(true);
    expect(Object.isFrozen(r.config.rateLimit)).toBe(true);
  });

  test('every channel on when its variables are set', () => {
    const r = loadConfig({ ...SECRETS, TELEGRAM_BOT_TOKEN: '1:x' });
    expect(r.ok && enabledChannels(r.config)).toEqual(['api', 'telegram(polling)', 'dingtalk', 'feishu', 'wecom', 'slack', 'mattermost']);
  });

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ WECOM_ENCODING_AES_KEY: 'short', WECOM_TOKEN: 't', WECOM_CORP_ID: 'c' }, 'WECOM_ENCODING_AES_KEY'],
    [{ WECOM_TOKEN: 't' }, 'WECOM_ENCODING_AES_KEY'],
    [{ FEISHU_APP_ID: 'cli_x' }, 'FEISHU_APP_SECRET'],
    [{ FEISHU_APP_ID: 'cli_x', FEISHU_APP_SECRET: 's' }, 'FEISHU_ENCRYPT_KEY'],
    [{ TELEGRAM_BOT_TOKEN: '1:x', PUBLIC_URL: 'https://bot.example.cn' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ TELEGRAM_BOT_TOKEN: '1:x', PUBLIC_URL: 'https://bot.example.cn', TELEGRAM_WEBHOOK_SECRET: 'has space' }, 'TELEGRAM_WEBHOOK_SECRET'],
  ])('%o → one message naming %s', (env, name) => {
    const r = loadConfig(env);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(name);
    expect(r.message.split('\n')).toHaveLength(1);
  });

  test('the error message never echoes a secret value', () => {
    const r = loadConfig({ WECOM_ENCODING_AES_KEY: 'secret-but-malformed', WECOM_TOKEN: 't', WECOM_CORP_ID: 'c' });
    expect(!r.ok && r.message).not.toContain('secret-but-malformed');
  });

  test('webhook mode for Telegram with PUBLIC_URL', () => {
    const r = loadConfig({ TELEGRAM_BOT_TOKEN: '1:x', PUBLIC_URL: 'https://bot.example.cn/', TELEGRAM_WEBHOOK_SECRET: 's3cr3t' });
    expect(r.ok && r.config.telegram).toEqual({ token: '1:x', webhookUrl: 'https://bot.example.cn/telegram', secret: 's3cr3t', userLimit: 3, apiRoot: 'https://api.telegram.org' });
  });

  test('PUBLIC_URL must be https (Telegram accepts no other webhook)', () => {
    const r = loadConfig({ TELEGRAM_BOT_TOKEN: '1:x', PUBLIC_URL: 'http://bot.example.cn', TELEGRAM_WEBHOOK_SECRET: 's3cr3t' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('PUBLIC_URL');
    expect(!r.ok && r.message).toContain('https');
  });

  test('TELEGRAM_API_ROOT: a self-hosted Bot API server', () => {
    const r = loadConfig({ TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' });
    expect(r.ok && r.config.telegram?.apiRoot).toBe('http://127.0.0.1:8081');
    expect(loadConfig({ TELEGRAM_API_ROOT: 'ftp://x' }).ok).toBe(false);
  });
});
