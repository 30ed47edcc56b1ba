// Compiles src/**/*.ts to dist/ (plain ES modules, same layout), for `npm start` (prestart) and
// `npm run build`. bin/gongkai.js runs dist/ only while it matches src/ file for file (the manifest
// .sources.json records each source's size and mtime); after any edit it runs the sources through tsx again,
// so dist/ can never serve stale code. Why: the tsx loader costs ≈ 35 MB of RSS and its hooks per module in
// a long-running server (docs/performance.md, Memory).
//
// Each build is its own directory, dist/builds/<id>, complete before dist/current (a symlink) is swapped to
// it by one rename: a server or an ingest already running keeps loading its modules (lazy imports, parse
// workers) from the build it started with, and two `npm start` at once never see a half-written or
// half-removed dist/. Node resolves the symlink at import, so a process stays on one build.
//
// esbuild is the one tsx itself uses (a dependency of tsx, so present after `npm install`): the same
// transform as the tsx path, file by file, no bundling.

import { createHash, randomUUID } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = '.sources.json';
/** Builds kept besides the current one, newest first: the one a running process may still load from, and a concurrent build's. */
const KEEP_OLDER = 2;
/** An unfinished build directory this old belongs to a builder that died. */
const ABANDONED_MS = 60 * 60 * 1000;

/** Where a project's compiled code lives: dist/current → dist/builds/<id>. */
export function distPaths(root = ROOT) {
  const dist = join(root, 'dist');
  return { src: join(root, 'src'), dist, builds: join(dist, 'builds'), current: join(dist, 'current') };
}

/** Files outside src/ that change what a build produces: the compiler's settings and this script. */
const BUILD_INPUTS = ['tsconfig.json', 'bin/build.js'];

/** Every source file with its size and mtime, relative to src/ (the build inputs relative to it too). */
function sources(src) {
  const out = {};
  for (const f of readdirSync(src, { recursive: true })) {
    if (!f.endsWith('.ts')) continue;
    const s = statSync(join(src, f));
    out[f.split('\\').join('/')] = [s.size, s.mtimeMs];
  }
  for (const f of BUILD_INPUTS) {
    try {
      const s = statSync(join(src, '..', f));
      out[`../${f}`] = [s.size, s.mtimeMs];
    } catch {
      // absent (a test project): nothing to compare
    }
  }
  return out;
}

/** Whether dist/current was compiled from exactly the sources now in src/ (a few ms: one stat per file). */
export function distIsFresh(root = ROOT) {
  const { src, current } = distPaths(root);
  let built;
  try {
    built = JSON.parse(readFileSync(join(current, MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  const now = sources(src);
  const names = Object.keys(now);
  if (names.length !== Object.keys(built).length) return false;
  return names.every((f) => built[f] && built[f][0] === now[f][0] && built[f][1] === now[f][1]);
}

/** Compile src/ into a new dist/builds/<id> and make it current. Returns the number of files compiled. */
export async function buildDist(root = ROOT) {
  const { src, dist, builds, current } = distPaths(root);
  const before = sources(src); // taken first: a file edited during the build leaves dist/ stale, not wrong
  const id = createHash('sha256').update(JSON.stringify(before)).digest('hex').slice(0, 16);
  const target = join(builds, id);
  // dist/ as the first version of this script wrote it (compiled files directly in it) is replaced once.
  if (existsSync(join(dist, MANIFEST))) rmSync(dist, { recursive: true, force: true });
  mkdirSync(builds, { recursive: true });

  let compiled = 0;
  if (!existsSync(join(target, MANIFEST))) {
    const tmp = join(builds, `.tmp-${id}-${randomUUID()}`);
    try {
      const esbuild = createRequire(fileURLToPath(import.meta.resolve('tsx/esm/api')))('esbuild');
      const result = await esbuild.build({
        entryPoints: Object.keys(before).filter((f) => f.endsWith('.ts')).map((f) => join(src, f)),
        outdir: tmp,
        outbase: src,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        bundle: false,
        write: false,
        logLevel: 'silent',
      });
      for (const file of result.outputFiles) {
        // Sources import each other as './x.ts' (allowImportingTsExtensions); the compiled files are .js.
        const text = file.text.replace(/(\b(?:from|import)\s*\(?\s*)(["'])(\.{1,2}\/[^"'\n]*?)\.ts\2/g, '$1$2$3.js$2');
        mkdirSync(dirname(file.path), { recursive: true });
        writeFileSync(file.path, text);
      }
      writeFileSync(join(tmp, MANIFEST), JSON.stringify(before)); // last: a build with its manifest is complete
      compiled = result.outputFiles.length;
      try {
        renameSync(tmp, target);
      } catch (err) {
        // Another builder finished the same sources first: its build is as good as ours.
        if (!existsSync(join(target, MANIFEST))) throw err;
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  const link = join(dist, `.current-${randomUUID()}`);
  symlinkSync(join('builds', id), link, 'dir');
  renameSync(link, current); // atomic: every reader sees the old build or the new one
  prune(builds, id);
  return compiled;
}

/** Remove builds no process should still need: all but the current, the KEEP_OLDER newest others, and unfinished ones of live builders. */
function prune(builds, currentId) {
  const now = Date.now();
  const done = [];
  for (const name of readdirSync(builds)) {
    const path = join(builds, name);
    const mtime = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime === undefined) continue; // a concurrent build renamed or pruned it
    if (name.startsWith('.tmp-')) {
      if (now - mtime > ABANDONED_MS) rmSync(path, { recursive: true, force: true });
    } else if (name !== currentId) done.push({ path, mtime });
  }
  done.sort((a, b) => b.mtime - a.mtime);
  for (const { path } of done.slice(KEEP_OLDER)) rmSync(path, { recursive: true, force: true });
}

/** The build dist/current points at, if any (for messages and tests). */
export function currentBuild(root = ROOT) {
  const { current } = distPaths(root);
  try {
    return lstatSync(current).isSymbolicLink() ? basename(readlinkSync(current)) : null;
  } catch {
    return null;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `node bin/build.js [--if-stale]`. A failed build is not fatal: dist/current still points at a complete
  // build (or at none), bin/gongkai.js finds it stale and runs the sources through tsx, which reports the
  // error where it is.
  if (process.argv.includes('--if-stale') && distIsFresh()) process.exit(0);
  const started = performance.now();
  try {
    const n = await buildDist();
    const where = relative(process.cwd(), distPaths().current) || distPaths().current;
    const what = n > 0 ? `compiled ${n} files` : 'already compiled';
    process.stderr.write(`gongkai: ${what} → ${where} (build ${currentBuild()}) in ${Math.round(performance.now() - started)} ms\n`);
  } catch (err) {
    process.stderr.write(`gongkai: build failed, the sources will run through tsx: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
  }
}
