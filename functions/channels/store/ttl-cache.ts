/**
 * A small in-memory cache for one Lambda instance: entries expire after a time to live, and
 * the oldest go first when it is full (a flood of unknown keys or names cannot grow it).
 */
export type TtlCache<V> = {
  /** The cached value, or `miss` when absent or expired (a value may itself be `undefined`). */
  get(key: string, now?: number): V | typeof miss;
  set(key: string, value: V, now?: number): void;
  delete(key: string): void;
};

export const miss: unique symbol = Symbol('miss');

export const ttlCache = <V>(ttlMs: number, maxEntries: number): TtlCache<V> => {
  const entries = new Map<string, { at: number; value: V }>();
  return {
    get: (key, now = Date.now()) => {
      const entry = entries.get(key);
      if (!entry) return miss;
      if (now - entry.at >= ttlMs) {
        entries.delete(key);
        return miss;
      }
      return entry.value;
    },
    set: (key, value, now = Date.now()) => {
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { at: now, value });
    },
    delete: (key) => {
      entries.delete(key);
    },
  };
};
