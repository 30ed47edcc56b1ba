import { expect, test } from 'vitest';
import { launchChromium } from './browser.ts';

test('browser tests without chromium fail saying how to install it (never skipped)', async () => {
  await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow('找不到 Chromium（/nonexistent/chromium）：网页测试需要真实浏览器。请安装：sudo apt-get install chromium（或设置 CHROMIUM_PATH 指向可执行文件）');
});
