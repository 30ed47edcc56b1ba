// Compiles src/**/*.ts to dist/ (plain ES modules, same layout), for `npm start` (prestart) and
// `npm run build`. bin/gongkai.js runs dist/ only while it matches src/ file for file (dist/.sources.json
// records each source's size and mtime); after any edit it runs the sources through tsx again, so dist/
// can never serve stale code. Why: the tsx loader costs ≈ 35 MB of RSS and its hooks per module in a
// long-running server (docs/performance.md, Memory).
//
// esbuild is the one tsx itself uses (a dependency of tsx, so present after `npm install`): the same
// transform as the tsx path, file by file, no bundling — import.meta.url, the ingest worker and
// `../../package.json` resolve as they do from src/.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
export const DIST = join(ROOT, 'dist');
const MANIFEST = '.sources.json';

/** Every source file with its size and mtime, relative to src/. */
function sources() {
  const out = {};
  for (const f of readdirSync(SRC, { recursive: true })) {
    if (!f.endsWith('.ts')) continue;
    const s = statSync(join(SRC, f));
    out[f.split('\\').join('/')] = [s.size, s.mtimeMs];
  }
  return out;
}

/** Whether dist/ was compiled from exactly the sources now in src/ (a few ms: one stat per file). */
export function distIsFresh() {
  let built;
  try {
    built = JSON.parse(readFileSync(join(DIST, MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  const now = sources();
  const names = Object.keys(now);
  if (names.length !== Object.keys(built).length) return false;
  return names.every((f) => built[f] && built[f][0] === now[f][0] && built[f][1] === now[f][1]);
}

/** Compile src/ into dist/ (replaced whole). Returns the number of files compiled. */
export async function buildDist() {
  const before = sources(); // taken first: a file edited during the build leaves dist/ stale, not wrong
  const esbuild = createRequire(fileURLToPath(import.meta.resolve('tsx/esm/api')))('esbuild');
  const tmp = `${DIST}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    const result = await esbuild.build({
      entryPoints: Object.keys(before).map((f) => join(SRC, f)),
      outdir: tmp,
      outbase: SRC,
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
    writeFileSync(join(tmp, MANIFEST), JSON.stringify(before));
    rmSync(DIST, { recursive: true, force: true });
    renameSync(tmp, DIST);
    return result.outputFiles.length;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `node bin/build.js [--if-stale]`. A failed build is not fatal: bin/gongkai.js then runs the sources
  // through tsx, which reports the error where it is.
  if (process.argv.includes('--if-stale') && distIsFresh()) process.exit(0);
  const started = performance.now();
  try {
    const n = await buildDist();
    process.stderr.write(`gongkai: compiled ${n} files → ${relative(process.cwd(), DIST) || DIST} in ${Math.round(performance.now() - started)} ms\n`);
  } catch (err) {
    // A half-written dist/ must not stay; on a read-only install it cannot be removed, and need not be:
    // bin/gongkai.js checks dist/ against the sources at every start and falls back to tsx.
    try {
      rmSync(DIST, { recursive: true, force: true });
    } catch {}
    process.stderr.write(`gongkai: build failed, the sources will run through tsx: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
  }
}
