import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexFreshness } from '../../src/bot/index-freshness.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';

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
