/**
 * Crawled pages (a crawler's page.txt): header block as metadata, breadcrumb dropped, the body squeezed
 * onto one line split into logical lines mapped back to the printed line, squeezed tables solved.
 * Fixtures are our own texts in the shapes seen in real crawls.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { processFile } from '../../src/ingest/process-file.ts';
import { afterBreadcrumb, readCrawledHeader } from '../../src/ingest/text/crawled.ts';
import { logicalLines } from '../../src/ingest/text/crawled-document.ts';
import { splitSqueezed } from '../../src/ingest/text/squeeze.ts';
import { splitLines } from '../../src/ingest/text/document.ts';
import { dashedReadings, fusedRowText } from '../../src/ingest/tables/pre2019-fused.ts';
import { describeReading } from '../../src/ingest/tables/fused.ts';
import type { Figure, ParsedReport } from '../../src/ingest/model.ts';

const dir = new URL('../fixtures/crawled/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir));

function parsed(name: string): ParsedReport {
  const r = processFile(name, read(name));
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}

const find = (r: ParsedReport, metric: string, opts: { applicant?: string | null; cumulative?: boolean; origin?: 'table' | 'prose' } = {}): Figure[] =>
  r.figures.filter(
    (f) =>
      f.metric === metric &&
      (opts.applicant === undefined || f.applicant === opts.applicant) &&
      (opts.cumulative === undefined || f.cumulative === opts.cumulative) &&
      (opts.origin === undefined || f.origin === opts.origin),
  );
const value = (r: ParsedReport, metric: string, opts: Parameters<typeof find>[2] = {}) => {
  const fs = find(r, metric, { origin: 'table', ...opts });
  expect(fs).toHaveLength(1);
  return fs[0].cell === 'undecided' ? 'undecided' : fs[0].value;
};

describe('crawler header block', () => {
  const lines = splitLines(read('2021-squeezed.txt').toString('utf8'));

  test('key: value lines are metadata; the body starts after the separator', () => {
    const page = readCrawledHeader(lines)!;
    expect(page.meta.title?.value).toBe('厦门市思明区水利局2022年政府信息公开工作年度报告');
    expect(page.meta.published?.value).toBe('2023-01-20 10:15');
    expect(page.meta.url?.value).toBe('https://www.example.gov.cn/zwgk/ndbg/202301/t20230120_1.htm');
    expect(page.meta.publisher).toBeUndefined();
    expect(page.fields.map((f) => f.key)).toEqual(['标题', '发布时间', '文号', '发布机构', '栏目', '原文链接', '本地目录']);
    expect(page.bodyStart).toBe(9);
  });

  test('a report without a header block is not a crawled page', () => {
    expect(readCrawledHeader(['厦门市思明区水利局2022年政府信息公开工作年度报告', '', '一、总体情况'])).toBeNull();
    expect(readCrawledHeader(['标题: 只有一行键值', '正文开始'])).toBeNull();
  });

  test('breadcrumb and share buttons before the first words are dropped', () => {
    const line = '当前位置： 首页 政务公开 来源： 时间：2023-01-20 --> 微信 微博 QQ空间 相关链接： 本报告依据条例编制。';
    expect(line.slice(afterBreadcrumb(line))).toBe('本报告依据条例编制。');
    const arrows = '首页 > 政务公开 > 年度报告 分享到： 微信 微博 本局依法公开。';
    expect(arrows.slice(afterBreadcrumb(arrows))).toBe('本局依法公开。');
    // The report's own words are never chrome: 微信 inside a sentence stays.
    expect(afterBreadcrumb('本局通过微信公众号发布信息。')).toBe(0);
  });
});

describe('squeezed body → logical lines with a map back', () => {
  const printed = splitLines(read('2021-squeezed.txt').toString('utf8'));
  const logical = logicalLines(printed);

  test('every logical line is the printed text at its line and column', () => {
    logical.lines.forEach((text, i) => {
      const line = printed[logical.sourceLine[i] - 1];
      const col = logical.sourceColumn[i] ?? 1;
      expect(line.slice(col - 1, col - 1 + text.length)).toBe(text);
    });
  });

  test('the title comes from the header, cited where its value starts; headings and sentences are lines', () => {
    expect(logical.lines[0]).toBe('厦门市思明区水利局2022年政府信息公开工作年度报告');
    expect([logical.sourceLine[0], logical.sourceColumn[0]]).toEqual([1, 5]);
    expect(logical.lines[1]).toBe('本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为2022年1月1日至2022年12月31日。');
    expect(logical.lines).toContain('一、总体情况');
    expect(logical.lines).toContain('五、存在的主要问题及改进情况');
    expect(logical.lines).toContain('四、政府信息公开行政复议、行政诉讼情况');
    // The header's other lines are not body.
    expect(logical.lines.some((l) => l.startsWith('原文链接') || l.startsWith('栏目'))).toBe(false);
  });

  test("a table's last cell fused with the next sentence's year is cut before the year", () => {
    expect(logical.lines).toContain('2023年，本局将继续做好依申请公开工作。');
    expect(logical.lines.some((l) => l.endsWith('行政事业性收费0'))).toBe(true);
  });

  test('table 四 digits end where the next sentence begins', () => {
    expect(logical.lines).toContain('本局将严格规范答复流程。');
    expect(logical.lines.some((l) => l.endsWith('尚未审结总计100000000000000'))).toBe(true);
  });

  test("the portal's footer after the body is dropped", () => {
    const page = ['标题: 某县水利局2020年政府信息公开工作年度报告', '发布时间: 2021-01-05', '栏目: 年报', '==== 正文 ====', '一、总体情况本局依法公开。二、主动公开政府信息情况全年主动公开信息12条。三、收到和处理政府信息公开申请情况无。 附件下载'];
    const got = logicalLines(page);
    // A crawled body is cut even in short lines: the heading is a line of its own, the footer gone.
    expect(got.lines.slice(-3)).toEqual(['全年主动公开信息12条。', '三、收到和处理政府信息公开申请情况', '无。']);
    expect(logicalLines([...page.slice(0, 4), '一、总体情况本局依法公开。二、主动公开政府信息情况全年公开12条。三、其他无。', '附件下载']).lines).not.toContain('附件下载');
  });

  test('a normal report paragraph with one heading is not split', () => {
    const para = '一、总体情况' + '本局认真落实条例，做好公开工作。'.repeat(20);
    expect(splitSqueezed(para)).toEqual([{ text: para, start: 0 }]);
  });
});

describe('2021 report squeezed whole: tables solved, what is certain kept', () => {
  const r = parsed('2021-squeezed.txt');

  test('identity from the header title', () => {
    expect(r.agency.name).toBe('厦门市思明区水利局');
    expect(r.year).toBe(2022);
    expect(r.format).toBe('2021');
    expect(r.title).toBe('厦门市思明区水利局2022年政府信息公开工作年度报告');
  });

  test('table 二: one-digit cells split, single cells whole, a cell before the next sentence', () => {
    expect([value(r, 'normative_docs.issued'), value(r, 'normative_docs.repealed'), value(r, 'normative_docs.in_force')]).toEqual([2, 1, 6]);
    expect(value(r, 'licensing.decisions')).toBe(45);
    expect(value(r, 'penalty.decisions')).toBe(12);
    expect(value(r, 'fees.amount')).toBe(0);
  });

  test('table 三: 7-digit rows, a row running into the next label, the last row before prose', () => {
    expect(value(r, 'requests.new', { applicant: 'total' })).toBe(3);
    expect(value(r, 'requests.new', { applicant: 'natural' })).toBe(2);
    expect(value(r, 'requests.new', { applicant: 'commercial' })).toBe(1);
    expect(value(r, 'requests.carried_over', { applicant: 'total' })).toBe(1);
    expect(value(r, 'requests.result.disclosed', { applicant: 'total' })).toBe(2);
    expect(value(r, 'requests.result.unavailable.not_held', { applicant: 'commercial' })).toBe(1);
    expect(value(r, 'requests.result.unavailable.needs_creation', { applicant: 'total' })).toBe(0);
    expect(value(r, 'requests.result.total', { applicant: 'total' })).toBe(4);
    expect(value(r, 'requests.carried_forward', { applicant: 'total' })).toBe(0);
  });

  test('each table row is its own logical line, so a figure cites its row', () => {
    const [nat] = find(r, 'requests.new', { applicant: 'natural', origin: 'table' });
    expect(nat.source.quote).toBe('一、本年新收政府信息公开申请数量2100003');
    const [nh] = find(r, 'requests.result.unavailable.not_held', { applicant: 'commercial', origin: 'table' });
    // The next label's ordinal ("2.没有现成…") is not this row's.
    expect(nh.source.quote).toBe('1.本机关不掌握相关政府信息0100001');
    const [doc] = find(r, 'normative_docs.issued', { origin: 'table' });
    expect(doc.source.quote).toBe('行政规范性文件216');
  });

  test('table 四: 15 digits, one per cell; the group whose 总计 contradicts its parts is undecided with a warning', () => {
    expect(value(r, 'review.upheld')).toBe('undecided');
    expect(value(r, 'review.total')).toBe('undecided');
    expect(value(r, 'litigation.direct.total')).toBe(0);
    expect(value(r, 'litigation.after_review.total')).toBe(0);
    expect(r.warnings.filter((w) => w.code === 'identity.row_sum').map((w) => w.metric)).toEqual(['review.total']);
  });

  test('prose figures quote the sentence, at its column in the printed line', () => {
    const [p] = find(r, 'proactive.total', { origin: 'prose' });
    expect(p.value).toBe(86);
    const printed = splitLines(read('2021-squeezed.txt').toString('utf8'))[p.source.line - 1];
    expect(p.source.column).toBeGreaterThan(1);
    expect(printed.slice(p.source.column! - 1).startsWith(p.source.quote)).toBe(true);
  });
});

describe('pre-2019 Fujian table squeezed onto one line', () => {
  const r = parsed('pre2019-fused.txt');

  test('identity and format', () => {
    expect([r.agency.name, r.year, r.format]).toEqual(['厦门市思明区档案局', 2013, 'pre-2019']);
  });

  test('a fused run decided by the prose (236 of 2|361204, 23|61204, 236|1204)', () => {
    expect(value(r, 'proactive.total', { cumulative: false })).toBe(236);
    expect(value(r, 'proactive.total', { cumulative: true })).toBe(1204);
  });

  test("the next label's ordinal given back; 其中 identities decide the parts", () => {
    expect([value(r, 'proactive.website', { cumulative: false }), value(r, 'proactive.website', { cumulative: true })]).toEqual([200, 1005]);
    expect([value(r, 'proactive.gazette', { cumulative: false }), value(r, 'proactive.gazette', { cumulative: true })]).toEqual([36, 199]);
    expect([value(r, 'requests.new', { cumulative: false }), value(r, 'requests.new', { cumulative: true })]).toEqual([12, 30]);
    expect([value(r, 'requests.new.in_person', { cumulative: false }), value(r, 'requests.new.online', { cumulative: true })]).toEqual([5, 18]);
    // No prose for the answers: 1|230 or 12|30, decided by its parts 10+2+0 and 25+5+0.
    expect([value(r, 'requests.answered', { cumulative: false }), value(r, 'requests.answered', { cumulative: true })]).toEqual([12, 30]);
    expect(value(r, 'requests.answered.partially_agreed', { cumulative: false })).toBe(2);
  });

  test('Fujian rows: e-mail applications, 行政申诉数; the signature after the table ends it', () => {
    expect([value(r, 'requests.new.email', { cumulative: false }), value(r, 'requests.new.email', { cumulative: true })]).toEqual([0, 0]);
    expect([value(r, 'complaints.total', { cumulative: false }), value(r, 'complaints.total', { cumulative: true })]).toEqual([1, 1]);
    expect(r.warnings.filter((w) => w.code.startsWith('pre2019.'))).toEqual([]);
  });

  test("the header's publication date and URL fill what the text does not say", () => {
    expect([r.published, r.website]).toEqual(['2014-02-10', 'https://www.example.gov.cn/']);
  });

  test('a run nothing decides (1|317 or 13|17) is undecided, with a warning naming both readings', () => {
    expect(value(r, 'litigation.total', { cumulative: false })).toBe('undecided');
    const w = r.warnings.find((x) => x.metric === 'litigation.total')!;
    expect(w.code).toBe('fused.ambiguous');
    expect(w.message).toContain('1·317 或 13·17');
    expect(value(r, 'review.total', { cumulative: false })).toBe(0);
  });
});

describe('pre-2019 squeezed table whose 其中 parts do not add up to their row', () => {
  const r = parsed('pre2019-parts-short.txt');
  const both = (metric: string) => [value(r, metric, { cumulative: false }), value(r, metric, { cumulative: true })];

  test('no part exceeds its whole: 5·802130 is out under 620·2400, 580·2130 stays, with a warning that the parts fall short', () => {
    expect(both('proactive.total')).toEqual([620, 2400]);
    expect(both('proactive.website')).toEqual([580, 2130]);
    expect(both('proactive.gazette')).toEqual([0, 12]);
    const w = r.warnings.find((x) => x.code === 'identity.parts_sum')!;
    expect([w.metric, w.line, w.line2]).toEqual(['proactive.website', 6, 6]);
    expect(w.message).toContain('580·2130');
    expect(w.message).toContain('620·2400');
  });

  test('a part both of whose readings fit under the whole stays undecided', () => {
    expect(both('requests.new.in_person')).toEqual(['undecided', 'undecided']);
    expect(r.warnings.find((x) => x.metric === 'requests.new.in_person')!.message).toContain('1·120 或 11·20');
    expect(both('requests.new.online')).toEqual([10, 50]);
  });
});

describe('pre-2019 national form squeezed, "——" after a unit as the row\'s empty cell', () => {
  const r = parsed('pre2019-national-dashes.txt');
  const cellOf = (metric: string) => {
    const [f] = find(r, metric, { origin: 'table' });
    return [f.cell, f.value, f.raw];
  };

  test('"个——" and "万元——" are dash cells, cited, not group rows', () => {
    expect(cellOf('org.units')).toEqual(['dash', null, '——']);
    expect(cellOf('org.budget')).toEqual(['dash', null, '——']);
    const [units] = find(r, 'org.units', { origin: 'table' });
    const printed = splitLines(read('pre2019-national-dashes.txt').toString('utf8'))[units.source.line - 1];
    expect(printed.slice(units.source.column! - 1).startsWith('（一）政府信息公开工作专门机构数个——')).toBe(true);
  });

  test('group rows ending in "——" (no unit before it) still only set the group; the rows after them are read', () => {
    expect(value(r, 'org.reading_points')).toBe(1);
    expect(value(r, 'meetings.count')).toBe(1);
    expect(value(r, 'review.total')).toBe(0);
    expect(r.warnings).toEqual([]);
  });

  test('the row shapes: a unit, then digit runs and dashes; a group row has no unit', () => {
    expect(fusedRowText('（四）专项经费万元——')).toEqual({ label: '（四）专项经费', unit: '万元', digits: '——', runs: ['——'] });
    expect(fusedRowText('七、机构建设和保障经费情况——')).toBeNull();
    expect(fusedRowText('主动公开信息数条12——')).toEqual({ label: '主动公开信息数', unit: '条', digits: '12——', runs: ['12', '——'] });
  });

  test('over two columns a dash run is one cell, one per "——" pair or one per character, as the count needs', () => {
    const read = (runs: string[]) => dashedReadings(runs, 2, 0).map(describeReading);
    expect(read(['——', '5'])).toEqual(['——·5']);
    expect(read(['————'])).toEqual(['——·——']);
    expect(read(['12', '——'])).toEqual(['12·——']);
    // Two digit runs and a dash cannot be two cells; a run is never split beside a dash.
    expect(read(['1', '——', '2'])).toEqual([]);
    expect(read(['——', '——'])).toEqual(['——·——']);
  });
});

describe('a squeezed table 二 row decided by what the report\'s sentences state', () => {
  const variant = (sentence: string) => {
    const text = read('2021-squeezed.txt')
      .toString('utf8')
      .replace('（一）主动公开方面。', `（一）主动公开方面。${sentence}`)
      .replace('行政规范性文件216', '行政规范性文件12340');
    const r = processFile('variant.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    return r.report;
  };
  const docs = (r: ParsedReport) => ['issued', 'repealed', 'in_force'].map((k) => value(r, `normative_docs.${k}`));

  test('"制定规范性文件12件，废止规范性文件3件" keeps 12·3·40 of "12340"', () => {
    const r = variant('2022年，本局制定规范性文件12件，废止规范性文件3件。');
    expect(docs(r)).toEqual([12, 3, 40]);
    expect(find(r, 'normative_docs.issued', { origin: 'prose' }).map((f) => f.value)).toEqual([12]);
    expect(r.warnings.filter((w) => w.metric?.startsWith('normative_docs'))).toEqual([]);
  });

  test('only the cells the prose states are decided (12·3·40 or 12·34·0: 制发 12, the rest undecided with a warning)', () => {
    const r = variant('2022年，本局制定规范性文件12件。');
    expect(docs(r)).toEqual([12, 'undecided', 'undecided']);
    expect(r.warnings.find((w) => w.metric === 'normative_docs.issued')!.message).toContain('12·3·40，或 12·34·0');
  });

  test('prose that no reading agrees with decides nothing: the row stays undecided, with its warning', () => {
    const r = variant('2022年，本局制定规范性文件7件。');
    expect(docs(r)).toEqual(['undecided', 'undecided', 'undecided']);
    expect(r.warnings.some((w) => w.code === 'fused.ambiguous' && w.metric === 'normative_docs.issued')).toBe(true);
  });
});

describe('table 二 squeezed with "——" dashes', () => {
  const variant = (rows: string) => {
    const text = read('2019-squeezed.txt').toString('utf8').replace('规章000规范性文件335', rows);
    const r = processFile('variant.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    return r.report;
  };
  const cells = (r: ParsedReport, prefix: string) => ['made', 'published', 'public_total'].map((k) => find(r, `${prefix}.${k}`, { origin: 'table' })[0].cell);

  test('"规章——————" is three dash cells and "规范性文件3——5" is 3 | —— | 5', () => {
    const r = variant('规章——————规范性文件3——5');
    expect(cells(r, 'regulations')).toEqual(['dash', 'dash', 'dash']);
    expect([value(r, 'normative_docs.made'), value(r, 'normative_docs.public_total')]).toEqual([3, 5]);
    expect(cells(r, 'normative_docs')[1]).toBe('dash');
  });

  test('"规章12——" is undecided where its two readings differ, with a warning that says why', () => {
    const r = variant('规章12——规范性文件335');
    expect(cells(r, 'regulations')).toEqual(['undecided', 'undecided', 'dash']);
    const w = r.warnings.find((x) => x.metric === 'regulations.made')!;
    expect(w.code).toBe('fused.ambiguous');
    expect(w.message).toContain('“12——”中相连的“—”可能各占一栏，也可能两个合为一栏');
    expect(w.message).toContain('12·—·—，或 1·2·——');
  });
});

describe('2019 report squeezed: negative changes, count fused with amount, irregular spacing, a digit too many', () => {
  const r = parsed('2019-squeezed.txt');

  test('"88-720": the "-" may be a dash cell or a minus — only the first cell is certain', () => {
    expect([value(r, 'licensing.prev_items'), value(r, 'licensing.change'), value(r, 'licensing.decisions')]).toEqual([88, 'undecided', 'undecided']);
    expect([value(r, 'penalty.prev_items'), value(r, 'penalty.change'), value(r, 'penalty.decisions')]).toEqual([26, 'undecided', 'undecided']);
    expect(r.warnings.filter((w) => w.message.includes('负号')).map((w) => w.metric)).toEqual(['licensing.prev_items', 'penalty.prev_items']);
  });

  test('a printed sign opens 本年增/减: the cell before it is whole, the signed run is split only when one split has no leading zero', () => {
    // "30增90": 30 | 增9 | 0 (增90 would leave no 处理决定数量); "272+602376": 272, then +60·2376, +602·376 … undecided.
    expect([value(r, 'other_services.prev_items'), value(r, 'other_services.change'), value(r, 'other_services.decisions')]).toEqual([30, 9, 0]);
    expect([value(r, 'coercion.prev_items'), value(r, 'coercion.change'), value(r, 'coercion.decisions')]).toEqual([272, 'undecided', 'undecided']);
    const w = r.warnings.find((x) => x.metric === 'coercion.prev_items')!;
    expect(w.code).toBe('fused.ambiguous');
    expect(w.message).toContain('272·60·2376，或 272·602·376，或 272·6023·76，或 272·60237·6');
  });

  test('"15-15" in a two-cell row: the "-" cannot be a cell, so it is the minus', () => {
    expect([value(r, 'fees.prev_items'), value(r, 'fees.change')]).toEqual([15, -15]);
  });

  test('a count fused with a money amount ("156805947.43元") is undecided', () => {
    expect([value(r, 'procurement.projects'), value(r, 'procurement.amount')]).toEqual(['undecided', 'undecided']);
  });

  test('table 三 spaced irregularly ("2 0 00 0 0 2") is read by its row sums', () => {
    expect(value(r, 'requests.new', { applicant: 'total' })).toBe(2);
    expect(value(r, 'requests.new', { applicant: 'research' })).toBe(0);
    expect(value(r, 'requests.result.unavailable.not_held', { applicant: 'natural' })).toBe(1);
    expect(value(r, 'requests.result.total', { applicant: 'total' })).toBe(2);
  });

  test('table 四 with a digit too many (16 for 15 cells) is not read', () => {
    expect(value(r, 'review.total')).toBe('undecided');
    expect(value(r, 'litigation.direct.total')).toBe('undecided');
    expect(r.warnings.some((w) => w.code === 'table.row_unreadable' && w.metric === 'review.total')).toBe(true);
  });
});

describe('pre-2019 national-form table squeezed onto one line (统计指标 · 单位 · 统计数)', () => {
  const r = parsed('pre2019-national-squeezed.txt');
  const printed = splitLines(read('pre2019-national-squeezed.txt').toString('utf8'));

  test('identity and format', () => {
    expect([r.agency.name, r.year, r.format]).toEqual(['宁化县安远镇人民政府', 2016, 'pre-2019']);
  });

  test('a label with a note holding a digit and unit ("计1条）条58"), group rows ending in "——"', () => {
    expect(value(r, 'proactive.total')).toBe(58);
    expect(value(r, 'proactive.normative_docs')).toBe(3);
    expect(value(r, 'normative_docs.issued_total')).toBe(4);
    expect(value(r, 'org.units')).toBe(1);
    expect(value(r, 'meetings.count')).toBe(2);
  });

  test("the next row's ordinal given back when only one reading fits the numbering", () => {
    // "条22.政府网站" → 2 | 2.; "条513.政务微博" → 51 | 3.; a block's first: "件121.当面" → 12 | 1.
    expect([value(r, 'proactive.gazette'), value(r, 'proactive.website'), value(r, 'proactive.weibo')]).toEqual([2, 51, 0]);
    expect([value(r, 'requests.new'), value(r, 'requests.new.in_person'), value(r, 'requests.new.fax'), value(r, 'requests.new.online')]).toEqual([12, 7, 0, 5]);
    expect([value(r, 'requests.answered.partially_agreed'), value(r, 'requests.answered.refused')]).toEqual([1, 2]);
    // After unnumbered sub-rows the block's numbering goes on: "其他情形件15.不属于" → 1 | 5.
    expect([value(r, 'requests.answered.refused.other_law'), value(r, 'requests.answered.not_this_agency')]).toEqual([1, 0]);
  });

  test('a run into an ordinal that breaks the numbering ("1.按时办结数件123.延期") is undecided, with a warning', () => {
    expect(value(r, 'requests.closed.on_time')).toBe('undecided');
    const w = r.warnings.find((x) => x.metric === 'requests.closed.on_time')!;
    expect(w.code).toBe('fused.ambiguous');
    expect(w.message).toContain('可读作 12 或 1');
    expect(value(r, 'requests.closed.extended')).toBe(0);
    expect(r.warnings.map((x) => x.code)).toEqual(['fused.ambiguous']);
  });

  test('a money amount keeps its decimals ("万元2.5")', () => {
    expect(value(r, 'org.budget')).toBe(2.5);
  });

  test('each row cites its own place in the printed line', () => {
    const f = find(r, 'proactive.website', { origin: 'table' })[0];
    expect(f.source.line).toBe(7);
    expect(printed[6].slice(f.source.column! - 1).startsWith('2.政府网站公开政府信息数条51')).toBe(true);
  });
});

describe('squeezed statistics rows: what the squeezer cuts', () => {
  const rows = (body: string) => splitSqueezed(body, true).map((s) => s.text);

  test('an amount followed by digits and a "." is not cut inside its decimals', () => {
    const body = '附件：统计表。统计指标单位统计数（四）专项经费万元2.513.兼职人员数人0';
    // 2.5 | 13. or 2.51 | 3.: left uncut after "2", so the reader sees ".513." and stores nothing.
    expect(rows(body)).toContain('（四）专项经费万元2');
    expect(rows(body)).toContain('.513.兼职人员数人0');
  });

  test('the reader stores such an amount as undecided, not as 2', () => {
    const text = read('pre2019-national-squeezed.txt').toString('utf8').replace('万元2.5八、', '万元2.513.兼职人员数人0八、');
    const got = processFile('amount.txt', Buffer.from(text));
    if (!got.ok) throw new Error(got.error.message);
    expect(value(got.report, 'org.budget')).toBe('undecided');
    expect(got.report.warnings.some((w) => w.metric === 'org.budget' && w.code === 'fused.ambiguous')).toBe(true);
  });
});
