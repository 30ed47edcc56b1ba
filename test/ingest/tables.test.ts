import { describe, test, expect } from 'vitest';
import { detectFormat } from '../../src/ingest/tables/format.ts';
import { parseTables } from '../../src/ingest/tables/tables.ts';
import { loadDoc, docOf, SEED, REAL, indexFigures } from './tables-helpers.ts';
import * as OpenCC from 'opencc-js';

const parseFile = (path: string) => {
  const doc = loadDoc(path);
  const format = detectFormat(doc);
  return { doc, format, ...parseTables(doc, format), ix: indexFigures(parseTables(doc, format).figures) };
};

const T3_ROWS_2019 = [
  'requests.new',
  'requests.carried_over',
  'requests.result.disclosed',
  'requests.result.partial',
  'requests.result.withheld.state_secret',
  'requests.result.withheld.law_prohibited',
  'requests.result.withheld.three_safety',
  'requests.result.withheld.third_party',
  'requests.result.withheld.internal_affairs',
  'requests.result.withheld.process_info',
  'requests.result.withheld.enforcement_file',
  'requests.result.withheld.inquiry',
  'requests.result.unavailable.not_held',
  'requests.result.unavailable.needs_creation',
  'requests.result.unavailable.unclear',
  'requests.result.not_processed.petition',
  'requests.result.not_processed.repeated',
  'requests.result.not_processed.publication',
  'requests.result.not_processed.mass_repeated',
  'requests.result.not_processed.confirmation',
  'requests.result.other_handling',
  'requests.result.total',
  'requests.carried_forward',
];

describe('detectFormat', () => {
  test.each([
    [SEED['000'], 'narrative'],
    [SEED['001'], '2019'],
    [SEED['002'], '2019'],
    [SEED['003'], '2019'],
    [SEED['004'], 'pre-2019'],
    [REAL('huaian_hongze_2023.layout'), '2021'],
    [REAL('huaian_hongze_2023.raw'), '2021'],
    [REAL('huaian_shi_2024.layout'), '2021'],
    [REAL('huaian_shi_2024.raw'), '2021'],
  ])('%s → %s', (path, format) => {
    expect(detectFormat(loadDoc(path))).toBe(format);
  });

  const T3_ONLY = (other: string) =>
    [
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1',
      '（一）予以公开 1 0 0 0 0 0 1',
      '（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0',
      '（四）无法提供 1.本机关不掌握相关政府信息 0 0 0 0 0 0 0',
      other,
      '（七）总计 1 0 0 0 0 0 1',
      '四、结转下年度继续办理 0 0 0 0 0 0 0',
    ].join('\n');
  test('table 三 alone decides by its rows: （六） with three sub-rows → 2021', () => {
    const text = T3_ONLY(
      '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n' +
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n3.其他 0 0 0 0 0 0 0',
    );
    expect(detectFormat(docOf(text))).toBe('2021');
  });
  test('table 三 alone with one （六） row → 2019', () => {
    expect(detectFormat(docOf(T3_ONLY('（六）其他处理 0 0 0 0 0 0 0')))).toBe('2019');
  });
  test('the year and the cited notice do not decide: a 2021 report with 2019 headers is 2019', () => {
    const text = '2021年政府信息公开工作年度报告\n根据国办公开办函〔2021〕30号\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t1\t3';
    expect(detectFormat(docOf(text))).toBe('2019');
  });
});

describe('seed 001 (tab-separated, dashes)', () => {
  const { ix, warnings, format } = parseFile(SEED['001']);
  test('format', () => expect(format).toBe('2019'));
  test.each([
    ['regulations.made', '0', 35],
    ['normative_docs.public_total', '0', 36],
    ['other_services.prev_items', '7', 40],
    ['other_services.change', '10', 40],
    ['penalty.prev_items', '11', 43],
    ['penalty.decisions', '39', 43],
    ['fees.prev_items', '1', 47],
    ['fees.change', '0', 47],
    ['procurement.projects', '0', 51],
    ['procurement.amount', '0', 51],
  ])('table 二 %s = %s @%d', (metric, value, line) => {
    expect([String(ix.get(metric)?.value), ix.lineOf(metric)]).toEqual([value, line]);
  });
  test('"+10" keeps its text', () => expect(ix.get('other_services.change')?.raw).toBe('+10'));
  test('the 2019 fee row has two columns only', () => expect(ix.get('fees.decisions')).toBeUndefined());
  test.each([
    ['requests.new', '7 — — — — — 7', 59],
    ['requests.carried_over', '— — — — — — —', 60],
    ['requests.result.disclosed', '3 — — — — — 3', 61],
    ['requests.result.not_processed.repeated', '— — — — — — —', 75],
    ['requests.result.not_processed.mass_repeated', '— — — — — — —', 77],
    ['requests.result.not_processed.confirmation', '— — — — — — —', 79],
    ['requests.result.total', '7 — — — — — 7', 81],
    ['requests.carried_forward', '— — — — — — —', 82],
  ])('table 三 %s = %s @%d', (metric, row, line) => {
    expect(ix.row(metric)).toBe(row);
    expect(ix.lineOf(metric, 'total')).toBe(line);
  });
  test('all 23 rows × 7 columns are read', () => {
    expect(T3_ROWS_2019.map((m) => ix.row(m)).filter((r) => r.includes('none') || r.includes('?'))).toEqual([]);
  });
  test('table 四: 15 dashes (the 16th is the border) @89', () => {
    expect(ix.table4()).toBe(Array(15).fill('—').join(' '));
    expect(ix.lineOf('review.total')).toBe(89);
  });
  test('no parse warnings', () => expect(warnings).toEqual([]));
});

describe('seed 002 (space-separated, broken labels, one character per line)', () => {
  const { ix, warnings } = parseFile(SEED['002']);
  test.each([
    ['regulations.made', '—', '-', 295],
    ['normative_docs.made', '54', '54', 297],
    ['normative_docs.public_total', '359', '359', 297],
    ['licensing.prev_items', '1182', '1182', 303],
    ['licensing.change', '-253', '减 253', 303],
    ['licensing.decisions', '105115', '105115', 303],
    ['other_services.change', '3418', '增 3418', 305],
    ['other_services.decisions', '277029', '277029', 305],
    ['penalty.prev_items', '2616', '2616', 311],
    ['penalty.change', '2548', '增 2548', 311],
    ['penalty.decisions', '11711', '11711', 311],
    ['coercion.change', '58', '增 58', 313],
    ['coercion.decisions', '2349', '2349', 313],
    ['fees.prev_items', '20', '20', 319],
    ['fees.change', '1', '增 1', 319],
    ['procurement.projects', '415', '415 件', 325],
    ['procurement.amount', '12454593', '12454593 元', 325],
  ])('table 二 %s = %s (raw "%s") @%d', (metric, value, raw, line) => {
    const f = ix.get(metric);
    expect([f?.cell === 'dash' ? '—' : String(f?.value), f?.raw, f?.source.line]).toEqual([value, raw, line]);
  });
  test('units printed with a cell win over the catalogue', () => {
    expect(ix.get('procurement.projects')?.unit).toBe('件');
    expect(ix.get('procurement.amount')?.unit).toBe('元');
  });
  test.each([
    ['requests.new', '198 6 0 0 1 3 208', 357],
    ['requests.carried_over', '12 3 0 0 0 0 15', 359],
    ['requests.result.disclosed', '82 2 0 0 1 0 85', 371],
    ['requests.result.partial', '40 2 0 0 0 0 42', 376],
    ['requests.result.withheld.law_prohibited', '0 0 0 0 0 0 0', 389],
    ['requests.result.withheld.internal_affairs', '0 0 0 0 0 0 0', 398],
    ['requests.result.withheld.process_info', '1 1 0 0 0 0 2', 400],
    ['requests.result.unavailable.not_held', '77 3 0 0 0 3 83', 415],
    ['requests.result.not_processed.repeated', '0 1 0 0 0 0 1', 435],
    ['requests.result.not_processed.confirmation', '0 0 0 0 0 0 0', 447],
    ['requests.result.total', '203 9 0 0 1 3 216', 451],
    ['requests.carried_forward', '7 0 0 0 0 0 7', 453],
  ])('table 三 %s = %s @%d (numbers on the label line or the next)', (metric, row, line) => {
    expect(ix.row(metric)).toBe(row);
    expect(ix.lineOf(metric, 'total')).toBe(line);
  });
  test('line 389 prints six numbers: all seven cells are 0, exactly one marked computed', () => {
    const cells = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'].map((a) =>
      ix.get('requests.result.withheld.law_prohibited', a),
    );
    expect(cells.map((c) => c?.value)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(cells.filter((c) => c?.computed)).toHaveLength(1);
  });
  test('table 四 @565', () => {
    expect(ix.table4()).toBe('7 8 4 4 23 9 1 1 2 13 1 1 1 2 5');
    expect(ix.lineOf('litigation.after_review.total')).toBe(565);
  });
  test('no parse warnings', () => expect(warnings).toEqual([]));
});

describe('seed 003 (tabs, a row one number short)', () => {
  const { ix, warnings } = parseFile(SEED['003']);
  test.each([
    ['procurement.projects', 20, 44],
    ['procurement.amount', 13329640, 44],
  ])('table 二 %s = %d @%d', (metric, value, line) => {
    expect([ix.get(metric)?.value, ix.lineOf(metric)]).toEqual([value, line]);
  });
  test('line 53 "1 0 0 0 0 1": the column identities decide 1 0 0 0 0 0 1', () => {
    expect(ix.row('requests.result.disclosed')).toBe('1 0 0 0 0 0 1');
    const cells = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'].map((a) =>
      ix.get('requests.result.disclosed', a),
    );
    expect(cells.filter((c) => c?.computed)).toHaveLength(1);
    expect(cells[0]?.computed).toBe(false);
    expect(cells[6]?.computed).toBe(false);
    expect(cells.every((c) => c?.source.line === 53)).toBe(true);
  });
  test.each([
    ['requests.new', '7 0 0 0 0 0 7'],
    ['requests.result.unavailable.not_held', '5 0 0 0 0 0 5'],
    ['requests.result.not_processed.petition', '1 0 0 0 0 0 1'],
    ['requests.result.total', '7 0 0 0 0 0 7'],
    ['requests.carried_forward', '0 0 0 0 0 0 0'],
  ])('table 三 %s = %s', (metric, row) => expect(ix.row(metric)).toBe(row));
  test('table 四 @82', () => {
    expect(ix.table4()).toBe('0 0 0 4 4 0 0 0 0 0 0 0 0 0 0');
    expect(ix.lineOf('review.total')).toBe(82);
  });
  test('no parse warnings', () => expect(warnings).toEqual([]));
});

describe('narrative and pre-2019 reports', () => {
  test('000 (narrative) has no table figures', () => expect(parseFile(SEED['000']).figures).toEqual([]));
});

describe('Traditional characters (doc.norm is Simplified)', () => {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  test('seed 003 in Traditional reads the same cells', () => {
    const text = toTraditional(loadDoc(SEED['003']).lines.join('\n'));
    expect(text).toContain('申請');
    const doc = docOf(text);
    const format = detectFormat(doc);
    const ix = indexFigures(parseTables(doc, format).figures);
    expect(format).toBe('2019');
    expect(ix.row('requests.new')).toBe('7 0 0 0 0 0 7');
    expect(ix.row('requests.result.unavailable.not_held')).toBe('5 0 0 0 0 0 5');
    expect(ix.table4()).toBe('0 0 0 4 4 0 0 0 0 0 0 0 0 0 0');
  });
});

describe('Markdown pipe tables, blank cells, typos', () => {
  const md = [
    '# 某某局2021年政府信息公开工作年度报告',
    '## 二、主动公开政府信息情况',
    '| 第二十条第（一）项 | | | |',
    '| --- | --- | --- | --- |',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| 规章 | 0 | 0 | 0 |',
    '| 行政规范性文件 | 3 | 1 | 12 |',
    '| 第二十条第（八）项 | | | |',
    '| 信息内容 | 本年收费金额（单位：万元） | | |',
    '| 行政事业性收费 | 24252.311082 | | |',
    '## 三、收到和处理政府信息公开申请情况',
    '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    '| 一、本年新收政府信息公开申请数量 | | 5 | 1 | 0 | 0 | 0 | 0 | 6 |',
    '| 二、上年结转政府信息公开申请数量 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | |',
    '| | 2.其他法律行政止公开 | 0 | | 0 | 0 | 0 | 0 | 0 |',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
    '| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '## 五、存在的主要问题及改进情况',
  ].join('\n');
  const doc = docOf(md);
  const format = detectFormat(doc);
  const { figures } = parseTables(doc, format);
  const ix = indexFigures(figures);
  test('format 2021 by its table 二 headers', () => expect(format).toBe('2021'));
  test('table 二 2021 columns, decimals and the 万元 header', () => {
    expect([ix.get('normative_docs.issued')?.value, ix.get('normative_docs.repealed')?.value, ix.get('normative_docs.in_force')?.value]).toEqual([3, 1, 12]);
    expect(ix.get('fees.amount')?.value).toBe(24252.311082);
    expect(ix.get('fees.amount')?.unit).toBe('万元');
  });
  test('a blank 总计 whose row is complete is computed from the row, citing it', () => {
    const total = ix.get('requests.result.disclosed', 'total');
    expect([total?.value, total?.computed, total?.source.line]).toEqual([4, true, 16]);
  });
  test('an empty cell inside a row stays blank (not 0); the typo "其他法律行政止公开" still anchors', () => {
    expect(ix.row('requests.result.withheld.law_prohibited')).toBe('0 _ 0 0 0 0 0');
  });
  test('table 四 from a pipe row', () => expect(ix.table4()).toBe('1 0 0 0 1 0 0 0 0 0 0 0 0 0 0'));
});

describe('labels printed first, values after (seed 002 table 三 rearranged)', () => {
  const seed = indexFigures(parseTables(loadDoc(SEED['002']), '2019').figures);
  test.each([
    ['002_labels_then_rows', 39, 61],
    ['002_labels_then_columns', 39, 45],
  ])('%s: all 161 cells equal the seed, one table.reordered warning', (name, first, last) => {
    const doc = loadDoc(`test/fixtures/tables/${name}.txt`);
    const { figures, warnings } = parseTables(doc, detectFormat(doc));
    const t3 = figures.filter((f) => f.applicant !== null);
    expect(t3).toHaveLength(161);
    expect(t3.filter((f) => f.value !== seed.get(f.metric, f.applicant)?.value)).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['table.reordered']);
    expect(warnings[0].message).toContain(`第${first}–${last}行`);
  });
  test('values that break the identities once rearranged are not stored', () => {
    const doc = loadDoc('test/fixtures/tables/002_labels_then_rows.txt');
    const lines = doc.lines.map((l) => (l === '198 6 0 0 1 3 208' ? '198 6 0 0 1 3 209' : l));
    const out = parseTables(docOf(lines.join('\n')), '2019');
    expect(out.figures.filter((f) => f.cell === 'number' && f.metric === 'requests.new')).toEqual([]);
    expect(out.warnings.map((w) => w.code)).not.toContain('table.reordered');
  });
});

describe('a narrative report that only cites a statistics table', () => {
  test('is narrative', () => {
    const text = '某某局2017年政府信息公开工作年度报告\n一、概述\n全年主动公开政府信息120条。\n附件：政府信息公开情况统计表';
    expect(detectFormat(docOf(text))).toBe('narrative');
  });
});

describe('rows printed with every cell empty', () => {
  test('tab rows with only empty cells are blank (not 0, not dash), cited on their line', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
      '一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2',
      '二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t\t',
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');
    const ix = indexFigures(parseTables(docOf(text), '2019').figures);
    expect(ix.row('requests.new')).toBe('2 0 0 0 0 0 2');
    expect(ix.row('requests.carried_over')).toBe('_ _ _ _ _ _ _');
    expect(ix.lineOf('requests.carried_over', 'total')).toBe(4);
  });
});

describe('more print variants', () => {
  test('thousands separators are one value, never three', () => {
    const text = [
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '规章 1 0 11',
      '第二十条第（六）项',
      '信息内容 本年处理决定数量',
      '行政处罚 3,985,758',
      '行政强制 88,283',
    ].join('\n');
    const ix = indexFigures(parseTables(docOf(text), '2021').figures);
    expect([ix.get('penalty.decisions')?.value, ix.get('penalty.decisions')?.raw, ix.get('coercion.decisions')?.value]).toEqual([
      3985758, '3,985,758', 88283,
    ]);
  });
  const T3 = (total: string) =>
    [
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
      '一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2',
      '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
      '（一）予以公开 2 0 0 0 0 0 2',
      '（六）其他处理 0 0 0 0 0 0 0',
      `${total} 2 0 0 0 0 0 2`,
      '四、结转下年度继续办理 0 0 0 0 0 0 0',
      '四、政府信息公开行政复议、行政诉讼情况',
      '数量 0 0 0 0 0 0 0 0 0 0 1 0 0 0 1',
      '五、存在的主要问题及改进情况',
    ].join('\n');
  test.each(['（七）总计', '总计', '（七） 总 计'])('the 总计 row printed as "%s"', (label) => {
    const { figures, warnings } = parseTables(docOf(T3(label)), '2019');
    const ix = indexFigures(figures);
    expect(ix.row('requests.result.total')).toBe('2 0 0 0 0 0 2');
    expect(ix.row('requests.result.other_handling')).toBe('0 0 0 0 0 0 0');
    expect(warnings).toEqual([]);
  });
  test('table 四 whose data row has a label ("数量")', () => {
    const ix = indexFigures(parseTables(docOf(T3('（七）总计')), '2019').figures);
    expect(ix.table4()).toBe('0 0 0 0 0 0 0 0 0 0 1 0 0 0 1');
  });
});

describe('a table 三 missing some of the form’s rows', () => {
  const lines = loadDoc(SEED['003']).lines.filter((l) => !/要求行政机关确认|补正后申请内容/.test(l));
  const { figures, warnings } = parseTables(docOf(lines.join('\n')), '2019');
  const ix = indexFigures(figures);
  test('the rows present are read; one warning lists the absent ones', () => {
    expect(ix.row('requests.result.total')).toBe('7 0 0 0 0 0 7');
    const missing = warnings.find((w) => w.code === 'table.row_missing');
    expect(missing?.message).toContain('“无法提供 补正后申请内容仍不明确”');
    expect(missing?.message).toContain('“不予处理 要求行政机关确认或重新出具已获取信息”');
  });
  test('without （七）= the leaves, line 53 "1 0 0 0 0 1" can no longer be decided: only the sure cells kept', () => {
    expect(ix.row('requests.result.disclosed')).toBe('? ? 0 0 0 ? ?');
    expect(warnings.map((w) => w.code).sort()).toEqual(['cells.missing', 'table.row_missing']);
  });
});
