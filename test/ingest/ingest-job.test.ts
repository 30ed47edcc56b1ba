import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ingestPaths, type IngestFileEvent, type IngestSummary } from '../../src/ingest/ingest.ts';
import { exitCode, failureLine, summaryLine } from '../../src/cli/commands/ingest.ts';

const SEEDS = new URL('../../data/reports/', import.meta.url);
const seedNames = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

let dir: string;
let reports: string;
let db: string;
let first: IngestSummary;

const byFile = (s: IngestSummary) => new Map(s.files.map((e) => [e.file, e]));
const status = (s: IngestSummary, file: string) => byFile(s).get(join(reports, file));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-job-'));
  reports = join(dir, 'reports');
  mkdirSync(join(reports, 'nested'), { recursive: true });
  for (const f of seedNames) copyFileSync(new URL(f, SEEDS), join(reports, f));
  const seed1 = readFileSync(new URL(seedNames[1], SEEDS), 'utf8');
  writeFileSync(join(reports, 'gbk-copy.txt'), iconv.encode(seed1, 'gbk'));
  writeFileSync(join(reports, 'empty.txt'), '');
  writeFileSync(join(reports, 'image.htm'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]));
  writeFileSync(join(reports, 'notes.md'), 'Meeting notes\n\nNothing to see here, just some English text.\n');
  writeFileSync(join(reports, '.hidden.txt'), seed1);
  writeFileSync(join(reports, 'broken.pdf'), '%PDF-1.4 not read');
  writeFileSync(join(reports, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  copyFileSync(new URL(seedNames[3], SEEDS), join(reports, 'nested', 'REPORT'));
  // The index itself may live in the folder being ingested.
  db = join(reports, 'gongkai.db');
  first = await ingestPaths([reports], { db });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest job over a folder with bad files', () => {
  test('every candidate file is tried once; hidden files, images and the index itself are not candidates', () => {
    expect(first.files.map((e) => e.file.slice(reports.length + 1)).sort()).toEqual(
      [...seedNames, 'broken.pdf', 'empty.txt', 'gbk-copy.txt', 'image.htm', 'nested/REPORT', 'notes.md'].sort(),
    );
  });

  test('good reports are ingested, the GBK copy too; a byte-for-byte copy under another name is the same report', () => {
    for (const f of [...seedNames, 'gbk-copy.txt']) expect(status(first, f)?.status, f).toBe('ingested');
    expect(status(first, 'nested/REPORT')).toEqual({ file: join(reports, 'nested/REPORT'), status: 'duplicate', of: join(reports, seedNames[3]) });
    expect(first.ingested).toBe(6);
    expect(first.duplicates).toBe(1);
  });

  test.each([
    ['empty.txt', 'empty'],
    ['image.htm', 'binary'],
    ['notes.md', 'not_a_report'],
    ['broken.pdf', 'damaged'],
  ])('%s fails as %s without stopping the others', (file, code) => {
    expect(status(first, file)).toMatchObject({ status: 'failed', code });
  });

  test('the index holds the ingested reports under the paths they were found at', () => {
    const d = new Database(db, { readonly: true });
    const files = (d.prepare('SELECT file FROM reports ORDER BY file').all() as { file: string }[]).map((r) => r.file);
    const gbk = d.prepare("SELECT a.name, r.year FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE file LIKE '%gbk-copy.txt'").get();
    const paths = d.prepare('SELECT p.file, r.file AS cited FROM report_files p JOIN reports r ON r.id = p.report_id ORDER BY p.file').all();
    d.close();
    expect(files).toHaveLength(6);
    expect(files).toContain(join(reports, seedNames[2]));
    expect(gbk).toEqual({ name: '温州市统计局', year: 2020 });
    expect(first.totals.reports).toBe(6);
    // The copy is one more path of the report it copies, which is cited by its first path.
    expect(paths).toHaveLength(7);
    expect(paths).toContainEqual({ file: join(reports, 'nested/REPORT'), cited: join(reports, seedNames[3]) });
  });

  test('a second run skips unchanged files and replaces a changed one', async () => {
    const target = join(reports, seedNames[0]);
    writeFileSync(target, readFileSync(target, 'utf8').replace('共收到依申请公开 4 件', '共收到依申请公开 6 件'));
    const second = await ingestPaths([reports], { db });
    expect(second).toMatchObject({ ingested: 1, unchanged: 6, failed: 4, replaced: 1 });
    expect(byFile(second).get(target)).toMatchObject({ status: 'ingested', replaced: true });
    const d = new Database(db, { readonly: true });
    const row = d
      .prepare("SELECT f.value FROM figures f JOIN reports r ON r.id = f.report_id WHERE r.file = ? AND f.metric = 'requests.new' AND f.origin = 'prose'")
      .get(target);
    d.close();
    expect(row).toEqual({ value: 6 });
  });

  test('a path that does not exist is one failure, not a crash', async () => {
    const s = await ingestPaths([join(dir, 'missing')], { db: join(dir, 'other.db') });
    expect(s.files).toEqual([{ file: join(dir, 'missing'), status: 'failed', code: 'io', message: '文件或目录不存在' }]);
  });
});

describe('what the CLI makes of a run', () => {
  const summary = (files: IngestFileEvent[]): IngestSummary => ({
    ingested: files.filter((f) => f.status === 'ingested').length,
    unchanged: files.filter((f) => f.status === 'unchanged').length,
    failed: files.filter((f) => f.status === 'failed').length,
    files,
    replaced: 0,
    totals: { reports: 5, figures: 612, warnings: 3 },
    indexWritten: true,
    duplicates: 0,
    pruned: 0,
    gone: [],
    db: 'data/gongkai.db',
  });
  const ok: IngestFileEvent = { file: 'a.txt', status: 'ingested', figures: 3, warnings: 0 };
  const same: IngestFileEvent = { file: 'b.txt', status: 'unchanged' };
  const bad: IngestFileEvent = { file: 'c.txt', status: 'failed', code: 'empty', message: '文件为空' };

  test.each([
    ['all good', [ok, same], false, 0],
    ['a failure among good files', [ok, bad], false, 0],
    ['a failure with --strict', [ok, bad], true, 1],
    ['only failures', [bad], false, 1],
    ['only unchanged files', [same], true, 0],
    ['nothing to ingest (no report file found)', [], false, 1],
  ] as const)('%s → exit %s', (_name, files, strict, code) => {
    expect(exitCode(summary([...files]), strict)).toBe(code);
  });

  test('summary and failure lines', () => {
    expect(summaryLine(summary([ok, same, bad]))).toBe('本次新增 1、未变 1、失败 1；索引共 5 份报告、612 项数据、3 条警告 → data/gongkai.db');
    expect(summaryLine({ ...summary([ok]), replaced: 1 }, 14.26)).toBe(
      '本次新增 1（其中更新 1）、未变 0、失败 0，用时 14 秒；索引共 5 份报告、612 项数据、3 条警告 → data/gongkai.db',
    );
    expect(summaryLine(summary([]), 0.04)).toContain('本次新增 0、未变 0、失败 0，用时 0.0 秒；');
    expect(failureLine(bad as Extract<IngestFileEvent, { status: 'failed' }>)).toBe('gongkai: 文件 c.txt：文件为空 (empty)');
  });
});
