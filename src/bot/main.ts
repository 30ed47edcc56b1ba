/**
 * Start the server: validate the environment, build or refresh the index, open it read-only, wire the
 * channels, listen, and shut down gracefully on SIGTERM/SIGINT (stop accepting, finish in-flight
 * requests and background replies, close the store and the database).
 */
import { setFlagsFromString } from 'node:v8';
import type { Logger } from 'pino';
import type { RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import { ingestPaths } from '../ingest/ingest.ts';
import { openLiveIndex } from './live-index.ts';
import { createBrowser } from '../query/index.ts';
import { enabledChannels, loadConfig, type Config } from './config.ts';
import { createConversation } from './conversation.ts';
import { buildServer } from './server.ts';
import { createAskPool } from './ask-pool.ts';
import { createStore } from './state/index.ts';
import type { HttpClient } from './channels/channel.ts';
import { indexFreshness } from './index-freshness.ts';
import { createLoggers } from './logging.ts';
import { publicCatalog, withPublicFiles } from './public-paths.ts';

/** fetch as the channels' HTTP client (Feishu reply API). */
export const fetchHttp: HttpClient = async (url, init) => {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    json = null;
  }
  return { status: res.status, json };
};

/** Why a Bot API call failed, without the token (grammY's HttpError wraps the fetch error). */
function telegramReason(err: unknown): string {
  const e = err as { description?: unknown; error?: unknown; message?: unknown };
  if (typeof e?.description === 'string') return e.description;
  const inner = e?.error as { message?: unknown } | undefined;
  const text = typeof inner?.message === 'string' ? inner.message : typeof e?.message === 'string' ? e.message : String(err);
  return text.replace(/bot\d+:[A-Za-z0-9_-]+/g, 'bot<token>');
}

export interface StartOverrides {
  host?: string;
  port?: number;
}

export interface Running {
  url: string;
  stop(): Promise<void>;
}

async function ensureIndex(config: Config, log: Logger): Promise<void> {
  const fresh = indexFreshness(config.db, config.reports);
  if (!fresh.stale) return;
  if (fresh.refuse) throw new Error(fresh.refuse);
  log.info({ reason: fresh.reason, reports: config.reports, db: config.db }, '正在建立索引');
  // Another ingest into the same index (an operator's, or a second replica starting): wait for it.
  const summary = await ingestPaths([config.reports], {
    db: config.db,
    lockWaitMs: 300_000,
    onLockWait: (holder) => log.info({ pid: holder?.pid, db: config.db }, '另一个进程正在写入索引，等它结束'),
  });
  log.info({ ingested: summary.ingested, unchanged: summary.unchanged, failed: summary.failed }, '索引已更新');
  for (const f of summary.files) if (f.status === 'failed') log.warn({ file: f.file, code: f.code }, f.message);
}

/** Connections the kernel may hold waiting for accept(). */
export const LISTEN_BACKLOG = 4096;

export async function startServer(env: Record<string, string | undefined> = process.env, overrides: StartOverrides = {}): Promise<Running> {
  const loaded = loadConfig({ ...env, ...(overrides.host ? { HOST: overrides.host } : {}), ...(overrides.port !== undefined ? { PORT: String(overrides.port) } : {}) });
  if (!loaded.ok) throw new Error(loaded.message);
  const config = loaded.config;
  const { log, questions } = createLoggers(config.logLevel);

  await ensureIndex(config, log);
  // Follows the index as ingest changes it (a new file renamed into place, or reports committed into it).
  const index = openLiveIndex(config.db, log, { browse: createBrowser });
  // Every channel shows report files relative to the reports folder, never the server's path.
  const ask = withPublicFiles(index.ask, config.reports);
  const catalog = publicCatalog(index.catalog, config.reports);
  const store = await createStore(config.redisUrl, (err) => log.warn({ err: err.message }, 'redis error'));
  const conversation = createConversation(ask, store);

  let bot: Bot | undefined;
  let runner: RunnerHandle | undefined;
  if (config.telegram) {
    // grammY (≈ 4 MB; ioredis ≈ 14 MB, in state/index.ts) is loaded only when its feature is on.
    const { createBot } = await import('./telegram/bot.ts');
    bot = createBot(config.telegram, {
      conversation,
      catalog,
      store,
      onQuestion: (e) => app.gongkai.logQuestion(e),
      reportsDir: config.reports,
    });
    bot.catch((err) => log.error({ err: err.error }, 'telegram handler failed'));
    await bot.init();
  }

  const askPool = config.askThreads > 0 ? createAskPool({ db: config.db, reports: config.reports, threads: config.askThreads }) : undefined;
  const web = { browser: index.browser, counts: () => catalog.counts(), reportsDir: config.reports };
  const app = await buildServer(config, {
    ask,
    catalog,
    indexGeneration: index.generation,
    indexIdentity: index.identity,
    askPool,
    store,
    logger: log,
    questionLogger: questions,
    http: fetchHttp,
    telegram: bot,
    conversation,
    web,
  });
  // fastify's own first line ("Server listening at …") becomes the address a person opens.
  // Node's default accept backlog is 511: a burst of 1,000 new connections overflows it, the kernel drops
  // their handshakes and clients retry after 1 s, 3 s, 7 s … — the 10 s timeouts of the 1,000-connection
  // benchmark (docs/performance.md, "Server at scale"). The kernel caps this at net.core.somaxconn.
  const address = await app.listen({ host: config.host, port: config.port, backlog: LISTEN_BACKLOG, listenTextResolver: (at) => `网页：${at}/` });

  if (bot && config.telegram?.webhookUrl) {
    // Without the webhook Telegram sends nothing: that is a failed start, not a server that looks healthy.
    try {
      await bot.api.setWebhook(config.telegram.webhookUrl, {
        secret_token: config.telegram.secret,
        allowed_updates: ['message', 'callback_query'],
      });
    } catch (err) {
      await app.close();
      await store.close();
      await askPool?.close();
      index.close();
      throw new Error(`Telegram setWebhook 失败（${config.telegram.webhookUrl}）：${telegramReason(err)}`);
    }
  } else if (bot) {
    await bot.api.deleteWebhook();
    const { run } = await import('@grammyjs/runner');
    runner = run(bot);
  }

  const counts = catalog.counts();
  log.info(
    { url: address, channels: enabledChannels(config), store: store.kind, reports: counts.reports, figures: counts.figures },
    `gongkai 已启动：${address} · 通道 ${enabledChannels(config).join(', ')} · 试试：curl -G ${address}/api/ask --data-urlencode 'q=鹿城区2020年行政复议多少件'`,
  );

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('正在关闭…');
      if (runner?.isRunning()) await runner.stop();
      await app.close();
      await store.close();
      await askPool?.close();
      index.close();
      log.info('已关闭');
    })());
  return { url: address, stop };
}

/**
 * How far V8 lets the old generation grow past what survived the last full GC before it collects again
 * (percent). V8's own factor goes up to 4× when GC is fast, which in this server means the garbage of
 * building the asker and what requests promote pile up to well above the live heap: with the 100,000-report
 * index, 238 MB RSS after start-up and 325 MB peak under load; with 50%, 165 MB and 238 MB, with no loss
 * of requests/s (docs/performance.md, Findings). The live heap is bounded by the caches, so this trades
 * more frequent full GCs for a footprint that follows the live heap.
 */
export const HEAP_GROWING_PERCENT = 50;

/** Applies HEAP_GROWING_PERCENT unless the node command line already sets it (node --heap-growing-percent=N). */
export function tuneHeapForServing(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** The `serve` command and `npm start`: start, and stop on SIGTERM/SIGINT. */
export async function serveForever(overrides: StartOverrides = {}): Promise<void> {
  // Before start-up: building the asker leaves the most garbage of the process's life.
  tuneHeapForServing();
  const running = await startServer(process.env, overrides);
  const onSignal = (signal: NodeJS.Signals) => {
    process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
    // A second signal while draining exits at once.
    process.once(signal, () => process.exit(1));
    running.stop().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`gongkai: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
}
