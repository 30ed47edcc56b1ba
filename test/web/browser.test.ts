/**
 * The pages in a real browser (chromium, no JavaScript needed by any page): ask by typing and Enter, see
 * the figure and its line, follow the citation to the report at that line, open an agency's chart, the
 * review page with seed 001's 14-vs-7, download a CSV, upload a draft and read what check finds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildWebServer } from './helpers.ts';
import { launchChromium } from './browser.ts';
import { SEED_DIR } from '../helpers/seed-index.ts';

let app: FastifyInstance;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const cspErrors: string[] = [];

beforeAll(async () => {
  ({ app } = await buildWebServer());
  base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  browser = await launchChromium();
  // No JavaScript at all: every page must work without it.
  context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true, viewport: { width: 1200, height: 800 } });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') cspErrors.push(m.text());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the web pages in chromium', () => {
  test('type a question, press Enter: the figure, its line; the citation opens the report at that line', async () => {
    await page.goto(`${base}/`);
    await page.fill('input[name=q]', '鹿城区2020年行政复议多少件');
    await Promise.all([page.waitForURL(/\?q=/), page.press('input[name=q]', 'Enter')]);
    expect(await page.textContent('.figure')).toBe('23 件');
    const cite = page.locator('.result blockquote a').first();
    expect(await cite.textContent()).toContain('第565行');
    await Promise.all([page.waitForURL(/\/reports\/3#L565$/), cite.click()]);
    const target = page.locator('li:target');
    expect(await target.getAttribute('id')).toBe('L565');
    expect(await target.locator('span').textContent()).toBe('7 8 4 4 23 9 1 1 2 13 1 1 1 2 5');
    // Highlighted by :target (the stylesheet loaded under the CSP) and scrolled into view.
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 211, 61)');
    expect(await target.isVisible()).toBe(true);
  });

  test('an agency page shows its figures and the trend chart (an SVG drawn on the server)', async () => {
    await page.goto(`${base}/agencies`);
    await Promise.all([page.waitForURL(/\/agencies\/3$/), page.click('text=温州市鹿城区人民政府')]);
    expect(await page.textContent('table.history tbody tr')).toContain('208 件');
    const chart = page.locator('img.chart');
    await chart.waitFor();
    expect(await chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(720);
  });

  test('tick two agencies on /agencies and compare them: table and bar chart', async () => {
    await page.goto(`${base}/agencies`);
    await page.check('input[name=ids][value="3"]');
    await page.check('input[name=ids][value="4"]');
    await Promise.all([page.waitForURL(/\/compare\?ids=4&ids=3$/), page.click('text=比较所选单位')]);
    expect(await page.locator('table.compare tbody tr').allTextContents()).toEqual(['1温州市鹿城区人民政府23 件第565行', '2温州市政务服务中心4 件第82行']);
    expect(await page.locator('img.chart').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(720);
  });

  test('the review page lists seed 001 saying 14 in prose and 7 in its table, with links to both lines', async () => {
    await page.goto(`${base}/review`);
    const item = page.locator('#kind-prose li[data-code=prose_table_mismatch]');
    expect(await item.textContent()).toContain('报告正文称本年新收申请14件（第19行），表格为7件（第59行）');
    expect(await item.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/reports/2#L19', '/reports/2#L59', '/reports/2']);
  });

  test('download the review table as CSV', async () => {
    await page.goto(`${base}/review`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.exports a:text("CSV")')]);
    expect(download.suggestedFilename()).toBe('review.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')).toContain('正文与表格不符,prose_table_mismatch,温州市统计局,2020,2,19,59,报告正文称本年新收申请14件（第19行），表格为7件（第59行）');
  });

  test('upload a draft report: what gongkai check finds, nothing stored', async () => {
    await page.goto(`${base}/review#check`);
    await page.setInputFiles('input[type=file]', join(SEED_DIR, '001_0057fa3dafb4cac1.txt'));
    await Promise.all([page.waitForURL(/\/review\/check$/), page.click('#check button[type=submit]')]);
    expect(await page.textContent('h1')).toBe('报告自查：001_0057fa3dafb4cac1.txt');
    const warnings = await page.locator('ul.warnings li').allTextContents();
    expect(warnings).toHaveLength(2);
    expect(warnings.some((w) => w.includes('报告正文称本年新收申请14件（第19行），表格为7件（第59行）'))).toBe(true);
    expect(await page.textContent('pre.check')).toContain('机关：温州市统计局');
    const counts = await (await fetch(`${base}/healthz`)).json();
    expect(counts.index.reports).toBe(5);
  });

  test('no page broke its own Content-Security-Policy', () => {
    expect(cspErrors).toEqual([]);
  });
});
