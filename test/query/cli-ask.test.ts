/** `gongkai ask`: one question, a batch on stdin (one line out per line in), JSON lines, missing index. */
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { AnswerSchema } from '../../src/query/index.ts';
import { PROJECT_ROOT } from '../helpers/gold.ts';
import { buildGoldIndex } from './seed-db.ts';

let db: string;
const run = (args: string[], input?: string) =>
  spawnSync('node', ['bin/gongkai.js', 'ask', ...args], { cwd: PROJECT_ROOT, input, encoding: 'utf8', env: { ...process.env, GONGKAI_DB: '' } });

beforeAll(() => {
  db = buildGoldIndex();
});

describe('gongkai ask', () => {
  test('batch: exactly one line per input line, in order, blank lines included', () => {
    const input = ['鹿城区2020年行政复议多少件', '', '统计局2020年收到多少申请', '今天天气怎么样', '鹿城区2020年复议和诉讼各多少'].join('\n') + '\n';
    const out = run(['--db', db], input);
    expect(out.status).toBe(0);
    const lines = out.stdout.split('\n').slice(0, -1);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^温州市鹿城区人民政府2020年行政复议总计：23 件。 ｜ 来源：/);
    expect(lines[1]).toContain('请输入问题');
    expect(lines[2]).toContain('7 件');
    expect(lines[4]).toContain('18 件');
  });

  test('--json batch: one valid Answer object per line; a single question too', () => {
    const out = run(['--db', db, '--json'], '鹿城区2020年行政诉讼多少件\n\n');
    const answers = out.stdout.trim().split('\n').map((l) => AnswerSchema.parse(JSON.parse(l)));
    expect(answers.map((a) => a.status)).toEqual(['answered', 'unsupported']);
    expect(answers[0]!.results[0]!.value).toBe(18);
    const one = execFileSync('node', ['bin/gongkai.js', 'ask', '--db', db, '--json', '商务局2018年专项经费'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(AnswerSchema.parse(JSON.parse(one)).results[0]!.value).toBe(3);
  });

  test('a missing index says how to build it', () => {
    const out = run(['--db', '/nonexistent/gongkai.db', '鹿城区']);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('gongkai ingest');
  });
});
