/** Real processes for the index-integrity tests: the CLI spawned as a user runs it, reports copied from the seeds. */
import { spawn, type SpawnOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/gongkai.js');
export const SEEDS = join(ROOT, 'data/reports');
export const LUCHENG = '002_ebc6c56e4ff49493.txt';
export const LUCHENG_Q = '鹿城区2020年行政复议多少件';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `node bin/gongkai.js ARGS` in `cwd`; `shell` runs it through sh (for ulimit). */
export function cli(args: string[], options: { cwd: string; shellPrefix?: string; uid?: number; gid?: number } = { cwd: ROOT }) {
  const env = { ...process.env };
  delete env.GONGKAI_DB;
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const spawnOptions: SpawnOptions = { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], uid: options.uid, gid: options.gid };
  const child = options.shellPrefix
    ? spawn('sh', ['-c', `${options.shellPrefix}; exec ${quoted}`], spawnOptions)
    : spawn(process.execPath, [BIN, ...args], spawnOptions);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Copies of the seed reports (all, or those named) into `dir`. */
export function copySeeds(dir: string, names?: string[]): string[] {
  mkdirSync(dir, { recursive: true });
  const files = names ?? readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  for (const f of files) copyFileSync(join(SEEDS, f), join(dir, f));
  return files;
}

/** The Lucheng seed with its 行政复议 row changed consistently: 尚未审结 4 → 5, 总计 23 → 24. */
export function writeLuchengVariant(path: string, total: 23 | 24): void {
  const text = readFileSync(join(SEEDS, LUCHENG), 'utf8');
  writeFileSync(path, total === 23 ? text : text.replace('7 8 4 4 23 9 1 1 2 13 1 1 1 2 5', '7 8 4 5 24 9 1 1 2 13 1 1 1 2 5'));
}

export interface IndexState {
  reports: Array<{ file: string; sha256: string; figures: number; warnings: number }>;
  integrity: string;
}

/** What an index holds, read directly (as a reviewer would check it), with SQLite's own integrity check. */
export function indexState(path: string): IndexState {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const reports = db
      .prepare(
        `SELECT file, sha256, (SELECT count(*) FROM figures f WHERE f.report_id = r.id) AS figures,
                (SELECT count(*) FROM warnings w WHERE w.report_id = r.id) AS warnings FROM reports r ORDER BY file`,
      )
      .all() as IndexState['reports'];
    return { reports, integrity: db.pragma('integrity_check', { simple: true }) as string };
  } finally {
    db.close();
  }
}

export async function askValue(base: string, q = LUCHENG_Q): Promise<{ http: number; status: string; value: number | null; text: string }> {
  const res = await fetch(`${base}/api/ask?q=${encodeURIComponent(q)}`);
  const body = (await res.json()) as { status?: string; text?: string; results?: Array<{ value: number | null }>; error?: { code: string } };
  return { http: res.status, status: body.status ?? body.error?.code ?? '?', value: body.results?.[0]?.value ?? null, text: body.text ?? '' };
}
