// The one in-process cache mechanism (decision 0022), on lru-cache: every cache in the app is one of
// these two, and each states its bound where it is made — how many entries, or how many bytes, and
// for how long. Nothing here knows what is cached or when it goes stale: a value that depends on the
// data is keyed by the data version it was made from (./data-version.ts), so a new version is simply a
// new key and the old entry is evicted like any other.
import { LRUCache } from "lru-cache";

/** Any value but null and undefined (lru-cache's own constraint on keys and values). */
type Defined = NonNullable<unknown>;

/** A bound every cache must state: a number of entries, or a total size with the size of one entry. */
export type CacheBound<V> = { max: number } | { maxSize: number; sizeOf: (value: V) => number };

export type CacheOptions<V> = CacheBound<V> & {
  /** Longest an entry is kept, in milliseconds, however recently it was used (default: until evicted). */
  ttlMs?: number;
  /** The clock the time to live is measured with, in milliseconds (tests pass their own). */
  now?: () => number;
};

function lruOptions<K extends Defined, V extends Defined>(options: CacheOptions<V>): LRUCache.Options<K, V, unknown> {
  const lru: LRUCache.Options<K, V, unknown> =
    "max" in options ? { max: options.max } : { maxSize: options.maxSize, sizeCalculation: (value) => Math.max(1, options.sizeOf(value)) };
  if (options.ttlMs !== undefined) lru.ttl = options.ttlMs;
  if (options.now !== undefined) Object.assign(lru, { perf: { now: options.now }, ttlResolution: 0 });
  return lru;
}

/** A bounded map (lru-cache's own, with get, set, delete, clear, size). */
export type BoundedCache<K extends Defined, V extends Defined> = LRUCache<K, V>;

/** A bounded map: the least recently used entries go first once the bound is reached. */
export function boundedCache<K extends Defined, V extends Defined>(options: CacheOptions<V>): BoundedCache<K, V> {
  return new LRUCache<K, V>(lruOptions<K, V>(options));
}

export type LoadingCache<V, C = undefined> = {
  /** The value for `key`, loading it if it is not kept; `context` is passed to the load. */
  get: (key: string, ...context: C extends undefined ? [] : [context: C]) => Promise<V>;
  clear: () => void;
  readonly size: number;
};

/**
 * A bounded cache that loads what it lacks. Concurrent gets of one key share a single load; a load
 * that fails is forgotten (the next get tries again) and its error goes to every caller waiting on
 * it. An entry evicted while it is still loading still answers the callers already waiting for it.
 * For "one value per data version": `max: 1`, keyed by the version.
 */
export function loadingCache<V extends Defined, C = undefined>(
  options: CacheOptions<V> & { load: (key: string, context: C) => Promise<V> },
): LoadingCache<V, C> {
  const lru = new LRUCache<string, V, unknown>({
    ...lruOptions<string, V>(options),
    ignoreFetchAbort: true,
    // The context is whatever get() was given, which its type ties to C.
    fetchMethod: (key, _stale, { context }) => options.load(key, context as C),
  });
  return {
    get: async (key, ...context) => {
      const value = await lru.fetch(key, { context: context[0] });
      if (value === undefined) throw new Error(`cache: the load for ${key} gave nothing`);
      return value;
    },
    clear: () => lru.clear(),
    get size() {
      return lru.size;
    },
  };
}
