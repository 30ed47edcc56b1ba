/**
 * buildServer(config, deps): one fastify app with the JSON API, /healthz, /docs, the Telegram webhook
 * and the office-chat webhooks. No listen() here (main.ts does it), so tests drive it with inject().
 * One error boundary: every failure becomes {"error": {code, message}} and nothing crashes the process.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Bot } from 'grammy';
import type { Answer, AskFn } from '../query/answer.ts';
import type { Catalog } from './catalog.ts';
import { enabledChannels, type Config } from './config.ts';
import { createConversation, type Conversation } from './conversation.ts';
import { codeForFastifyError, ERRORS, errorBody, type ErrorCode } from './errors.ts';
import type { SharedStore } from './state/store.ts';
import type { HttpClient } from './channels/channel.ts';
import { enabledAdapters } from './channels/index.ts';
import { registerWebhooks } from './webhooks.ts';
import { Lru } from '../query/lookup/lru.ts';
import type { AskPool } from './ask-pool.ts';
import { createTurns, type Turns } from './turns.ts';
import { safeEqual } from './channels/crypto.ts';
import { lazyChildLogger, levelEnabled } from './logging.ts';
import { notFoundPage, wantsPage, webPlugin, type WebOptions } from '../web/plugin.ts';
import {
  AgenciesSchema,
  AnswerSchema,
  AskBodySchema,
  AskQuerySchema,
  ErrorSchema,
  HealthSchema,
  jsonSchema,
  MAX_QUESTION_CHARS,
  PageQuerySchema,
  ReportsSchema,
} from './schemas.ts';

export const BODY_LIMIT = 16 * 1024;
/** Serialized answers kept for repeated questions (≈ 1–3 KB each). */
export const ANSWER_CACHE_SIZE = 2000;
/** Telegram updates carry up to 4096 characters plus entities; allow them more room than the API. */
const TELEGRAM_BODY_LIMIT = 256 * 1024;

export interface ServerDeps {
  ask: AskFn;
  catalog: Catalog;
  /** The index's current generation (live-index.ts); the answer cache is emptied when it changes. */
  indexGeneration?: () => number;
  store: SharedStore;
  logger: FastifyBaseLogger;
  /**
   * Where the one line per question goes (default: `logger`). Its fields are fixed and hold no secret, so
   * main gives it a logger on the same output without the redaction pass, which cost more than the rest of
   * a cached answer (docs/performance.md, Findings).
   */
  questionLogger?: FastifyBaseLogger;
  /** Outgoing HTTP for Feishu replies. */
  http: HttpClient;
  clock?: () => number;
  /** Webhook-mode Telegram bot (long polling is started by main instead). */
  telegram?: Bot;
  conversation?: Conversation;
  /** Where computed answers wait their turn (default: createTurns(); tests hold a turn back). */
  turns?: Turns;
  /**
   * /api/ask computed on worker threads (ask-pool.ts, ASK_THREADS) instead of in this thread's turns;
   * `indexIdentity` then says which index state this thread serves, and an answer is cached only when the
   * worker answered from that same state (a worker notices a new index up to CHECK_MS after this thread).
   */
  askPool?: AskPool;
  indexIdentity?: () => string;
  /** The web pages (/, /reports, /agencies, /compare, /review, src/web); off when absent. */
  web?: Omit<WebOptions, 'ask' | 'clock' | 'generation'>;
}

export interface QuestionEvent {
  channel: string;
  /** 'gone': the client closed the connection before the question's turn came, so it was not answered. */
  status: Answer['status'] | 'error' | 'gone';
  latencyMs: number;
  question: string;
  private: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    gongkai: {
      /** Resolves when background replies (Feishu) have finished. */
      idle(): Promise<void>;
      logQuestion(event: QuestionEvent): void;
    };
  }
}

export async function buildServer(config: Readonly<Config>, deps: ServerDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? Date.now;
  const conversation = deps.conversation ?? createConversation(deps.ask, deps.store, clock);
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: BODY_LIMIT,
    // Request lines would carry questions (GET ?q=) and signatures: we log one line per question instead.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // A client that trickles its request (slowloris) is cut off after 30 s instead of Node's 5 minutes.
    requestTimeout: 30_000,
    clientErrorHandler: rejectUnparsableRequest,
    childLoggerFactory: lazyChildLogger,
  });

  const background = new Set<Promise<unknown>>();
  app.decorate('gongkai', {
    async idle() {
      while (background.size > 0) await Promise.allSettled([...background]);
    },
    logQuestion(e: QuestionEvent) {
      const log = deps.questionLogger ?? app.log;
      if (!levelEnabled(log, 'info')) return;
      const line = { channel: e.channel, status: e.status, latencyMs: Math.round(e.latencyMs * 10) / 10 };
      log.info(line, 'question');
      if (levelEnabled(log, 'debug')) log.debug({ ...line, question: e.question, private: e.private }, 'question text');
    },
  });
  const track = (task: Promise<unknown>) => {
    const p = task.catch((err) => app.log.error({ err }, 'background reply failed')).finally(() => background.delete(p));
    background.add(p);
  };
  app.addHook('onClose', async () => app.gongkai.idle());

  // zod validates in the handlers; the JSON Schemas exist for the OpenAPI document only.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.setErrorHandler((err: Error & { code?: string; statusCode?: number }, req, reply) => {
    const code = codeForFastifyError(err);
    if (ERRORS[code].status >= 500) req.log.error({ err }, 'request failed');
    if (code === 'UNAUTHORIZED') return reply.code(401).send();
    return sendError(reply, code);
  });
  app.setNotFoundHandler((req, reply) => (deps.web && wantsPage(req) ? notFoundPage(reply) : sendError(reply, 'NOT_FOUND')));

  await app.register(rateLimit, {
    global: true,
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowMs,
    ...(deps.store.redis ? { redis: deps.store.redis, nameSpace: 'gongkai:http-rate:' } : {}),
    allowList: (req) => req.url === '/healthz',
    errorResponseBuilder: (_req, ctx) => ({ statusCode: ctx.statusCode, ...errorBody('RATE_LIMITED') }),
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'gongkai 公开 API', version: '0.1.0', description: '政府信息公开工作年度报告问答：每个数字都带出处。' },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  if (deps.web) await app.register(webPlugin, { ...deps.web, ask: deps.ask, clock, generation: deps.indexGeneration });

  const answerSchemas = { 200: jsonSchema(AnswerSchema), 400: jsonSchema(ErrorSchema), 429: jsonSchema(ErrorSchema) };

  // The index is immutable while served and ask is pure for (question, agencyId, date): repeated questions
  // are answered from this cache without running the engine again. Kept as JSON text, not UTF-8 bytes:
  // each Buffer of a computed answer was memory outside the heap (or pinned an 8 KB pool slab) that only a
  // full GC frees, and at 100,000 reports, answers mostly computed, it piled up 60–70 MB between full GCs
  // (bench scale: arrayBuffers 11 → 85 MB, peak RSS past 300 MB). Encoding at the write costs ≈ 2 µs.
  let answers = new Lru<string, { json: string; status: Answer['status'] }>(ANSWER_CACHE_SIZE);
  let answersOf = deps.indexGeneration?.() ?? 0;

  // Computed answers wait their turn (turns.ts): one connection's question never runs inside the loop
  // iteration that reads everyone else's, so connections are accepted and answered in order under load.
  const turns = deps.turns ?? createTurns();
  app.server.on('connection', () => turns.hold());

  /**
   * The answer's JSON, or null when `gone()` says the client left before its turn: a burst of clients that
   * give up (a 1,000-connection load run ending, a proxy's timeout) must not leave the next clients queued
   * behind questions nobody will read.
   */
  const answer = async (channel: string, question: string, agencyId: number | undefined, offset: number | undefined, gone: () => boolean): Promise<string | null> => {
    const started = performance.now();
    const generation = deps.indexGeneration?.() ?? 0;
    if (generation !== answersOf) {
      answers = new Lru(ANSWER_CACHE_SIZE);
      answersOf = generation;
    }
    const today = new Date(clock());
    const key = `${agencyId ?? ''}|${offset ?? 0}|${today.getFullYear()}-${today.getMonth()}-${today.getDate()}|${question}`;
    const cached = answers.get(key);
    if (cached !== undefined) {
      app.gongkai.logQuestion({ channel, status: cached.status, latencyMs: performance.now() - started, question, private: false });
      return cached.json;
    }
    try {
      const pool = deps.askPool;
      const computed = pool
        ? await pool.ask(question, { agencyId, today, offset }, gone)
        : await turns.run(() => {
            if (gone()) return null;
            const result = deps.ask(question, { agencyId, today, offset });
            return { json: JSON.stringify(result), status: result.status, index: '' };
          });
      if (computed === null) {
        app.gongkai.logQuestion({ channel, status: 'gone', latencyMs: performance.now() - started, question, private: false });
        return null;
      }
      const { json, status } = computed;
      const cacheable = !pool || (generation === (deps.indexGeneration?.() ?? 0) && computed.index === deps.indexIdentity?.());
      if (cacheable) answers.set(key, { json, status });
      app.gongkai.logQuestion({ channel, status, latencyMs: performance.now() - started, question, private: false });
      return json;
    } catch (err) {
      // Not cached: the error handler logs it (with the understood query of a QueryError) and answers 500.
      app.gongkai.logQuestion({ channel, status: 'error', latencyMs: performance.now() - started, question, private: false });
      throw err;
    }
  };

  const handleAsk = async (reply: FastifyReply, question: string | undefined, agencyId: number | undefined, offset?: number) => {
    const q = question?.trim() ?? '';
    if (q === '') return sendError(reply, 'MISSING_QUESTION');
    // UTF-16 length ≥ code points: count them only when it could matter.
    if (q.length > MAX_QUESTION_CHARS && [...q].length > MAX_QUESTION_CHARS) return sendError(reply, 'QUESTION_TOO_LONG');
    const json = await answer('api', q, agencyId, offset, () => reply.raw.destroyed || reply.request.raw.socket?.destroyed === true);
    if (json === null) {
      // Nobody to answer: tell fastify not to send, and let the closed connection go.
      reply.hijack();
      reply.raw.destroy();
      return;
    }
    // JSON text with a JSON content type is sent as it is (fastify serializes only objects).
    return reply.type('application/json; charset=utf-8').send(json);
  };

  app.post('/api/ask', { schema: { summary: '提问', body: jsonSchema(AskBodySchema, 'input'), response: answerSchemas } }, async (req, reply) => {
    const body = AskBodySchema.safeParse(req.body);
    if (!body.success) {
      const missing = !req.body || typeof req.body !== 'object' || typeof (req.body as { question?: unknown }).question !== 'string';
      return sendError(reply, missing ? 'MISSING_QUESTION' : 'BAD_REQUEST', missing ? undefined : `请求格式不正确：${body.error.issues[0].path.join('.')}`);
    }
    return handleAsk(reply, body.data.question, body.data.agencyId, body.data.offset);
  });

  app.get('/api/ask', { schema: { summary: '提问（GET）', querystring: jsonSchema(AskQuerySchema, 'input'), response: answerSchemas } }, async (req, reply) => {
    const query = AskQuerySchema.safeParse(req.query);
    if (!query.success) return sendError(reply, 'BAD_REQUEST');
    return handleAsk(reply, query.data.q, query.data.agencyId, query.data.offset);
  });

  const paged = <T>(list: (page: { limit: number; offset: number }) => T) => async (req: FastifyRequest, reply: FastifyReply) => {
    const page = PageQuerySchema.safeParse(req.query);
    if (!page.success) return sendError(reply, 'BAD_REQUEST', 'limit 应为 1–1000，offset ≥ 0');
    return reply.send(list(page.data));
  };
  const pageQuery = jsonSchema(PageQuerySchema, 'input');
  app.get('/api/reports', { schema: { summary: '已收录的报告', querystring: pageQuery, response: { 200: jsonSchema(ReportsSchema) } } }, paged((page) => deps.catalog.reports(page)));
  app.get('/api/agencies', { schema: { summary: '已收录的机关', querystring: pageQuery, response: { 200: jsonSchema(AgenciesSchema) } } }, paged((page) => deps.catalog.agencies(page)));

  app.get('/healthz', { schema: { summary: '健康检查', response: { 200: jsonSchema(HealthSchema) } } }, async (_req, reply) => {
    let counts;
    try {
      counts = deps.catalog.counts();
    } catch (err) {
      app.log.error({ err }, 'index unavailable');
      return sendError(reply, 'INDEX_UNAVAILABLE');
    }
    return reply.send({ status: 'ok', index: { loaded: true, ...counts }, store: deps.store.kind, channels: enabledChannels(config) });
  });

  if (deps.telegram && config.telegram?.webhookUrl) {
    const bot = deps.telegram;
    const secret = config.telegram.secret!;
    const authentic = (req: FastifyRequest) => safeEqual(req.headers['x-telegram-bot-api-secret-token'] as string | undefined, secret);
    app.post('/telegram', {
      bodyLimit: TELEGRAM_BODY_LIMIT,
      schema: { hide: true },
      // Before the body is read: a stranger's 256 KB is neither parsed nor answered with a JSON error.
      onRequest: async (req, reply) => {
        if (!authentic(req)) return reply.code(401).send();
      },
    }, async (req, reply) => {
      if (!authentic(req)) return reply.code(401).send();
      const update = req.body as { update_id?: unknown } | null;
      if (!update || typeof update.update_id !== 'number') return sendError(reply, 'BAD_REQUEST');
      // Telegram redelivers an update until it gets a 200; with replicas the redelivery may land elsewhere.
      if (await deps.store.seen(`telegram:${update.update_id}`, 24 * 3600_000)) return reply.send({});
      try {
        await bot.handleUpdate(update as Parameters<Bot['handleUpdate']>[0]);
      } catch (err) {
        // Acknowledge anyway: a non-200 makes Telegram redeliver the same failing update again and again.
        req.log.error({ err }, 'telegram update failed');
      }
      return reply.send({});
    });
  }

  await registerWebhooks(app, enabledAdapters(config), {
    store: deps.store,
    conversation,
    http: deps.http,
    clock,
    background: track,
  });

  return app;
}

/**
 * Requests Node cannot even parse (most often: Chinese typed raw into a URL, e.g. curl '…/api/ask?q=鹿城区…')
 * never reach a route; answer them in our error shape with the way out instead of a bare "Client Error".
 */
function rejectUnparsableRequest(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(
    errorBody('BAD_REQUEST', status === 400 ? "无法解析的请求：URL 中的中文需要百分号编码，例如 curl -G http://HOST:PORT/api/ask --data-urlencode 'q=鹿城区2020年行政复议多少件'" : '请求头过大或超时'),
  );
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

export function sendError(reply: FastifyReply, code: ErrorCode, message?: string) {
  return reply.code(ERRORS[code].status).send(errorBody(code, message));
}
