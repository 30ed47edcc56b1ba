/**
 * Opening the index. Query and the server open it read-only; ingest opens it for writing.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { APPLICATION_ID, SCHEMA_SQL, SCHEMA_VERSION } from './schema.ts';

export type Db = Database.Database;

/** Where the CLI and the server look by default (relative to the working directory). */
export const DEFAULT_DB = 'data/gongkai.db';
export const DEFAULT_REPORTS = 'data/reports';

/** An index written by another version of the schema (or not by gongkai at all): rebuild it. */
export class IndexVersionError extends Error {
  constructor(
    readonly path: string,
    readonly version: number | null,
  ) {
    super(`index ${path} has schema version ${version ?? 'none'}, expected ${SCHEMA_VERSION} (run: gongkai ingest)`);
  }
}

/** Open an existing index read-only. Throws a clear error when it is missing or of another version. */
export function openIndex(path: string): Db {
  if (!existsSync(path)) throw new Error(`索引文件不存在 / index not found: ${path} (run: gongkai ingest)`);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const version = readSchemaVersion(db);
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new IndexVersionError(path, version);
  }
  return db;
}

/** Open (creating if needed) an index for writing, with the current schema. */
export function openIndexForWrite(path: string): Db {
  const db = new Database(path);
  // A rollback journal, not WAL: a served index then never has a -wal beside it, so a new file renamed over
  // it (a rebuild, or mv new.db gongkai.db) is read as it is — SQLite applies any -wal it finds next to a
  // database file, and the old index's WAL applied to the new file mixes both (seen: answers flapping
  // between the two, then "database disk image is malformed"). It also lets a read-only directory be served.
  db.pragma('journal_mode = DELETE');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA_SQL);
  db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
  // The file's own marks (header): what lets target.ts tell our index from anything else.
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  return db;
}

export function readSchemaVersion(db: Db): number | null {
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
    return row ? Number(row.value) : null;
  } catch {
    return null;
  }
}
