import { describe, expect, it } from "vitest";
import { ACCOUNT_RULE, assessThrottle, IP_RULE, oldestRelevant, waitText, type ThrottleRule } from "@/lib/auth/throttle";

const MIN = 60_000;
const t0 = new Date("2026-11-26T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const rule: ThrottleRule = { maxFailures: 5, windowMs: 15 * MIN };

describe("sign-in throttle", () => {
  it("allows attempts while fewer than the limit failed in the window", () => {
    expect(assessThrottle([], t0, rule)).toEqual({ locked: false, failures: 0 });
    const four = [0, 1, 2, 3].map((i) => at(i * MIN));
    expect(assessThrottle(four, at(4 * MIN), rule)).toEqual({ locked: false, failures: 4 });
  });

  it("refuses the attempt after 5 failures inside 15 minutes, until the oldest leaves the window", () => {
    const five = [0, 1, 2, 3, 4].map((i) => at(i * MIN));
    const state = assessThrottle(five, at(5 * MIN), rule);
    expect(state).toEqual({ locked: true, failures: 5, retryAt: at(15 * MIN) });
    expect(assessThrottle(five, at(15 * MIN - 1), rule).locked).toBe(true);
    expect(assessThrottle(five, at(15 * MIN), rule)).toEqual({ locked: false, failures: 4 });
  });

  it("computes the release time from the failure that must age out, with more failures than the limit", () => {
    const seven = [0, 1, 2, 3, 4, 5, 6].map((i) => at(i * MIN));
    // 7 failures: unlocks when only 4 remain, i.e. when the 3rd (index 2) leaves the window
    expect(assessThrottle(seven, at(7 * MIN), rule)).toMatchObject({ locked: true, retryAt: at(17 * MIN) });
  });

  it("ignores failures outside the window and any in the future", () => {
    const old = [0, 1, 2, 3, 4].map((i) => at(i * MIN));
    expect(assessThrottle(old, at(20 * MIN), rule)).toEqual({ locked: false, failures: 0 });
    expect(assessThrottle([at(10 * MIN)], t0, rule)).toEqual({ locked: false, failures: 0 });
  });

  it("does not depend on the order failures are given in", () => {
    const shuffled = [3, 0, 4, 1, 2].map((i) => at(i * MIN));
    expect(assessThrottle(shuffled, at(5 * MIN), rule)).toMatchObject({ locked: true, retryAt: at(15 * MIN) });
  });

  it("uses 5 per account and a higher limit per IP over 15 minutes", () => {
    expect(ACCOUNT_RULE).toEqual({ maxFailures: 5, windowMs: 15 * MIN });
    expect(IP_RULE.maxFailures).toBeGreaterThan(ACCOUNT_RULE.maxFailures);
    expect(oldestRelevant(t0, [ACCOUNT_RULE, IP_RULE])).toEqual(at(-15 * MIN));
  });

  it("tells people how long to wait in whole minutes", () => {
    expect(waitText(t0, at(15 * MIN))).toBe("15 minutes");
    expect(waitText(t0, at(61_000))).toBe("2 minutes");
    expect(waitText(t0, at(1_000))).toBe("1 minute");
    expect(waitText(t0, at(-5_000))).toBe("1 minute");
  });
});
