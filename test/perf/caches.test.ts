/**
 * The performance mechanisms keep behaviour: the bounded LRU, the OpenCC pre-check (skipping the
 * conversion never changes a line), the answer cache in front of the asker (same answer, same
 * Content-Type, keyed by agencyId and date), and FigureStore's lazy report rows.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { Lru } from '../../src/query/lookup/lru.ts';
import { normalizeLine, normalizeLines, splitLines } from '../../src/ingest/text/document.ts';
import { mayNeedOpenCC } from '../../src/catalogue/simplified.ts';
import { FigureStore } from '../../src/query/lookup/figures.ts';
import { openIndex } from '../../src/store/open.ts';
import { seedIndexPath } from '../query/seed-db.ts';
import { build, NOW } from '../bot/helpers.ts';
import { LUCHENG_Q } from '../bot/fakes.ts';

describe('Lru', () => {
  test('evicts the least recently used entry, a hit refreshes it', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3); // evicts b
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
  });

  test('getOr computes once, and caches null', () => {
    const lru = new Lru<number, string | null>(3);
    let computed = 0;
    const f = () => (computed++, null);
    expect([lru.getOr(1, f), lru.getOr(1, f), computed]).toEqual([null, null, 1]);
  });

  test('a limit below 1 is refused', () => {
    expect(() => new Lru(0)).toThrow(RangeError);
  });
});

describe('OpenCC pre-check', () => {
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const slow = (s: string) => convert(s.normalize('NFKC'));

  test.each([
    ['政府信息公开工作年度报告', false],
    ['本年新收政府信息公開申請數量', true],
    ['行政復議 12 件', true],
    ['收到和处理政府信息公开申请情况\t23\t0', false],
    ['乾隆年间', true], // 乾 changes alone (乾 → 干) outside phrases: must not be skipped
    ['𠮷野家 2020', false],
    ['', false],
  ])('%s → may need conversion: %s', (line, expected) => {
    expect(mayNeedOpenCC(line)).toBe(expected);
  });

  test('every line of every fixture normalizes exactly as with the conversion always on', () => {
    const files = readdirSync('test/fixtures', { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(txt|html?|md)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(20);
    let lines = 0;
    let traditional = 0;
    for (const f of files) {
      for (const line of splitLines(readFileSync(f, 'utf8'))) {
        lines++;
        if (slow(line) !== line.normalize('NFKC')) {
          traditional++;
          expect(mayNeedOpenCC(line.normalize('NFKC'))).toBe(true);
        }
        if (!mayNeedOpenCC(line.normalize('NFKC'))) expect(slow(line)).toBe(line.normalize('NFKC'));
      }
    }
    expect(lines).toBeGreaterThan(5000);
    expect(traditional).toBeGreaterThan(0);
  });

  test('a Traditional report is still converted, line by line and whole', () => {
    const lines = ['二〇一八年政府信息公開工作年度報告', '一、本年新收申請數量\t12', 'plain 12'];
    expect(normalizeLines(lines)).toEqual(['二〇一八年政府信息公开工作年度报告', '一、本年新收申请数量\t12', 'plain 12']);
    expect(normalizeLine('行政復議')).toBe('行政复议');
  });
});

describe('FigureStore keeps only (year, id) per report and fetches rows on demand', async () => {
  const { path } = await seedIndexPath();
  const db = openIndex(path);
  const rows = db.prepare('SELECT id, agency_id, year, file, title FROM reports ORDER BY id').all() as { id: number; agency_id: number; year: number; file: string; title: string }[];
  const tiny = new FigureStore(db, { reports: 1, figures: 1, warnings: 1 });
  const roomy = new FigureStore(db);

  test('report(agency, year) returns the full row, also after eviction from a one-entry cache', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const pass of [1, 2]) {
      for (const r of rows) expect(tiny.report(r.agency_id, r.year), `pass ${pass}`).toMatchObject({ id: r.id, file: r.file, title: r.title });
    }
    expect(tiny.report(rows[0]!.agency_id, 1990)).toBeNull();
    expect(tiny.report(-1, rows[0]!.year)).toBeNull();
  });

  test('years and allYears as stored', () => {
    for (const r of rows) expect(tiny.years(r.agency_id)).toContain(r.year);
    expect(tiny.allYears()).toEqual([...new Set(rows.map((r) => r.year))].sort((a, b) => a - b));
  });

  test('resolving through a one-report cache gives the same figures as a large cache', () => {
    const keys = ['requests.new', 'review.total', 'litigation.total', 'proactive.total'];
    for (let round = 0; round < 2; round++) {
      for (const r of rows) for (const k of keys) expect(tiny.resolve(r.id, k)).toEqual(roomy.resolve(r.id, k));
    }
  });
});

describe('answer cache in front of the asker', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  test('a repeated question is served from the cache with the same body and content type', async () => {
    const { app, ask } = await build();
    close = () => app.close();
    const url = `/api/ask?q=${encodeURIComponent(LUCHENG_Q)}`;
    const first = await app.inject({ method: 'GET', url });
    const second = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: ` ${LUCHENG_Q} ` } });
    expect(second.body).toBe(first.body);
    expect([first.headers['content-type'], second.headers['content-type']]).toEqual(['application/json; charset=utf-8', 'application/json; charset=utf-8']);
    expect(first.json().results[0].value).toBe(23);
    expect(ask.calls.length).toBe(1);
  });

  test('agencyId and the date are part of the key', async () => {
    let now = NOW;
    const { app, ask } = await build({}, { clock: () => now });
    close = () => app.close();
    const post = (agencyId?: number) => app.inject({ method: 'POST', url: '/api/ask', payload: { question: '统计局行政复议多少件', ...(agencyId ? { agencyId } : {}) } });
    expect((await post()).json().status).toBe('clarify');
    expect((await post(2)).json().results[0]).toMatchObject({ agency: '温州市统计局', value: 0 });
    expect((await post()).json().status).toBe('clarify');
    expect(ask.calls.length).toBe(2);
    now += 24 * 3600_000; // "去年" means another year once the date moves on
    await post();
    expect(ask.calls.length).toBe(3);
    expect(ask.calls.map((c) => c.options?.today?.valueOf())).toEqual([NOW, NOW, now]);
  });
});
