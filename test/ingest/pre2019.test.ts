import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildDocument, splitLines } from '../../src/ingest/text/document.ts';
import { parsePre2019Table } from '../../src/ingest/tables/pre2019.ts';
import { cleanLabel, keyForLabel } from '../../src/ingest/tables/pre2019-labels.ts';
import { metricDef } from '../../src/catalogue/metrics.ts';
import type { Figure } from '../../src/ingest/model.ts';

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8');
const parse = (text: string) => parsePre2019Table(buildDocument(splitLines(text))).figures;
const byKey = (figures: Figure[], cumulative = false) =>
  new Map(figures.filter((f) => f.cumulative === cumulative).map((f) => [f.metric, f]));

describe('seed 004 (温州市商务局 2018): the national 统计表', () => {
  const text = read('../../data/reports/004_8d900a062941073b.txt');
  const figures = parse(text);
  const got = byKey(figures);
  const lines = splitLines(text);

  test.each([
    ['proactive.total', 620, '条', 49], ['proactive.normative_docs', 3, '条', 50], ['normative_docs.issued_total', 3, '件', 51],
    ['proactive.gazette', 0, '条', 53], ['proactive.website', 400, '条', 54], ['proactive.weibo', 0, '条', 56],
    ['proactive.wechat', 120, '条', 57], ['proactive.other', 100, '条', 58],
    ['response.hotspots', 0, '次', 60], ['response.press_conferences', 0, '次', 62], ['response.interpretations', 0, '篇', 66],
    ['requests.new', 5, '件', 70], ['requests.new.in_person', 0, '件', 71], ['requests.new.fax', 0, '件', 72],
    ['requests.new.online', 5, '件', 73], ['requests.new.letter', 0, '件', 74],
    ['requests.closed', 5, '件', 75], ['requests.closed.on_time', 5, '件', 76], ['requests.closed.extended', 0, '件', 77],
    ['requests.answered', 5, '件', 78], ['requests.answered.already_public', 2, '件', 79], ['requests.answered.agreed', 5, '件', 80],
    ['requests.answered.partially_agreed', 0, '件', 81], ['requests.answered.refused', 0, '件', 82],
    ['requests.answered.refused.state_secret', 0, '件', 83], ['requests.answered.refused.security', 0, '件', 86],
    ['requests.answered.refused.not_gov_info', 0, '件', 88], ['requests.answered.other_channel', 0, '件', 93],
    ['review.total', 0, '件', 94], ['review.upheld', 0, '件', 95], ['review.corrected', 0, '件', 96], ['review.other', 0, '件', 97],
    ['litigation.total', 0, '件', 98], ['litigation.upheld', 0, '件', 99], ['litigation.corrected', 0, '件', 100], ['litigation.other', 0, '件', 101],
    ['complaints.total', 0, '件', 102],
    ['org.units', 1, '个', 104], ['org.reading_points', 0, '个', 105], ['org.staff', 1, '人', 106],
    ['org.staff_fulltime', 0, '人', 107], ['org.staff_parttime', 1, '人', 108], ['org.budget', 3, '万元', 109],
    ['meetings.count', 1, '次', 111], ['training.sessions', 0, '次', 112], ['training.attendees', 40, '人次', 113],
  ] as const)('%s = %s %s @%s', (metric, value, unit, line) => {
    const f = got.get(metric);
    expect(f, `no figure for ${metric}`).toBeDefined();
    expect({ value: f!.value, cell: f!.cell, unit: f!.unit, line: f!.source.line }).toEqual({ value, cell: 'number', unit, line });
    expect(f!.source.quote).toBe(lines[line - 1]);
    expect(f!.origin).toBe('table');
  });

  test('57 rows, each key once, all in the catalogue; 收到申请数 is requests.new for the total column', () => {
    expect(figures).toHaveLength(57);
    expect(new Set(figures.map((f) => f.metric)).size).toBe(57);
    for (const f of figures) expect(metricDef(f.metric), f.metric).toBeDefined();
    expect(got.get('requests.new')!.applicant).toBe('total');
    expect(got.get('org.budget')!.applicant).toBeNull();
  });

  test('group header rows are not figures', () => {
    expect(figures.map((f) => f.source.line)).not.toEqual(expect.arrayContaining([48, 52, 59, 61, 69, 103, 110]));
  });

  test('the row label is quoted as printed and the column is 统计数', () => {
    expect(got.get('proactive.total')).toMatchObject({
      rowLabel: '（一）主动公开政府信息数 （不同渠道和方式公开相同信息计 1 条）',
      colLabel: '统计数',
      raw: '620',
      cumulative: false,
    });
  });
});

describe('Fujian variant: 指标名称 · 计量单位 · 2012年度 · 历年累计', () => {
  const figures = parse(read('../fixtures/pre2019/fujian_2012.txt'));
  const year = byKey(figures, false);
  const total = byKey(figures, true);

  test.each([
    ['proactive.total', 356, 2104], ['proactive.website', 340, 1980], ['proactive.gazette', 12, 96],
    ['requests.new', 8, 41], ['requests.new.in_person', 2, 15], ['requests.new.online', 5, 20], ['requests.new.letter_fax', 1, 6],
    ['requests.answered', 8, 41], ['requests.answered.agreed', 6, 30], ['requests.answered.partially_agreed', 1, 5],
    ['requests.answered.refused', 1, 4], ['requests.answered.other', 0, 2], ['fees.waived', 0, 0.35],
    ['complaints.total', 0, 1], ['review.total', 0, null], ['litigation.total', 0, null],
  ] as const)('%s: %s this year, %s in all', (metric, thisYear, cumulative) => {
    expect(year.get(metric)?.value).toBe(thisYear);
    expect(year.get(metric)?.colLabel).toBe('2012年度');
    expect(total.get(metric)?.value).toBe(cumulative);
    expect(total.get(metric)?.colLabel).toBe('历年累计');
  });

  test('a dash and an empty cell stay apart', () => {
    expect(total.get('review.total')).toMatchObject({ cell: 'dash', raw: '—', value: null });
    expect(total.get('litigation.total')).toMatchObject({ cell: 'blank', raw: '', value: null });
  });
});

describe('layouts the extraction produces', () => {
  test('space-separated rows', () => {
    const text = ['统计指标 单位 统计数', '一、主动公开情况 ——', '（一）主动公开政府信息数 （不同渠道和方式公开相同信息计 1 条） 条 1,520', '三、依申请公开情况 —— 0', '（一）收到申请数 件 12', '四、行政复议数量 件 1', '（一）维持具体行政行为数 件 1', '五、行政诉讼数量 件 -'].join('\n');
    const got = byKey(parse(text));
    expect([...got.values()].map((f) => [f.metric, f.value, f.cell, f.source.line])).toEqual([
      ['proactive.total', 1520, 'number', 3],
      ['requests.new', 12, 'number', 5],
      ['review.total', 1, 'number', 6],
      ['review.upheld', 1, 'number', 7],
      ['litigation.total', null, 'dash', 8],
    ]);
  });

  test('a label broken over lines, its unit and value on the last piece', () => {
    const text = ['统计指标\t单位\t统计数', '三、依申请公开情况\t——\t', '（一）收到申请', '', '数\t件\t7', '（四）政府信息公开专项经费（不包括用于政府公报编辑', '管理及政府网站建设维护等方面的经费）', '万元 2.5'].join('\n');
    const got = byKey(parse(text));
    expect(got.get('requests.new')).toMatchObject({ value: 7, source: { line: 5 } });
    expect(got.get('org.budget')).toMatchObject({ value: 2.5, unit: '万元', source: { line: 8 } });
  });

  test('a row no rule knows is reported, not guessed', () => {
    const doc = buildDocument(splitLines(['统计指标\t单位\t统计数', '一、主动公开情况\t——\t', '（三）政务APP公开政府信息数\t条\t12', '（一）主动公开政府信息数\t条\t30'].join('\n')));
    const out = parsePre2019Table(doc);
    expect(out.figures.map((f) => [f.metric, f.value])).toEqual([['proactive.total', 30]]);
    expect(out.warnings).toEqual([
      { code: 'pre2019.unmapped_row', message: '统计表第 3 行“（三）政务APP公开政府信息数”不在指标目录中，未入库', line: 3, line2: null, metric: null },
    ]);
  });

  test('seed 004 and the Fujian fixture have no unmapped rows', () => {
    for (const rel of ['../../data/reports/004_8d900a062941073b.txt', '../fixtures/pre2019/fujian_2012.txt']) {
      expect(parsePre2019Table(buildDocument(splitLines(read(rel)))).warnings).toEqual([]);
    }
  });

  test('group rows without cells do not end the table; the next section does', () => {
    const text = ['统计指标 单位 统计数', '三、依申请公开情况', '（一）收到申请数 件 3', '五、存在的主要问题及改进措施', '一是召开工作会议 2'].join('\n');
    expect(parse(text).map((f) => [f.metric, f.value])).toEqual([['requests.new', 3]]);
  });

  test('no table, no figures', () => {
    expect(parse('温州市某局\n2018 年度政府信息公开年度报告\n全年主动公开信息 20 条。')).toEqual([]);
  });
});

describe('label rules', () => {
  test.each([
    ['（一）主动公开政府信息数 （不同渠道和方式公开相同信息计 1 条）', null, 'proactive.total'],
    ['1.专职人员数（不包括政府公报及政府网站工作人员数）', 'org', 'org.staff_fulltime'],
    ['（二）被依法纠错数', 'review', 'review.corrected'],
    ['（二）被依法纠错数', 'litigation', 'litigation.corrected'],
    ['（三）其他情形数', 'review', 'review.other'],
    ['法律法规规定的其他情形', 'requests', 'requests.answered.refused.other_law'],
    ['受理依申请公开信息总数', null, 'requests.new'],
    ['二、回应解读情况', 'response', null],
    ['（二）被依法纠错数', null, null],
  ] as const)('%s in %s → %s', (label, group, key) => {
    expect(keyForLabel(label, group)).toBe(key);
  });
  test('cleanLabel drops ordinals and notes', () => {
    expect(cleanLabel('其中：主要负责同志参加新闻发布会次数')).toBe('主要负责同志参加新闻发布会次数');
    expect(cleanLabel('（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）')).toBe('政府信息公开专项经费');
  });
});

/**
 * Generated reports (bench/corpus) whose statistics tables the accuracy benchmark found misread, with
 * their true cells (sidecar rows: metric, cumulative, cell, value, line). Every true cell must come out
 * exactly, on its line, and nothing else.
 */
describe('generated tables: every true cell exact', () => {
  type TrueRow = [metric: string, cumulative: boolean, cell: 'number' | 'dash' | 'blank', value: number | null, line: number];
  test.each([
    ['national_pdf_layout_2016', 'PDF layout: numbers fallen onto the line below the label and unit'],
    ['national_markdown_2016', 'Markdown pipe table (CRLF, 0 printed as —)'],
    ['fujian_header_per_line_2017', 'Fujian variant, its header one cell per line: 2017年度 and 历年累计 both read'],
    ['national_note_cut_2015', 'a label cut inside its note after "计 1"'],
    ['national_note_cut_2018', 'a label cut inside its note after "计 1 条"'],
  ])('%s: %s', (name) => {
    const truth = JSON.parse(read(`../fixtures/pre2019/${name}.truth.json`)) as { rows: TrueRow[] };
    const figures = parse(read(`../fixtures/pre2019/${name}.txt`));
    const got = figures.map((f) => [f.metric, f.cumulative, f.cell, f.value, f.source.line]);
    expect(got).toEqual(expect.arrayContaining(truth.rows.map(([m, c, cell, v, l]) => [m, Boolean(c), cell, cell === 'number' ? v : null, l])));
    expect(figures).toHaveLength(truth.rows.length);
  });

  test('spot checks: a fallen number is cited on its own line, the label as printed above it', () => {
    const text = read('../fixtures/pre2019/national_pdf_layout_2016.txt');
    const got = byKey(parse(text));
    expect(got.get('proactive.total')).toMatchObject({ value: 2, cell: 'number', unit: '条', source: { line: 12, quote: '                                             2' } });
    expect(got.get('requests.closed.on_time')).toMatchObject({ value: 2, cell: 'number', unit: '件', rowLabel: '1.按时办结数', source: { line: 45 } });
    const md = byKey(parse(read('../fixtures/pre2019/national_markdown_2016.txt')));
    expect(md.get('proactive.total')).toMatchObject({ value: 3, rowLabel: '（一）主动公开政府信息数 （不同渠道和方式公开相同信息计 1 条）', raw: '3' });
    const fj = parse(read('../fixtures/pre2019/fujian_header_per_line_2017.txt'));
    expect(fj.filter((f) => f.metric === 'proactive.total').map((f) => [f.colLabel, f.value])).toEqual([['2017年度', 12], ['历年累计', 34]]);
  });
});

describe('rows whose values are not where they should be', () => {
  test.each([
    ['label, unit; value below', ['统计指标 单位 统计数', '一、主动公开情况 ——', '（一）主动公开政府信息数 条', '      15', '其中：主动公开规范性文件数 条 2'], [['proactive.total', 15, 'number', 4], ['proactive.normative_docs', 2, 'number', 5]]],
    ['label alone; value below', ['统计指标 单位 统计数', '三、依申请公开情况 ——', '（一）收到申请数', '   7', '1.当面申请数 件 3'], [['requests.new', 7, 'number', 4], ['requests.new.in_person', 3, 'number', 5]]],
    ['a blank row stays blank: the next line is a label, not its value', ['统计指标 单位 统计数', '三、依申请公开情况 ——', '（一）收到申请数 件', '1.当面申请数 件 3'], [['requests.new', null, 'blank', 3], ['requests.new.in_person', 3, 'number', 4]]],
    ['Markdown rows, the rule row skipped', ['| 统计指标 | 单位 | 统计数 |', '| --- | :---: | ---: |', '| 三、依申请公开情况 | —— |  |', '| （一）收到申请数 | 件 | 9 |', '| 1.当面申请数 | 件 | — |'], [['requests.new', 9, 'number', 4], ['requests.new.in_person', null, 'dash', 5]]],
  ] as const)('%s', (_, lines, want) => {
    const got = parse(lines.join('\n')).map((f) => [f.metric, f.value, f.cell, f.source.line]);
    expect(got).toEqual(want);
  });

  test('more numbers than columns (a header not found): no figure, a warning naming the row', () => {
    const out = parsePre2019Table(buildDocument(splitLines(['政府信息公开情况统计表', '主动公开文件数 条 12 34', '受理依申请公开信息总数 件 0 5'].join('\n'))));
    expect(out.figures).toEqual([]);
    expect(out.warnings.map((w) => [w.code, w.metric, w.line])).toEqual([
      ['pre2019.extra_values', 'proactive.total', 2],
      ['pre2019.extra_values', 'requests.new', 3],
    ]);
  });

  test('a row whose values fell onto the next line, more of them than columns: a warning, never "blank"', () => {
    const out = parsePre2019Table(buildDocument(splitLines(['政府信息公开情况统计表', '受理依申请公开信息总数 件', '9 31', '行政复议数 件 0'].join('\n'))));
    expect(out.figures.map((f) => [f.metric, f.value, f.cell])).toEqual([['review.total', 0, 'number']]);
    expect(out.warnings.map((w) => [w.code, w.metric, w.line])).toEqual([['pre2019.extra_values', 'requests.new', 3]]);
  });

  test('a page break inside a header printed one cell per line ("2014年度" / "2 / 5" / "历年累计") keeps both columns', () => {
    const text = ['指标名称', '计量单位', '2014年度', '', '2 / 5', '', '历年累计', '主动公开文件数 条 36 170', '其中：政府网站公开数 条 30 150', '政府公报公开数 条 6 20'].join('\n');
    const got = parse(text).map((f) => [f.metric, f.cumulative, f.value]);
    expect(got).toEqual([
      ['proactive.total', false, 36], ['proactive.total', true, 170],
      ['proactive.website', false, 30], ['proactive.website', true, 150],
      ['proactive.gazette', false, 6], ['proactive.gazette', true, 20],
    ]);
  });

  test('a label cut inside its note that no line completes: no figure, a warning', () => {
    const out = parsePre2019Table(buildDocument(splitLines(['统计指标 单位 统计数', '一、主动公开情况 ——', '（一）主动公开政府信息数（不同渠道 条 5', '其中：主动公开规范性文件数 条 3'].join('\n'))));
    expect(out.figures.map((f) => [f.metric, f.value])).toEqual([['proactive.normative_docs', 3]]);
    expect(out.warnings.map((w) => [w.code, w.line])).toEqual([['pre2019.unreadable_row', 3]]);
  });
});
