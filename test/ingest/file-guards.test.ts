/**
 * What a report file may be: size cap, stray NULs, one report saved several times into a file, and
 * symbolic links (followed; loops and dangling links said).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFile } from '../../src/ingest/process-file.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { MAX_REPORT_BYTES, repeatedBlock, withoutStrayNuls } from '../../src/ingest/text/guards.ts';
import { openIndex } from '../../src/store/open.ts';

const SEED = join(import.meta.dirname, '../../data/reports/002_ebc6c56e4ff49493.txt');
const seed = readFileSync(SEED);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-guards-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const plain = processFile('seed.txt', seed);
if (!plain.ok) throw new Error('seed must parse');

describe('stray NUL bytes', () => {
  test('two NULs in a valid report: read as text, same figures, one warning', () => {
    const at = seed.indexOf('\n', 2000);
    const damaged = Buffer.concat([seed.subarray(0, at), Buffer.from([0, 0]), seed.subarray(at)]);
    const r = processFile('nul.txt', damaged);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.figures).toEqual(plain.report.figures);
    expect(r.report.warnings[0]).toEqual({ code: 'text.nul_removed', message: '文件中有 2 个 NUL 字节（文件损坏或填充），已忽略后按文本读取', line: null, line2: null, metric: null });
    expect(r.report.warnings.slice(1)).toEqual(plain.report.warnings);
  });

  test('a file that is mostly NULs stays binary', () => {
    expect(withoutStrayNuls(Buffer.alloc(5000))).toBe(null);
    const r = processFile('zeros.txt', Buffer.concat([Buffer.from('政府信息公开\n'), Buffer.alloc(5000)]));
    expect(r.ok ? null : r.error.code).toBe('binary');
  });
});

describe('one report saved many times into one file', () => {
  test('read once, with a warning saying how many copies', () => {
    const r = processFile('three.txt', Buffer.concat([seed, seed, seed]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.figures).toEqual(plain.report.figures);
    expect(r.report.warnings[0]).toEqual({
      code: 'text.repeated',
      message: `文件中同一份报告重复了 3 次：只读取第一份（第 1–${plain.report.lineCount} 行），其余未入库`,
      line: 1,
      line2: null,
      metric: null,
    });
  });

  test('a text whose opening recurs without being a repeat is left whole', () => {
    const text = 'x'.repeat(300) + 'y'.repeat(300) + 'x'.repeat(300);
    expect(repeatedBlock(text)).toBe(null);
    expect(repeatedBlock('a'.repeat(100))).toBe(null);
  });
});

describe('size cap', () => {
  test('a file over the cap is turned away before it is read, with its size in the message', async () => {
    const big = join(dir, 'big', 'huge.txt');
    mkdirSync(join(dir, 'big'));
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024); // sparse: costs no disk
    closeSync(fd);
    const s = await ingestPaths([join(dir, 'big')], { db: join(dir, 'big.db') });
    expect(s.files).toEqual([
      {
        file: big,
        status: 'failed',
        code: 'too_large',
        message: '文件过大（50.0 MB，上限 16.0 MB）：一份年度报告通常不足 1 MB，这可能是多份报告拼接或别的文件；请拆分后再入库 / file too large',
      },
    ]);
    expect(s.indexWritten).toBe(false);
    expect(MAX_REPORT_BYTES).toBe(16 * 1024 * 1024);
  });
});

describe('symbolic links', () => {
  test('links to report files and folders are followed; a loop and a dangling link are each one line', async () => {
    const root = join(dir, 'links');
    mkdirSync(join(root, 'real'), { recursive: true });
    writeFileSync(join(dir, 'outside.txt'), seed);
    symlinkSync(join(dir, 'outside.txt'), join(root, 'linked.txt'));
    symlinkSync(root, join(root, 'real', 'back')); // a folder link back up: a loop
    symlinkSync(join(root, 'self.txt'), join(root, 'self.txt')); // a link to itself: ELOOP
    symlinkSync(join(dir, 'gone.txt'), join(root, 'dangling.txt'));
    const s = await ingestPaths([root], { db: join(dir, 'links.db') });
    expect(s.files.map((f) => [f.file, f.status, f.status === 'failed' ? f.message : ''])).toEqual([
      [join(root, 'dangling.txt'), 'failed', '符号链接指向的文件不存在，已跳过'],
      [join(root, 'real', 'back'), 'failed', `符号链接指回已读取的目录 ${root}（目录循环），已跳过`],
      [join(root, 'self.txt'), 'failed', '符号链接循环（ELOOP）：链接最终指回自己，已跳过'],
      [join(root, 'linked.txt'), 'ingested', ''],
    ]);
    const db = openIndex(join(dir, 'links.db'));
    expect(db.prepare('SELECT file FROM reports').pluck().all()).toEqual([join(root, 'linked.txt')]);
    db.close();
  });

  test('a symlink loop given as the path itself is named as a loop, not as missing', async () => {
    const loop = join(dir, 'loop.txt');
    symlinkSync(loop, loop);
    const s = await ingestPaths([loop], { db: join(dir, 'loop.db') });
    expect(s.files).toEqual([{ file: loop, status: 'failed', code: 'io', message: '符号链接循环（ELOOP）：链接最终指回自己，已跳过' }]);
  });
});
