/**
 * /api/ask answers computed on worker threads (ASK_THREADS): the engine is synchronous SQLite and CPU-bound
 * (≈ 0.5 ms a computed answer at 100,000 reports), so one thread answering everything leaves the other
 * cores idle while requests queue. Each worker opens the index itself (openLiveIndex: it follows swaps and
 * commits as the main thread does) and answers a question as the answer's JSON text; the main thread keeps
 * HTTP, the answer cache, logging and every other channel (web pages, webhooks, Telegram ask in process).
 *
 * This module is also the workers' entry: a worker started by the pool loads this file and answers.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Answer } from '../query/answer.ts';
import { openLiveIndex } from './live-index.ts';
import { withPublicFiles } from './public-paths.ts';

const WORKER_MARK = 'gongkai-ask-pool';

/**
 * Questions a worker holds at once: a second one waits in the worker's queue, so the worker never idles
 * for the round trip between one answer and the next; more would only move the queue out of our sight.
 */
const IN_FLIGHT_PER_WORKER = 2;

interface AskRequest {
  id: number;
  question: string;
  agencyId?: number;
  offset?: number;
  today: number;
}

type AskReply = { id: number; json: string; status: Answer['status']; index: string } | { id: number; error: string };

interface WorkerInit {
  mark: string;
  db: string;
  reports: string;
}

export interface PooledAnswer {
  json: string;
  status: Answer['status'];
  /** Which state of the index answered it (file and commit, as LiveIndex.identity says). */
  index: string;
}

export interface AskPool {
  readonly size: number;
  /**
   * The answer as JSON, or null when `gone()` says the client left before a worker took the question.
   * Rejects when the engine threw or its worker died: the server's error boundary answers 500.
   */
  ask(question: string, options: { agencyId?: number; offset?: number; today: Date }, gone: () => boolean): Promise<PooledAnswer | null>;
  close(): Promise<void>;
}

/**
 * The worker's bootstrap: under tsx (the sources run as .ts) register it in the worker's own loader
 * first — neither the CLI's registration nor an --import flag reaches a worker. Compiled dist/ loads plainly
 * (tsx's loader costs ≈ 35 MB a thread).
 */
function bootstrapSource(): string {
  const self = JSON.stringify(import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return `import(${self});`;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then((m) => { m.register(); return import(${self}); });`;
}

export function createAskPool(options: { db: string; reports: string; threads: number }): AskPool {
  const size = Math.max(1, Math.floor(options.threads));
  interface Job {
    req: AskRequest;
    gone: () => boolean;
    resolve: (a: PooledAnswer | null) => void;
    reject: (e: Error) => void;
  }
  interface Slot {
    worker: Worker;
    held: Map<number, Job>;
  }
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let startupDeaths = 0;
  let broken: string | null = null;

  const dispatch = () => {
    while (queue.length > 0) {
      // The least busy worker; none with room: the question waits here, in arrival order.
      let best: Slot | null = null;
      for (const s of slots) if (s.held.size < IN_FLIGHT_PER_WORKER && (!best || s.held.size < best.held.size)) best = s;
      if (!best) return;
      const job = queue.shift()!;
      if (job.gone()) {
        job.resolve(null);
        continue;
      }
      best.held.set(job.req.id, job);
      best.worker.postMessage(job.req);
    }
  };

  const spawn = (): Slot => {
    const init: WorkerInit = { mark: WORKER_MARK, db: options.db, reports: options.reports };
    const worker = new Worker(bootstrapSource(), { eval: true, workerData: init });
    const slot: Slot = { worker, held: new Map() };
    let answered = false;
    worker.on('message', (reply: AskReply) => {
      answered = true;
      const job = slot.held.get(reply.id);
      if (!job) return;
      slot.held.delete(reply.id);
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve({ json: reply.json, status: reply.status, index: reply.index });
      dispatch();
    });
    let dead = false;
    const fail = (why: string) => {
      if (dead) return;
      dead = true;
      for (const job of slot.held.values()) job.reject(new Error(`回答线程退出：${why}`));
      slot.held.clear();
      slots.splice(slots.indexOf(slot), 1);
      // A worker that dies before answering anything (the index cannot be opened, a module fails to load)
      // is not replaced forever: after a few, every question fails with the reason.
      if (!answered && ++startupDeaths >= 3) {
        broken = why;
        for (const job of queue.splice(0)) job.reject(new Error(`回答线程无法启动：${why}`));
      }
      if (!closed && !broken) {
        slots.push(spawn());
        dispatch();
      }
    };
    worker.on('error', (err) => fail(err instanceof Error ? err.message : String(err)));
    worker.on('exit', (code) => {
      if (!closed) fail(`exit ${code}`);
    });
    return slot;
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    size,
    ask(question, askOptions, gone) {
      if (closed || broken) return Promise.reject(new Error(broken ? `回答线程无法启动：${broken}` : '回答线程已关闭'));
      return new Promise((resolve, reject) => {
        queue.push({
          req: { id: nextId++, question, agencyId: askOptions.agencyId, offset: askOptions.offset, today: askOptions.today.getTime() },
          gone,
          resolve,
          reject,
        });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('回答线程已关闭'));
      for (const s of slots) for (const job of s.held.values()) job.reject(new Error('回答线程已关闭'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

// ---------------------------------------------------------------- worker side

if (!isMainThread && parentPort && (workerData as Partial<WorkerInit> | null)?.mark === WORKER_MARK) {
  const port = parentPort;
  const init = workerData as WorkerInit;
  const log = {
    // The main thread logs what the server does; a worker's own news (a new index) goes to stderr as JSON.
    info: (obj: object, msg: string) => process.stderr.write(`${JSON.stringify({ level: 30, thread: 'ask', ...obj, msg })}\n`),
    error: (obj: object, msg: string) => process.stderr.write(`${JSON.stringify({ level: 50, thread: 'ask', ...obj, msg })}\n`),
  };
  const index = openLiveIndex(init.db, log);
  const ask = withPublicFiles(index.ask, init.reports);
  port.on('message', (req: AskRequest) => {
    let reply: AskReply;
    try {
      const answer = ask(req.question, { agencyId: req.agencyId, offset: req.offset, today: new Date(req.today) });
      reply = { id: req.id, json: JSON.stringify(answer), status: answer.status, index: index.identity() };
    } catch (err) {
      reply = { id: req.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    port.postMessage(reply);
  });
}
