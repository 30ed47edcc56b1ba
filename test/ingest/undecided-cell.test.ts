/**
 * The one "undecided cell" of fused.ts: a cell the row did not print (no row sum recovers it) and a cell
 * the readings of a row disagree on are the same kind of value, built by undecidedCell.
 */
import { describe, expect, test } from 'vitest';
import { scanRegion } from '../../src/ingest/tables/cells.ts';
import { readRow, settle, undecidedCell, type Cell, type Reading } from '../../src/ingest/tables/fused.ts';
import { docOf } from './tables-helpers.ts';

const num = (value: number, line: number): Cell => ({ kind: 'number', value, raw: String(value), line, computed: false, unit: null });
const MISSING = (line: number): Cell => ({ kind: 'undecided', value: null, raw: '', line, computed: true, unit: null });

describe('undecidedCell', () => {
  test.each<[string, number, boolean, Cell]>([
    ['', 3, true, { kind: 'undecided', value: null, raw: '', line: 3, computed: true, unit: null }],
    ['1986001', 7, false, { kind: 'undecided', value: null, raw: '1986001', line: 7, computed: false, unit: null }],
  ])('(%j, %i, %s)', (raw, line, computed, cell) => {
    expect(undecidedCell(raw, line, computed)).toEqual(cell);
    // Same keys in the same order as every other cell: the parse output is serialized as it is.
    expect(Object.keys(undecidedCell(raw, line, computed))).toEqual(Object.keys(num(1, 0)));
  });

  test('a row one number short with no row sum: the missing cell is undecided wherever it may be', () => {
    const tokens = scanRegion(docOf('表头\n某行 5 7'), 1, 2).tokens;
    const r = readRow(tokens, 3, []);
    expect(r.exact).toBe(false);
    expect(r.readings.map((x) => x.cells)).toEqual([
      [MISSING(1), num(5, 1), num(7, 1)],
      [num(5, 1), MISSING(1), num(7, 1)],
      [num(5, 1), num(7, 1), MISSING(1)],
    ]);
    // The readings disagree on every cell: each is undecided, cited by the row's printed text.
    expect(settle(r.readings, '5 7', 1)).toEqual([0, 1, 2].map(() => undecidedCell('5 7', 1, false)));
  });

  test('settle keeps the cells the readings agree on and leaves the others undecided', () => {
    const readings: Reading[] = [{ cells: [num(4, 2), num(1, 2), num(5, 2)] }, { cells: [num(4, 2), num(11, 2), num(15, 2)] }];
    expect(settle(readings, '4115', 2)).toEqual([num(4, 2), undecidedCell('4115', 2, false), undecidedCell('4115', 2, false)]);
  });
});
