/**
 * `gongkai ask [--db FILE] [--json] [QUESTION]`: answer one question, or (without one) every line of
 * standard input, one output line per input line, in order — blank lines included — so batch answers
 * can be matched to questions by position.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createAsker, type Answer, type AskFn } from '../../query/index.ts';
import { openIndex } from '../../store/open.ts';

const DEFAULT_DB = 'data/gongkai.db';

interface AskFlags {
  db?: string;
  json?: boolean;
}

/** One answer as one output line: the JSON object, or the text with its line breaks shown as " ｜ ". */
export function answerLine(answer: Answer, json: boolean): string {
  return json ? JSON.stringify(answer) : answer.text.replace(/\r?\n/g, ' ｜ ');
}

async function answerStdin(ask: AskFn, json: boolean): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length > 0) process.stdout.write(buffer.join('\n') + '\n');
    buffer = [];
  };
  for await (const line of rl) {
    buffer.push(answerLine(ask(line), json));
    if (buffer.length >= 256) flush();
  }
  flush();
}

export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('回答关于年度报告数字的问题（不带问题时逐行读取标准输入）/ answer questions (stdin: one per line)')
    .argument('[question...]', '问题，例如：鹿城区2020年行政复议多少件')
    .option('--db <file>', '索引文件 (默认 $GONGKAI_DB 或 data/gongkai.db)')
    .option('--json', '输出 JSON（批量时每行一个对象）')
    .action(async (words: string[], flags: AskFlags) => {
      const path = flags.db ?? (process.env.GONGKAI_DB?.trim() || DEFAULT_DB);
      if (!existsSync(path)) {
        process.stderr.write(`gongkai: 索引文件不存在：${path}。请先运行 gongkai ingest 建立索引（或用 --db 指定）。\n`);
        process.exitCode = 1;
        return;
      }
      const db = openIndex(path);
      try {
        const ask = createAsker(db);
        const json = flags.json ?? false;
        if (words.length > 0) process.stdout.write(answerLine(ask(words.join(' ')), json) + '\n');
        else await answerStdin(ask, json);
      } finally {
        db.close();
      }
    });
}
