/**
 * Ruler lines inside tables ("----------", "---  ---") are noise. The ruler pattern used to be
 * /^(\s*-{3,}\s*)+$/, which split a long dash run into groups of three in exponentially many ways
 * before rejecting it: a table line of 60 dashes and one other character took about a minute.
 */
import { describe, test, expect } from 'vitest';
import { isNoiseLine } from '../../src/ingest/tables/cells.ts';

describe('ruler lines', () => {
  test.each([
    ['---', true],
    ['  ------  ', true],
    ['---   ----\t---', true],
    ['------', true],
    ['--', false],
    ['-- ---', false],
    ['---x', false],
    ['', false],
  ] as const)('isNoiseLine(%j) = %s', (line, expected) => {
    expect(isNoiseLine(line)).toBe(expected);
  });

  // With the old pattern these two would not return within the test timeout.
  test('a long dash run followed by something else is rejected', () => {
    expect(isNoiseLine(`${'-'.repeat(200)}x`)).toBe(false);
    expect(isNoiseLine(`${'- '.repeat(200)}5`)).toBe(false);
  });
});
