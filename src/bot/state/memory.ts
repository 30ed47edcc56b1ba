/**
 * The single-process store: a bounded least-recently-used map (the query caches' Lru) whose entries
 * also expire: an expired entry is dropped when read, and evicted like any other when the map is full.
 */
import { Lru } from '../../query/lookup/lru.ts';
import type { SharedStore } from './store.ts';

interface Entry {
  value: unknown;
  expiresAt: number;
}

export class BoundedTtlMap {
  private readonly entries: Lru<string, Entry>;
  constructor(
    maxEntries: number,
    private readonly now: () => number,
  ) {
    this.entries = new Lru(maxEntries);
  }

  get(key: string): unknown {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: unknown, ttlMs: number): void {
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface MemoryStoreOptions {
  /** Most remembered message ids (oldest forgotten first). */
  maxIds?: number;
  /** Most chats with a follow-up context. */
  maxContexts?: number;
  now?: () => number;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): SharedStore {
  const now = options.now ?? Date.now;
  const ids = new BoundedTtlMap(options.maxIds ?? 100_000, now);
  const contexts = new BoundedTtlMap(options.maxContexts ?? 10_000, now);
  return {
    kind: 'memory',
    async seen(id, ttlMs) {
      if (ids.has(id)) return true;
      ids.set(id, true, ttlMs);
      return false;
    },
    async getContext<T>(key: string) {
      return contexts.get(key) as T | undefined;
    },
    async setContext(key, value, ttlMs) {
      contexts.set(key, value, ttlMs);
    },
    async close() {},
  };
}
