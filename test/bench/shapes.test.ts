/** The generator's real-report shapes (bench/corpus/shapes.ts) keep every true cell on the line that prints it. */
import { describe, expect, test } from 'vitest';
import { createRng } from '../../bench/corpus/prng.ts';
import { crawledPage, minifyHtml, misreadName, withPageNumbers, wrapMidFigure } from '../../bench/corpus/shapes.ts';
import type { Line } from '../../bench/corpus/layouts.ts';
import type { TrueCell } from '../../bench/corpus/truth.ts';
import { isNoiseLine } from '../../src/ingest/tables/cells.ts';

const cell = (raw: string): TrueCell => ({
  metric: 'requests.new', applicant: 'total', cumulative: false, cell: 'number', value: Number(raw), actual: Number(raw), raw, line: 0, damage: [],
});
const body = (): Line[] => [
  { text: '温州市鹿城区人民政府2021年政府信息公开工作年度报告', cells: [] },
  { text: '', cells: [] },
  { text: '全年共主动公开政府信息 217 条。', cells: [], prose: [{ metric: 'proactive.total', value: 217, approximate: false }] },
  { text: '一、本年新收政府信息公开申请数量\t12\t0\t0\t0\t1\t0\t13', cells: ['12', '0', '0', '0', '1', '0', '13'].map(cell) },
];

describe('generator shapes', () => {
  test('a misread changes one place character of the name, never the organ words', () => {
    expect(misreadName(createRng(1), '温州市鹿城区卫生健康局', '鹿城区')).toBe('温州市麓城区卫生健康局');
    expect(misreadName(createRng(1), '常州市新北区卫生健康局', '新北区')).toBeNull(); // 健 has a look-alike, but is no place
  });

  test('a crawled page: the header block, then the whole body on one line holding every cell and figure', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const out = crawledPage(createRng(seed), body(), { title: 'T', publisher: 'P', year: 2021, site: 'http://www.x.gov.cn/' });
      expect(out[0].text).toBe('标题: T');
      expect(out[out.length - 2].text).toBe('==== 正文 ====');
      const last = out[out.length - 1];
      expect(last.cells.map((c) => c.raw)).toEqual(['12', '0', '0', '0', '1', '0', '13']);
      expect(last.prose?.map((p) => p.value)).toEqual([217]);
      expect(last.text.replace(/\s/gu, '')).toBe('温州市鹿城区人民政府2021年政府信息公开工作年度报告全年共主动公开政府信息217条。一、本年新收政府信息公开申请数量120001013');
    }
  });

  test('page numbers are lines the parsers know as noise, and no true line is lost', () => {
    const lines: Line[] = Array.from({ length: 120 }, (_, i) => ({ text: `第${i}句。`, cells: [] }));
    const out = withPageNumbers(createRng(3), lines);
    const inserted = out.filter((l) => !lines.includes(l) && l.text !== '');
    expect(inserted.length).toBeGreaterThanOrEqual(2);
    for (const l of inserted) expect(isNoiseLine(l.text), l.text).toBe(true);
    expect(out.filter((l) => lines.includes(l))).toEqual(lines);
  });

  test('a figure wrapped mid-number stays cited on its first line, and the two lines rejoin to the sentence', () => {
    const wrapped = Array.from({ length: 10 }, (_, s) => wrapMidFigure(createRng(s), body())).find((o) => o.length === 5)!;
    const i = wrapped.findIndex((l) => l.prose);
    expect(wrapped[i].text + wrapped[i + 1].text).toBe('全年共主动公开政府信息 217 条。');
    expect(wrapped[i].text.endsWith('2') || wrapped[i].text.endsWith('21')).toBe(true);
  });

  test('a minified page keeps its head lines and puts the body on one line with all its cells', () => {
    const html: Line[] = [
      { text: '<html>', cells: [] },
      { text: '<head><title>t</title></head>', cells: [] },
      { text: '<body>', cells: [] },
      { text: '<table>', cells: [] },
      { text: '<tr><td>a</td><td>13</td></tr>', cells: [cell('13')] },
      { text: '</table></body></html>', cells: [] },
    ];
    const out = minifyHtml(html);
    expect(out.map((l) => l.text)).toEqual(['<html>', '<head><title>t</title></head>', '<body><table><tr><td>a</td><td>13</td></tr></table></body></html>']);
    expect(out[2].cells.map((c) => c.raw)).toEqual(['13']);
  });
});
