/**
 * The shared store for several replicas: Redis via ioredis. `seen` is one SET NX PX, atomic across
 * replicas; contexts are JSON strings with PX expiry (Redis bounds them by time; maxmemory-policy by size).
 */
import { Redis } from 'ioredis';
import type { SharedStore } from './store.ts';

const PREFIX = 'gongkai:';

export async function createRedisStore(url: string, onError: (err: Error) => void = () => {}): Promise<SharedStore> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    // While Redis is down a command fails after two reconnect attempts instead of waiting forever:
    // the request gets a 500 rather than hanging (and a replay is never accepted unchecked).
    enableOfflineQueue: true,
    connectTimeout: 5_000,
  });
  // Without a listener ioredis prints every reconnect failure; the caller logs them instead.
  redis.on('error', onError);
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    // The URL may carry a password: name the variable, not its value.
    throw new Error(`无法连接 Redis（REDIS_URL）/ cannot connect to Redis: ${err instanceof Error ? err.message : String(err)}`);
  }
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
