/**
 * The web pages over the real seed index: buildServer with the real asker and browse reads, the seeds'
 * folder as the reports folder (so file names show as "002_….txt").
 */
import { buildServer } from '../../src/bot/server.ts';
import { createMemoryStore } from '../../src/bot/state/memory.ts';
import { createCatalog } from '../../src/bot/catalog.ts';
import { publicCatalog, withPublicFiles } from '../../src/bot/public-paths.ts';
import { createAsker, createBrowser } from '../../src/query/index.ts';
import { openIndex } from '../../src/store/open.ts';
import { buildSeedIndex, SEED_DIR } from '../helpers/seed-index.ts';
import { captureLogger, recordingHttp, testConfig } from '../bot/fakes.ts';

/** "Today" for 去年/今年 in questions. */
export const TODAY = Date.UTC(2026, 10, 22, 3, 0, 0);

export async function buildWebServer(options: { db?: string; reportsDir?: string; env?: Record<string, string> } = {}) {
  const db = openIndex(options.db ?? (await buildSeedIndex()));
  const reportsDir = options.reportsDir ?? SEED_DIR;
  // Wired as main wires them: file names relative to the reports folder on every channel.
  const catalog = publicCatalog(createCatalog(db), reportsDir);
  const { logger, lines } = captureLogger('info');
  const app = await buildServer(testConfig(options.env ?? {}), {
    ask: withPublicFiles(createAsker(db, { today: new Date(TODAY) }), reportsDir),
    catalog,
    store: createMemoryStore({ now: () => TODAY }),
    logger,
    http: recordingHttp(),
    clock: () => TODAY,
    web: { browser: createBrowser(db), counts: () => catalog.counts(), reportsDir },
  });
  app.addHook('onClose', async () => db.close());
  return { app, lines, db };
}
