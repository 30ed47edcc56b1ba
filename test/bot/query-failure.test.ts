/**
 * A failure inside the query engine (here: a damaged index) is an error with a stable code, logged with
 * the question as understood, never an ordinary HTTP 200 answer and never cached.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSeedIndex } from '../helpers/seed-index.ts';
import { openIndex, type Db } from '../../src/store/open.ts';
import { createAsker, QueryError } from '../../src/query/index.ts';
import { build } from './helpers.ts';

let dir: string;
let db: Db;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-qfail-'));
  const path = join(dir, 'damaged.db');
  copyFileSync(await buildSeedIndex(), path);
  db = openIndex(path);
});
afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Overwrite all but the first pages with garbage, under the open connection (a disk fault, a bad copy). */
function damage(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(size - 8192, 0xa5), 0, size - 8192, 8192);
  } finally {
    closeSync(fd);
  }
}

describe('a query that fails', () => {
  test('ask throws a QueryError carrying the understood query; the API answers 500 QUERY_FAILED, logs it, caches nothing', async () => {
    const ask = createAsker(db);
    expect(ask('鹿城区2020年行政复议多少件').status).toBe('answered');
    damage(join(dir, 'damaged.db'));
    let thrown: unknown;
    try {
      ask('统计局2020年行政复议多少件');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(QueryError);
    const qe = thrown as QueryError;
    expect(qe.code).toBe('QUERY_FAILED');
    expect(qe.query?.agencies.map((a) => a.name)).toEqual(['温州市统计局']);
    expect(qe.message).toMatch(/^query failed \(SQLITE_CORRUPT\)/);

    const { app, lines } = await build({}, { ask });
    const get = () => app.inject({ method: 'GET', url: `/api/ask?q=${encodeURIComponent('统计局2020年行政复议多少件')}` });
    for (let i = 0; i < 2; i++) {
      const res = await get();
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'QUERY_FAILED', message: '处理这个问题时出错了（已记录，请稍后再试或换个问法）' } });
    }
    const failures = lines.map((l) => JSON.parse(l) as { msg: string; err?: { query?: { agencies: { name: string }[] } } }).filter((l) => l.msg === 'request failed');
    // Twice: the second request ran the engine again (nothing cached), and each log line says what was asked.
    expect(failures.map((f) => f.err?.query?.agencies.map((a) => a.name))).toEqual([['温州市统计局'], ['温州市统计局']]);
    await app.close();
  });
});

describe('the CLI on a failed query', () => {
  test('one line naming the index fault and the code', async () => {
    const { errorLine } = await import('../../src/cli/errors.ts');
    const err = new QueryError(null, Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }));
    expect(errorLine(err)).toBe('gongkai: 回答这个问题时索引出错：文件已损坏 (SQLITE_CORRUPT)（可运行 gongkai ingest 重建索引） (QUERY_FAILED)');
  });
});
