/** Prose wordings seen in real crawled reports (sentences our own). */
import { describe, expect, test } from 'vitest';
import { buildDocument, splitLines } from '../../src/ingest/text/document.ts';
import { extractProseFigures } from '../../src/ingest/prose/prose.ts';
import type { Figure } from '../../src/ingest/model.ts';

const prose = (text: string): [string, number | null][] =>
  extractProseFigures(buildDocument(splitLines(text)), 'narrative').figures.map((f: Figure) => [f.metric, f.value]);

describe('proactive total', () => {
  test('主动公开信息数N条, 政府信息主动公开N条, 主动公开<sector>政府信息N条', () => {
    expect(prose('全年主动公开信息数42条，其中通知公告类9条。')).toContainEqual(['proactive.total', 42]);
    expect(prose('本年度政府信息主动公开57条。')).toContainEqual(['proactive.total', 57]);
    expect(prose('全年累计主动公开水利政府信息133条。')).toContainEqual(['proactive.total', 133]);
  });

  test('the last item of a category list is not the total', () => {
    const got = prose('其中规划类信息3条，应当主动公开的其他政府信息2条，其他应主动公开的政府信息17条。');
    expect(got.filter(([m]) => m === 'proactive.total')).toEqual([]);
  });

  test('a kind of information before 政府信息 (…类) is not the total', () => {
    expect(prose('主动公开规划类政府信息8条。').filter(([m]) => m === 'proactive.total')).toEqual([]);
  });

  test('主动公开信息数N with its unit left off, as one part of the documents issued', () => {
    expect(prose('本年共印发公文类政府信息300条，其中主动公开信息数86，依申请公开信息数200条，不予公开14条。')).toContainEqual(['proactive.total', 86]);
    // Never a number running on into the next word.
    expect(prose('主动公开信息数86项目').filter(([m]) => m === 'proactive.total')).toEqual([]);
  });

  test('a bare 公开 of the year\'s (document-kind) government information is the total', () => {
    expect(prose('依托区门户网站发布，全年公开公文类政府信息共97条，其中规范性文件4条，其他应主动公开的政府信息9条。')).toContainEqual(['proactive.total', 97]);
    expect(prose('本年度公开政府信息41条。')).toContainEqual(['proactive.total', 41]);
  });

  test('a bare 公开 split into 主动 and 依申请, or a channel\'s, is not the total', () => {
    expect(prose('全年公开政府信息共320条，其中主动公开300条，依申请公开20条。').filter(([m]) => m === 'proactive.total')).toEqual([]);
    expect(prose('微信公众号全年公开信息80条。').filter(([m]) => m === 'proactive.total')).toEqual([]);
    expect(prose('公开公文类政府信息共97条。').filter(([m]) => m === 'proactive.total')).toEqual([]);
  });
});

describe('cases and applications stated as none', () => {
  test('未收到有关政府信息公开的申请 / 申请公开政府信息情况: no new applications', () => {
    expect(prose('本年度我局未收到有关政府信息公开的申请。')).toEqual([['requests.new', 0]]);
    expect(prose('我局全年未收到申请公开政府信息情况。')).toEqual([['requests.new', 0]]);
    expect(prose('本年度我局无依申请公开的政府信息。')).toEqual([['requests.new', 0]]);
  });

  test('未收到…提出的行政复议、行政诉讼的申请: both 0', () => {
    expect(prose('本年度未收到因政府信息公开提出的行政复议、行政诉讼的申请。')).toEqual([
      ['review.total', 0],
      ['litigation.total', 0],
    ]);
  });

  test('cases counted in 起', () => {
    expect(prose('因政府信息公开引发行政复议2起，均维持原答复。')).toContainEqual(['review.total', 2]);
  });

  test('a case count printed before its noun (收到N份…行政复议申请) when the noun says disclosure', () => {
    expect(prose('本年度收到2份有关政府信息公开的行政复议申请，均已办结。')).toContainEqual(['review.total', 2]);
    expect(prose('全年发生1起因政府信息公开引起的行政诉讼。')).toEqual([['litigation.total', 1]]);
    // Another kind of case: not the disclosure review count.
    expect(prose('本年度共受理3件行政复议申请。').filter(([m]) => m === 'review.total')).toEqual([]);
  });
});

describe('normative documents (table 二 restated)', () => {
  test('制定/制发/印发 …规范性文件N件 is 制发, 废止 is 废止, 现行有效 is 现行有效', () => {
    expect(prose('本年度我局印发行政规范性文件4件，废止规范性文件2件，现行有效规范性文件19件。')).toEqual([
      ['normative_docs.issued', 4],
      ['normative_docs.repealed', 2],
      ['normative_docs.in_force', 19],
    ]);
  });

  test('reviewing or publishing documents is not making them', () => {
    expect(prose('全年清理规范性文件9件，公开规范性文件5件，审查规范性文件3件。')).toEqual([]);
  });
});

describe('staff and budget', () => {
  test('兼职人员N人, 专职人员N名, 政府信息公开费用N万元', () => {
    expect(prose('我局设兼职人员2人，专职人员1名。')).toEqual([
      ['org.staff_parttime', 2],
      ['org.staff_fulltime', 1],
    ]);
    expect(prose('全年产生的政府信息公开费用3万元。')).toEqual([['org.budget', 3]]);
    expect(prose('全年收取的政府信息公开费用0.5万元。').filter(([m]) => m === 'org.budget')).toEqual([]);
  });
});
