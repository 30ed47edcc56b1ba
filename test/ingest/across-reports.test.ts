/**
 * Checks across reports and the index's view of files: the same content under several names is one
 * report; two different reports for one agency and year are both kept and each warns about the other;
 * a year's carry-over, 现行有效 and 历年累计 are checked against the year before; --prune.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAcrossReports, type CheckedFigure, type CheckedReport } from '../../src/ingest/checks/across-reports.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { listReports } from '../../src/cli/commands/reports.ts';
import { openIndex } from '../../src/store/open.ts';
import { createAsker } from '../../src/query/index.ts';
import { indexFreshness } from '../../src/bot/index-freshness.ts';

const SEEDS = join(import.meta.dirname, '../../data/reports');
const LUCHENG = readFileSync(join(SEEDS, '002_ebc6c56e4ff49493.txt'), 'utf8');
const LUCHENG_24 = LUCHENG.replace('7 8 4 4 23 9 1 1 2 13 1 1 1 2 5', '7 8 4 5 24 9 1 1 2 13 1 1 1 2 5');

const report = (id: number, year: number, format = '2019'): CheckedReport => ({ id, year, file: `r${id}.txt`, title: `某局${year}年报告`, format });
const fig = (report_id: number, metric: string, value: number, line: number, applicant: string | null = null, cumulative = 0): CheckedFigure => ({
  report_id,
  metric,
  applicant,
  cumulative,
  value,
  cell: 'number',
  line,
});

describe('checks across one agency\'s reports (pure)', () => {
  test('上年结转 must equal last year\'s 结转下年度继续办理, column by column', () => {
    const w = checkAcrossReports(
      [report(1, 2020), report(2, 2021)],
      [fig(1, 'requests.carried_forward', 3, 90, 'natural'), fig(1, 'requests.carried_forward', 0, 90, 'commercial'), fig(2, 'requests.carried_over', 2, 40, 'natural'), fig(2, 'requests.carried_over', 0, 40, 'commercial')],
    );
    expect(w).toEqual([
      {
        reportId: 2,
        report2Id: 1,
        code: 'cross.carry_over',
        message: '上年结转（自然人）与上一年报告的结转下年度继续办理不一致：《某局2021年报告》（r2.txt）第40行为 2，《某局2020年报告》（r1.txt）第90行为 3',
        line: 40,
        line2: 90,
        metric: 'requests.carried_over',
      },
    ]);
  });

  test('2021 format: 现行有效 = last year\'s 现行有效 + 本年制发 − 本年废止', () => {
    const figures = [fig(1, 'normative_docs.in_force', 30, 20), fig(2, 'normative_docs.in_force', 33, 21), fig(2, 'normative_docs.issued', 5, 21), fig(2, 'normative_docs.repealed', 1, 21)];
    const w = checkAcrossReports([report(1, 2021, '2021'), report(2, 2022, '2021')], figures);
    expect(w.map((x) => [x.code, x.message, x.line, x.line2])).toEqual([
      [
        'cross.in_force',
        '行政规范性文件 现行有效件数 33（《某局2022年报告》（r2.txt）第21行）≠ 上一年的 30（《某局2021年报告》（r1.txt）第20行） + 本年制发 5 − 本年废止 1 = 34',
        21,
        20,
      ],
    ]);
    // Consistent figures: nothing.
    figures[1] = fig(2, 'normative_docs.in_force', 34, 21);
    expect(checkAcrossReports([report(1, 2021, '2021'), report(2, 2022, '2021')], figures)).toEqual([]);
  });

  test('Fujian pre-2019: 历年累计 = last year\'s 历年累计 + 本年度', () => {
    const w = checkAcrossReports(
      [report(1, 2016, 'pre-2019'), report(2, 2017, 'pre-2019')],
      [fig(1, 'proactive.total', 500, 12, null, 1), fig(2, 'proactive.total', 80, 12), fig(2, 'proactive.total', 590, 12, null, 1)],
    );
    expect(w.map((x) => [x.code, x.reportId, x.report2Id, x.line, x.line2])).toEqual([['cross.cumulative', 2, 1, 12, 12]]);
    expect(w[0]!.message).toMatch(/^.+ 历年累计 590（《某局2017年报告》（r2\.txt）第12行）≠ 上一年的历年累计 500（《某局2016年报告》（r1\.txt）第12行） \+ 本年度 80（第12行）= 580$/u);
  });

  test('two reports for one year that disagree: a warning on each, naming the other', () => {
    const w = checkAcrossReports([report(1, 2020), report(2, 2020)], [fig(1, 'review.total', 23, 565), fig(2, 'review.total', 24, 565), fig(1, 'litigation.total', 5, 570), fig(2, 'litigation.total', 5, 570)]);
    expect(w.map((x) => [x.reportId, x.report2Id, x.code, x.metric])).toEqual([
      [2, 1, 'cross.conflict', 'review.total'],
      [1, 2, 'cross.conflict', 'review.total'],
    ]);
  });
});

describe('the index and its files', () => {
  let dir: string;
  const db = () => join(dir, 'gongkai.db');
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-across-'));
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(join(SEEDS, '002_ebc6c56e4ff49493.txt'), join(dir, 'a', 'lucheng.txt'));
    copyFileSync(join(SEEDS, '002_ebc6c56e4ff49493.txt'), join(dir, 'a', 'lucheng-copy.txt'));
    writeFileSync(join(dir, 'b', 'lucheng-other.txt'), LUCHENG_24);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('same bytes twice: one report with both paths; different content for the same year: both kept, each warns', async () => {
    const s = await ingestPaths([join(dir, 'a'), join(dir, 'b')], { db: db() });
    expect(s.files.map((f) => [f.file.slice(dir.length + 1), f.status])).toEqual([
      ['a/lucheng-copy.txt', 'ingested'],
      ['a/lucheng.txt', 'duplicate'],
      ['b/lucheng-other.txt', 'ingested'],
    ]);
    const listed = listReports(db());
    expect(listed.map((r) => [r.file.slice(dir.length + 1), r.files.map((f) => f.slice(dir.length + 1)), r.gone])).toEqual([
      ['a/lucheng-copy.txt', ['a/lucheng-copy.txt', 'a/lucheng.txt'], []],
      ['b/lucheng-other.txt', ['b/lucheng-other.txt'], []],
    ]);
    const index = openIndex(db());
    const cross = index.prepare("SELECT report_id, report2_id, code, message, line, line2, metric FROM warnings WHERE code LIKE 'cross.%' ORDER BY report_id, metric").all();
    const answer = createAsker(index)('鹿城区2020年行政复议多少件');
    index.close();
    const a = join(dir, 'a', 'lucheng-copy.txt');
    const b = join(dir, 'b', 'lucheng-other.txt');
    const title = '温州市鹿城区人民政府2020年政府信息公开工作年度报告';
    const msg = (self: string, sv: number, other: string, ov: number, what: string) =>
      `同一单位2020年有两份内容不同的报告，${what}不一致：《${title}》（${self}）第565行为 ${sv}，《${title}》（${other}）第565行为 ${ov}`;
    // The two differ in two cells of one row (尚未审结 4/5, 总计 23/24): each report warns about both.
    expect(cross).toEqual([
      { report_id: 1, report2_id: 2, code: 'cross.conflict', message: msg(a, 4, b, 5, '行政复议 尚未审结'), line: 565, line2: 565, metric: 'review.pending' },
      { report_id: 1, report2_id: 2, code: 'cross.conflict', message: msg(a, 23, b, 24, '行政复议 总计'), line: 565, line2: 565, metric: 'review.total' },
      { report_id: 2, report2_id: 1, code: 'cross.conflict', message: msg(b, 5, a, 4, '行政复议 尚未审结'), line: 565, line2: 565, metric: 'review.pending' },
      { report_id: 2, report2_id: 1, code: 'cross.conflict', message: msg(b, 24, a, 23, '行政复议 总计'), line: 565, line2: 565, metric: 'review.total' },
    ]);
    // A path recorded as a copy counts as indexed: serve does not re-ingest the folder at every start.
    expect(indexFreshness(db(), join(dir, 'a'))).toEqual({ stale: false });
    // The answer says the two disagree and cites both.
    expect(answer.status).toBe('answered');
    expect(answer.results.map((r) => r.value)).toEqual([24]);
    expect(answer.warnings).toContain(msg(b, 24, a, 23, '行政复议 总计'));
  });

  test('files gone from disk: listed as gone; --prune removes them, and the report goes when no path is left', async () => {
    unlinkSync(join(dir, 'a', 'lucheng.txt'));
    unlinkSync(join(dir, 'b', 'lucheng-other.txt'));
    const kept = await ingestPaths([join(dir, 'a')], { db: db() });
    expect(kept.gone.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['a/lucheng.txt', 'b/lucheng-other.txt']);
    expect(listReports(db()).map((r) => r.gone.map((f) => f.slice(dir.length + 1)))).toEqual([['a/lucheng.txt'], ['b/lucheng-other.txt']]);
    const pruned = await ingestPaths([join(dir, 'a')], { db: db(), prune: true });
    expect(pruned.files.filter((f) => f.status === 'pruned').map((f) => f.file.slice(dir.length + 1)).sort()).toEqual(['a/lucheng.txt', 'b/lucheng-other.txt']);
    expect(pruned.totals.reports).toBe(1);
    const listed = listReports(db());
    expect(listed.map((r) => [r.file.slice(dir.length + 1), r.files.length, r.gone])).toEqual([['a/lucheng-copy.txt', 1, []]]);
    const index = openIndex(db());
    // The other report's conflict warning went with it.
    expect(index.prepare("SELECT count(*) FROM warnings WHERE code LIKE 'cross.%'").pluck().get()).toBe(0);
    index.close();
  });
});

describe('Fujian 历年累计 across two ingested reports', () => {
  test('a 2013 report whose 历年累计 did not grow by its 本年度: one warning per row, citing both reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-fujian-'));
    try {
      const text = readFileSync(join(import.meta.dirname, '../fixtures/pre2019/fujian_2012.txt'), 'utf8');
      writeFileSync(join(dir, 'a2012.txt'), text);
      // The next year's report printed with last year's 历年累计 unchanged (a copied table).
      writeFileSync(join(dir, 'a2013.txt'), text.replaceAll('2012', '2013'));
      await ingestPaths([dir], { db: join(dir, 'x.db') });
      const index = openIndex(join(dir, 'x.db'));
      const rows = index
        .prepare("SELECT r.year, w.code, w.message, w.line, w.line2, w.metric FROM warnings w JOIN reports r ON r.id = w.report_id WHERE w.code LIKE 'cross.%' ORDER BY w.id")
        .all() as Array<{ year: number; code: string; message: string; line: number; line2: number; metric: string }>;
      index.close();
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.every((r) => r.year === 2013 && r.code === 'cross.cumulative')).toBe(true);
      const title = (y: number) => `《三明市永安市林业局${y}年政府信息公开工作年度报告》`;
      expect(rows[0]).toEqual({
        year: 2013,
        code: 'cross.cumulative',
        message: `主动公开政府信息数 历年累计 2104（${title(2013)}（${join(dir, 'a2013.txt')}）第28行）≠ 上一年的历年累计 2104（${title(2012)}（${join(dir, 'a2012.txt')}）第28行） + 本年度 356（第28行）= 2460`,
        line: 28,
        line2: 28,
        metric: rows[0]!.metric,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
