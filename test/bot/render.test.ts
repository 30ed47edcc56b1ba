import { describe, expect, test } from 'vitest';
import { AnswerSchema, type Answer } from '../../src/query/answer.ts';
import { answerBlocks, answerLines } from '../../src/query/render/lines.ts';
import { CHOOSE_BY_NUMBER, renderAnswer, renderMessages, splitMessage, TRUNCATED_NOTICE, utf8Bytes } from '../../src/bot/render.ts';
import { LUCHENG_QUOTE, luchengReview } from './fakes.ts';

const cite = `来源：《温州市鹿城区人民政府2020年政府信息公开工作年度报告》四、政府信息公开行政复议、行政诉讼情况，第565行：“${LUCHENG_QUOTE.trim()}”`;
const answer = (text: string, extra: Partial<Answer> = {}): Answer =>
  AnswerSchema.parse({ question: 'q', status: 'answered', text, results: [], warnings: [], suggestions: [], ...extra });

describe('the structure of an Answer text', () => {
  const ranking = [
    '2020年行政复议总计最多的是温州市鹿城区人民政府（23 件）（未指定年份，按最新的2020年报告）：',
    '1. 温州市鹿城区人民政府 23 件',
    `   ${cite}`,
    '2. 温州市政务服务中心 4 件',
    '   来源：《温州市政务服务中心2020年度政府信息公开工作年度报告》四、…，第82行：“0 0 0 4 4”',
    '注意：报告正文称本年新收申请14件（第19行），表格为7件（第59行）。',
  ].join('\n');

  test('every line kept, labelled', () => {
    const lines = answerLines(ranking);
    expect(lines.map((l) => l.text).join('\n')).toBe(ranking);
    expect(lines.map((l) => l.kind)).toEqual(['headline', 'item', 'source', 'item', 'source', 'warning']);
    expect(answerLines('甲：3 件。\n计算：直接起诉总计 13 + 复议后起诉总计 5 = 18\n来源：x\n（未指定年份，按最新的2020年报告）\n甲比乙多 201 件。').map((l) => l.kind))
      .toEqual(['headline', 'formula', 'source', 'note', 'text']);
  });

  test('blocks: a line with its formula and sources; items without sources and notes grouped', () => {
    expect(answerBlocks(ranking).map((b) => b.map((l) => l.kind))).toEqual([['headline'], ['item', 'source'], ['item', 'source'], ['warning']]);
    expect(answerBlocks('请问是哪一个？\n1. 甲\n2. 乙').map((b) => b.length)).toEqual([1, 2]);
  });
});

describe('rendering an Answer for each chat: its text, in the platform markup', () => {
  test.each([
    ['plain', `温州市鹿城区人民政府2020年行政复议总计：23 件。\n${cite}`],
    ['html', `温州市鹿城区人民政府2020年行政复议总计：<b>23 件。</b>\n<blockquote>${cite}</blockquote>`],
    ['slack', `温州市鹿城区人民政府2020年行政复议总计：*23 件。*\n> ${cite}`],
    ['markdown', `温州市鹿城区人民政府2020年行政复议总计：**23 件。**\n> ${cite}`],
  ] as const)('%s', (style, expected) => {
    expect(renderAnswer(luchengReview(), style)).toBe(expected);
  });

  test('the text is shown, not rebuilt from results: no internal key, the notes and verdicts kept', () => {
    const a = answer('没有，0 件。甲2020年本年新收政府信息公开申请数量（自然人）：0 件（报告填写“—”）。\n（未指定年份，按最新的2020年报告）', {
      results: [{ agency: '甲', year: 2020, metric: 'requests.new', label: '本年新收政府信息公开申请数量（自然人）', value: null, unit: '件', approximate: false, applicant: 'natural', source: null, cell: 'dash' }],
    });
    const plain = renderAnswer(a, 'plain');
    expect(plain).toBe(a.text);
    expect(plain).not.toMatch(/natural|requests\.new/);
  });

  test('markdown: a ranking’s numbers are escaped (no renumbering), a quote is ended by a blank line', () => {
    const md = renderAnswer(answer('最多的是甲：\n1. 甲 3 件\n   来源：x\n1. 乙 3 件\n   来源：y\n（按最新的2020年报告）'), 'markdown');
    expect(md).toBe('最多的是甲：\n\n1\\. 甲 3 件\n> 来源：x\n\n1\\. 乙 3 件\n> 来源：y\n\n（按最新的2020年报告）');
  });

  test('html escapes the report text; markup stays balanced', () => {
    expect(renderAnswer(answer('甲：3 件。\n来源：《a<b>》第1行：“x & y”'), 'html')).toBe('甲：<b>3 件。</b>\n<blockquote>来源：《a&lt;b&gt;》第1行：“x &amp; y”</blockquote>');
  });

  test('clarify in a text chat: the engine’s own numbered list is not repeated, nor are suggestions it shows', () => {
    const a = AnswerSchema.parse({
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
    expect(renderAnswer(a, 'plain')).toBe(`请问您问的是哪个单位？\n1. 温州市统计局\n2. 温州市商务局\n${CHOOSE_BY_NUMBER}`);
    // Telegram shows buttons instead.
    expect(renderAnswer(a, 'html')).toBe('请问您问的是哪个单位？\n1. 温州市统计局\n2. 温州市商务局');
  });

  test('warnings the text already says are not repeated; others are added', () => {
    const w = '报告正文称本年新收申请14件（第19行），表格为7件（第59行）';
    expect(renderAnswer(answer(`甲：7 件。\n注意：${w}。`, { warnings: [w] }), 'plain')).toBe(`甲：7 件。\n注意：${w}。`);
    expect(renderAnswer(answer('甲：7 件。', { warnings: [`${w}。`] }), 'plain')).toBe(`甲：7 件。\n注意：${w}。`);
  });
});

describe('length limits: between blocks, never inside markup or a number', () => {
  const quote = (d: string) => `${d} `.repeat(200).trim();
  const text = `甲2020年行政复议：23 件。\n来源：《甲》第1行：“${quote('1')}”\n乙2020年行政复议：7 件。\n来源：《乙》第2行：“${quote('4')}”`;

  test('everything fits: one message, the text itself', () => {
    expect(renderMessages(answer(text), { style: 'plain', limit: 5000 })).toEqual([text]);
  });

  test('several messages (Telegram): split between blocks', () => {
    const [a, b] = text.split('\n乙');
    expect(renderMessages(answer(text), { style: 'plain', limit: 600, multi: true })).toEqual([a, `乙${b}`]);
  });

  test('one message (WeCom bytes): whole blocks, then the notice', () => {
    const first = text.split('\n乙')[0]!;
    const limit = utf8Bytes(`${first}\n${TRUNCATED_NOTICE}`);
    const out = renderMessages(answer(text), { style: 'plain', limit, measure: utf8Bytes });
    expect(out).toEqual([`${first}\n${TRUNCATED_NOTICE}`]);
  });

  test('a quote longer than a message is shortened around its figure, inside its blockquote', () => {
    const long = answer(`甲2020年行政复议：23 件。\n来源：《甲》第1行：“${'左'.repeat(3000)} 行政复议 23 件 ${'右'.repeat(3000)}”`);
    const [msg, ...rest] = renderMessages(long, { style: 'html', limit: 400, multi: true });
    expect(rest).toEqual([]);
    expect(msg!.length).toBeLessThanOrEqual(400);
    expect(msg).toMatch(/^甲2020年行政复议：<b>23 件。<\/b>\n<blockquote>来源：《甲》第1行：“…左+ 行政复议 23 件 右+…”<\/blockquote>$/);
  });

  test('a figure line that cannot fit is never cut inside its number', () => {
    const a = answer(`${'甲'.repeat(50)}：123456 件。`);
    const [msg] = renderMessages(a, { style: 'plain', limit: 54, multi: true });
    expect(msg).toBe(`${'甲'.repeat(50)}：…`);
  });

  test.each([
    [['a'.repeat(10), 'b'.repeat(10)], 25, ['a'.repeat(10) + '\n\n' + 'b'.repeat(10)]],
    [['a'.repeat(10), 'b'.repeat(10)], 15, ['a'.repeat(10), 'b'.repeat(10)]],
    [['x'.repeat(12)], 5, ['xxxxx', 'xxxxx', 'xx']],
    [['l1\nl2', 'l3'], 4, ['l1', 'l2', 'l3']],
  ])('splitMessage(%o, %i) for plain listings', (blocks, limit, expected) => {
    expect(splitMessage(blocks, limit)).toEqual(expected);
  });
});
