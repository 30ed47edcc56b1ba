/**
 * The shared store for several replicas: Redis via ioredis. `seen` is one SET NX PX, atomic across
 * replicas; contexts are JSON strings with PX expiry (Redis bounds them by time; maxmemory-policy by size).
 */
import { Redis } from 'ioredis';
import type { SharedStore } from './store.ts';

const PREFIX = 'gongkai:';

export async function createRedisStore(url: string): Promise<SharedStore> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    // Rate-limit plugins expect commands to fail fast rather than queue forever while Redis is down.
    enableOfflineQueue: true,
    connectTimeout: 5_000,
  });
  await redis.connect();
  return {
    kind: 'redis',
    redis,
    async seen(id, ttlMs) {
      const result = await redis.set(`${PREFIX}seen:${id}`, '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
      return result === null;
    },
    async getContext<T>(key: string) {
      const raw = await redis.get(`${PREFIX}ctx:${key}`);
      if (raw === null) return undefined;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return undefined;
      }
    },
    async setContext(key, value, ttlMs) {
      await redis.set(`${PREFIX}ctx:${key}`, JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
