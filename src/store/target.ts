/**
 * Where an index may be written. Every writer (gongkai ingest, serve's rebuild, the parallel pool) goes
 * through openIndexWriter, which rebuilds anything that is not a current index — so it must first make
 * sure the path holds nothing else: a mistyped --db or GONGKAI_DB must never overwrite a report, a
 * document or another program's database.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';

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

/** An SQLite file holding tables but no gongkai `meta` table is some other program's database. */
export function isForeignDatabase(path: string): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    return tables.length > 0 && !tables.includes('meta');
  } catch {
    // Unreadable as SQLite despite its header: a damaged index, which is rebuilt.
    return false;
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
      if (isForeignDatabase(path)) throw refuse('是别的程序的 SQLite 数据库（没有 gongkai 的 meta 表）');
      break;
    default:
  }
}
