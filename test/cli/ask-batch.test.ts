/**
 * The stdin batch contract of `gongkai ask`: exactly one output line per input line, in order — blank
 * lines, lines of spaces, CRLF (even split across chunks), a last line without newline, very long lines —
 * and no answer text may break a line. answerStream is what the command runs, on the real asker.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { answerLine, answerStream, lineBatches } from '../../src/cli/commands/ask.ts';
import { AnswerSchema, createAsker, type Answer, type AskFn } from '../../src/query/index.ts';
import { openIndex, type Db } from '../../src/store/open.ts';
import { buildGoldIndex } from '../query/seed-db.ts';

let db: Db;
let ask: AskFn;
beforeAll(() => {
  db = openIndex(buildGoldIndex());
  ask = createAsker(db);
});
afterAll(() => db.close());

async function batch(chunks: (string | Buffer)[], json = false): Promise<string[]> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const count = await answerStream(ask, json, Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), out);
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  expect(lines).toHaveLength(count);
  return lines;
}

const Q = '鹿城区2020年行政复议多少件';
const A = /^温州市鹿城区人民政府2020年行政复议总计：23 件。 ｜ 来源：/;

describe('gongkai ask batch: one line out per line in', () => {
  test.each([
    ['LF with blank and space-only lines', [`${Q}\n\n   \n\t\n${Q}\n`], [A, /请输入问题/, /请输入问题/, /请输入问题/, A]],
    ['CRLF, a CR and LF split across chunks', [`${Q}\r`, `\n\r\n  \r`, `\n${Q}\r\n`], [A, /请输入问题/, /请输入问题/, A]],
    ['a last line without newline', [`\n${Q}`], [/请输入问题/, A]],
    ['only a newline', ['\n'], [/请输入问题/]],
    ['a very long line between two questions', [`${Q}\n${'鹿城区'.repeat(50_000)}\n${'x'.repeat(1_000_000)}\n${Q}`], [A, /./, /./, A]],
  ])('%s', async (_name, chunks, expected) => {
    const lines = await batch(chunks);
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => expect(line).toMatch(expected[i]!));
  });

  test('a GB18030 (GBK) question file and a UTF-8 BOM are read as the questions they are', async () => {
    const gbk = iconv.encode(`${Q}\r\n统计局2020年收到多少申请\r\n`, 'gb18030');
    const lines = await batch([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${Q}\n`), gbk]);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(A);
    expect(lines[1]).toMatch(A);
    expect(lines[2]).toMatch(/^温州市统计局2020年本年新收政府信息公开申请数量：7 件。/);
  });

  test('no input at all: no output', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString('utf8')));
    expect(await answerStream(ask, false, Readable.from([]), out)).toBe(0);
    expect(text).toBe('');
  });

  test('--json: one valid Answer per line, the question echoed as given', async () => {
    const lines = await batch([`${Q}\r\n\r\n  \r\n统计局2020年收到多少申请`], true);
    const answers = lines.map((l) => AnswerSchema.parse(JSON.parse(l)));
    expect(answers.map((a) => a.question)).toEqual([Q, '', '  ', '统计局2020年收到多少申请']);
    expect(answers[0]!.results[0]!.value).toBe(23);
    expect(answers[3]!.results[0]!.value).toBe(7);
  });
});

describe('answerLine: nothing in an answer can break the line', () => {
  const answer = (text: string, question = 'q') => ({ ...ask('鹿城区2020年行政复议多少件'), question, text }) as Answer;
  test.each([
    ['a\nb', 'a ｜ b'],
    ['a\r\nb', 'a ｜ b'],
    ['a\rb', 'a ｜ b'],
    ['a\u2028b\u2029c', 'a ｜ b ｜ c'],
    ['a\u0085b\vc\fd', 'a ｜ b ｜ c ｜ d'],
  ])('text %j → %j', (text, expected) => {
    expect(answerLine(answer(text), false)).toBe(expected);
  });

  test('JSON escapes U+2028/2029 and NEL so line-splitting readers see one line; it parses back unchanged', () => {
    const a = answer('甲\u2028乙', '问\u2029题\u0085');
    const line = answerLine(a, true);
    expect(line).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
    expect(JSON.parse(line)).toMatchObject({ text: '甲\u2028乙', question: '问\u2029题\u0085' });
  });
});

describe('lineBatches: bytes → lines as readline splits them', () => {
  const bytes = Buffer.from('甲乙\r\n丙');
  test.each([
    ['LF, CRLF, lone CR', ['a\nb\r\nc\rd'], ['a', 'b', 'c', 'd']],
    ['CR at a chunk end, LF at the next start: one break', ['a\r', '\nb'], ['a', 'b']],
    ['CR CR: an empty line between', ['a\r\rb'], ['a', '', 'b']],
    ['a trailing newline adds no line', ['a\n'], ['a']],
    ['only newlines', ['\n\n'], ['', '']],
    ['nothing', [], []],
  ] as [string, string[], string[]][])('%s', async (_name, chunks, expected) => {
    const out: string[] = [];
    for await (const batch of lineBatches(chunks.map((c) => Buffer.from(c)))) out.push(...batch);
    expect(out).toEqual(expected);
  });

  test('a character split across chunks at every byte', async () => {
    for (let cut = 1; cut < bytes.length; cut++) {
      const out: string[] = [];
      for await (const batch of lineBatches([bytes.subarray(0, cut), bytes.subarray(cut)])) out.push(...batch);
      expect(out).toEqual(['甲乙', '丙']);
    }
  });
});

describe('answers go out as soon as their input arrives', () => {
  test('a question fed alone is answered before the next one is sent (a person typing, a coprocess)', async () => {
    const input = new PassThrough();
    const out = new PassThrough();
    const received: string[] = [];
    out.on('data', (c: Buffer) => received.push(c.toString('utf8')));
    const done = answerStream(ask, false, input, out);
    input.write(`${Q}\n`);
    await new Promise((resolve) => out.once('data', resolve));
    expect(received.join('')).toMatch(A);
    input.end('统计局2020年收到多少申请\n');
    expect(await done).toBe(2);
    expect(received.join('').split('\n')).toHaveLength(3);
  });
});
