/** The index's write lock in one process: exclusive, named holder, a dead holder's lock taken over, released once. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireWriteLock, IndexLockedError, lockPath } from '../../src/store/lock.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-lock-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('write lock', () => {
  test('held: a second taker fails with the holder named; released: it can be taken again; the file is gone', () => {
    const db = join(dir, 'a.db');
    const lock = acquireWriteLock(db);
    expect(JSON.parse(readFileSync(lockPath(db), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    let err: unknown;
    try {
      acquireWriteLock(db, { waitMs: 1000 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IndexLockedError);
    expect((err as Error).message.replace(/自 \S+ 起/, '自 … 起')).toBe(`索引 ${db} 正由进程 ${process.pid}自 … 起写入（锁文件 ${db}.lock）；未做任何改动，请等它结束后再运行。`);
    lock.release();
    lock.release();
    expect(existsSync(lockPath(db))).toBe(false);
    acquireWriteLock(db).release();
  });

  test('a lock left by a process that is gone is taken over', () => {
    const db = join(dir, 'b.db');
    // pid 2^22 + 1 is above Linux's pid_max: surely not running.
    writeFileSync(lockPath(db), JSON.stringify({ pid: 4194305, host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
    const lock = acquireWriteLock(db);
    expect(JSON.parse(readFileSync(lockPath(db), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  test('a live holder on this host is waited for, then named with how long we waited', () => {
    const db = join(dir, 'c.db');
    // Our parent process is alive and is not us.
    writeFileSync(lockPath(db), JSON.stringify({ pid: process.ppid, host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
    const waits: unknown[] = [];
    expect(() => acquireWriteLock(db, { waitMs: 120, onWait: (h) => waits.push(h?.pid) })).toThrow(
      `索引 ${db} 等待 1 秒后仍正由进程 ${process.ppid}自 2026-01-01T00:00:00.000Z 起写入（锁文件 ${db}.lock）；未做任何改动，请等它结束后再运行。`,
    );
    expect(waits).toEqual([process.ppid]);
    rmSync(lockPath(db));
  });
});
