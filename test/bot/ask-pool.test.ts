/**
 * /api/ask answers on worker threads (ASK_THREADS): the same answer as in process, the client that left
 * before its turn is not answered, and a closed pool refuses instead of hanging.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAskPool, type AskPool } from '../../src/bot/ask-pool.ts';
import { openLiveIndex } from '../../src/bot/live-index.ts';
import { buildSeedIndex, SEED_DIR } from '../helpers/seed-index.ts';

const quiet = { info: () => {}, error: () => {} };
const today = new Date('2026-01-01');

describe('ask pool', () => {
  let db: string;
  let pool: AskPool;
  beforeAll(async () => {
    db = await buildSeedIndex();
    pool = createAskPool({ db, reports: SEED_DIR, threads: 2 });
  }, 120_000);
  afterAll(async () => {
    await pool.close();
  });

  it('answers as the engine does in process, from the index state the main thread serves', async () => {
    const live = openLiveIndex(db, quiet);
    try {
      for (const q of ['鹿城区2020年行政复议多少件', '2020年哪个单位行政复议最多？']) {
        const pooled = await pool.ask(q, { today }, () => false);
        const answer = JSON.parse(pooled!.json);
        const local = live.ask(q, { today });
        expect(answer.status).toBe('answered');
        expect(pooled!.status).toBe('answered');
        expect(answer.results[0].value).toBe(local.results[0]!.value);
        expect(answer.results[0].source.line).toBe(local.results[0]!.source!.line);
        expect(pooled!.index).toBe(live.identity());
      }
      const first = JSON.parse((await pool.ask('鹿城区2020年行政复议多少件', { today }, () => false))!.json);
      expect(first.results[0].value).toBe(23);
      // Report files as every channel shows them: relative to the reports folder, never a server path.
      expect(first.results[0].source.file.startsWith('/')).toBe(false);
    } finally {
      live.close();
    }
  }, 60_000);

  it('answers many questions at once, each with its own answer', async () => {
    const qs = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? '鹿城区2020年行政复议多少件' : '鹿城区2020年行政诉讼多少件'));
    const answers = await Promise.all(qs.map((q) => pool.ask(q, { today }, () => false)));
    const values = answers.map((a) => JSON.parse(a!.json).question);
    expect(values).toEqual(qs);
  }, 60_000);

  it('does not answer a client that left before a worker took its question', async () => {
    expect(await pool.ask('鹿城区2020年行政复议多少件', { today }, () => true)).toBeNull();
  });

  it('refuses once closed', async () => {
    const other = createAskPool({ db, reports: SEED_DIR, threads: 1 });
    await other.close();
    await expect(other.ask('鹿城区2020年行政复议多少件', { today }, () => false)).rejects.toThrow('回答线程已关闭');
  });
});
