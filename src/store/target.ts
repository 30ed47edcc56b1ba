/**
 * Where an index may be written. Every writer (gongkai ingest, serve's rebuild, the parallel pool) goes
 * through openIndexWriter, which rebuilds anything that is not a current index — so it must first make
 * sure the path holds nothing else: a mistyped --db or GONGKAI_DB must never overwrite a report, a
 * document or another program's database.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { APPLICATION_ID } from './schema.ts';

export type IndexFileKind = 'missing' | 'directory' | 'empty' | 'sqlite' | 'other';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** What sits at a path, judged by its first bytes. Errors other than "not there" are thrown as they are. */
export function indexFileKind(path: string): IndexFileKind {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  if (st.isDirectory()) return 'directory';
  if (st.size === 0) return 'empty';
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1') === SQLITE_MAGIC ? 'sqlite' : 'other';
}

/** The application id in an SQLite file's header (offset 68, big-endian), or null when unreadable. */
export function headerApplicationId(path: string): number | null {
  const head = Buffer.alloc(100);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    return readSync(fd, head, 0, 100, 0) === 100 ? head.readUInt32BE(68) : null;
  } finally {
    closeSync(fd);
  }
}

/**
 * An SQLite file that is not a gongkai index: its header carries another program's application id, or
 * none and it is not one of our own older indexes (a `meta` table with a schema_version) — including a
 * damaged file nobody can read: without our mark we cannot know it is ours, so it is never overwritten.
 * An SQLite file with no table at all holds nothing to lose.
 */
export function isForeignDatabase(path: string): boolean {
  const appId = headerApplicationId(path);
  if (appId === APPLICATION_ID) return false;
  if (appId !== 0) return true;
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (tables.length === 0) return false;
    if (!tables.includes('meta')) return true;
    return db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get() === undefined;
  } catch {
    return true;
  } finally {
    db?.close();
  }
}

export class IndexTargetError extends Error {
  override name = 'IndexTargetError';
}

/**
 * Throws unless the path is free, an empty file, or a gongkai index (a damaged or older one is rebuilt).
 * The message is Chinese, names the path and says what to do.
 */
export function assertIndexTarget(path: string): void {
  const refuse = (what: string) =>
    new IndexTargetError(`索引文件 ${path} 已存在且${what}；为免覆盖它，未做任何改动（请换一个路径，或确认后删除它）。`);
  switch (indexFileKind(path)) {
    case 'directory':
      throw new IndexTargetError(`索引路径 ${path} 是一个目录；请给出索引文件的路径（例如 ${path.replace(/\/+$/, '')}/gongkai.db）。`);
    case 'other':
      throw refuse('不是 SQLite 索引文件');
    case 'sqlite':
      if (isForeignDatabase(path)) throw refuse('是别的程序的 SQLite 数据库，或已损坏且没有 gongkai 索引的标记（application_id）');
      break;
    default:
  }
}
