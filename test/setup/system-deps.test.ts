import { describe, expect, test } from 'vitest';
import { ensureSystemDeps, hasProgram, missingLine, SYSTEM_DEPS } from './system-deps.ts';

describe('system packages the tests need', () => {
  test('programs are found on PATH or by absolute path, and not found when absent', () => {
    expect(hasProgram('sh')).toBe(true);
    expect(hasProgram('/bin/sh')).toBe(true);
    expect(hasProgram('sh', '/nonexistent-dir')).toBe(false);
    expect(hasProgram('gongkai-no-such-program-xyz')).toBe(false);
  });

  test('redis-server and chromium are on the list, each with its Debian package', () => {
    expect(SYSTEM_DEPS.map((d) => [d.program, d.debianPackage])).toEqual([
      ['redis-server', 'redis-server'],
      ['/usr/bin/chromium', 'chromium'],
    ]);
  });

  test('the stop line names each package once and the command to install them', () => {
    const line = missingLine(
      [
        { program: 'redis-server', debianPackage: 'redis-server', neededBy: 'redis 测试' },
        { program: 'redis-cli', debianPackage: 'redis-server', neededBy: 'redis 测试' },
      ],
      '无法自动安装',
    );
    expect(line).toBe(
      'npm test 需要系统软件包 redis-server（redis-server：redis 测试；redis-cli：redis 测试），无法自动安装。请先安装：sudo apt-get install -y redis-server',
    );
    expect(line.includes('\n')).toBe(false);
  });

  test('nothing is installed when everything is present (the globalSetup has run before this file)', () => {
    const logged: string[] = [];
    expect(ensureSystemDeps(SYSTEM_DEPS, (l) => logged.push(l))).toEqual([]);
    expect(logged).toEqual([]);
  });
});
