/** Row anchors in labels broken over several lines, as PDF tables print them (values on the label's first line). */
import { describe, test, expect } from 'vitest';
import { anchorRows, type RowSpec } from '../../src/ingest/tables/anchors.ts';
import { scanRegion } from '../../src/ingest/tables/cells.ts';
import { docOf } from './tables-helpers.ts';

const SPECS: RowSpec[] = [
  { key: 'repeated', label: '重复申请', match: /(?<!反复)重复申请/ },
  { key: 'publication', label: '要求提供公开出版物', match: /出版物|公开出版/ },
  { key: 'no_correction', label: '申请人无正当理由逾期不补正', match: /逾期不补正?|无正当理由逾期/ },
];

const rowsOf = (text: string) => {
  const doc = docOf(text);
  return anchorRows(scanRegion(doc, 0, doc.lines.length), SPECS).map((r) => [r.spec.key, r.tokens.map((t) => t.raw).join(' ')]);
};

describe('anchors in broken labels', () => {
  test('a group ordinal printed inside a row label ("公开出" / "（五）" / "版物") does not hide the row', () => {
    const text = ['2.重复申请       1  0  0  0  0  0  1', '3.要求提供公开出', '（五）     2  0  0  0  0  0  2', '版物'].join('\n');
    expect(rowsOf(text)).toEqual([
      ['repeated', '1 0 0 0 0 0 1'],
      ['publication', '2 0 0 0 0 0 2'],
    ]);
  });

  test('values on the first line of a label whose key comes later go to that row, not the row above', () => {
    const text = [
      '2.重复申请       1  0  0  0  0  0  1',
      '（六）   1.申请人无正当理    3  0  0  0  0  0  3',
      '其他处   由逾期不补正、行',
      '理     政机关不再处理其',
    ].join('\n');
    expect(rowsOf(text)).toEqual([
      ['repeated', '1 0 0 0 0 0 1'],
      ['no_correction', '3 0 0 0 0 0 3'],
    ]);
  });

  test('an article cited in a header ("第二十条第（八）项") is not a row ordinal', () => {
    const text = ['2.重复申请\t1\t0\t0\t0\t0\t0\t1', '第二十条第（八）项\t\t\t', '信息内容\t本年收费金额', '3.要求提供公开出版物\t2\t0\t0\t0\t0\t0\t2'].join('\n');
    expect(rowsOf(text)).toEqual([
      ['repeated', '1 0 0 0 0 0 1'],
      ['publication', '2 0 0 0 0 0 2'],
    ]);
  });
});
