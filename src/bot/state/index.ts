import { createMemoryStore } from './memory.ts';
import type { SharedStore } from './store.ts';

export type { SharedStore } from './store.ts';
export { createMemoryStore } from './memory.ts';

/** Redis when a URL is configured, memory otherwise. ioredis (≈ 10 MB) is loaded only when it is used. */
export async function createStore(redisUrl: string | undefined, onError?: (err: Error) => void): Promise<SharedStore> {
  if (!redisUrl) return createMemoryStore();
  const { createRedisStore } = await import('./redis.ts');
  return createRedisStore(redisUrl, onError);
}
