import { createMemoryStore } from './memory.ts';
import { createRedisStore } from './redis.ts';
import type { SharedStore } from './store.ts';

export type { SharedStore } from './store.ts';
export { createMemoryStore } from './memory.ts';
export { createRedisStore } from './redis.ts';

/** Redis when a URL is configured, memory otherwise. */
export async function createStore(redisUrl: string | undefined, onError?: (err: Error) => void): Promise<SharedStore> {
  return redisUrl ? createRedisStore(redisUrl, onError) : createMemoryStore();
}
