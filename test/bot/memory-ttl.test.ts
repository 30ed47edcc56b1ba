/**
 * BoundedTtlMap (the single-process store) on the query caches' Lru: bounded in size (least recently
 * used forgotten first), entries expire after their TTL.
 */
import { describe, expect, test } from 'vitest';
import { BoundedTtlMap } from '../../src/bot/state/memory.ts';
import { Lru } from '../../src/query/lookup/lru.ts';

describe('BoundedTtlMap', () => {
  test('bounded: the least recently used entry is forgotten first; a write or a read refreshes it', () => {
    const m = new BoundedTtlMap(2, () => 0);
    m.set('a', 1, 1000);
    m.set('b', 2, 1000);
    m.set('a', 10, 1000); // rewritten: now the most recent
    m.set('c', 3, 1000); // evicts b
    expect([m.get('a'), m.get('b'), m.get('c'), m.size]).toEqual([10, undefined, 3, 2]);
    expect(m.get('a')).toBe(10); // read: a is the most recent
    m.set('d', 4, 1000); // evicts c
    expect([m.has('a'), m.has('c'), m.has('d'), m.size]).toEqual([true, false, true, 2]);
  });

  test('an entry expires at its TTL and is dropped when read', () => {
    let now = 100;
    const m = new BoundedTtlMap(10, () => now);
    m.set('short', 's', 50);
    m.set('long', 'l', 500);
    now = 149;
    expect([m.get('short'), m.get('long'), m.size]).toEqual(['s', 'l', 2]);
    now = 150;
    expect([m.get('short'), m.has('short'), m.get('long'), m.size]).toEqual([undefined, false, 'l', 1]);
    m.set('short', 's2', 50); // a new TTL from now
    now = 199;
    expect(m.get('short')).toBe('s2');
  });

  test('falsy values are remembered (only undefined means absent)', () => {
    const m = new BoundedTtlMap(3, () => 0);
    m.set('zero', 0, 10);
    m.set('no', false, 10);
    m.set('nil', null, 10);
    expect([m.get('zero'), m.get('no'), m.get('nil'), m.has('nil')]).toEqual([0, false, null, true]);
  });
});

describe('Lru.delete', () => {
  test('removes one key and leaves the others in order', () => {
    const lru = new Lru<string, number>(3);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.delete('a');
    lru.delete('missing');
    lru.set('c', 3);
    lru.set('d', 4);
    lru.set('e', 5); // evicts b, the oldest left
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.get('d'), lru.get('e'), lru.size]).toEqual([undefined, undefined, 3, 4, 5, 3]);
  });
});
