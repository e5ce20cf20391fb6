import { describe, expect, it } from "vitest";
import { expectSwapped, Refusal, refusable, retryWhileStale, StaleVersion, versionedSave } from "@/lib/core/optimistic-version";

type Result = { ok: boolean; message: string };

describe("expectSwapped", () => {
  it("passes when the compare-and-swap changed exactly one row, else throws StaleVersion", () => {
    expect(() => expectSwapped({ count: 1 })).not.toThrow();
    expect(() => expectSwapped({ count: 0 })).toThrow(StaleVersion);
    expect(() => expectSwapped({ count: 2 })).toThrow(StaleVersion);
  });
});

describe("versionedSave", () => {
  const stale = (): Result => ({ ok: false, message: "changed by someone else" });

  it("answers what the save answered when nothing was thrown", async () => {
    expect(await versionedSave(async () => ({ ok: true, message: "saved" }), stale)).toEqual({ ok: true, message: "saved" });
  });

  it("a StaleVersion becomes onStale's result, with its detail", async () => {
    const result = await versionedSave<Result, Result, string[]>(
      async () => {
        throw new StaleVersion<string[]>(["330", "393"]);
      },
      (error) => ({ ok: false, message: `changed: ${error.detail.join(", ")}` }),
    );
    expect(result).toEqual({ ok: false, message: "changed: 330, 393" });
  });

  it("a Refusal becomes its own result; any other error is rethrown", async () => {
    const refusal: Result = { ok: false, message: "already has a plan" };
    expect(
      await versionedSave(async () => {
        throw new Refusal(refusal);
      }, stale),
    ).toBe(refusal);
    await expect(
      versionedSave(async () => {
        throw new Error("database down");
      }, stale),
    ).rejects.toThrow("database down");
  });
});

describe("refusable", () => {
  it("turns a Refusal into its result but lets a StaleVersion through", async () => {
    expect(
      await refusable(async () => {
        throw new Refusal({ ok: false, message: "no" });
      }),
    ).toEqual({ ok: false, message: "no" });
    await expect(
      refusable(async () => {
        throw new StaleVersion();
      }),
    ).rejects.toBeInstanceOf(StaleVersion);
  });
});

describe("retryWhileStale", () => {
  it("tries again after a StaleVersion and answers the first attempt that gets through", async () => {
    const seen: number[] = [];
    const result = await retryWhileStale(
      3,
      async (n) => {
        seen.push(n);
        if (n < 2) throw new StaleVersion();
        return "saved";
      },
      async () => "gave up",
    );
    expect(result).toBe("saved");
    expect(seen).toEqual([0, 1, 2]);
  });

  it("after the last attempt is stale, `exhausted` answers", async () => {
    let attempts = 0;
    const result = await retryWhileStale(
      3,
      async () => {
        attempts++;
        throw new StaleVersion();
      },
      async () => "gave up",
    );
    expect(result).toBe("gave up");
    expect(attempts).toBe(3);
  });

  it("any other error stops at once", async () => {
    let attempts = 0;
    await expect(
      retryWhileStale(
        3,
        async () => {
          attempts++;
          throw new Error("database down");
        },
        async () => "gave up",
      ),
    ).rejects.toThrow("database down");
    expect(attempts).toBe(1);
  });
});
