import type { Command } from 'commander';
import { serveForever } from '../../bot/main.ts';
import { CliError } from '../errors.ts';

/** --port as given → a port number, or one line naming the option (not the PORT variable it overrides). */
export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new CliError(`gongkai: --port ${value} 不是有效端口（0–65535；0 = 任选空闲端口）`);
  return port;
}

/** `gongkai serve`: the HTTP API, Telegram bot and office-chat webhooks (configured by environment variables). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动服务：JSON API（/api/ask）、Telegram 机器人与办公聊天 webhook；配置见环境变量（docs/server.md）/ serve the JSON API and chat channels')
    .option('--host <host>', '监听地址 / listen address (default: $HOST or 127.0.0.1)')
    .option('--port <port>', '端口 / port (default: $PORT or 3000; 0 = any free port)')
    .addHelpText(
      'after',
      `
Examples:
  gongkai serve                                  # 索引缺失或过期时先建索引，再在 127.0.0.1:3000 提供服务
  gongkai serve --port 8080
  curl -G http://127.0.0.1:3000/api/ask --data-urlencode 'q=鹿城区2020年行政复议多少件'
  TELEGRAM_BOT_TOKEN=123:abc gongkai serve       # 同时启动 Telegram 机器人（长轮询）

环境变量（GONGKAI_DB、GONGKAI_REPORTS、各聊天平台的密钥等）见 README 与 docs/server.md；
取值有误时启动即停止，并用一行说明是哪个变量。Ctrl-C 平稳退出。
Environment variables configure the index, the reports folder and each chat channel (README,
docs/server.md); a malformed one stops start-up with one line naming it.`,
    )
    .action(async (opts: { host?: string; port?: string }) => {
      await serveForever({ host: opts.host, port: parsePort(opts.port) });
    });
}
