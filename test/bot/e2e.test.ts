/**
 * The real thing: `node bin/gongkai.js serve` on a free port, no tokens, a fresh temp index built from
 * data/reports at start-up; /api/ask must give 鹿城区 2020 行政复议 = 23 with its source; SIGTERM exits 0.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

let child: ChildProcess;
let url: string;
let dir: string;
const logLines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', GONGKAI_DB: join(dir, 'gongkai.db') };
  child = spawn(process.execPath, ['bin/gongkai.js', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      logLines.push(line);
      const m = /gongkai 已启动：(http:\/\/[^ ]+)/.exec(line);
      if (m) resolve(m[1]);
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start (gongkai serve), end to end', () => {
  test('/api/ask answers 鹿城区2020年行政复议 = 23 with its source line', async () => {
    const res = await fetch(`${url}/api/ask?q=${encodeURIComponent('鹿城区2020年行政复议多少件')}`);
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer.status).toBe('answered');
    expect(answer.results[0].value).toBe(23);
    expect(answer.results[0].source.file).toContain('002_ebc6c56e4ff49493');
    const post = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '鹿城区2020年行政复议多少件' }) });
    expect((await post.json()).results[0].value).toBe(23);
  });

  test('/healthz shows the index built at start-up', async () => {
    const health = await (await fetch(`${url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', index: { loaded: true, reports: 5 }, channels: ['api'] });
    expect(health.index.figures).toBeGreaterThan(0);
  });

  test('a burst of concurrent requests is answered', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => fetch(`${url}/api/ask?q=${encodeURIComponent('鹿城区2020年行政复议多少件')}`).then((r) => r.status)),
    );
    expect(responses.filter((s) => s === 200)).toHaveLength(50);
  });

  test('the start-up line says where it listens, the channels and a curl example', () => {
    const line = logLines.find((l) => l.includes('gongkai 已启动'))!;
    expect(line).toContain('通道 api');
    expect(line).toContain('curl -G');
  });

  test('SIGTERM shuts down cleanly (exit 0)', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
