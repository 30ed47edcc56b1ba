/**
 * The ingest / reports / check commands as a user runs them (spawned: a few, they cost ~0.5 s each).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ReportListSchema } from '../src/cli/commands/reports.ts';
import { CheckOutputSchema } from '../src/cli/commands/check.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/gongkai.js');
const SEEDS = join(ROOT, 'data/reports');

let cwd: string;
const run = (...args: string[]) => {
  const env = { ...process.env };
  delete env.GONGKAI_DB;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const IngestJsonSchema = z.object({
  ingested: z.number(),
  unchanged: z.number(),
  failed: z.number(),
  replaced: z.number(),
  totals: z.object({ reports: z.number(), figures: z.number(), warnings: z.number() }),
  db: z.string(),
  files: z.array(z.object({ file: z.string(), status: z.enum(['ingested', 'unchanged', 'failed']) }).loose()),
});

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
  mkdirSync(join(cwd, 'data/reports'), { recursive: true });
  for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(cwd, 'data/reports', f));
  writeFileSync(join(cwd, 'data/reports/empty.txt'), '');
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('gongkai ingest / reports / check', () => {
  test('ingest --json with the defaults: data/reports → data/gongkai.db, paths stored as found', () => {
    const r = run('ingest', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = IngestJsonSchema.parse(JSON.parse(r.stdout));
    expect(out).toMatchObject({ ingested: 5, unchanged: 0, failed: 1, db: 'data/gongkai.db', totals: { reports: 5 } });
    expect(out.files.map((f) => f.file)).toContain('data/reports/002_ebc6c56e4ff49493.txt');
    expect(r.stderr).toContain('gongkai: 文件 data/reports/empty.txt：');
    expect(r.stderr).toContain('(empty)');
    expect(existsSync(join(cwd, 'data/gongkai.db'))).toBe(true);
  });

  test('ingest --strict fails on the bad file even though the rest is unchanged', () => {
    const r = run('ingest', '--strict', '--quiet');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('reports --json lists every report with its counts', () => {
    const r = run('reports', '--json');
    expect(r.code, r.stderr).toBe(0);
    const list = ReportListSchema.parse(JSON.parse(r.stdout));
    expect(list.map((x) => [x.file, x.agency, x.year])).toEqual(
      expect.arrayContaining([
        ['data/reports/002_ebc6c56e4ff49493.txt', '温州市鹿城区人民政府', 2020],
        ['data/reports/004_8d900a062941073b.txt', '温州市商务局', 2018],
      ]),
    );
    expect(list).toHaveLength(5);
    for (const x of list) expect(x.figures).toBeGreaterThan(0);
  });

  test('check --json parses one file and writes nothing', () => {
    const r = run('check', 'data/reports/000_3035c731dff6020a.txt', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = CheckOutputSchema.parse(JSON.parse(r.stdout));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.report.agency.name).toBe('温州市经济和信息化局');
    expect(out.report.figures.find((f) => f.metric === 'proactive.website')).toMatchObject({ value: 509, source: { line: 49 } });
  });
});

describe('bad input: one line naming the file and the reason, exit 1, never a stack trace', () => {
  const oneLine = (r: { stderr: string }) => {
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    return r.stderr.trim();
  };

  test('ingest --db naming an existing file that is not an index: refused, the file untouched', () => {
    writeFileSync(join(cwd, 'notes.txt'), '我的笔记\n');
    const r = run('ingest', 'data/reports', '--db', 'notes.txt');
    expect(r.code).toBe(1);
    expect(oneLine(r)).toBe('gongkai: 索引文件 notes.txt 已存在且不是 SQLite 索引文件；为免覆盖它，未做任何改动（请换一个路径，或确认后删除它）。');
    expect(readFileSync(join(cwd, 'notes.txt'), 'utf8')).toBe('我的笔记\n');
  });

  test('ingest of a folder with no report file: says what is read, exit 1', () => {
    mkdirSync(join(cwd, 'images'), { recursive: true });
    writeFileSync(join(cwd, 'images/scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const r = run('ingest', 'images', '--db', 'images.db', '--quiet');
    expect(r.code).toBe(1);
    expect(oneLine(r)).toBe('gongkai: 在 images 中没有找到报告文件（读取 PDF、Word（.docx .doc）、网页（.htm .html）、文本（.txt .md）和无扩展名的文本文件）/ no report files found');
  });

  test('output piped into a reader that stops early (| head): no EPIPE trace', () => {
    // 2000 answers (~300 KB) overflow the pipe, so the writer surely meets the closed end.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ask --db data/gongkai.db | head -c 3`], {
      cwd,
      input: '\n'.repeat(2000),
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('请');
    expect(r.stderr).toBe('');
  });
});
