import { describe, expect, test } from 'vitest';
import { AnswerSchema } from '../../src/query/answer.ts';
import { fitMessage, renderAnswer, splitMessage, TRUNCATED_NOTICE, utf8Bytes } from '../../src/bot/render.ts';
import { LUCHENG_QUOTE, luchengReview } from './fakes.ts';

const cite = `来源：《温州市鹿城区人民政府2020年政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况，第565行：“${LUCHENG_QUOTE.trim()}”`;

describe('rendering an Answer for each chat', () => {
  test.each([
    ['plain', `温州市鹿城区人民政府2020年行政复议总计：23件\n${cite}`],
    ['html', `温州市鹿城区人民政府2020年行政复议总计：<b>23件</b>\n<blockquote>${cite}</blockquote>`],
    ['slack', `温州市鹿城区人民政府2020年行政复议总计：*23件*\n> ${cite}`],
    ['markdown', `温州市鹿城区人民政府2020年行政复议总计：**23件**\n> ${cite}`],
  ] as const)('%s', (style, expected) => {
    expect(renderAnswer(luchengReview(), style)).toBe(expected);
  });

  test('clarify in a text chat: the engine’s own numbered list is not repeated, nor are suggestions it shows', () => {
    const answer = AnswerSchema.parse({
      question: '温州2020年行政复议多少件',
      status: 'clarify',
      text: '请问您问的是哪个单位？\n1. 温州市统计局\n2. 温州市商务局',
      results: [],
      warnings: [],
      suggestions: ['温州市统计局', '温州市商务局'],
      candidates: [
        { id: 2, name: '温州市统计局' },
        { id: 5, name: '温州市商务局' },
      ],
    });
    expect(renderAnswer(answer, 'plain')).toBe('请问您问的是哪个单位？\n1. 温州市统计局\n2. 温州市商务局\n\n回复序号即可选择。');
  });

  test('warnings follow the figure', () => {
    const answer = { ...luchengReview(), warnings: ['报告正文称本年新收申请14件（第19行），表格为7件（第59行）'] };
    expect(renderAnswer(answer, 'plain')).toMatch(/\n\n⚠ 报告正文称本年新收申请14件/);
  });

  test.each([
    [['a'.repeat(10), 'b'.repeat(10)], 25, ['a'.repeat(10) + '\n\n' + 'b'.repeat(10)]],
    [['a'.repeat(10), 'b'.repeat(10)], 15, ['a'.repeat(10), 'b'.repeat(10)]],
    [['x'.repeat(12)], 5, ['xxxxx', 'xxxxx', 'xx']],
    [['l1\nl2', 'l3'], 4, ['l1', 'l2', 'l3']],
  ])('splitMessage(%o, %i)', (blocks, limit, expected) => {
    expect(splitMessage(blocks, limit)).toEqual(expected);
  });
});

describe('fitMessage', () => {
  const quote = (d: string) => `“${`${d} `.repeat(200)}”`;
  const blocks = [`甲2020年行政复议：23件\n来源：第1行：${quote('1')}`, `乙2020年行政复议：7件\n来源：第2行：${quote('4')}`];
  test.each([
    ['everything fits', 2000, blocks.join('\n\n')],
    ['only the first block fits', utf8Bytes(blocks[0]) + utf8Bytes(`\n\n${TRUNCATED_NOTICE}`), `${blocks[0]}\n\n${TRUNCATED_NOTICE}`],
    ['the first block is cut after its figure line, the quote ends in …', utf8Bytes('甲2020年行政复议：23件\n来源：第1') + 3 + utf8Bytes(`\n\n${TRUNCATED_NOTICE}`), `甲2020年行政复议：23件\n来源：第1…\n\n${TRUNCATED_NOTICE}`],
    ['not even the figure line fits: only the notice, never half a figure', utf8Bytes('甲2020年行政复议：2') + utf8Bytes(`\n\n${TRUNCATED_NOTICE}`), TRUNCATED_NOTICE],
  ])('%s', (_n, limit, expected) => {
    const out = fitMessage(blocks, limit);
    expect(out).toBe(expected);
    if (out !== blocks.join('\n\n')) expect(utf8Bytes(out)).toBeLessThanOrEqual(Math.max(limit, utf8Bytes(TRUNCATED_NOTICE)));
  });
});
