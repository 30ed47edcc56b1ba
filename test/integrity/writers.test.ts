/**
 * Writers of one index, as real processes: concurrent runs, a read-only index folder, a full disk
 * (`ulimit -f` on the writer). Each case: what the user sees, and that nothing written before is lost.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { cli, copySeeds, indexState, ROOT } from './helpers.ts';

let dir: string;
const SEED_NAMES = ['000_3035c731dff6020a.txt', '001_0057fa3dafb4cac1.txt', '002_ebc6c56e4ff49493.txt', '003_9ca5b3fc5e07fc94.txt', '004_8d900a062941073b.txt'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-writers-'));
  // One folder per writer, each with a different seed (and writer 0 with two).
  SEED_NAMES.forEach((name, i) => copySeeds(join(dir, `w${i}`), [name]));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ingest = (folder: string, db: string, ...flags: string[]) => cli(['ingest', join(dir, folder), '--db', db, '--json', ...flags], { cwd: dir });
const json = (stdout: string) => JSON.parse(stdout) as { ingested: number; totals: { reports: number } };

describe('one writer per index at a time', () => {
  test('two runs into a new --db at once: both wait their turn, both succeed, the index holds the reports of both', async () => {
    const db = join(dir, 'two.db');
    const runs = await Promise.all([ingest('w0', db).done, ingest('w1', db).done]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(runs.map((r) => json(r.stdout).ingested)).toEqual([1, 1]);
    // The later one's total counts the earlier one's report too.
    expect(runs.map((r) => json(r.stdout).totals.reports).sort()).toEqual([1, 2]);
    expect(indexState(db).reports.map((r) => r.file)).toEqual([join(dir, 'w0', SEED_NAMES[0]!), join(dir, 'w1', SEED_NAMES[1]!)]);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  test('five at once into a new --db: all five reports are in the index, none lost', async () => {
    const db = join(dir, 'five.db');
    const runs = await Promise.all(SEED_NAMES.map((_, i) => ingest(`w${i}`, db).done));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(runs.map((r) => json(r.stdout).totals.reports).sort()).toEqual([1, 2, 3, 4, 5]);
    const state = indexState(db);
    expect(state.integrity).toBe('ok');
    expect(state.reports.map((r) => [r.file, r.figures])).toEqual([
      [join(dir, 'w0', SEED_NAMES[0]!), 8],
      [join(dir, 'w1', SEED_NAMES[1]!), 208],
      [join(dir, 'w2', SEED_NAMES[2]!), 216],
      [join(dir, 'w3', SEED_NAMES[3]!), 203],
      [join(dir, 'w4', SEED_NAMES[4]!), 61],
    ]);
  });

  test('--wait 0 while another process writes: one line naming the holder pid, exit 1, the index untouched', async () => {
    const db = join(dir, 'busy.db');
    expect((await ingest('w2', db).done).code).toBe(0);
    const before = indexState(db);
    const holder = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/integrity/hold-lock.ts'), db], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise((r) => holder.stdout!.once('data', r));
    const second = await ingest('w3', db, '--wait', '0').done;
    holder.stdin!.end();
    await new Promise((r) => holder.once('exit', r));
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    const line = second.stderr.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line.replace(/自 \S+ 起/, '自 … 起')).toBe(`gongkai: 索引 ${db} 正由进程 ${holder.pid}自 … 起写入（锁文件 ${db}.lock）；未做任何改动，请等它结束后再运行。`);
    expect(indexState(db)).toEqual(before);
    // Released: the next run goes through.
    expect((await ingest('w3', db, '--wait', '0').done).code).toBe(0);
  });

  test('a run that ingests nothing leaves no index file behind', async () => {
    mkdirSync(join(dir, 'none'));
    const r = await cli(['ingest', join(dir, 'none'), '--db', join(dir, 'none.db')], { cwd: dir }).done;
    expect(r.code).toBe(1);
    expect(readdirSync(dir).filter((f) => f.startsWith('none.db'))).toEqual([]);
  });
});

describe('when the index cannot be written', () => {
  test('a read-only index folder: one line, exit 1, the index as it was', async () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    const db = join(ro, 'gongkai.db');
    expect((await ingest('w0', db).done).code).toBe(0);
    const before = indexState(db);
    chmodSync(ro, 0o555);
    // root ignores permissions: run the writer as nobody, who may read but not write.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      chmodSync(dir, 0o755);
      chownSync(db, 0, 0);
    }
    const r = await cli(['ingest', join(dir, 'w1'), '--db', db], { cwd: dir, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) }).done;
    chmodSync(ro, 0o755);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`gongkai: 无法写入索引：索引所在的目录 ${ro} 不可写（EACCES）；未做任何改动。`]);
    expect(indexState(db)).toEqual(before);
  });

  test('a full disk (ulimit -f on the writer): each report that does not fit is one line, the reports written before stay whole', async () => {
    const db = join(dir, 'full.db');
    expect((await ingest('w4', db).done).code).toBe(0);
    const before = indexState(db);
    // 1 block beyond the index's current size: the first report's pages do not fit.
    const r = await cli(['ingest', join(dir, 'w1'), join(dir, 'w2'), '--db', db], { cwd: dir, shellPrefix: 'ulimit -f 64' }).done;
    expect(r.signal).toBe(null);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const [i, line] of lines.entries()) expect(line).toBe(`gongkai: 文件 ${join(dir, `w${i + 1}`, SEED_NAMES[i + 1]!)}：写入索引失败：读写索引文件出错：磁盘已满、超出文件大小限制或设备故障 (SQLITE_IOERR_WRITE) (io)`);
    const after = indexState(db);
    expect(after).toEqual(before);
  });
});
