/**
 * The `gongkai` command line. Each subcommand lives in its own file under commands/ and registers
 * itself on the program; this file only wires them and turns uncaught errors into one clear line.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerIngest } from './commands/ingest.ts';
import { registerReports } from './commands/reports.ts';
import { registerCheck } from './commands/check.ts';
import { registerAsk } from './commands/ask.ts';
import { registerServe } from './commands/serve.ts';
import { registerEval } from './commands/eval.ts';
import { errorLine, fsReason } from './errors.ts';

// `gongkai reports | head` closes the pipe early: that is the reader being done, not an error. Any
// other failure to write the output (a full disk) is one line, like every other error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`gongkai: 无法写出结果：${fsReason(err)}\n`);
  process.exit(1);
});
process.stderr.on('error', () => process.exit(process.exitCode ?? 1));

/** gongkai's own package.json, found upwards: src/cli/ and the compiled dist/builds/<id>/cli/ sit at different depths. */
function packageVersion(): string {
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'gongkai' && pkg.version) return pkg.version;
    } catch {
      // no package.json at this level
    }
    if (new URL('../', dir).href === dir.href) return '0.0.0';
  }
}

const PACKAGE_VERSION = packageVersion();

const program = new Command()
  .name('gongkai')
  .description('政府信息公开工作年度报告 → 可引用来源的数据问答\nAnswers questions about government information-disclosure annual reports, every figure with its source line.')
  .version(PACKAGE_VERSION, '-V, --version', '显示版本 / print the version')
  .helpOption('-h, --help', '显示帮助 / display help')
  .helpCommand('help [command]', '显示某个命令的帮助 / display help for a command')
  .showHelpAfterError('(运行 gongkai --help 查看用法 / run gongkai --help for usage)');

registerIngest(program);
registerReports(program);
registerCheck(program);
registerAsk(program);
registerServe(program);
registerEval(program);

program.addHelpText(
  'after',
  `
Examples:
  gongkai ingest                       # 索引 data/reports → data/gongkai.db
  gongkai ask 鹿城区2020年行政复议多少件 # 回答一个问题，附来源行
  gongkai ask --json < questions.txt   # 批量：每行一个问题，每行一个答案
  gongkai reports                      # 索引里有哪些报告
  gongkai check report.txt             # 只解析一份报告，看它被读成了什么（不写索引）
  gongkai serve                        # HTTP API on 127.0.0.1:3000 (+ bots when tokens are set)

每个命令都有 --help / every command has --help, e.g. gongkai ask --help`,
);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(errorLine(err) + '\n');
  if (process.env.GONGKAI_DEBUG && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
  process.exitCode = (err as { exitCode?: number }).exitCode ?? 1;
}
