/**
 * A worker_threads pool for the pure per-file parse (process-file.ts): N workers each run
 * processReportFile(path, bytes) → ParseResult, and results come back to the one writing thread in the
 * order the files were given, so the index is the same whatever the number of workers.
 *
 * This module is also the workers' entry: a worker started by the pool loads this file and answers
 * parse requests.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { processReportFile } from './process-file.ts';
import type { ParseResult } from './model.ts';

const WORKER_MARK = 'gongkai-parse-pool';

interface ParseRequest {
  id: number;
  path: string;
  bytes: Uint8Array;
}
/**
 * The result travels as JSON text with each distinct quote once: the seven cells of a table row cite the
 * same line, so quotes are most of a report's bytes, and both stringify and parse scale with bytes.
 */
interface ParseReply {
  id: number;
  json: string;
}

interface PackedResult {
  result: ParseResult;
  quotes: string[];
}

/** Replace each figure's quote by an index into one list of distinct quotes. */
export function packResult(result: ParseResult): string {
  if (!result.ok) return JSON.stringify({ result, quotes: [] });
  const quotes: string[] = [];
  const seen = new Map<string, number>();
  const figures = result.report.figures.map((f) => {
    let i = seen.get(f.source.quote);
    if (i === undefined) {
      i = quotes.push(f.source.quote) - 1;
      seen.set(f.source.quote, i);
    }
    return { ...f, source: { ...f.source, quote: i as unknown as string } };
  });
  return JSON.stringify({ result: { ...result, report: { ...result.report, figures } }, quotes });
}

export function unpackResult(json: string): ParseResult {
  const { result, quotes } = JSON.parse(json) as PackedResult;
  if (result.ok) for (const f of result.report.figures) f.source.quote = quotes[f.source.quote as unknown as number];
  return result;
}

export interface ParsePool {
  /** Number of worker threads. */
  readonly size: number;
  /** Parse one file on a free worker. Never rejects: a crashed worker becomes an error value. */
  parse(path: string, bytes: Buffer): Promise<ParseResult>;
  /** Stop the workers (pending parses resolve as failed). */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads; default: the machine's available parallelism. */
  jobs?: number;
}

/** The default number of parse workers: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The worker's bootstrap: register tsx in the worker's own loader, then load this module. (Neither
 * the CLI's in-process tsx registration nor an `--import` flag reaches a worker's module loader.)
 */
function bootstrapSource(): string {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const self = JSON.stringify(import.meta.url);
  return `import(${tsx}).then((m) => { m.register(); return import(${self}); });`;
}

const crashed = (message: string): ParseResult => ({ ok: false, error: { code: 'parse_failed', message: `解析进程出错：${message}` } });

export function createParsePool(options: PoolOptions = {}): ParsePool {
  const size = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  const pending = new Map<number, { worker: Worker; resolve: (r: ParseResult) => void }>();
  const queue: { req: ParseRequest; resolve: (r: ParseResult) => void }[] = [];
  const idle: Worker[] = [];
  const workers: Worker[] = [];
  let nextId = 1;
  let closed = false;
  // Workers that die before answering anything (tsx missing, a module that fails to load) are not
  // replaced forever: after a few, the pool is broken and every parse fails with the reason.
  let startupDeaths = 0;
  let broken: string | null = null;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const { req, resolve } = queue.shift()!;
      pending.set(req.id, { worker, resolve });
      worker.ref();
      worker.postMessage(req);
    }
  };

  const spawn = (): Worker => {
    const worker = new Worker(bootstrapSource(), { eval: true, workerData: { mark: WORKER_MARK } });
    let answered = false;
    worker.on('message', (reply: ParseReply) => {
      answered = true;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      idle.push(worker);
      // Idle workers must not keep the process alive once the caller is done with the pool.
      worker.unref();
      p.resolve(unpackResult(reply.json));
      dispatch();
    });
    let dead = false;
    const fail = (why: string) => {
      if (dead) return;
      dead = true;
      // Fail what this worker held, and replace it so one crash does not shrink the pool.
      for (const [id, p] of pending) {
        if (p.worker !== worker) continue;
        pending.delete(id);
        p.resolve(crashed(why));
      }
      for (const list of [workers, idle]) {
        const i = list.indexOf(worker);
        if (i >= 0) list.splice(i, 1);
      }
      if (!answered && ++startupDeaths >= 3) {
        broken = why;
        for (const { resolve } of queue.splice(0)) resolve(crashed(why));
      }
      if (!closed && !broken) {
        const fresh = spawn();
        workers.push(fresh);
        idle.push(fresh);
        dispatch();
      }
    };
    worker.on('error', (err) => fail(err instanceof Error ? err.message : String(err)));
    worker.on('exit', (code) => {
      if (!closed) fail(`exit ${code}`);
    });
    worker.unref();
    return worker;
  };

  for (let i = 0; i < size; i++) {
    const w = spawn();
    workers.push(w);
    idle.push(w);
  }

  return {
    size,
    parse(path, bytes) {
      if (closed || broken) return Promise.resolve(crashed(broken ?? 'pool closed'));
      return new Promise((resolve) => {
        queue.push({ req: { id: nextId++, path, bytes }, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const { resolve } of queue.splice(0)) resolve(crashed('pool closed'));
      for (const [id, p] of pending) {
        pending.delete(id);
        p.resolve(crashed('pool closed'));
      }
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Run `run` over `items` with at most `window` in flight, yielding results in input order. The
 * window bounds memory (bytes and parsed reports waiting for the writer) whatever the corpus size.
 */
export async function* mapOrdered<T, R>(items: Iterable<T>, window: number, run: (item: T) => Promise<R>): AsyncGenerator<[T, R]> {
  const it = items[Symbol.iterator]();
  const inflight: { item: T; result: Promise<R> }[] = [];
  let exhausted = false;
  const fill = () => {
    while (!exhausted && inflight.length < window) {
      const n = it.next();
      if (n.done) {
        exhausted = true;
        break;
      }
      inflight.push({ item: n.value, result: run(n.value) });
    }
  };
  fill();
  while (inflight.length > 0) {
    const head = inflight.shift()!;
    const result = await head.result;
    fill();
    yield [head.item, result];
  }
}

/** Parse files on a pool, in order: `[path, bytes]` in, `[path, ParseResult]` out. */
export async function* parseInOrder(pool: ParsePool, files: Iterable<{ path: string; bytes: Buffer }>): AsyncGenerator<[string, ParseResult]> {
  for await (const [f, result] of mapOrdered(files, pool.size * 8, (f) => pool.parse(f.path, f.bytes))) yield [f.path, result];
}

// ---------------------------------------------------------------- worker side

if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === WORKER_MARK) {
  const port = parentPort;
  port.on('message', async (req: ParseRequest) => {
    const bytes = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
    const reply: ParseReply = { id: req.id, json: packResult(await processReportFile(req.path, bytes)) };
    port.postMessage(reply);
  });
}

// ---------------------------------------------------------------- the ingest job on the pool
