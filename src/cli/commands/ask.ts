/**
 * `gongkai ask [--db FILE] [--json] [QUESTION]`: answer one question, or (without one) every line of
 * standard input, one output line per input line, in order — blank lines included — so batch answers
 * can be matched to questions by position.
 */
import type { Readable, Writable } from 'node:stream';
import iconv from 'iconv-lite';
import type { Command } from 'commander';
import { createAsker, type Answer, type AskFn } from '../../query/index.ts';
import { nextTurn, turnOptions, type Turn } from '../../query/turn.ts';
import { openIndexOrFail } from '../errors.ts';
import { dbPath, DEFAULT_DB } from './ingest.ts';

interface AskFlags {
  db?: string;
  json?: boolean;
}

// Every character some reader treats as a line break (readline splits on \r and \n; Python's
// splitlines and many editors also on VT, FF, NEL, U+2028/2029): none may reach a batch output line.
const LINE_BREAKS = /\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/g;

/** One answer as one output line: the JSON object, or the text with its line breaks shown as " ｜ ". */
export function answerLine(answer: Answer, json: boolean): string {
  if (json) return JSON.stringify(answer).replace(/[\u2028\u2029\x85]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return answer.text.replace(LINE_BREAKS, ' ｜ ');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * One input line's bytes → text: UTF-8 (a BOM dropped), else GB18030 — question files saved on Chinese
 * Windows are often GBK, and a misread question would be answered as some other question.
 */
export function decodeLine(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Input bytes → lines, one array per chunk read: split on LF, CRLF or a lone CR (as readline does), a
 * CR+LF split across chunks counted once, the last line kept without its newline. Splitting bytes is
 * safe in UTF-8 and GB18030: neither uses 0x0A or 0x0D inside a character.
 */
export async function* lineBatches(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<string[]> {
  let pending: Buffer[] = [];
  let afterCR = false;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const lines: string[] = [];
    let start = 0;
    for (let i = 0; i < buf.length; i++) {
      const b = buf[i];
      if (b === LF && afterCR && i === start) {
        afterCR = false;
        start = i + 1;
        continue;
      }
      afterCR = false;
      if (b !== LF && b !== CR) continue;
      pending.push(buf.subarray(start, i));
      lines.push(decodeLine(Buffer.concat(pending)));
      pending = [];
      afterCR = b === CR;
      start = i + 1;
    }
    if (start < buf.length) pending.push(buf.subarray(start));
    if (lines.length > 0) yield lines;
  }
  if (pending.length > 0) yield [decodeLine(Buffer.concat(pending))];
}

/**
 * The batch contract: exactly one output line per input line, in order — blank lines, lines of spaces,
 * CRLF input and a last line without a newline included. The answers to one chunk of input are written
 * together, as soon as it is read: a big file goes out in large blocks, and a person typing (or a
 * program feeding one question at a time and waiting) gets each answer at once.
 */
export async function answerStream(ask: AskFn, json: boolean, input: Readable, output: Writable): Promise<number> {
  let count = 0;
  // The lines are one conversation, as in a chat: "那2019年呢？" continues the question before it.
  let turn: Turn = {};
  const answerInTurn = (line: string) => {
    const answer = ask(line, turnOptions(turn));
    turn = nextTurn(answer, turn);
    return answer;
  };
  for await (const lines of lineBatches(input)) {
    output.write(lines.map((line) => answerLine(answerInTurn(line), json)).join('\n') + '\n');
    count += lines.length;
  }
  return count;
}

export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('回答关于年度报告数字的问题（不带问题时逐行读取标准输入）/ answer questions (stdin: one per line)')
    .argument('[question...]', '问题 / the question, e.g. 鹿城区2020年行政复议多少件')
    .option('--db <file>', `索引文件 / index file (default: $GONGKAI_DB or ${DEFAULT_DB})`)
    .option('--json', '输出 Answer JSON（批量时每行一个对象）/ print the Answer as JSON (batch: one object per line)')
    .addHelpText(
      'after',
      `
Examples:
  gongkai ask 鹿城区2020年行政复议多少件
  gongkai ask 统计局2020年收到多少申请 --json | jq '.results[0].value'
  gongkai ask 有哪些单位                        # 索引里的机关 / which agencies are indexed
  gongkai ask 能问什么                          # 可以问的问题 / what can be asked
  gongkai ask < questions.txt > answers.txt     # 批量：第 n 行答案对应第 n 行问题
  gongkai ask --json < questions.txt            # 批量 JSON：每行一个 Answer 对象

一个问题：按原样输出答案和来源（可能多行）。批量（标准输入）：每个输入行恰好输出一行，
空行也一样（答案里的换行显示为 " ｜ "），顺序不变；各行是一次对话，“那2019年呢？”接着上一问。
One question: the answer and its source as printed (possibly several lines). Batch (stdin): exactly
one output line per input line, blank lines included, in order; the lines are one conversation
("那2019年呢？" continues the question before it).`,
    )
    .action(async (words: string[], flags: AskFlags) => {
      const db = openIndexOrFail(dbPath(flags.db));
      try {
        const ask = createAsker(db);
        const json = flags.json ?? false;
        if (words.length > 0) {
          const answer = ask(words.join(' '));
          process.stdout.write((json ? answerLine(answer, true) : answer.text) + '\n');
          return;
        }
        if (process.stdin.isTTY) {
          process.stderr.write('逐行输入问题，回车得到答案；Ctrl-D 结束。/ Type a question per line; Ctrl-D to end.\n');
        }
        await answerStream(ask, json, process.stdin, process.stdout);
      } finally {
        db.close();
      }
    });
}
