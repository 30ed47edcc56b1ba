/**
 * Fused digit runs and rows one number short (report-format.md §G). Fixtures squeeze the whitespace
 * out of seed 002's real table 三 and 四 (test/fixtures/tables/).
 */
import { describe, test, expect } from 'vitest';
import { scanRegion } from '../../src/ingest/tables/cells.ts';
import { readRow, describeReading } from '../../src/ingest/tables/fused.ts';
import { detectFormat } from '../../src/ingest/tables/format.ts';
import { parseTables } from '../../src/ingest/tables/tables.ts';
import { parseTable4 } from '../../src/ingest/tables/table4.ts';
import { parseTable3 } from '../../src/ingest/tables/table3.ts';
import { checkReport } from '../../src/ingest/checks/checks.ts';
import { docOf, loadDoc, indexFigures, SEED } from './tables-helpers.ts';

const ROW_SUM = [{ parts: [0, 1, 2, 3, 4, 5], total: 6 }];
const T4_SUMS = [0, 1, 2].map((g) => ({ parts: [g * 5, g * 5 + 1, g * 5 + 2, g * 5 + 3], total: g * 5 + 4 }));
const tokensOf = (line: string) => scanRegion(docOf(line), 0, 1).tokens;
/** Table 二 reads signs ("+10", "-185"); elsewhere "-" is a dash. */
const signedTokensOf = (line: string) => scanRegion(docOf(line), 0, 1, () => true, true).tokens;
const readings = (line: string, n = 7, sums = ROW_SUM) => readRow(tokensOf(line), n, sums).readings.map(describeReading);

describe('scanning cells', () => {
  test.each([
    ['一、本年新收政府信息公开申请数量19860013208', ['19860013208']],
    ['1.本机关不掌握相关政府信息7730003832.没有现成信息', ['773000383']], // "2." is the next label's ordinal
    ['1. 属于国家秘密\t—\t—', ['—', '—']],
    ['行政许可 1182 减 253 105115', ['1182', '减 253', '105115']],
    ['其他对外管理服务事项\t7\t+10\t0', ['7', '+10', '0']],
    ['政府集中采购 415 件 12454593 元', ['415 件', '12454593 元']],
    ['政府集中采购→20→394432.52元'.replace(/→/g, '\t'), ['20', '394432.52元']],
    ['行政处罚 -185 -', ['-185', '-']],
  ])('%s → %j', (line, raws) => {
    expect(signedTokensOf(line).map((t) => t.raw)).toEqual(raws);
  });
  test.each([
    ['一、本年新收政府信息公开申请数量72///110', ['72', '/', '/', '/', '110']],
    ['二、上年结转政府信息公开申请数量///////', ['/', '/', '/', '/', '/', '/', '/']],
    ['予以公开 -185 —', ['-', '185', '—']],
  ])('table 三 %s → %j (dashes fused between values are cells)', (line, raws) => {
    expect(tokensOf(line).map((t) => t.raw)).toEqual(raws);
  });
  test.each([
    ['增 3418', 3418],
    ['减 253', -253],
    ['+10', 10],
    ['-185', -185],
    ['24252.311082', 24252.311082],
  ])('%s = %d', (raw, value) => expect(signedTokensOf(`行政处罚 ${raw}`)[0].value).toBe(value));
  test('a dash alone is a dash, not a number', () => {
    expect(signedTokensOf('规章 - — / －').map((t) => t.kind)).toEqual(['dash', 'dash', 'dash', 'dash']);
  });
  test('"本年增/减" is label text', () => expect(signedTokensOf('信息内容 上一年项目数量 本年增/减 处理决定数量')).toEqual([]));
  test('fused dashes decode with the row sum: 72///110 → 7 2 — — — 1 10', () => {
    expect(readings('一、本年新收政府信息公开申请数量72///110')).toEqual(['7·2·/·/·/·1·10']);
  });
});

describe('readRow: one row and its own identity', () => {
  test('the row sum alone decodes 19860013208 uniquely', () => {
    expect(readings('一、本年新收政府信息公开申请数量19860013208')).toEqual(['198·6·0·0·1·3·208']);
  });
  test.each([
    ['123000015', ['12·3·0·0·0·0·15']],
    ['8220010 85', ['82·2·0·0·1·0·85']],
    ['0000000', ['0·0·0·0·0·0·0']],
  ])('%s → %j', (digits, want) => expect(readings(`予以公开 ${digits}`)).toEqual(want));
  test('7730003832.没有… — the row sum leaves two readings (only the column identities can choose)', () => {
    expect(new Set(readings('1.本机关不掌握相关政府信息7730003832.没有现成信息'))).toEqual(new Set(['7·73·0·0·0·3·83', '77·3·0·0·0·3·83']));
  });
  test('one number missing: every position is tried, the row sum fixes the value', () => {
    expect(new Set(readings('予以公开 1 0 0 0 0 1'))).toEqual(new Set(['0·1·0·0·0·0·1', '1·0·0·0·0·0·1', '1·0·0·0·0·1·2']));
  });
  test('"0 0 0 0 0 0": all readings agree, one cell marked computed', () => {
    const r = readRow(tokensOf('止公开 0 0 0 0 0 0'), 7, ROW_SUM).readings;
    expect(r.map(describeReading)).toEqual(['0·0·0·0·0·0·0']);
    expect(r[0].cells.filter((c) => c.computed)).toHaveLength(1);
  });
  test('two numbers missing cannot be read', () => expect(readings('予以公开 1 0 0 1 2')).toEqual([]));
  test('a squeezed row is often ambiguous on its own: "12300015" has many readings', () => {
    expect(readings('予以公开 12300015').length).toBeGreaterThan(1);
  });
  test('table 四 fused into one run decodes by its three 总计s', () => {
    expect(readings('78442391121311125', 15, T4_SUMS)).toEqual(['7·8·4·4·23·9·1·1·2·13·1·1·1·2·5']);
  });
  test('table 四 run with two readings', () => {
    expect(new Set(readings('11001120000000000', 15, T4_SUMS))).toEqual(
      new Set(['1·10·0·1·12·0·0·0·0·0·0·0·0·0·0', '11·0·0·1·12·0·0·0·0·0·0·0·0·0·0']),
    );
  });
});

describe('seed 002 table 三 and 四 with all whitespace squeezed out', () => {
  const doc = loadDoc('test/fixtures/tables/002_squeezed.txt');
  const format = detectFormat(doc);
  const { figures, warnings } = parseTables(doc, format);
  const ix = indexFigures(figures);
  const seed = indexFigures(parseTables(loadDoc(SEED['002']), '2019').figures);
  test('format still 2019 from table 三 alone', () => expect(format).toBe('2019'));
  test('every cell equals the unsqueezed seed', () => {
    const t3 = figures.filter((f) => f.applicant !== null);
    expect(t3).toHaveLength(23 * 7);
    expect(t3.filter((f) => f.value !== seed.get(f.metric, f.applicant)?.value).map((f) => f.metric + '/' + f.applicant)).toEqual([]);
  });
  test('77·3 vs 7·73 is decided by the column identities', () => {
    expect(ix.row('requests.result.unavailable.not_held')).toBe('77 3 0 0 0 3 83');
  });
  test('"…禁止公开000000 3.危及…": six zeros and the next ordinal → seven zeros', () => {
    expect(ix.row('requests.result.withheld.law_prohibited')).toBe('0 0 0 0 0 0 0');
  });
  test('table 四', () => expect(ix.table4()).toBe('7 8 4 4 23 9 1 1 2 13 1 1 1 2 5'));
  test('no warnings, no identity breaks', () => {
    expect(warnings).toEqual([]);
    expect(checkReport({ doc, format, figures })).toEqual([]);
  });
});

describe('a fused row the identities cannot decide stays undecided', () => {
  // The same table without its （七）总计 row: nothing ties 不掌握's natural and commercial columns.
  const doc = loadDoc('test/fixtures/tables/002_squeezed_no_total.txt');
  const { figures, warnings } = parseTables(doc, detectFormat(doc));
  const ix = indexFigures(figures);
  test('natural and commercial undecided (value null), the certain cells and 总计 83 kept', () => {
    expect(ix.row('requests.result.unavailable.not_held')).toBe('? ? 0 0 0 3 83');
    const natural = ix.get('requests.result.unavailable.not_held', 'natural');
    expect([natural?.cell, natural?.value, natural?.raw]).toEqual(['undecided', null, '773000383']);
  });
  test('one fused.ambiguous warning naming the line and both splits', () => {
    const fused = warnings.filter((w) => w.code === 'fused.ambiguous');
    expect(fused).toHaveLength(1);
    expect(fused[0].line).toBe(19);
    expect(fused[0].metric).toBe('requests.result.unavailable.not_held');
    expect(fused[0].message).toContain('77·3·0·0·0·3·83');
    expect(fused[0].message).toContain('7·73·0·0·0·3·83');
    expect(fused[0].message).toContain('第19行');
    expect(fused[0].message).toContain('总计 83');
  });
  test('other rows are still read', () => expect(ix.row('requests.new')).toBe('198 6 0 0 1 3 208'));
});

describe('rows one number short', () => {
  const T3 = (row: string) =>
    [
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      row,
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');
  test('without column identities, a short row keeps only what every reading agrees on', () => {
    const doc = docOf(T3('一、本年新收政府信息公开申请数量 5 3 0 0 0 8\n（一）予以公开 1 0 0 0 0 0 1'));
    const { figures, warnings } = parseTables(doc, '2019');
    const ix = indexFigures(figures);
    expect(ix.row('requests.new')).toBe('? ? ? 0 0 ? ?');
    expect(warnings.map((w) => w.code)).toEqual(['cells.missing']);
    expect(warnings[0].message).toContain('第3行');
  });
  test('a blank 总计 (trailing empty tab cell) is computed from the row', () => {
    const doc = docOf(T3('一、本年新收政府信息公开申请数量\t\t3\t1\t0\t0\t0\t0\t'));
    const ix = indexFigures(parseTables(doc, '2019').figures);
    const total = ix.get('requests.new', 'total');
    expect([total?.value, total?.computed, total?.raw, total?.source.line]).toEqual([4, true, '', 3]);
  });
});

describe('undecided table 四', () => {
  const doc = docOf(
    ['四、政府信息公开行政复议、行政诉讼情况', '行政复议 行政诉讼', '11001120000000000', '五、存在的主要问题及改进情况'].join('\n'),
  );
  const { figures, warnings } = parseTables(doc, '2021');
  const ix = indexFigures(figures);
  test('the differing cells undecided, the group 总计 12 kept', () => {
    expect(ix.table4()).toBe('? ? 0 1 12 0 0 0 0 0 0 0 0 0 0');
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['fused.ambiguous', 3]]);
  });
});

describe('stray page numbers', () => {
  test('a bare page number between a row label and its values is not a cell', () => {
    const doc = docOf(
      [
        '三、收到和处理政府信息公开申请情况',
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        '一、本年新收政府信息公开申请数量',
        '5',
        '21 0 0 0 0 0 21',
        '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
        '四、政府信息公开行政复议、行政诉讼情况',
        '10 1 0 0 11 0 0 0 0 0 5 0 0 0 5',
        '6',
        '五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    const { figures, warnings } = parseTables(doc, '2021');
    const ix = indexFigures(figures);
    expect(ix.row('requests.new')).toBe('21 0 0 0 0 0 21');
    expect(ix.lineOf('requests.new', 'natural')).toBe(5);
    expect(ix.table4()).toBe('10 1 0 0 11 0 0 0 0 0 5 0 0 0 5');
    expect(warnings).toEqual([]);
  });
});

describe('rows written with dashes', () => {
  test('"— — — — — —" (six of seven): seven dashes, one of them computed', () => {
    const r = readRow(tokensOf('二、上年结转政府信息公开申请数量 — — — — — —'), 7, ROW_SUM).readings;
    expect(r.map(describeReading)).toEqual(['—·—·—·—·—·—·—']);
    expect(r[0].cells.filter((c) => c.computed)).toHaveLength(1);
  });
  test('"5 — — — — 5": the lost cell is a dash; only natural vs commercial vs 总计 remain to choose', () => {
    expect(new Set(readings('予以公开 5 — — — — 5'))).toEqual(new Set(['5·—·—·—·—·—·5', '—·5·—·—·—·—·5', '5·—·—·—·—·5·10']));
  });
});

describe('huaian_shi_2024 table 四 squeezed into one run (72 64 178 37 351 | 13 4 8 1 26 | 12 1 1 6 20)', () => {
  const doc = docOf(['四、政府信息公开行政复议、行政诉讼情况', '行政复议 行政诉讼', '72641783735113481261211620', '五、存在的主要问题及改进情况'].join('\n'));
  const { figures, warnings } = parseTables(doc, '2021');
  const ix = indexFigures(figures);
  test('the first two groups decode; the third keeps only its 总计 20', () => {
    expect(ix.table4()).toBe('72 64 178 37 351 13 4 8 1 26 ? ? ? ? 20');
  });
  test('the warning lists the readings', () => {
    expect(warnings).toHaveLength(1);
    expect(warnings[0].code).toBe('fused.ambiguous');
    expect(warnings[0].message).toContain('72·64·178·37·351·13·4·8·1·26·12·1·1·6·20');
  });
});

describe('runs too long to decode are left undecided, not guessed', () => {
  test('a 63-digit run', () => {
    const doc = docOf(['三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', `一、本年新收政府信息公开申请数量${'7'.repeat(63)}`, '四、政府信息公开行政复议'].join('\n'));
    const { figures, warnings } = parseTables(doc, '2019');
    expect(figures.filter((f) => f.metric === 'requests.new').map((f) => f.cell)).toEqual(Array(7).fill('undecided'));
    expect(warnings.map((w) => w.code)).toEqual(['fused.ambiguous']);
  });
});

describe('huaian_shi_2024 table 三 (large numbers, 2021 sub-rows) with all whitespace squeezed out', () => {
  const doc = loadDoc('test/fixtures/tables/huaian_shi_2024_squeezed.txt');
  const { figures } = parseTables(doc, detectFormat(doc));
  const layout = indexFigures(parseTables(loadDoc('test/fixtures/pdftotext/huaian_shi_2024.layout.txt'), '2021').figures);
  test('all 25 rows × 7 cells equal the -layout reading', () => {
    const t3 = figures.filter((f) => f.applicant !== null);
    expect(t3).toHaveLength(25 * 7);
    expect(t3.filter((f) => f.value !== layout.get(f.metric, f.applicant)?.value).map((f) => `${f.metric}/${f.applicant}`)).toEqual([]);
  });
  test.each([
    ['requests.new', '3001 53 0 0 61 4 3119'],
    ['requests.result.unavailable.not_held', '746 12 0 0 10 1 769'],
    ['requests.result.other_handling.other', '108 2 0 0 0 0 110'],
  ])('%s = %s', (metric, row) => expect(indexFigures(figures).row(metric)).toBe(row));
});

describe('"——" squeezed together: one cell or two, as the row\'s cell count says', () => {
  test('a run of "—" pairs is one cell per pair when one per character is too many', () => {
    expect(readings('规章——————', 3, [])).toEqual(['——·——·——']);
    expect(readings('规范性文件3——5', 3, [])).toEqual(['3·——·5']);
    // Table 三: fourteen "—" for seven cells, the 总计 a dash too.
    expect(readings('二、上年结转政府信息公开申请数量——————————————')).toEqual(['——·——·——·——·——·——·——']);
  });

  test('one "—" per cell stays so when the count fits', () => {
    expect(readings('规章———', 3, [])).toEqual(['—·—·—']);
    expect(readings('行政许可——0', 3, [])).toEqual(['—·—·0']);
  });

  test('"12——" over three cells is 12 | — | — or 1 | 2 | ——: both kept, so the row stays undecided', () => {
    expect(readings('规章12——', 3, [])).toEqual(['12·—·—', '1·2·——']);
  });

  test('row sums choose between the two readings', () => {
    // 1 + 2 = 3 holds only with the pair read as one cell.
    expect(readings('予以公开12——3', 4, [{ parts: [0, 1, 2], total: 3 }])).toEqual(['1·2·——·3']);
  });

  test('table 四 squeezed: "1——————1" then ten "——" is 1 | —— × 3 | 1 and ten dash cells, not cut to 15 tokens', () => {
    const t4 = parseTable4(docOf('1——————1————————————————————'), 0, 1);
    const shown = t4.figures.map((f) => (f.cell === 'number' ? String(f.value) : f.cell === 'dash' ? '—' : f.cell));
    expect(shown).toEqual(['1', '—', '—', '—', '1', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—']);
    expect(t4.warnings).toEqual([]);
  });

  test('dashes that were not printed together are never paired', () => {
    expect(readRow(tokensOf('规章 — — — —'), 3, []).readings).toEqual([]);
  });
});

describe('a table 三 printed with its 总计 column blank (PDF: six values per row, no cell for the blank)', () => {
  const rows = [
    '一、本年新收政府信息公开申请数量       20    7    ——    ——    ——    ——',
    '二、上年结转政府信息公开申请数量       0     0    0     0     0     0',
    '三、本年度办理结果 （一）予以公开      ——    ——   ——    ——    ——    ——',
  ];
  const t3 = (lines: string[]) => {
    const figures = parseTable3(docOf(lines.join('\n')), 0, lines.length, '2019').figures;
    return (metric: string) =>
      figures.filter((f) => f.metric === metric).map((f) => (f.cell === 'number' ? `${f.value}${f.computed ? '*' : ''}` : f.cell === 'dash' ? '—' : f.cell)).join(' ');
  };
  test('a row whose numbers decide it shows the blank 总计; rows of one repeated value get the same blank 总计', () => {
    const row = t3(rows);
    expect(row('requests.new')).toBe('20 7 — — — — 27*');
    expect(row('requests.carried_over')).toBe('0 0 0 0 0 0 0*');
    expect(row('requests.result.disclosed')).toBe('— — — — — — 0*');
  });
  test('a table of nothing but repeated-value rows reads them the same way', () => {
    const row = t3(rows.slice(1));
    expect(row('requests.carried_over')).toBe('0 0 0 0 0 0 0*');
    expect(row('requests.result.disclosed')).toBe('— — — — — — 0*');
  });
  test('a table that prints a 总计 anywhere keeps the old reading of a repeated-value row (one cell missing, place unknown)', () => {
    const row = t3(['一、本年新收政府信息公开申请数量       20    7    0    0    0    0    27', rows[1]]);
    expect(row('requests.new')).toBe('20 7 0 0 0 0 27');
    expect(row('requests.carried_over').split(' ').filter((c) => c.endsWith('*'))).toHaveLength(1);
  });
});
