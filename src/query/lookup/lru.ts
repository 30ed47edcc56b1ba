/**
 * A bounded least-recently-used map. A Map keeps insertion order, so re-inserting on every hit makes its
 * first key the least recently used one: eviction is O(1) without a linked list.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`Lru limit must be ≥ 1, got ${limit}`);
  }

  get size(): number {
    return this.map.size;
  }

  /** The value without counting it as a use. */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  /** The cached value, or compute it once and keep it. */
  getOr(key: K, compute: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    this.set(key, value);
    return value;
  }
}
