/**
 * Is the index missing or older than the report folder? Cheap: file names and mtimes only (ingest
 * itself then skips files whose sha256 is unchanged), so `npm start` on an up-to-date index costs a stat.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { expandPaths } from '../ingest/ingest.ts';
import { indexFiles } from '../ingest/store/writer.ts';
import { readSchemaVersion } from '../store/open.ts';
import { SCHEMA_VERSION } from '../store/schema.ts';

/**
 * `refuse`: the index cannot be served (another schema version, unreadable) and the report folder holds no
 * report to rebuild it from — a rebuild would replace it with an empty index, so the server must not start.
 */
export type Freshness = { stale: false } | { stale: true; reason: string; refuse?: string };

export function indexFreshness(dbPath: string, reportsDir: string): Freshness {
  if (!existsSync(dbPath)) return { stale: true, reason: '索引不存在' };
  const { files } = expandPaths([reportsDir], indexFiles(dbPath));
  const builtAt = Math.max(...[dbPath, `${dbPath}-wal`].filter((p) => existsSync(p)).map((p) => statSync(p).mtimeMs));
  const unusable = (reason: string): Freshness =>
    files.length > 0
      ? { stale: true, reason }
      : {
          stale: true,
          reason,
          refuse: `${reason}（${dbPath}），而报告目录 ${reportsDir} 中没有报告可用来重建：不会用空索引覆盖它。请运行 gongkai ingest --db ${dbPath} <报告目录> 重建。`,
        };
  let indexed: Set<string>;
  let db: Database.Database | null = null;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    if (readSchemaVersion(db) !== SCHEMA_VERSION) return unusable('索引版本不同');
    indexed = new Set((db.prepare('SELECT file FROM report_files').pluck().all() as string[]).map((f) => resolve(f)));
  } catch {
    return unusable('索引无法读取');
  } finally {
    db?.close();
  }
  const newer = files.find((f) => statSync(f).mtimeMs > builtAt);
  if (newer) return { stale: true, reason: `${newer} 比索引新` };
  const absent = files.find((f) => !indexed.has(resolve(f)));
  if (absent) return { stale: true, reason: `${absent} 未入库` };
  return { stale: false };
}
