/**
 * What the CLI says when it cannot do what was asked: one line naming the file and the reason, for every
 * kind of --db and every error main.ts may catch. Pure functions on temp files: no CLI is spawned.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertIndexTarget, CliError, errorLine, openIndexOrFail } from '../../src/cli/errors.ts';
import { parsePort } from '../../src/cli/commands/serve.ts';
import { openIndexForWrite } from '../../src/store/open.ts';
import { SCHEMA_VERSION } from '../../src/store/schema.ts';
import { IndexTargetError } from '../../src/store/target.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';

let dir: string;
const p = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-errors-'));
  mkdirSync(p('folder'));
  writeFileSync(p('empty.db'), '');
  writeFileSync(p('report.txt'), '温州市鹿城区人民政府2020年政府信息公开工作年度报告\n');
  const other = new Database(p('other.sqlite'));
  other.exec('CREATE TABLE notes (x); INSERT INTO notes VALUES (1)');
  other.close();
  const old = new Database(p('old.db'));
  old.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema_version', '0')");
  old.close();
  openIndexForWrite(p('index.db')).close();
  writeFileSync(p('truncated.db'), readFileSync(p('index.db')).subarray(0, 100));
  // Another program's database, damaged: SQLite's header, no gongkai mark, the rest garbage.
  writeFileSync(p('damaged-other.sqlite'), Buffer.concat([readFileSync(p('other.sqlite')).subarray(0, 100), Buffer.alloc(8000, 0x5a)]));
  // Another program that happens to keep a meta table with a schema_version, but marks its files as its own.
  const lookalike = new Database(p('lookalike.sqlite'));
  lookalike.exec("PRAGMA application_id = 1234; CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema_version', '3')");
  lookalike.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The one line a function throws, or 'ok'. */
function lineOf(fn: () => unknown): string {
  try {
    const r = fn() as { close?: () => void } | undefined;
    r?.close?.();
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    const message = (err as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
}

describe('reading the index (ask, reports): why it cannot be opened, in one line', () => {
  test.each([
    ['missing.db', ['索引文件不存在', 'missing.db', 'gongkai ingest']],
    ['folder', ['是一个目录', 'folder/gongkai.db']],
    ['empty.db', ['是空文件', 'gongkai ingest --db']],
    ['report.txt', ['不是 gongkai 索引（不是 SQLite 文件）', 'report.txt']],
    ['other.sqlite', ['other.sqlite 是别的程序的 SQLite 数据库，不是 gongkai 索引']],
    ['old.db', [`需要索引版本 ${SCHEMA_VERSION}`, 'gongkai ingest --db']],
    ['truncated.db', ['truncated.db', 'gongkai ingest --db']],
  ])('%s', (name, parts) => {
    const line = lineOf(() => openIndexOrFail(p(name)));
    expect(line.startsWith('gongkai: ')).toBe(true);
    for (const part of parts) expect(line).toContain(part);
  });

  test('a real index opens', () => {
    expect(lineOf(() => openIndexOrFail(p('index.db')))).toBe('ok');
  });
});

describe('the index ingest may write: never a file that is not an index', () => {
  test.each([
    ['missing.db', []],
    ['empty.db', []],
    ['index.db', []],
    ['old.db', []],
    ['truncated.db', []],
    ['folder', ['索引路径', '是一个目录', 'folder/gongkai.db']],
    ['report.txt', ['索引文件', 'report.txt 已存在且不是 SQLite 索引文件', '未做任何改动']],
    ['other.sqlite', ['别的程序的 SQLite 数据库', '未做任何改动']],
    ['damaged-other.sqlite', ['damaged-other.sqlite 已存在且是别的程序的 SQLite 数据库，或已损坏且没有 gongkai 索引的标记（application_id）', '未做任何改动']],
    ['lookalike.sqlite', ['lookalike.sqlite 已存在且是别的程序的 SQLite 数据库', '未做任何改动']],
  ])('%s', (name, parts) => {
    const line = lineOf(() => assertIndexTarget(p(name)));
    if (parts.length === 0) expect(line).toBe('ok');
    for (const part of parts) expect(line).toContain(part);
  });

  test('the same rule holds below the CLI: the ingest job (what serve rebuilds with) refuses too', async () => {
    const reports = fileURLToPath(new URL('../../data/reports/', import.meta.url));
    for (const name of ['report.txt', 'other.sqlite']) {
      await expect(ingestPaths([reports], { db: p(name) })).rejects.toThrow(IndexTargetError);
    }
    const other = new Database(p('other.sqlite'), { readonly: true });
    expect(other.prepare('SELECT x FROM notes').all()).toEqual([{ x: 1 }]);
    other.close();
  });

  test('an index carries its own marks in the file header: application_id "gkai" and user_version = schema version', () => {
    const head = readFileSync(p('index.db')).subarray(0, 100);
    expect(head.subarray(68, 72).toString('latin1')).toBe('gkai');
    expect(head.readUInt32BE(60)).toBe(SCHEMA_VERSION);
  });

  test('a damaged database of another program is never overwritten, by the ingest job either', async () => {
    const before = readFileSync(p('damaged-other.sqlite'));
    const reports = fileURLToPath(new URL('../../data/reports/', import.meta.url));
    await expect(ingestPaths([reports], { db: p('damaged-other.sqlite') })).rejects.toThrow(IndexTargetError);
    expect(readFileSync(p('damaged-other.sqlite')).equals(before)).toBe(true);
  });

  test('the refused file is left as it was', () => {
    expect(readFileSync(p('report.txt'), 'utf8')).toBe('温州市鹿城区人民政府2020年政府信息公开工作年度报告\n');
  });
});

describe('errorLine: whatever main.ts catches becomes one line', () => {
  const withProps = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);
  test.each([
    ['a CliError as written', new CliError('gongkai: 索引文件不存在：x.db'), 'gongkai: 索引文件不存在：x.db'],
    [
      'port in use',
      withProps('listen EADDRINUSE: address already in use 127.0.0.1:3000', { code: 'EADDRINUSE', syscall: 'listen', address: '127.0.0.1', port: 3000 }),
      'gongkai: 无法监听 127.0.0.1:3000：端口已被占用（换一个 --port，或 --port 0 任选空闲端口）',
    ],
    ['a damaged index', withProps('database disk image is malformed', { code: 'SQLITE_CORRUPT' }), 'gongkai: 索引出错：文件已损坏 (SQLITE_CORRUPT)（可运行 gongkai ingest 重建索引）'],
    ['an I/O subcode', withProps('disk I/O error', { code: 'SQLITE_IOERR_SHORT_READ' }), 'gongkai: 索引出错：读写出错 (SQLITE_IOERR_SHORT_READ)（可运行 gongkai ingest 重建索引）'],
    ['a file error', withProps("EACCES: permission denied, open 'a.txt'", { code: 'EACCES', path: 'a.txt' }), 'gongkai: a.txt：没有权限 (EACCES)'],
    ['a message written for users (config)', new Error('配置错误 / invalid configuration: PORT 取值无效'), 'gongkai: 配置错误 / invalid configuration: PORT 取值无效'],
    ['not even an Error', 'boom', 'gongkai: boom'],
  ])('%s', (_name, err, expected) => {
    expect(errorLine(err)).toBe(expected);
  });
});

describe('serve --port', () => {
  test.each([
    [undefined, undefined],
    ['0', 0],
    ['8080', 8080],
    ['65535', 65535],
  ])('%s → %s', (value, port) => {
    expect(parsePort(value)).toBe(port);
  });
  test.each(['abc', '65536', '-1', '80.5', ''])('%j is refused naming the option', (value) => {
    expect(() => parsePort(value)).toThrow(`--port ${value} 不是有效端口`);
  });
});
