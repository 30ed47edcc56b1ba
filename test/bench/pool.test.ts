import { describe, test, expect, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createParsePool, mapOrdered } from '../../src/ingest/pool.ts';
import { processFile } from '../../src/ingest/process-file.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';

const SEEDS = 'data/reports';
const seedFiles = readdirSync(SEEDS).sort().map((f) => join(SEEDS, f));

describe('mapOrdered', () => {
  test('yields in input order whatever order the work finishes in, with a bounded window', async () => {
    let inflight = 0;
    let most = 0;
    const delays = [30, 1, 20, 5, 0, 12, 3, 25, 2, 9];
    const out: number[] = [];
    for await (const [i, r] of mapOrdered(delays.keys(), 3, async (i) => {
      inflight++;
      most = Math.max(most, inflight);
      await new Promise((ok) => setTimeout(ok, delays[i]));
      inflight--;
      return i * 10;
    })) {
      expect(r).toBe(i * 10);
      out.push(i);
    }
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBeLessThanOrEqual(3);
  });
});

describe('parse pool (worker_threads)', () => {
  const pool = createParsePool({ jobs: 2 });
  afterAll(() => pool.close());

  test('workers parse the seeds exactly as the main thread does', async () => {
    const results = await Promise.all(seedFiles.map((f) => pool.parse(f, readFileSync(f))));
    results.forEach((r, i) => expect(r).toEqual(processFile(seedFiles[i], readFileSync(seedFiles[i]))));
    // 温州市鹿城区人民政府 2020: table 四's 行政复议 总计 is 23.
    const lucheng = results.find((r) => r.ok && r.report.agency.name === '温州市鹿城区人民政府');
    expect(lucheng?.ok && lucheng.report.figures.find((f) => f.metric === 'review.total')?.value).toBe(23);
  });

  test('a file that is no report comes back as an error value, and the pool keeps working', async () => {
    const bad = await pool.parse('x.bin', Buffer.from([0, 1, 2, 3, 0, 0, 0, 255]));
    expect(bad.ok).toBe(false);
    const good = await pool.parse(seedFiles[1], readFileSync(seedFiles[1]));
    expect(good.ok).toBe(true);
  });
});

describe('ingestPaths with jobs (worker threads)', () => {
  test('builds the same index as the single-threaded ingest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-pool-'));
    const one = await ingestPaths([SEEDS], { db: join(dir, 'one.db') });
    const two = await ingestPaths([SEEDS], { db: join(dir, 'two.db'), jobs: 2 });
    expect(two.ingested).toBe(one.ingested);
    expect(two.failed).toBe(one.failed);
    expect(two.totals).toEqual(one.totals);
    expect(two.files.map((f) => [f.file, f.status])).toEqual(one.files.map((f) => [f.file, f.status]));
    const rows = (db: string) => {
      const d = new Database(db, { readonly: true });
      const r = d
        .prepare('SELECT r.file, f.metric, f.applicant, f.value, f.cell, f.line FROM cited_figures f JOIN reports r ON r.id = f.report_id ORDER BY r.file, f.n')
        .all();
      d.close();
      return r;
    };
    expect(rows(join(dir, 'two.db'))).toEqual(rows(join(dir, 'one.db')));
    // A second run finds every file unchanged.
    const again = await ingestPaths([SEEDS], { db: join(dir, 'two.db'), jobs: 2 });
    expect(again.unchanged).toBe(seedFiles.length);
    rmSync(dir, { recursive: true, force: true });
  });
});
