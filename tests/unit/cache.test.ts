// The one in-process cache (lib/core/cache.ts): its bounds, its time to live, and the loading cache's
// promises — one load per key however many ask, failures forgotten, evicted loads still answered.
import { describe, expect, it } from "vitest";
import { boundedCache, loadingCache } from "@/lib/core/cache";

/** A promise and the functions that settle it, so a test decides when a load finishes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("boundedCache", () => {
  it("keeps the most recently used entries up to its number of entries", () => {
    const cache = boundedCache<string, number>({ max: 2 });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("c", 3); // evicts b
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it("keeps entries up to a total size, dropping the least recently used first", () => {
    const cache = boundedCache<string, string>({ maxSize: 10, sizeOf: (text) => text.length });
    cache.set("a", "xxxx");
    cache.set("b", "yyyy");
    expect(cache.calculatedSize).toBe(8);
    cache.get("a");
    cache.set("c", "zzzz"); // 12 > 10: b, the least recently used, goes
    expect([...cache.keys()].sort()).toEqual(["a", "c"]);
    expect(cache.calculatedSize).toBe(8);
  });

  it("forgets an entry once it is older than its time to live, however often it is read", () => {
    let clock = 1_000;
    const cache = boundedCache<string, number>({ max: 10, ttlMs: 100, now: () => clock });
    cache.set("a", 1);
    clock += 99;
    expect(cache.get("a")).toBe(1);
    clock += 2;
    expect(cache.get("a")).toBeUndefined();
  });
});

describe("loadingCache", () => {
  it("loads a key once however many ask at the same moment, then answers from memory", async () => {
    const loads: string[] = [];
    const gate = deferred<string>();
    const cache = loadingCache<string>({
      max: 5,
      load: (key) => {
        loads.push(key);
        return gate.promise.then((v) => `${v}:${key}`);
      },
    });
    const waiting = Promise.all([cache.get("v1"), cache.get("v1"), cache.get("v1")]);
    gate.resolve("loaded");
    expect(await waiting).toEqual(["loaded:v1", "loaded:v1", "loaded:v1"]);
    expect(await cache.get("v1")).toBe("loaded:v1");
    expect(loads).toEqual(["v1"]);
  });

  it("forgets a failed load: every waiting caller gets the error and the next get loads again", async () => {
    let attempt = 0;
    const cache = loadingCache<string>({
      max: 1,
      load: async () => {
        attempt++;
        if (attempt === 1) throw new Error("database went away");
        return "second try";
      },
    });
    const results = await Promise.allSettled([cache.get("k"), cache.get("k")]);
    expect(results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : r.value))).toEqual([
      "database went away",
      "database went away",
    ]);
    expect(await cache.get("k")).toBe("second try");
    expect(attempt).toBe(2);
  });

  it("with max 1 keeps only the newest key (one value per data version)", async () => {
    const loads: string[] = [];
    const cache = loadingCache<{ version: string }>({
      max: 1,
      load: async (version) => {
        loads.push(version);
        return { version };
      },
    });
    const first = await cache.get("7");
    expect(await cache.get("7")).toBe(first);
    expect(await cache.get("8")).toEqual({ version: "8" });
    expect(cache.size).toBe(1);
    expect(await cache.get("7")).not.toBe(first); // 7 was evicted by 8: loaded again
    expect(loads).toEqual(["7", "8", "7"]);
  });

  it("still answers the callers of a load that was evicted while it ran", async () => {
    const gates = new Map([
      ["old", deferred<string>()],
      ["new", deferred<string>()],
    ]);
    const cache = loadingCache<string>({ max: 1, load: (key) => gates.get(key)!.promise });
    const old = cache.get("old");
    const newer = cache.get("new"); // evicts the pending "old" entry
    gates.get("new")!.resolve("new value");
    gates.get("old")!.resolve("old value");
    expect(await old).toBe("old value");
    expect(await newer).toBe("new value");
    expect(cache.size).toBe(1);
  });

  it("passes the caller's context to the load", async () => {
    const cache = loadingCache<string, { asAt: string }>({ max: 2, load: async (key, { asAt }) => `${key} at ${asAt}` });
    expect(await cache.get("v9", { asAt: "2027-03-31" })).toBe("v9 at 2027-03-31");
  });
});
