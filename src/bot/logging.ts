/**
 * The server's logging: what is never logged (secrets, users' messages inside errors), the two loggers
 * main wires up, and the per-request child logger fastify asks for, built only when a request logs.
 */
import pino, { type Bindings, type ChildLoggerOptions, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { FastifyBaseLogger } from 'fastify';

/** Never logged, whatever logs them by accident (request headers, config objects, errors). */
const SECRET_KEYS = ['appSecret', 'signingSecret', 'token', 'secret', 'encryptKey', 'encodingAesKey', 'verificationToken', 'redisUrl'];
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers.sign',
  'req.headers["x-slack-signature"]',
  'req.headers["x-lark-signature"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
  // A key is redacted at the top level and one or two objects down (config.dingtalk.appSecret).
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

/**
 * Error fields that carry users' messages: grammY's BotError.ctx (the whole update, private text included)
 * and GrammyError.payload (chat ids and text of the call). pino would otherwise print every enumerable field.
 */
const PRIVATE_ERROR_FIELDS = ['ctx', 'payload', 'update'];

export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const s = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  for (const k of PRIVATE_ERROR_FIELDS) delete s[k];
  const inner = (err as { error?: unknown }).error;
  if (inner instanceof Error) s.error = serializeError(inner);
  return s;
}

export function loggerOptions(level: string): pino.LoggerOptions {
  return { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, serializers: { err: serializeError }, base: { service: 'gongkai' } };
}

/**
 * The server's logger, and the one for its per-question lines: one stdout written asynchronously (lines
 * written while a write is in flight go out together, so a busy server makes one write for many lines;
 * pino flushes what is left synchronously when the process exits), the second without redaction (its
 * fields are fixed and secret-free; redaction was ≈ 11 µs of a line's 13).
 */
export function createLoggers(level: string, terminal = process.stdout.isTTY === true): { log: Logger; questions: Logger } {
  const out = terminal ? prettyOutput() : pino.destination({ dest: 1, sync: false });
  return { log: pino(loggerOptions(level), out), questions: pino({ level, base: { service: 'gongkai' } }, out) };
}

/**
 * A person at a terminal reads lines ("03:12:09 INFO: http://127.0.0.1:3000/ — …"), not JSON; a pipe,
 * a file or a log collector gets JSON as before. Synchronous: a terminal is not the busy server's path.
 */
export function prettyOutput(): DestinationStream {
  return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', sync: true });
}

/** Whether a level is on (pino's isLevelEnabled; any other logger: assume it is). */
export function levelEnabled(log: FastifyBaseLogger, level: LogMethod): boolean {
  return (log as { isLevelEnabled?: (l: string) => boolean }).isLevelEnabled?.(level) ?? true;
}

type LogMethod = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * fastify gives every request a child logger bound to its reqId; pino builds it at once and runs the
 * redaction (REDACT_PATHS, with wildcards) over its bindings: ≈ 4% of the CPU of a cached /api/ask. Requests
 * log only on errors (request logging is off, questions are logged by logQuestion), so the child is built
 * the first time a request logs something at an enabled level — with the same bindings and options.
 */
class LazyChildLogger {
  #child: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly opts: ChildLoggerOptions,
  ) {}

  private real(): FastifyBaseLogger {
    return (this.#child ??= this.parent.child(this.bindings, this.opts));
  }

  private write(level: LogMethod, args: unknown[]): void {
    if (this.#child === undefined && !levelEnabled(this.parent, level)) return;
    (this.real()[level] as (...a: unknown[]) => void)(...args);
  }

  get level(): string {
    return (this.#child ?? this.parent).level;
  }
  set level(level: string) {
    this.real().level = level;
  }
  child(bindings: Bindings, opts?: ChildLoggerOptions): FastifyBaseLogger {
    return this.real().child(bindings, opts);
  }
  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}
}

export function lazyChildLogger(logger: FastifyBaseLogger, bindings: Bindings, opts: ChildLoggerOptions): FastifyBaseLogger {
  return new LazyChildLogger(logger, bindings, opts) as unknown as FastifyBaseLogger;
}
