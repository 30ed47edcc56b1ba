/**
 * A report file cut short: figures it still holds are answered (prose fills in), and a figure it lacks
 * is 报告未披露 together with the ingest warnings that say the file stops early — never a number.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { createAsker, type AskFn } from '../../src/query/index.ts';
import { openIndex, type Db } from '../../src/store/open.ts';

let dir: string;
let db: Db;
let ask: AskFn;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-cut-'));
  const seed = readFileSync('data/reports/002_ebc6c56e4ff49493.txt', 'utf8').split('\n');
  // Cut inside section 四, before table 四's numbers (line 565).
  writeFileSync(join(dir, 'lucheng_cut.txt'), seed.slice(0, 500).join('\n'));
  await ingestPaths([dir], { db: join(dir, 'cut.db') });
  db = openIndex(join(dir, 'cut.db'));
  ask = createAsker(db, { today: new Date('2021-06-01') });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a report file cut short', () => {
  test('行政复议 is still answered, from the prose (23, line 177)', () => {
    const a = ask('鹿城区2020年行政复议多少件');
    expect(a.status).toBe('answered');
    expect(a.results[0]).toMatchObject({ value: 23, source: { line: 177 } });
  });
  test('复议后起诉 is not in the file: 报告未披露, with the warnings that the file stops early', () => {
    const a = ask('鹿城区2020年复议后起诉多少件');
    expect(a.status).toBe('answered');
    expect(a.results[0]!.value).toBeNull();
    expect(a.text).toContain('报告未披露');
    expect(a.warnings.some((w) => w.includes('未读到表四'))).toBe(true);
    expect(a.warnings.some((w) => w.includes('报告似乎不完整') && w.includes('第500行'))).toBe(true);
  });
});
