/**
 * bin/build.js: each build complete in its own dist/builds/<id> before dist/current is swapped to it, so a
 * running process and a concurrent `npm start` never load a half-written or half-removed dist/.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildDist, currentBuild, distIsFresh, distPaths } from '../../bin/build.js';

/** A tiny project: src/util.ts and src/cli/main.ts importing it as './x.ts' does in gongkai. */
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-build-'));
  roots.push(root);
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  writeFileSync(join(root, 'src', 'util.ts'), 'export const twice = (n: number): number => 2 * n;\n');
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), "import { twice } from '../util.ts';\nexport const answer: number = twice(21);\n");
  return root;
}

/** Edit a source so that its size or mtime changes, as an editor would. */
function edit(root: string, n: number): void {
  const file = join(root, 'src', 'util.ts');
  writeFileSync(file, `export const twice = (n: number): number => 2 * n; // edit ${n}\n`);
  const t = new Date(Date.now() + n * 1000);
  utimesSync(file, t, t);
}

describe('bin/build.js', () => {
  test('compiles into dist/builds/<id>, points dist/current at it, and rewrites .ts imports to .js', async () => {
    const root = project();
    expect(distIsFresh(root)).toBe(false);
    expect(await buildDist(root)).toBe(2);
    const { current, builds } = distPaths(root);
    expect(readlinkSync(current)).toBe(join('builds', currentBuild(root)!));
    expect(readdirSync(builds)).toEqual([currentBuild(root)]);
    expect(readFileSync(join(current, 'cli', 'main.js'), 'utf8')).toContain("from \"../util.js\"");
    expect(distIsFresh(root)).toBe(true);
    const mod = (await import(join(current, 'cli', 'main.js'))) as { answer: number };
    expect(mod.answer).toBe(42);
  });

  test('an edited source makes dist/ stale; the rebuild is a new directory and the previous one stays for running processes', async () => {
    const root = project();
    await buildDist(root);
    const first = currentBuild(root);
    edit(root, 1);
    expect(distIsFresh(root)).toBe(false);
    await buildDist(root);
    const second = currentBuild(root);
    expect(second).not.toBe(first);
    expect(distIsFresh(root)).toBe(true);
    expect(existsSync(join(distPaths(root).builds, first!, 'cli', 'main.js'))).toBe(true);
  });

  test('a changed tsconfig.json makes dist/ stale too', async () => {
    const root = project();
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    await buildDist(root);
    expect(distIsFresh(root)).toBe(true);
    writeFileSync(join(root, 'tsconfig.json'), '{ "compilerOptions": {} }');
    expect(distIsFresh(root)).toBe(false);
  });

  test('keeps the current build and the two newest others, removes older ones', async () => {
    const root = project();
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      edit(root, i);
      await buildDist(root);
      ids.push(currentBuild(root)!);
      // Directory mtimes order the builds; make them distinct even on a coarse clock.
      const t = new Date(Date.now() + i * 1000);
      utimesSync(join(distPaths(root).builds, ids[i - 1]), t, t);
    }
    expect(readdirSync(distPaths(root).builds).sort()).toEqual([ids[2], ids[3], ids[4]].sort());
  });

  test('two builds of the same sources at once both succeed and leave one complete current build', async () => {
    const root = project();
    const [a, b] = await Promise.all([buildDist(root), buildDist(root)]);
    expect(a + b).toBeGreaterThanOrEqual(2); // one of them may find the other's build already there
    expect(distIsFresh(root)).toBe(true);
    expect(readdirSync(distPaths(root).builds).filter((n) => !n.startsWith('.'))).toEqual([currentBuild(root)]);
  });

  test('a dist/ of the earlier layout (compiled files directly in it) is replaced', async () => {
    const root = project();
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(root, 'dist', '.sources.json'), '{}');
    writeFileSync(join(root, 'dist', 'cli', 'main.js'), 'export const answer = 0;\n');
    await buildDist(root);
    expect(existsSync(join(root, 'dist', '.sources.json'))).toBe(false);
    expect(readFileSync(join(distPaths(root).current, 'cli', 'main.js'), 'utf8')).toContain('twice(21)');
  });
});
