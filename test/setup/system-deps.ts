/**
 * What `npm test` needs from the operating system, made sure of once before any test file runs (vitest
 * globalSetup). On a fresh Debian/Ubuntu machine a missing package is installed when we may (root, or
 * password-less sudo); otherwise the run stops at once with one line naming what to install — never a
 * suite failing half-way with a spawn ENOENT and a cascade of follow-up errors.
 *
 * Other suites that need a system program add it to SYSTEM_DEPS (one place for every helper).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface SystemDep {
  /** The program the tests run: a name looked up on PATH, or an absolute path. */
  program: string;
  /** The Debian/Ubuntu package that provides it. */
  debianPackage: string;
  /** Which tests need it (for the message). */
  neededBy: string;
}

export const SYSTEM_DEPS: readonly SystemDep[] = [
  { program: 'redis-server', debianPackage: 'redis-server', neededBy: 'test/bot/redis*.test.ts（共享状态）' },
  { program: '/usr/bin/chromium', debianPackage: 'chromium', neededBy: '网页的浏览器测试（playwright-core）' },
];

/** Whether a program exists and is executable (absolute path, or somewhere on PATH). */
export function hasProgram(program: string, path = process.env.PATH ?? ''): boolean {
  const candidates = program.includes('/') ? [program] : path.split(delimiter).filter(Boolean).map((d) => join(d, program));
  return candidates.some((c) => {
    try {
      accessSync(c, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** How packages can be installed here: directly as root, through password-less sudo, or not at all. */
function installer(): string[] | null {
  if (!hasProgram('apt-get')) return null;
  if (process.getuid?.() === 0) return [];
  if (hasProgram('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return null;
}

/** The one line a run stops with when it cannot install what is missing. */
export function missingLine(missing: readonly SystemDep[], reason: string): string {
  const pkgs = [...new Set(missing.map((d) => d.debianPackage))].join(' ');
  return (
    `npm test 需要系统软件包 ${pkgs}（${missing.map((d) => `${d.program}：${d.neededBy}`).join('；')}），${reason}。` +
    `请先安装：sudo apt-get install -y ${pkgs}`
  );
}

/** Installs what is missing, or throws with the one line; returns the packages installed. */
export function ensureSystemDeps(deps: readonly SystemDep[] = SYSTEM_DEPS, log: (line: string) => void = (l) => process.stderr.write(l + '\n')): string[] {
  const missing = deps.filter((d) => !hasProgram(d.program));
  if (missing.length === 0) return [];
  const prefix = installer();
  if (prefix === null) throw new Error(missingLine(missing, '本机缺少且无法自动安装（需要 root 或免密码 sudo，以及 apt-get）'));
  const pkgs = [...new Set(missing.map((d) => d.debianPackage))];
  log(`npm test: 正在安装测试所需的系统软件包 ${pkgs.join(' ')}（apt-get）…`);
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...prefix, ...args];
    return spawnSync(cmd!, rest, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, encoding: 'utf8' });
  };
  // The package lists of a fresh image are empty: update first.
  run(['apt-get', 'update', '-qq']);
  const install = run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...pkgs]);
  const still = missing.filter((d) => !hasProgram(d.program));
  if (install.status !== 0 || still.length > 0) {
    const why = install.stderr?.trim().split('\n').pop() ?? '';
    throw new Error(missingLine(still.length > 0 ? still : missing, `apt-get 安装失败${why ? `（${why}）` : ''}`));
  }
  return pkgs;
}

/** vitest globalSetup entry. */
export default function setup(): void {
  ensureSystemDeps();
}
