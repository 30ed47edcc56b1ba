/** An HTML report's page: its extracted text numbered by the page source's lines (the ones citations use). */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { buildWebServer } from './helpers.ts';

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-web-html-'));
  const reports = relative(process.cwd(), join(dir, 'reports'));
  mkdirSync(reports);
  copyFileSync('test/fixtures/html/cms-2019-tongji.html', join(reports, 'tongji.html'));
  expect((await ingestPaths([reports], { db: join(dir, 'gongkai.db') })).ingested).toBe(1);
  ({ app } = await buildWebServer({ db: join(dir, 'gongkai.db'), reportsDir: reports }));
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('text, not markup, each line at its source line; a table row links to the same line', async () => {
  const body = (await app.inject('/reports/1')).body;
  expect(body).toContain('网页报告：显示提取出的文字，行号是网页源码中的行号（引用所用的行号）。');
  expect(body).toContain('<li id="L24" class="cited"><a class="ln" href="#L24">24</a><span>2020年，我局全年主动公开政府信息509条，共收到依申请公开7件。</span></li>');
  expect(body).toContain('<td><a href="#L30">30</a></td><td>规章</td>');
  expect(body).toContain('文件 tongji.html');
});
