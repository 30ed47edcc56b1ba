import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexFreshness } from '../../src/bot/index-freshness.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { startServer } from '../../src/bot/main.ts';

let dir: string;
let reports: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-fresh-'));
  reports = join(dir, 'reports');
  db = join(dir, 'gongkai.db');
  cpSync('data/reports', reports, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('index freshness (what npm start rebuilds)', () => {
  test('missing → stale; after ingest → fresh; a newer or new report → stale again', async () => {
    expect(indexFreshness(db, reports)).toEqual({ stale: true, reason: '索引不存在' });
    await ingestPaths([reports], { db });
    expect(indexFreshness(db, reports)).toEqual({ stale: false });

    const lucheng = join(reports, '002_ebc6c56e4ff49493.txt');
    const future = new Date(Date.now() + 60_000);
    utimesSync(lucheng, future, future);
    expect(indexFreshness(db, reports)).toMatchObject({ stale: true, reason: expect.stringContaining('比索引新') });
    await ingestPaths([reports], { db });
    const past = new Date(Date.now() - 60_000);
    utimesSync(lucheng, past, past);
    expect(indexFreshness(db, reports)).toEqual({ stale: false });

    const added = join(reports, '005_copy.txt');
    writeFileSync(added, readFileSync(lucheng));
    utimesSync(added, past, past);
    expect(indexFreshness(db, reports)).toMatchObject({ stale: true, reason: expect.stringContaining('未入库') });
  });
});

describe('an index that cannot be served and no reports to rebuild it from', () => {
  test.each([
    ['another schema version', (path: string) => {
      const raw = new Database(path);
      raw.prepare("UPDATE meta SET value = '0' WHERE key = 'schema_version'").run();
      raw.close();
    }, '索引版本不同'],
    ['damaged (cut short)', (path: string) => writeFileSync(path, readFileSync(path).subarray(0, 100)), '索引版本不同'],
  ])('%s: refused, never replaced by an empty index', async (_name, spoil, reason) => {
    const d = mkdtempSync(join(tmpdir(), 'gongkai-refuse-'));
    const index = join(d, 'gongkai.db');
    const empty = join(d, 'empty');
    mkdirSync(empty);
    await ingestPaths(['data/reports'], { db: index });
    spoil(index);
    const before = readFileSync(index);
    const fresh = indexFreshness(index, empty);
    expect(fresh).toMatchObject({ stale: true, reason, refuse: expect.stringContaining('不会用空索引覆盖它') });
    // With reports to rebuild from, it is simply stale.
    expect(indexFreshness(index, 'data/reports')).toEqual({ stale: true, reason });
    await expect(startServer({ GONGKAI_DB: index, GONGKAI_REPORTS: empty, PORT: '0', LOG_LEVEL: 'silent' })).rejects.toThrow('不会用空索引覆盖它');
    expect(readFileSync(index).equals(before)).toBe(true);
    rmSync(d, { recursive: true, force: true });
  });
});
