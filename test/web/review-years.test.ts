/**
 * Checks across years, and a report page's text only while its file is the one indexed. Built from the
 * committed 洪泽区 2023/2024 fixtures: 2023 as it is (结转下年度继续办理 0), 2024 changed to say it carried
 * 3 over (上年结转 3).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openIndex } from '../../src/store/open.ts';
import { createBrowser } from '../../src/query/index.ts';
import { buildWebServer } from './helpers.ts';

const FIXTURES = 'test/fixtures/pdftotext';
let dir: string;
let reports: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-web-years-'));
  reports = join(dir, 'reports');
  // 2024 says it carried 3 requests over from 2023 (自然人 and 总计 of 上年结转), and carries the same 3
  // forward, so its own table still adds up; 2023 said it carried 0 forward.
  const lines2024 = readFileSync(join(FIXTURES, 'huaian_hongze_2024.raw.txt'), 'utf8').split('\n');
  for (const line of [130, 142, 367, 379]) {
    expect(lines2024[line - 1]).toBe('0');
    lines2024[line - 1] = '3';
  }
  mkdirSync(join(reports, '2023'), { recursive: true });
  writeFileSync(join(reports, '2023', 'hongze.txt'), readFileSync(join(FIXTURES, 'huaian_hongze_2023.raw.txt')));
  writeFileSync(join(reports, 'hongze-2024.txt'), lines2024.join('\n'));
  const db = join(dir, 'gongkai.db');
  // As the server does: the reports folder as given (relative to the working directory).
  const summary = await ingestPaths([relative(process.cwd(), reports)], { db });
  expect(summary.ingested).toBe(2);
  ({ app } = await buildWebServer({ db, reportsDir: relative(process.cwd(), reports) }));
}, 60_000);

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('checks across years', () => {
  test("2024's 上年结转 3 against 2023's 结转下年度继续办理 0: both reports and lines cited", async () => {
    const rows = JSON.parse((await app.inject('/review.json')).body).rows.filter((r: { code: string }) => r.code === 'years.carry_over');
    expect(rows).toEqual([
      {
        kind: '跨年度核对',
        code: 'years.carry_over',
        agency: '淮安市洪泽区人民政府',
        year: 2024,
        report_id: 2,
        line: 142,
        line2: 381,
        message: '2024年报告的上年结转 3 件（第142行）≠ 2023年报告的结转下年度继续办理 0 件（第381行）',
      },
    ]);
    const page = (await app.inject('/review')).body;
    expect(page).toContain('<a href="/reports/2#L142">2024年 第142行</a> <a href="/reports/1#L381">2023年 第381行</a>');
    expect(JSON.parse((await app.inject('/review.json?year=2023')).body).rows.some((r: { code: string }) => r.code === 'years.carry_over')).toBe(false);
  });

  test('the agency page: both years in the table, links to each year\'s report', async () => {
    const body = (await app.inject('/agencies/1')).body;
    expect(body).toContain('<a href="/reports/1">2023年报告</a>');
    expect(body).toContain('<a href="/reports/2">2024年报告</a>');
    const json = JSON.parse((await app.inject('/agencies/1.json')).body);
    expect(json.rows.map((r: Record<string, unknown>) => [r.year, r['requests.new']])).toEqual([
      [2023, 21],
      [2024, 95],
    ]);
  });

  test('file names are shown relative to the reports folder', async () => {
    expect((await app.inject('/reports/1')).body).toContain('文件 2023/hongze.txt');
  });
});

describe('report text is shown only while the file is the one indexed', () => {
  test('an edited file: a notice instead of lines that may not be the ones cited; a deleted file: said so', async () => {
    const file = join(reports, 'hongze-2024.txt');
    const before = (await app.inject('/reports/2')).body;
    expect(before).toContain('<li id="L142"');
    // A fresh server (the page caches texts it has verified), after the file changed on disk.
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original, Buffer.from('\n追加的一行\n')]));
    const { app: fresh } = await buildWebServer({ db: join(dir, 'gongkai.db'), reportsDir: relative(process.cwd(), reports) });
    try {
      const changed = (await fresh.inject('/reports/2')).body;
      expect(changed).not.toContain('<li id="L142"');
      expect(changed).toContain('报告文件 hongze-2024.txt 在建立索引后已改动，为免行号对不上，不显示原文；重新运行 gongkai ingest 可更新索引。');
      rmSync(file);
      const gone = (await fresh.inject('/reports/2')).body;
      expect(gone).toContain('找不到报告文件 hongze-2024.txt（建立索引后被移走或删除），无法显示原文；重新运行 gongkai ingest 可更新索引。');
      // The figures are still there: they come from the index.
      expect(gone).toContain('data-cell="number"');
    } finally {
      await fresh.close();
      writeFileSync(file, original);
    }
  });

  test('createBrowser reads the same carry-over check directly', () => {
    const db = openIndex(join(dir, 'gongkai.db'));
    try {
      const checks = createBrowser(db).carryOver({}).items;
      expect(checks.map((c) => [c.year, c.carriedOver, c.carriedForward])).toEqual([[2024, { reportId: 2, line: 142, value: 3 }, { reportId: 1, line: 381, value: 0 }]]);
    } finally {
      db.close();
    }
  });
});
