/**
 * A message is only ever understood as what it says: the conversations, over the seed index.
 * A fragment continues the previous question; a complete question, a question about all units, or a
 * message naming something the catalogue does not know stands alone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAsker, type Answer, type AskFn } from '../../src/query/index.ts';
import { FOLLOW_UP_WINDOW_MS } from '../../src/query/understand/follow-up.ts';
import type { Db } from '../../src/store/open.ts';
import { openSeed, seedIndexPath } from './seed-db.ts';

const TODAY = new Date('2021-03-01T00:00:00Z');
const FIRST = '鹿城区2020年行政复议多少件';
let db: Db;
let ask: AskFn;

beforeAll(async () => {
  db = openSeed((await seedIndexPath()).path);
  ask = createAsker(db, { today: TODAY });
});
afterAll(() => db?.close());

const after = (first: string, next: string, ageMs?: number): Answer => ask(next, { previous: ask(first).query, previousAgeMs: ageMs });
const figures = (a: Answer) => a.results.map((r) => [r.agency, r.metric, r.value]);

describe('never a wrong figure from context', () => {
  test('温州市统计局的联系电话是多少 → its phone as printed, not the 统计局 行政复议 figure', () => {
    const a = after(FIRST, '温州市统计局的联系电话是多少');
    expect(a.status).toBe('answered');
    expect(a.results.map((r) => [r.agency, r.metric, r.value, r.text])).toEqual([['温州市统计局', 'detail.phone', null, '0577-88967581']]);
    expect(a.text).toBe(ask('温州市统计局的联系电话是多少').text);
  });

  test('鹿城区2020年GDP多少 → no figure (alone too: not the overview)', () => {
    for (const a of [after(FIRST, '鹿城区2020年GDP多少'), ask('鹿城区2020年GDP多少')]) {
      expect(a.status).toBe('unsupported');
      expect(a.results).toEqual([]);
      expect(a.text).toMatch(/^没有找到“GDP”对应的数字/);
    }
  });

  test('鹿城区报告什么时候发布的 → the date it was signed, no figure', () => {
    const a = after(FIRST, '鹿城区报告什么时候发布的');
    expect(a.results.map((r) => [r.metric, r.value, r.text])).toEqual([['detail.published', null, '2021年2月20日']]);
  });

  test('2020年所有单位行政复议一共多少 → the total over all four units, as asked alone', () => {
    const a = after(FIRST, '2020年所有单位行政复议一共多少');
    expect(a.text).toBe(ask('2020年所有单位行政复议一共多少').text);
    expect(a.text.split('\n')[0]).toBe('2020年4个单位行政复议总计合计 27 件（其中 1 个单位填写“—”，按 0 计）。');
    // The total, a result of its own with its formula, then the four units.
    expect(a.results.map((r) => [r.agency, r.value])).toEqual([['2020年4个单位', 27], ['温州市经济和信息化局', 0], ['温州市统计局', 0], ['温州市鹿城区人民政府', 23], ['温州市政务服务中心', 4]]);
    expect(a.results[0]!.formula).toBe('0 + 0 + 23 + 4 = 27');
    expect(a.results[0]!.sources!.map((s) => s.line)).toEqual([156, 89, 565, 82]);
  });

  test('2020年哪个单位行政诉讼最少 → the ranking over all units', () => {
    const a = after(FIRST, '2020年哪个单位行政诉讼最少');
    expect(a.text).toBe(ask('2020年哪个单位行政诉讼最少').text);
    expect(a.text).toMatch(/^2020年行政诉讼总计最少的是温州市经济和信息化局、温州市统计局、温州市政务服务中心（并列，均为 0 件）/);
  });

  test('a complete question is the same with or without a previous one', () => {
    for (const q of ['温州市统计局2020年收到多少申请', '经信局有没有行政复议', '鹿城区自然人申请多少']) {
      expect(after(FIRST, q).text).toBe(ask(q).text);
    }
  });

  test('an agency not indexed is not_found, never the previous agency', () => {
    const a = after(FIRST, '那北京市海淀区呢');
    expect(a.status).toBe('not_found');
    expect(a.results).toEqual([]);
  });
});

describe('fragments continue the previous question', () => {
  test('a detail or a rate asked of another agency: 那统计局呢？', () => {
    expect(after('鹿城区的联系电话', '那统计局呢？').results.map((r) => [r.agency, r.metric, r.text])).toEqual([['温州市统计局', 'detail.phone', '0577-88967581']]);
    expect(after('鹿城区2020年公开率', '那统计局呢？').results.map((r) => [r.agency, r.metric])).toEqual([['温州市统计局', 'rate.disclosure']]);
  });

  test('诉讼呢 / 那统计局呢 / 那最少的呢', () => {
    expect(figures(after(FIRST, '诉讼呢'))).toEqual([['温州市鹿城区人民政府', 'litigation.total', 18]]);
    expect(figures(after(FIRST, '那统计局呢？'))).toEqual([['温州市统计局', 'review.total', 0]]);
    const least = after('2020年哪个单位行政复议最多', '那最少的呢');
    expect(least.text).toMatch(/^2020年行政复议总计最少的是/);
  });

  test('within the window only', () => {
    expect(figures(after(FIRST, '诉讼呢', FOLLOW_UP_WINDOW_MS - 1))).toEqual([['温州市鹿城区人民政府', 'litigation.total', 18]]);
    const late = after(FIRST, '诉讼呢', FOLLOW_UP_WINDOW_MS + 1);
    expect(late.status).toBe('clarify');
    expect(late.results).toEqual([]);
  });
});

describe('small talk', () => {
  test.each([
    ['你好', 'answered', /^您好！/],
    ['谢谢！', 'answered', /^不客气！/],
    ['帮助', 'answered', /^可以问各单位政府信息公开年度报告里的数字/],
    ['How many administrative reviews did Lucheng have in 2020?', 'unsupported', /^我只能用中文回答/],
  ])('%s → a short Chinese reply with example questions', (q, status, start) => {
    const a = ask(q);
    expect(a.status).toBe(status);
    expect(a.text).toMatch(start);
    expect(a.text).toContain('鹿城区2020年行政复议多少件？');
    expect(a.results).toEqual([]);
  });

  test('a greeting before a question does not hide it', () => {
    expect(figures(ask('你好，鹿城区2020年行政复议多少件'))).toEqual([['温州市鹿城区人民政府', 'review.total', 23]]);
  });
});
