/**
 * What the CLI says when it cannot do what was asked: one Chinese line naming the file and the reason,
 * never a stack trace. Commands throw CliError; main.ts prints it and sets the exit status.
 */
import { assertIndexTarget as assertStoreTarget, indexFileKind, IndexTargetError, isForeignDatabase, type IndexFileKind } from '../store/target.ts';
import { SCHEMA_VERSION } from '../store/schema.ts';
import { IndexVersionError, openIndex, type Db } from '../store/open.ts';
import { QueryError } from '../query/query-error.ts';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** errno code → the reason in words (Chinese), for any file the CLI reads or writes. */
const FS_REASONS: Record<string, string> = {
  ENOENT: '不存在',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EISDIR: '是一个目录，不是文件',
  ENOTDIR: '路径中有一段不是目录',
  EROFS: '所在文件系统只读',
  ENOSPC: '磁盘空间不足',
  EMFILE: '同时打开的文件过多',
  ELOOP: '符号链接循环',
  ENAMETOOLONG: '路径过长',
  EBUSY: '文件被占用',
};

export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code && FS_REASONS[code]) return `${FS_REASONS[code]} (${code})`;
  return code ?? (err instanceof Error ? err.message : String(err));
}

/** What sits at the index path; an error reaching it (a permission, a file where a folder should be) is one line. */
function fileKind(path: string): IndexFileKind {
  try {
    return indexFileKind(path);
  } catch (err) {
    throw new CliError(`gongkai: 无法访问索引文件 ${path}：${fsReason(err)}`);
  }
}

/** Open the index for reading (ask, reports), or say in one line why it cannot be. */
export function openIndexOrFail(path: string): Db {
  const rebuild = `请运行 gongkai ingest --db ${path} 重建`;
  switch (fileKind(path)) {
    case 'missing':
      throw new CliError(`gongkai: 索引文件不存在：${path}。请先运行 gongkai ingest 建立索引（或用 --db 指定）。`);
    case 'directory':
      throw new CliError(`gongkai: --db ${path} 是一个目录，不是索引文件（例如 ${path.replace(/\/+$/, '')}/gongkai.db）。`);
    case 'empty':
      throw new CliError(`gongkai: 索引文件 ${path} 是空文件，不是 gongkai 索引；${rebuild}。`);
    case 'other':
      throw new CliError(`gongkai: ${path} 不是 gongkai 索引（不是 SQLite 文件），请检查 --db 或 $GONGKAI_DB。`);
    case 'sqlite':
      if (isForeignDatabase(path)) {
        throw new CliError(`gongkai: ${path} 是别的程序的 SQLite 数据库，不是 gongkai 索引，请检查 --db 或 $GONGKAI_DB。`);
      }
      break;
  }
  try {
    return openIndex(path);
  } catch (err) {
    if (err instanceof IndexVersionError) {
      throw new CliError(`gongkai: ${path} 不是本版本的 gongkai 索引，或已损坏（需要索引版本 ${SCHEMA_VERSION}）；${rebuild}。`);
    }
    throw new CliError(`gongkai: 无法打开索引文件 ${path}：${sqliteReason(err)}；${rebuild}。`);
  }
}

/** Where ingest may write (the store's rule, see src/store/target.ts), as one CLI line. */
export function assertIndexTarget(path: string): void {
  fileKind(path);
  try {
    assertStoreTarget(path);
  } catch (err) {
    if (err instanceof IndexTargetError) throw new CliError(`gongkai: ${err.message}`);
    throw err;
  }
}

/** better-sqlite3 errors carry an SQLITE_* code; say what it means for the user. */
const SQLITE_REASONS: Record<string, string> = {
  SQLITE_CORRUPT: '文件已损坏',
  SQLITE_NOTADB: '不是 SQLite 数据库',
  SQLITE_CANTOPEN: '无法打开（目录不存在或没有权限）',
  SQLITE_READONLY: '文件只读',
  SQLITE_IOERR: '读写出错',
  SQLITE_FULL: '磁盘空间不足',
  SQLITE_BUSY: '被另一个进程锁定',
  SQLITE_PERM: '没有权限',
};

export function sqliteReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const base = code.replace(/^(SQLITE_[A-Z]+?)(_[A-Z_]+)?$/, '$1');
    const known = SQLITE_REASONS[code] ?? SQLITE_REASONS[base];
    return known ? `${known} (${code})` : `${err instanceof Error ? err.message : code} (${code})`;
  }
  if ((err as NodeJS.ErrnoException | null)?.code) return fsReason(err);
  return err instanceof Error ? err.message : String(err);
}

/** Listening failures (serve): errno code → what to do about it. */
const LISTEN_REASONS: Record<string, string> = {
  EADDRINUSE: '端口已被占用（换一个 --port，或 --port 0 任选空闲端口）',
  EADDRNOTAVAIL: '本机没有这个地址（检查 --host / HOST）',
  EACCES: '没有权限监听该端口（1024 以下的端口需要特权）',
};

/**
 * Any error → the one line main.ts prints. Errors from the layers below are written for users already
 * (config, index version); codes we know are put in words; GONGKAI_DEBUG=1 adds the stack.
 */
export function errorLine(err: unknown): string {
  if (err instanceof CliError) return err.message;
  if (err instanceof QueryError) {
    const cause = (err.cause as { code?: unknown } | null)?.code;
    const why = typeof cause === 'string' && cause.startsWith('SQLITE_') ? `索引出错：${sqliteReason(err.cause)}（可运行 gongkai ingest 重建索引）` : `内部错误：${err.message}`;
    return `gongkai: 回答这个问题时${why} (${err.code})`;
  }
  const e = err as (NodeJS.ErrnoException & { address?: string; port?: number }) | null;
  const code = e?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return `gongkai: 索引出错：${sqliteReason(err)}（可运行 gongkai ingest 重建索引）`;
  if (e?.syscall === 'listen' && typeof code === 'string') {
    return `gongkai: 无法监听 ${e.address ?? ''}${e.port !== undefined ? `:${e.port}` : ''}：${LISTEN_REASONS[code] ?? code}`;
  }
  if (typeof code === 'string' && FS_REASONS[code]) return `gongkai: ${e?.path ? `${e.path}：` : ''}${fsReason(err)}`;
  return `gongkai: ${err instanceof Error ? err.message : String(err)}`;
}
