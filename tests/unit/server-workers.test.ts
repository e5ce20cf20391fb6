// How many server processes scripts/serve.ts starts (decision 0033): WEB_CONCURRENCY, else one per core.
import { describe, expect, it } from "vitest";
import { serverWorkers } from "@/lib/page-cache/front-server";

describe("server processes", () => {
  it("defaults to one per core, at least one", () => {
    expect(serverWorkers(undefined, 2)).toBe(2);
    expect(serverWorkers("", 8)).toBe(8);
    expect(serverWorkers("  ", 1)).toBe(1);
    expect(serverWorkers(undefined, 0)).toBe(1);
    expect(serverWorkers(undefined, 200)).toBe(32);
  });

  it("takes WEB_CONCURRENCY when it is a whole number from 1 to 32", () => {
    expect(serverWorkers("1", 2)).toBe(1);
    expect(serverWorkers(" 4 ", 2)).toBe(4);
    expect(serverWorkers("32", 2)).toBe(32);
  });

  it.each(["0", "-1", "1.5", "two", "33", "2e1x"])("refuses WEB_CONCURRENCY=%s, naming the setting", (value) => {
    expect(() => serverWorkers(value, 2)).toThrow(/^WEB_CONCURRENCY must be a whole number from 1 to 32 .*not "/);
  });
});
