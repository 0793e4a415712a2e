import { describe, expect, it } from 'vitest';
import { miss, ttlCache } from '#functions/channels/store/ttl-cache.ts';

describe('the in-memory cache of look-ups', () => {
  it('forgets entries after their time to live, and remembers "not found" too', () => {
    // Prepare
    const cache = ttlCache<string | undefined>(30_000, 10);
    // Act
    cache.set('known', 'cu-1', 0);
    cache.set('unknown', undefined, 0);
    // Assess
    expect(cache.get('known', 29_999)).toBe('cu-1');
    expect(cache.get('unknown', 29_999)).toBeUndefined();
    expect(cache.get('known', 30_000)).toBe(miss);
  });

  it('drops the oldest entry when full', () => {
    const cache = ttlCache<number>(60_000, 2);
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    cache.set('c', 3, 0);
    expect(cache.get('a', 1)).toBe(miss);
    expect(cache.get('c', 1)).toBe(3);
  });
});
