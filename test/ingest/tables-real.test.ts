/**
 * Reports as pdftotext prints them (test/fixtures/pdftotext: our own sentences in the shape and with the tables and
 * figures of three real PDF reports): `-layout` keeps rows on lines; raw
 * output prints one value per line, in the order the PDF stored them — not always the table's.
 */
import { describe, test, expect } from 'vitest';
import { detectFormat } from '../../src/ingest/tables/format.ts';
import { parseTables } from '../../src/ingest/tables/tables.ts';
import { loadDoc, docOf, REAL, indexFigures } from './tables-helpers.ts';

const parse = (name: string) => {
  const doc = loadDoc(REAL(name));
  const out = parseTables(doc, detectFormat(doc));
  return { ...out, ix: indexFigures(out.figures) };
};

describe('huaian_hongze_2023 -layout', () => {
  const { ix, warnings } = parse('huaian_hongze_2023.layout');
  test.each([
    ['regulations.issued', 0, 48],
    ['normative_docs.repealed', 5, 50],
    ['normative_docs.in_force', 5, 50],
    ['licensing.decisions', 550, 59],
    ['penalty.decisions', 4119, 69],
    ['coercion.decisions', 195, 71],
    ['fees.amount', 7730.28, 79],
  ])('table 二 %s = %d @%d', (metric, value, line) => {
    expect([ix.get(metric)?.value, ix.lineOf(metric)]).toEqual([value, line]);
  });
  test.each([
    ['requests.new', '21 0 0 0 0 0 21', 96],
    ['requests.result.partial', '4 0 0 0 0 0 4', 101],
    ['requests.result.withheld.state_secret', '1 0 0 0 0 0 1', 102],
    ['requests.result.withheld.law_prohibited', '0 0 0 0 0 0 0', 108],
    ['requests.result.unavailable.not_held', '10 0 0 0 0 0 10', 116],
    ['requests.result.unavailable.needs_creation', '3 0 0 0 0 0 3', 118],
    ['requests.result.unavailable.unclear', '0 0 0 0 0 0 0', 121],
    ['requests.result.not_processed.petition', '1 0 0 0 0 0 1', 122],
    ['requests.result.not_processed.confirmation', '0 0 0 0 0 0 0', 129],
    ['requests.result.other_handling', '0 0 0 0 0 0 0', 130],
    ['requests.result.total', '21 0 0 0 0 0 21', 131],
  ])('table 三 %s = %s @%d', (metric, row, line) => {
    expect(ix.row(metric)).toBe(row);
    expect(ix.lineOf(metric, 'total')).toBe(line);
  });
  test('page number "-3-" inside table 三 is not a cell', () => expect(warnings).toEqual([]));
  test('table 四 kept as printed although it breaks its identities (the checks warn)', () => {
    expect(ix.table4()).toBe('10 1 0 0 0 0 0 0 0 0 5 0 0 0 0');
  });
});

describe('huaian_hongze_2024 -layout', () => {
  const { ix } = parse('huaian_hongze_2024.layout');
  test.each([
    ['requests.new', '95 0 0 0 0 0 95'],
    ['requests.result.disclosed', '50 0 0 0 0 0 50'],
    ['requests.result.unavailable.not_held', '31 0 0 0 0 0 31'],
    ['requests.result.total', '95 0 0 0 0 0 95'],
  ])('table 三 %s = %s', (metric, row) => expect(ix.row(metric)).toBe(row));
  test('table 二', () => {
    expect([ix.get('licensing.decisions')?.value, ix.get('penalty.decisions')?.value, ix.get('fees.amount')?.value]).toEqual([
      9487, 2776, 7545,
    ]);
  });
  test('table 四', () => expect(ix.table4()).toBe('1 1 0 0 2 1 0 0 0 1 2 0 1 0 3'));
});

describe('huaian_shi_2024 -layout (2021 （六） sub-rows, labels interleaved with values)', () => {
  const { ix, warnings } = parse('huaian_shi_2024.layout');
  test.each([
    ['requests.new', '3001 53 0 0 61 4 3119', 123],
    ['requests.result.partial', '447 7 0 0 0 0 454', 130],
    ['requests.result.withheld.inquiry', '105 0 0 0 0 0 105', 154],
    ['requests.result.unavailable.not_held', '746 12 0 0 10 1 769', 156],
    ['requests.result.unavailable.needs_creation', '11 0 0 0 0 0 11', 161],
    ['requests.result.not_processed.confirmation', '1 0 0 0 0 0 1', 176],
    ['requests.result.other_handling.no_correction', '67 3 0 0 1 0 71', 182],
    ['requests.result.other_handling.no_fee', '6 0 0 0 0 0 6', 188],
    ['requests.result.other_handling.other', '108 2 0 0 0 0 110', 192],
    ['requests.result.total', '2932 53 0 0 61 4 3050', 194],
    ['requests.carried_forward', '103 0 0 0 0 0 103', 197],
  ])('table 三 %s = %s @%d', (metric, row, line) => {
    expect(ix.row(metric)).toBe(row);
    expect(ix.lineOf(metric, 'total')).toBe(line);
  });
  test('（六） is stored as its three sub-rows only', () => expect(ix.get('requests.result.other_handling', 'total')).toBeUndefined());
  test('table 二', () => {
    expect([ix.get('regulations.in_force')?.value, ix.get('licensing.decisions')?.value, ix.get('penalty.decisions')?.value]).toEqual([
      11, 447228, 3985758,
    ]);
    expect(ix.get('fees.amount')?.value).toBe(96171.6);
  });
  test('table 四', () => expect(ix.table4()).toBe('72 64 178 37 351 13 4 8 1 26 12 1 1 6 20'));
  test('no parse warnings', () => expect(warnings).toEqual([]));
});

describe('raw pdftotext output: what is stored is right; what cannot be placed is not stored', () => {
  // The -layout twin of each file is the reference: every decided raw cell must equal it.
  test.each(['huaian_hongze_2023', 'huaian_hongze_2024', 'huaian_shi_2024'])('%s.raw agrees with %s.layout', (name) => {
    const raw = parse(`${name}.raw`).figures;
    const layout = indexFigures(parse(`${name}.layout`).figures);
    const decided = raw.filter((f) => f.cell === 'number' || f.cell === 'dash');
    const wrong = decided.filter((f) => layout.get(f.metric, f.applicant)?.value !== f.value).map((f) => `${f.metric}/${f.applicant}=${f.value}`);
    expect(wrong).toEqual([]);
    expect(decided.length).toBeGreaterThan(10);
  });
  test.each([
    ['huaian_hongze_2023', 23],
    ['huaian_hongze_2024', 23],
    ['huaian_shi_2024', 25],
  ])('%s.raw: table 三 printed column by column is rebuilt whole (%d rows), and says so', (name, rows) => {
    const { figures, warnings, ix } = parse(`${name}.raw`);
    const t3 = figures.filter((f) => f.applicant !== null);
    expect(t3).toHaveLength(rows * 7);
    expect(t3.filter((f) => f.cell !== 'number')).toEqual([]);
    expect(warnings.filter((w) => w.code === 'table.reordered')).toHaveLength(1);
    expect(ix.row('requests.new')).toBe(indexFigures(parse(`${name}.layout`).figures).row('requests.new'));
  });
  test('huaian_hongze_2023.raw: 不掌握 10 read from its column run (line 252), 新收 21 from line 115', () => {
    const { ix } = parse('huaian_hongze_2023.raw');
    expect(ix.row('requests.result.unavailable.not_held')).toBe('10 0 0 0 0 0 10');
    expect(ix.lineOf('requests.result.unavailable.not_held', 'natural')).toBe(186);
    expect(ix.lineOf('requests.result.unavailable.not_held', 'total')).toBe(252);
    expect([ix.get('requests.new', 'natural')?.value, ix.lineOf('requests.new', 'natural')]).toEqual([21, 115]);
  });
  test('huaian_hongze_2023.raw: table 二 values printed before their labels', () => {
    const { ix } = parse('huaian_hongze_2023.raw');
    expect([ix.get('licensing.decisions')?.value, ix.lineOf('licensing.decisions')]).toEqual([550, 71]);
    expect([ix.get('penalty.decisions')?.value, ix.get('coercion.decisions')?.value, ix.get('fees.amount')?.value]).toEqual([4119, 195, 7730.28]);
  });
  test('huaian_shi_2024.raw: table 四 printed out of order is left undecided, with a warning', () => {
    const { ix, warnings } = parse('huaian_shi_2024.raw');
    expect(ix.table4()).toBe(Array(15).fill('?').join(' '));
    expect(warnings.find((w) => w.code === 'table.order_uncertain')?.message).toContain('表四');
  });
});

describe('values one per line: a row or a column?', () => {
  const T3 = (values: string) =>
    docOf(
      [
        '三、收到和处理政府信息公开申请情况',
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        '一、本年新收政府信息公开申请数量',
        values,
        '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
        '四、政府信息公开行政复议、行政诉讼情况',
      ].join('\n'),
    );
  test('separated by blank lines (pdftotext raw, row by row): read, when the row sum holds', () => {
    const ix = indexFigures(parseTables(T3('3\n\n0\n\n0\n\n0\n\n0\n\n0\n\n3'), '2019').figures);
    expect(ix.row('requests.new')).toBe('3 0 0 0 0 0 3');
  });
  test('on consecutive lines (a column run of several rows): not read as this row, even if it sums', () => {
    const { figures, warnings } = parseTables(T3('3\n0\n0\n0\n0\n0\n3'), '2019');
    expect(indexFigures(figures).row('requests.new')).toBe('? ? ? ? ? ? ?');
    expect(warnings.map((w) => w.code)).toContain('table.order_uncertain');
  });
});
