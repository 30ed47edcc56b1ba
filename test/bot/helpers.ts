import { buildServer, type ServerDeps } from '../../src/bot/server.ts';
import { createMemoryStore } from '../../src/bot/state/memory.ts';
import { captureLogger, fakeAsk, fakeCatalog, recordingHttp, testConfig } from './fakes.ts';

export const NOW = Date.UTC(2026, 10, 22, 3, 0, 0);

export async function build(env: Record<string, string> = {}, overrides: Partial<ServerDeps> = {}) {
  const ask = fakeAsk();
  const http = recordingHttp();
  const { logger, lines } = captureLogger(env.LOG_LEVEL ?? 'info');
  const store = createMemoryStore({ now: () => NOW });
  const config = testConfig(env);
  const app = await buildServer(config, { ask, catalog: fakeCatalog, store, logger, http, clock: () => NOW, ...overrides });
  return { app, ask, http, lines, store, config };
}
