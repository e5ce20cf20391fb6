import { describe, expect, it } from "vitest";
import { changeBetween, directionOfTravel } from "@/lib/dashboard/change";
import { changeText, formatComputed, formatIsoDate } from "@/lib/dashboard/format";
import type { Figure } from "@/lib/dashboard/types";

const f = (value: number | null, marker: Figure["marker"] = null): Figure => ({ value, marker, raw: marker ?? String(value) });

describe("changeBetween", () => {
  it("an agency rate going up is worse", () => {
    expect(changeBetween(f(18.2), f(16.1), "HIGHER_IS_WORSE", 1)).toEqual({ direction: "up", delta: 2.1, assessment: "worse" });
  });
  it("going down is better when higher is worse", () => {
    expect(changeBetween(f(12.9), f(14.0), "HIGHER_IS_WORSE", 1)).toEqual({ direction: "down", delta: -1.1, assessment: "better" });
  });
  it("going up is better when higher is better", () => {
    expect(changeBetween(f(5), f(4), "HIGHER_IS_BETTER", 0)?.assessment).toBe("better");
  });
  it("a neutral measure has no judgement", () => {
    expect(changeBetween(f(300.5), f(290.1), "NEUTRAL", 1)).toEqual({ direction: "up", delta: 10.4, assessment: "neutral" });
  });
  it("no change, and no comparison across a marker", () => {
    expect(changeBetween(f(10), f(10), "HIGHER_IS_WORSE", 1)?.assessment).toBe("no change");
    expect(changeBetween(f(null, "u"), f(10), "HIGHER_IS_WORSE", 1)).toBeNull();
    expect(changeBetween(f(10), null, "HIGHER_IS_WORSE", 1)).toBeNull();
  });
  it("describes percentage changes in percentage points", () => {
    expect(changeText({ direction: "up", delta: 2.1, assessment: "worse" }, 1, "PERCENT")).toBe("Up 2.1 percentage points");
    expect(changeText({ direction: "down", delta: -1, assessment: "better" }, 0, "PERCENT")).toBe("Down 1 percentage point");
    expect(changeText({ direction: "up", delta: 1, assessment: "worse" }, 1, "PERCENT")).toBe("Up 1.0 percentage points");
    expect(changeText({ direction: "down", delta: -0.5, assessment: "better" }, 1, "CASES_PER_FTE")).toBe("Down 0.5");
  });
});

describe("directionOfTravel", () => {
  it("compares Ofsted judgements", () => {
    expect(directionOfTravel("REQUIRES_IMPROVEMENT", "GOOD")).toBe("improved");
    expect(directionOfTravel("GOOD", "INADEQUATE")).toBe("declined");
    expect(directionOfTravel("OUTSTANDING", "OUTSTANDING")).toBe("same");
    expect(directionOfTravel(null, "GOOD")).toBeNull();
  });
});

describe("formatting", () => {
  it("writes dates the GOV.UK way", () => {
    expect(formatIsoDate("2023-02-20")).toBe("20 February 2023");
    expect(formatIsoDate("2025-03-31T00:00:00.000Z")).toBe("31 March 2025");
    expect(formatIsoDate(null)).toBe("–");
  });
  it("writes computed figures at the measure's decimals", () => {
    expect(formatComputed(10.59, 1, "PERCENT")).toBe("10.6%");
    expect(formatComputed(1234567.4, 0, "COUNT")).toBe("1,234,567");
    expect(formatComputed(9.85, 1, "CASES_PER_FTE")).toBe("9.9");
    expect(formatComputed(null, 1, "PERCENT")).toBe("");
  });
});
