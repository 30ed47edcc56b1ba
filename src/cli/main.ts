/**
 * The `gongkai` command line. Each subcommand lives in its own file under commands/ and registers
 * itself on the program; this file only wires them and turns uncaught errors into one clear line.
 */
import { Command } from 'commander';
import { registerIngest } from './commands/ingest.ts';
import { registerReports } from './commands/reports.ts';
import { registerCheck } from './commands/check.ts';
import { registerAsk } from './commands/ask.ts';
import { registerServe } from './commands/serve.ts';

const program = new Command()
  .name('gongkai')
  .description('政府信息公开工作年度报告 → 可引用来源的数据问答\nAnswers questions about government information-disclosure annual reports, every figure with its source line.')
  .showHelpAfterError('(运行 gongkai --help 查看用法 / run gongkai --help for usage)');

registerIngest(program);
registerReports(program);
registerCheck(program);
registerAsk(program);
registerServe(program);

program.addHelpText(
  'after',
  `
Examples:
  gongkai ingest                       # index data/reports into data/gongkai.db
  gongkai ask 鹿城区2020年行政复议多少件
  gongkai check data/reports/002_ebc6c56e4ff49493.txt
  gongkai serve                        # HTTP API on 127.0.0.1:3000 (+ bots when tokens are set)`,
);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`gongkai: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
