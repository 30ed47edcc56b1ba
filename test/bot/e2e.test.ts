/**
 * The real thing: `node bin/gongkai.js serve` on a free port, no tokens, a fresh temp index built from
 * data/reports at start-up; /api/ask must give 鹿城区 2020 行政复议 = 23 with its source; SIGTERM exits 0.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { spawnServer, type ServerProcess } from './spawn-server.ts';

let server: ServerProcess;
let dir: string;
const ASK = `/api/ask?q=${encodeURIComponent('鹿城区2020年行政复议多少件')}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  server = await spawnServer({ GONGKAI_DB: join(dir, 'gongkai.db') });
}, 60_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start (gongkai serve), end to end', () => {
  test('/api/ask answers 鹿城区2020年行政复议 = 23 with its source line', async () => {
    const res = await fetch(`${server.url}${ASK}`);
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer.status).toBe('answered');
    expect(answer.results[0].value).toBe(23);
    expect(answer.results[0].source.file).toContain('002_ebc6c56e4ff49493');
    const post = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '鹿城区2020年行政复议多少件' }) });
    expect((await post.json()).results[0].value).toBe(23);
  });

  test('/healthz shows the index built at start-up', async () => {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', index: { loaded: true, reports: 5 }, channels: ['api'] });
    expect(health.index.figures).toBeGreaterThan(0);
  });

  test('a burst of concurrent requests is answered', async () => {
    const statuses = await Promise.all(Array.from({ length: 50 }, () => fetch(`${server.url}${ASK}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
  });

  test('the start-up line says where it listens, the channels and a curl example', () => {
    const line = server.lines.find((l) => l.includes('gongkai 已启动'))!;
    expect(line).toContain(server.url);
    expect(line).toContain('通道 api');
    expect(line).toContain('curl -G');
  });

  test('the first line printed is the web page\'s address, and the page answers there', async () => {
    const first = JSON.parse(server.lines.find((l) => l.includes('http://'))!);
    expect(first.msg).toBe(`网页：${server.url}/`);
    const page = await fetch(`${server.url}/?q=${encodeURIComponent('鹿城区2020年行政复议多少件')}`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<a href="/reports/3#L565">');
  });

  test('Chinese typed raw into the URL gets our error shape with the way out', async () => {
    const { port } = new URL(server.url);
    const response = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(Buffer.from('GET /api/ask?q=鹿城区2020年行政复议多少件 HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8')));
      let data = '';
      socket.on('data', (d) => (data += d));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(response).toMatch(/^HTTP\/1\.1 400/);
    expect(response).toContain('"code":"BAD_REQUEST"');
    expect(response).toContain('--data-urlencode');
  });

  test('SIGTERM shuts down cleanly (exit 0)', async () => {
    expect(await server.stop()).toBe(0);
    expect(server.lines.some((l) => l.includes('已关闭'))).toBe(true);
  });
});

describe('start-up configuration errors', () => {
  test('a malformed variable stops start-up with one line naming it (exit 1)', () => {
    const r = spawnSync(process.execPath, ['bin/gongkai.js', 'serve'], {
      env: { PATH: process.env.PATH ?? '', PORT: 'eighty', SLACK_SIGNING_SECRET: 'do-not-print-me' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr + r.stdout).not.toContain('do-not-print-me');
  });
});
