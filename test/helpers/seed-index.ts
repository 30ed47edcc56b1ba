/**
 * The five seed reports, ingested once per test file into a temporary index. Tests that read the
 * index call `buildSeedIndex()` in beforeAll; repeated calls return the same path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../src/ingest/ingest.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The seeds' folder as the CLI names it ("data/reports/…" when tests run from the project root). */
export const SEED_DIR = relative(process.cwd(), join(ROOT, 'data/reports')) || '.';

let built: Promise<string> | null = null;

export function buildSeedIndex(): Promise<string> {
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-seed-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const db = join(dir, 'gongkai.db');
    const summary = await ingestPaths([SEED_DIR], { db });
    if (summary.ingested !== 5) {
      const failed = summary.files.filter((f) => f.status === 'failed');
      throw new Error(`seed index: ${summary.ingested}/5 ingested; ${JSON.stringify(failed)}`);
    }
    return db;
  })();
  return built;
}
