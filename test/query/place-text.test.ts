import { describe, expect, it } from 'vitest';
import { placeText } from '../../src/query/render/format.ts';
import { buildDocument, sourceAt } from '../../src/ingest/text/document.ts';

describe('placeText: where a source is, as people say it', () => {
  it.each([
    [{ line: 565 }, '第565行'],
    [{ line: 120, page: 3 }, '第3页第120行'],
    [{ line: 11, column: 345 }, '第11行第345字起'],
    [{ line: 11, column: 1 }, '第11行'],
    [{ line: 7, column: null, page: null }, '第7行'],
  ])('%j → %s', (s, text) => expect(placeText(s)).toBe(text));
});

describe('sourceAt carries column and page only when the document knows them', () => {
  it('whole lines: line, section, quote', () => {
    const doc = buildDocument(['一、总体情况', '全年主动公开信息 12 条']);
    expect(sourceAt(doc, 1)).toEqual({ line: 2, section: '一、总体情况', quote: '全年主动公开信息 12 条' });
  });
  it('split lines: the printed line, the column and the page', () => {
    const doc = buildDocument(['一、总体情况', '全年主动公开信息 12 条'], [1, 1], { sourceColumn: [1, 7], sourcePage: [2, 2] });
    expect(sourceAt(doc, 1)).toEqual({ line: 1, section: '一、总体情况', quote: '全年主动公开信息 12 条', column: 7, page: 2 });
  });
});
