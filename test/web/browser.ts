/**
 * A real browser for the page tests: Debian's chromium driven by playwright-core. Missing chromium is a
 * clear failure naming the fix, never a skipped test (.ci/run installs it on fresh machines).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`找不到 Chromium（${CHROMIUM}）：网页测试需要真实浏览器。请安装：sudo apt-get install chromium（或设置 CHROMIUM_PATH 指向可执行文件）`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
