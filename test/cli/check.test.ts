/**
 * `gongkai check` as a person reads it: how the file was read, the format and where its tables are, one
 * line per table row with every cell, undecided cells with their printed text, every warning — and one
 * line with the reason when the path is not a report file. Command functions directly: nothing spawned.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFile, renderReport, shortQuote } from '../../src/cli/commands/check.ts';

const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));

async function render(file: string): Promise<string[]> {
  const out = await checkFile(file);
  if (!out.ok) throw new Error(out.error.message);
  return renderReport(file, out.report, out.reading).split('\n');
}
const lineWith = (lines: string[], ...parts: string[]) => lines.find((l) => parts.every((p) => l.includes(p)));
const cells = (line: string | undefined) => line?.trim().split(/\s{2,}/);

describe('gongkai check: a squeezed table 三 with a fused run', () => {
  let lines: string[];
  beforeAll(async () => {
    lines = await render(fixture('tables/002_squeezed_no_total.txt'));
  });

  test('how it was read, identity, format and where the tables are', () => {
    expect(lines[0]).toContain('读取：文本，utf-8，26 行');
    expect(lines[1]).toContain('机关：温州市鹿城区人民政府（浙江省 温州市 鹿城区 · 330302）');
    expect(lineWith(lines, '格式：')).toBe(
      '格式：2019 — 2019 版表格（国办公开办函〔2019〕60号）；依据表格的表头与行名（表三 第 4–19 行，表四 第 20–23 行；未找到表二）',
    );
  });

  test.each([
    ['本年新收政府信息公开申请数量', ['第 19 行', '本年新收政府信息公开申请数量', '198', '6', '0', '0', '1', '3', '208', '件', 'requests.new']],
    ['其他法律行政法规禁止公开', ['第 19 行', '不予公开 其他法律行政法规禁止公开', '0（推算）', '0', '0', '0', '0', '0', '0', '件', 'requests.result.withheld.law_prohibited']],
    ['本机关不掌握', ['第 19 行', '无法提供 本机关不掌握相关政府信息', '未定', '未定', '0', '0', '0', '3', '83', '件', 'requests.result.unavailable.not_held']],
    ['行政复议', ['第 23 行', '行政复议', '7', '8', '4', '4', '23', '件', 'review.*']],
    ['复议后起诉', ['第 23 行', '行政诉讼 复议后起诉', '1', '1', '1', '2', '5', '件', 'litigation.after_review.*']],
  ])('one line per table row: %s', (label, expected) => {
    expect(cells(lineWith(lines, '第 ', label))).toEqual(expected);
  });

  test('the column header of table 三 once, above its rows', () => {
    expect(cells(lineWith(lines, '自然人', '总计'))).toEqual(['行', '项目', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计', '单位', '指标']);
  });

  test('undecided cells with the printed digits, and every warning', () => {
    expect(lineWith(lines, '未定 2 格')).toBe('未定 2 格（原文的数字无法确定属于哪一格，不给出数值；原因见警告）：');
    expect(lineWith(lines, '原文“773000383”')).toBe(
      '  第 19 行  无法提供 本机关不掌握相关政府信息（自然人/商业企业）：原文“773000383”  [requests.result.unavailable.not_held]',
    );
    expect(lineWith(lines, '警告 ')).toBe('警告 2 条：');
    expect(lineWith(lines, '[fused.ambiguous]')).toContain('7·73·0·0·0·3·83，或 77·3·0·0·0·3·83');
    expect(lineWith(lines, '[table.row_missing]')).toBeDefined();
  });
});

describe('gongkai check: other shapes', () => {
  test('pre-2019 Fujian table: the 历年累计 column is its own column, dashes and blanks told apart', async () => {
    const lines = await render(fixture('pre2019/fujian_2012.txt'));
    expect(lineWith(lines, '格式：')).toBe('格式：pre-2019 — 2019 年以前的统计表；依据统计表的表头（统计指标 / 计量单位）');
    expect(cells(lineWith(lines, '2012年度', '历年累计'))).toEqual(['行', '项目', '2012年度', '历年累计', '单位', '指标']);
    expect(cells(lineWith(lines, '第 42 行'))).toEqual(['第 42 行', '行政复议数', '0', '—', '件', 'review.total']);
    expect(cells(lineWith(lines, '第 43 行'))).toEqual(['第 43 行', '行政诉讼数', '0', '空白', '件', 'litigation.total']);
  });

  test('HTML: line numbers are the page source lines, and prose figures show their text', async () => {
    const lines = await render(fixture('html/cms-2019-tongji.html'));
    expect(lines[0]).toContain('读取：HTML 网页，utf-8，提取出 32 行文本（行号指网页源码的行）');
    expect(lineWith(lines, '第 24 行', '主动公开政府信息数')).toBe('  第 24 行  主动公开政府信息数：509 条  [proactive.total]  “…主动公开政府信息509条，共收到依申请公开7件。”');
  });
});

describe('gongkai check: not a report file → one line with the reason', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['a folder', () => dir, 'io', '是一个目录：check 只检查一个文件（整个目录请用 gongkai ingest）'],
    ['a missing file', () => join(dir, 'missing.txt'), 'io', '无法读取：不存在 (ENOENT)'],
    ['a web address', () => 'https://www.example.gov.cn/a.html', 'io', "check 只读本地文件，不联网；请先保存网页，例如 curl -o report.html 'https://www.example.gov.cn/a.html'"],
  ])('%s', async (_name, path, code, message) => {
    expect(await checkFile(path())).toEqual({ ok: false, file: path(), error: { code, message } });
  });
});

describe('shortQuote: the figure in its context, cut to a terminal line', () => {
  test.each([
    ['短句 12 条。', '12', '短句 12 条。'],
    ['（三）平台运用稳步开展。今年以来，我局主动公开信息1110条，其中门户网站发布信息904条，微信公众号发布信息111条', '904', '…门户网站发布信息904条，微信公众号发布信息111条'],
    ['（三）平台运用稳步开展。今年以来，我局主动公开信息1110条，其中门户网站发布信息904条，微信公众号发布信息111条', '', '（三）平台运用稳步开展。今年以来，我局主动公开信…'],
  ])('%s', (quote, raw, expected) => {
    expect(shortQuote(quote, raw)).toBe(expected);
  });
});
