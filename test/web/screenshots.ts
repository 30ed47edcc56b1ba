/**
 * `node --import tsx test/web/screenshots.ts`: the screenshots in docs/web/ (README) from the seed index,
 * taken by the same chromium as the browser tests. Not a test: run it after changing how a page looks.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { buildWebServer } from './helpers.ts';
import { launchChromium } from './browser.ts';
import { SEED_DIR } from '../helpers/seed-index.ts';

const OUT = 'docs/web';
mkdirSync(OUT, { recursive: true });
// The seeds have one year per agency: 洪泽区's two committed fixtures give a trend with two points.
const dir = mkdtempSync(join(tmpdir(), 'gongkai-shots-'));
const db = join(dir, 'gongkai.db');
const hongze = ['2023', '2024'].map((y) => `test/fixtures/pdftotext/huaian_hongze_${y}.raw.txt`);
await ingestPaths([SEED_DIR, ...hongze], { db });
const { app } = await buildWebServer({ db });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1200, height: 760 }, javaScriptEnabled: false });
const shots: Array<[string, string]> = [
  ['home', '/'],
  ['answer', `/?q=${encodeURIComponent('鹿城区2020年行政复议多少件')}`],
  ['report', '/reports/3#L565'],
  ['agencies', '/agencies'],
  ['agency', '/agencies/6'],
  ['compare', '/compare?metric=requests.new&year=2020'],
  ['review', '/review'],
];
for (const [name, path] of shots) {
  await page.goto(base + path);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}
await page.goto(`${base}/review#check`);
await page.setInputFiles('input[type=file]', join(SEED_DIR, '001_0057fa3dafb4cac1.txt'));
await Promise.all([page.waitForURL(/\/review\/check$/), page.click('#check button[type=submit]')]);
await page.screenshot({ path: join(OUT, 'check.png') });
await browser.close();
await app.close();
rmSync(dir, { recursive: true, force: true });
