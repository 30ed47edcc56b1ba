/**
 * What replicas must share: replay/dedupe ids, per-chat follow-up context, and (via `redis`)
 * the rate-limit counters of @fastify/rate-limit and the grammY ratelimiter.
 * In memory by default; Redis when REDIS_URL is set.
 */
import type { Redis } from 'ioredis';

export interface SharedStore {
  readonly kind: 'memory' | 'redis';
  /**
   * Remember `id` for `ttlMs`. Returns true when the id was already there (a replay), false when it
   * was just recorded — one atomic set-if-absent, so two replicas cannot both accept the same id.
   */
  seen(id: string, ttlMs: number): Promise<boolean>;
  getContext<T = unknown>(key: string): Promise<T | undefined>;
  setContext(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** The Redis client for the rate-limit plugins; absent for the memory store (they keep their own). */
  readonly redis?: Redis;
  close(): Promise<void>;
}
