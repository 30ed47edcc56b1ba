import type { Command } from 'commander';
import { serveForever } from '../../bot/main.ts';

/** `gongkai serve`: the HTTP API, Telegram bot and office-chat webhooks (configured by environment variables). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动服务：JSON API（/api/ask）、Telegram 机器人与办公聊天 webhook；配置见环境变量（docs/server.md）')
    .option('--host <host>', '监听地址（默认 HOST 或 127.0.0.1）')
    .option('--port <port>', '端口（默认 PORT 或 3000；0 = 任选空闲端口）')
    .action(async (opts: { host?: string; port?: string }) => {
      await serveForever({ host: opts.host, port: opts.port === undefined ? undefined : Number(opts.port) });
    });
}
