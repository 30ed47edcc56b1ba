/**
 * Reports of units outside the gazetteer, end to end (issue 11): three fixtures in real shapes (a
 * crawled page of a 片区管理局, a crawled county bureau's page whose title lacks the place, an OCR'd
 * county report misreading 沭阳 as 沐阳) ingested beside a seed, then asked about by the names people
 * type — and about neighbours the index does not hold.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { createAsker, type AskFn } from '../../src/query/index.ts';
import { openIndex } from '../../src/store/open.ts';
import { SEED_DIR } from '../helpers/seed-index.ts';

const FIXTURES = new URL('../fixtures/units/', import.meta.url).pathname;
const HT = '平潭综合实验区海坛片区管理局';
const GA = '平潭县公安局';
const SY = '沭阳县发展和改革局';

let ask: AskFn;
let db: ReturnType<typeof openIndex>;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-units-'));
  mkdirSync(join(dir, 'r'));
  for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(dir, 'r', f));
  copyFileSync(join(SEED_DIR, '004_8d900a062941073b.txt'), join(dir, 'r', 'seed-commerce.txt'));
  const summary = await ingestPaths([join(dir, 'r')], { db: join(dir, 'u.db') });
  expect(summary.ingested).toBe(4);
  db = openIndex(join(dir, 'u.db'));
  ask = createAsker(db, { today: new Date('2024-06-01T00:00:00Z') });
});

describe('units outside the gazetteer, ingested and asked about', () => {
  test('each report under its real name and place', () => {
    const rows = db.prepare('SELECT name, province, city, county, division_code FROM agencies ORDER BY name').all();
    expect(rows).toEqual([
      { name: HT, province: '福建省', city: '平潭综合实验区', county: '海坛片区', division_code: null },
      { name: GA, province: '福建省', city: '福州市', county: '平潭县', division_code: '350128' },
      { name: '温州市商务局', province: '浙江省', city: '温州市', county: null, division_code: '330300' },
      { name: SY, province: '江苏省', city: '宿迁市', county: '沭阳县', division_code: '321322' },
    ].sort((a, b) => (a.name < b.name ? -1 : 1)));
  });

  test('the misread county is stored corrected, with the warning naming both spellings and lines', () => {
    const w = db.prepare("SELECT code, message, line, line2 FROM warnings WHERE code LIKE 'name.%'").all();
    expect(w).toEqual([
      {
        code: 'name.corrected',
        message: '机构名称印作“沐阳县发展和改革局”（第1行），“沐阳县”疑为“沭阳县”的误识，已更正为“沭阳县发展和改革局”（第15行写作“沭阳县”）',
        line: 1,
        line2: 15,
      },
    ]);
  });

  test.each([
    ['海坛片区2023年收到多少申请', HT, 5],
    ['海坛片区管理局2023年收到多少申请', HT, 5],
    ['平潭海坛片区管理局2023年新收申请几件', HT, 5],
    ['平潭综合实验区海坛片区管理局2023年主动公开多少条', HT, 120],
    ['平潭县公安局2010年收到多少申请', GA, 2],
    ['平潭县的公安局2010年主动公开多少条', GA, 36],
    ['沭阳县发改局2021年收到多少申请', SY, 4],
    ['沭阳发展和改革局2021年主动公开多少条', SY, 88],
    // The spelling the report printed finds it too (a one-character typo of its full name).
    ['沐阳县发展和改革局2021年收到多少申请', SY, 4],
  ])('%s → %s %d', (question, agency, value) => {
    const a = ask(question);
    expect(a.status).toBe('answered');
    expect(a.results.map((r) => [r.agency, r.value])).toEqual([[agency, value]]);
  });

  test.each([
    ['金井片区2023年收到多少申请', '金井片区'],
    ['平潭综合实验区公安局2010年收到多少申请', '平潭综合实验区公安局'],
    ['平潭县财政局2010年收到多少申请', '平潭县财政局'],
    ['海坛片区公安局2023年收到多少申请', '海坛片区公安局'],
    ['国家发改委2021年收到多少申请', '国家发改委'],
    ['沭阳县教育局2021年收到多少申请', '沭阳县教育局'],
    ['宿迁市发改委2021年收到多少申请', '宿迁市发改委'],
  ])('%s → not_found (%s)', (question, name) => {
    const a = ask(question);
    expect(a.status).toBe('not_found');
    expect(a.results).toEqual([]);
    expect(a.text.startsWith(`索引中没有“${name}”的报告`)).toBe(true);
  });
});
