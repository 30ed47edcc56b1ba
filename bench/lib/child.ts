/** Start a benchmark child (a server), wait for its {"url"} line, read its memory from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROJECT = resolve(import.meta.dirname, '..', '..');

export interface RunningChild {
  url: string;
  pid: number;
  proc: ChildProcess;
  stop(): Promise<void>;
}

export function startChild(script: string, env: Record<string, string> = {}): Promise<RunningChild> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(PROJECT, script)], {
    cwd: PROJECT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line) return;
      proc.stdout!.off('data', onData);
      proc.stdout!.resume();
      const { url } = JSON.parse(line) as { url: string };
      ok({
        url,
        pid: proc.pid!,
        proc,
        stop: () =>
          new Promise((done) => {
            if (proc.exitCode !== null) return done();
            proc.once('exit', () => done());
            proc.kill('SIGTERM');
            setTimeout(() => proc.kill('SIGKILL'), 10_000).unref();
          }),
      });
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code) => fail(new Error(`${script} exited (${code}) before listening`)));
  });
}

/** Peak and current resident memory of a process, in bytes (Linux /proc). */
export function memoryOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

/** The server checks its index against a reports folder on start; an empty one means "up to date". */
export function emptyReportsDir(): string {
  return mkdtempSync(join(tmpdir(), 'gongkai-bench-reports-'));
}

/** Environment for a benchmark server: no channels, quiet logs, rate limit out of the way. */
export function serverEnv(db: string, reports: string): Record<string, string> {
  return {
    GONGKAI_DB: db,
    GONGKAI_REPORTS: reports,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '1000000000',
    TELEGRAM_BOT_TOKEN: '',
    REDIS_URL: '',
  };
}
