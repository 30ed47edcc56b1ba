/** Start a benchmark child (a server), wait for its {"url"} line, read its memory from /proc. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
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

/**
 * Extra node options for the benchmark's children, e.g. GONGKAI_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
 * to profile the server under the benchmark's own load (NODE_OPTIONS refuses --cpu-prof).
 */
const CHILD_NODE_ARGS = (process.env.GONGKAI_BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

/** node with these arguments in the project, pinned to a CPU list when given (taskset execs node in place: same pid). */
function spawnNode(args: string[], env: Record<string, string>, stdout: 'pipe' | 'ignore', cpus?: string): ChildProcess {
  const node = [...CHILD_NODE_ARGS, ...args];
  const [cmd, argv] = cpus ? ['taskset', ['-c', cpus, process.execPath, ...node]] : [process.execPath, node];
  return spawn(cmd, argv, { cwd: PROJECT, env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit'] });
}

/** SIGTERM (the servers shut down gracefully), SIGKILL after 10 s. */
function stopper(proc: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((done) => {
      if (proc.exitCode !== null) return done();
      proc.once('exit', () => done());
      proc.kill('SIGTERM');
      setTimeout(() => proc.kill('SIGKILL'), 10_000).unref();
    });
}

export function startChild(script: string, env: Record<string, string> = {}, cpus?: string): Promise<RunningChild> {
  const proc = spawnNode(['--import', 'tsx', join(PROJECT, script)], env, 'pipe', cpus);
  return new Promise((ok, fail) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line) return;
      proc.stdout!.off('data', onData);
      proc.stdout!.resume();
      const { url } = JSON.parse(line) as { url: string };
      ok({ url, pid: proc.pid!, proc, stop: stopper(proc) });
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code) => fail(new Error(`${script} exited (${code}) before listening`)));
  });
}

/**
 * The server exactly as `npm start` runs it: `node bin/gongkai.js serve` after the prestart build (the
 * compiled dist/, no tsx loader), on a free port; ready once /healthz answers. `cpus` pins it (taskset -c).
 */
export async function startServe(env: Record<string, string>, cpus?: string): Promise<RunningChild> {
  execFileSync(process.execPath, [join(PROJECT, 'bin/build.js'), '--if-stale'], { cwd: PROJECT, stdio: 'inherit' });
  const port = await freePort();
  const proc = spawnNode([join(PROJECT, 'bin/gongkai.js'), 'serve', '--host', '127.0.0.1', '--port', String(port)], env, 'ignore', cpus);
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  proc.once('exit', () => (exited = true));
  for (let i = 0; ; i++) {
    if (exited) throw new Error(`gongkai serve exited (${proc.exitCode}) before listening`);
    if (i > 1200) throw new Error('gongkai serve did not answer /healthz within 120 s');
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: proc.pid!, proc, stop: stopper(proc) };
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => ok(port));
    });
  });
}

/** Peak and current resident memory of a process, in bytes (Linux /proc). */
export function memoryOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

/** CPU time a process has used so far (user + system, all its threads), in seconds (Linux /proc). */
export function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at ") "; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ: 100 on Linux
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
    LOG_LEVEL: 'info', // npm start's default: one log line per question, written to /dev/null
    RATE_LIMIT_MAX: '1000000000',
    TELEGRAM_BOT_TOKEN: '',
    REDIS_URL: '',
  };
}
