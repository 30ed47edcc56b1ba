import { describe, expect, test } from 'vitest';
import { layoutPdfPages, type PdfRun } from '../../src/ingest/text/pdf-layout.ts';

/** A run of 10-point text: CJK characters one em wide, ASCII half an em. */
function run(str: string, x: number, y: number, extra: Partial<PdfRun> = {}): PdfRun {
  const width = [...str].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 10 : 5), 0);
  return { str, x, y, width, size: 10, upright: true, ...extra };
}

describe('PDF text runs → pdftotext -layout lines', () => {
  test('one line per baseline, top to bottom; runs of one word joined, table cells spaced by their x', () => {
    const { lines, page } = layoutPdfPages([
      {
        number: 1,
        runs: [
          // Given out of order, as content streams often are.
          run('48', 200, 700),
          run('行政许可', 50, 700),
          run('202', 50, 720),
          run('4', 65, 720),
          run('年', 70, 720),
          run('0', 150, 700.8),
        ],
      },
      { number: 2, runs: [run('（七）总计', 50, 700)] },
    ]);
    // Half-em grid from the left edge: 0 at (150 − 50) / 5 = column 20, 48 at column 30.
    expect(lines).toEqual(['2024年', `行政许可${' '.repeat(12)}0${' '.repeat(9)}48`, '（七）总计']);
    expect(page).toEqual([1, 1, 2]);
  });

  test('a wide vertical gap leaves a blank line; fake bold (text drawn twice) is printed once; rotated runs are left out', () => {
    const { lines } = layoutPdfPages([
      {
        number: 1,
        runs: [
          run('主动公开', 50, 700),
          run('主动公开', 50.4, 700),
          run('第二十条', 50, 640),
          run('内部资料', 300, 400, { upright: false }),
        ],
      },
    ]);
    expect(lines).toEqual(['主动公开', '', '第二十条']);
  });

  test('values centred beside a label that wraps come after both halves of the label, as pdftotext prints them', () => {
    const { lines } = layoutPdfPages([
      {
        number: 1,
        runs: [
          run('3.要求提供公开出', 100, 700),
          run('0', 250, 694),
          run('（五）不', 40, 688),
          run('版物', 100, 688),
          run('2.重复申请', 100, 720),
          run('0', 250, 720),
        ],
      },
    ]);
    expect(lines.map((l) => l.trim().replace(/ +/gu, ' '))).toEqual(['2.重复申请 0', '3.要求提供公开出', '版物', '0', '（五）不']);
  });

  test('a page without text gives no line', () => {
    expect(layoutPdfPages([{ number: 1, runs: [] }])).toEqual({ lines: [], page: [] });
  });
});
