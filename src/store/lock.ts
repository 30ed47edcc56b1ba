/**
 * One writer per index at a time. Every writer (gongkai ingest, serve's rebuild, tests) takes
 * `<db>.lock` before it decides anything about the index, and gives it back when done: without it two
 * runs into a new --db each built an index aside and the second rename silently threw away the first
 * run's reports, both printing success.
 *
 * The lock is a file created exclusively (O_EXCL) holding the holder's pid, host and start time, so the
 * message can name who holds it. A holder killed with -9 leaves its file behind: a lock whose process is
 * gone (same host, kill(pid, 0) → ESRCH) is stale and taken over. Breaking a stale lock is itself guarded
 * by an exclusive mkdir, so two waiters that both saw the dead holder cannot both win (one would otherwise
 * delete the lock the other had just created).
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

export interface WriteLock {
  readonly path: string;
  release(): void;
}

export class IndexLockedError extends Error {
  override name = 'IndexLockedError';
  constructor(
    readonly db: string,
    readonly holder: LockHolder | null,
    readonly waitedMs: number,
  ) {
    const who = holder ? `进程 ${holder.pid}${holder.host !== hostname() ? `（主机 ${holder.host}）` : ''}自 ${holder.started} 起` : '另一个进程';
    const waited = waitedMs > 0 ? `等待 ${Math.max(1, Math.round(waitedMs / 1000))} 秒后仍` : '';
    super(`索引 ${db} ${waited}正由${who}写入（锁文件 ${lockPath(db)}）；未做任何改动，请等它结束后再运行。`);
  }
}

/** The index's folder does not let us create the lock (nor, then, any index file): said before any work. */
export class IndexNotWritableError extends Error {
  override name = 'IndexNotWritableError';
  constructor(
    readonly dir: string,
    readonly code: string,
  ) {
    super(`索引所在的目录 ${dir} 不可写（${code}）；未做任何改动。`);
  }
}

export interface LockOptions {
  /** How long to wait for the holder to finish (0: fail at once). */
  waitMs?: number;
  /** Called once when the lock is busy and we start waiting. */
  onWait?: (holder: LockHolder | null) => void;
}

export const lockPath = (db: string) => `${db}.lock`;
const breakerPath = (db: string) => `${db}.lock.break`;
/** A breaker directory older than this was left by a process killed while breaking a lock. */
const STALE_BREAKER_MS = 10_000;
const POLL_MS = 50;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' ? { pid: h.pid, host: String(h.host ?? ''), started: String(h.started ?? '') } : null;
  } catch {
    // Being written this very moment, or gone already.
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // another machine's process: we cannot tell, so assume it runs
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (NOT_WRITABLE.has(code)) throw new IndexNotWritableError(dirname(path), code);
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() } satisfies LockHolder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Remove the lock of a dead holder, unless someone else has replaced it meanwhile. */
function breakStale(db: string, dead: LockHolder): void {
  const breaker = breakerPath(db);
  try {
    mkdirSync(breaker);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    try {
      if (Date.now() - statSync(breaker).mtimeMs > STALE_BREAKER_MS) rmdirSync(breaker);
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    const now = readHolder(lockPath(db));
    if (now && now.pid === dead.pid && now.started === dead.started && now.host === dead.host) unlinkSync(lockPath(db));
  } catch {
    // already removed
  } finally {
    rmdirSync(breaker);
  }
}

/** Take the index's write lock, waiting up to `waitMs`; throws IndexLockedError when it stays busy. */
export function acquireWriteLock(db: string, options: LockOptions = {}): WriteLock {
  const path = lockPath(db);
  const waitMs = options.waitMs ?? 0;
  const started = Date.now();
  let told = false;
  for (;;) {
    if (tryCreate(path)) break;
    const holder = readHolder(path);
    if (holder && !isAlive(holder)) {
      breakStale(db, holder);
      continue;
    }
    const waited = Date.now() - started;
    // Our own process holds it (two writers in one process): waiting would block the very holder.
    if (holder?.pid === process.pid && holder.host === hostname()) throw new IndexLockedError(db, holder, 0);
    // --wait 0 fails at once and says nothing about waiting.
    if (waited >= waitMs) throw new IndexLockedError(db, holder, waitMs > 0 ? waited : 0);
    if (!told) {
      options.onWait?.(holder);
      told = true;
    }
    sleep(Math.min(POLL_MS, waitMs - waited));
  }
  let held = true;
  return {
    path,
    release() {
      if (!held) return;
      held = false;
      // Only our own lock: never one a waiter took over after deciding we were dead.
      if (readHolder(path)?.pid === process.pid) unlinkSync(path);
    },
  };
}
