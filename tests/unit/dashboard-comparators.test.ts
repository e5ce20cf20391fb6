import { describe, expect, it } from "vitest";
import { mean, median, roundTo, summariseNeighbours } from "@/lib/dashboard/comparators";
import { offScaleLimit } from "@/lib/dashboard/outliers";
import { fig } from "./dashboard-fixtures";

describe("median and mean", () => {
  it("computes them by hand-checked examples", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeNull();
  });

  it("rounds half away from zero like the published figures", () => {
    expect(roundTo(2.25, 1)).toBe(2.3);
    expect(roundTo(2.35, 1)).toBe(2.4);
    expect(roundTo(-2.25, 1)).toBe(-2.3);
    expect(roundTo(16.45, 1)).toBe(16.5);
  });
});

describe("summariseNeighbours", () => {
  const figures = new Map(
    [
      fig("a", 10),
      fig("b", 20),
      fig("k", 30, "KR"),
      fig("r", 30, "KR"),
      fig("m", null, null, "u"),
      fig("own", 50, "OWN"),
      fig("mate", 50, "OWN"),
    ].map((f) => [f.laNumber, f]),
  );

  it("skips markers and missing LAs, and counts a joint return once", () => {
    const s = summariseNeighbours(["a", "b", "k", "r", "m", "gone"], figures, null);
    // counted: 10, 20, 30 (Kingston/Richmond once) → median 20, mean 20
    expect(s).toMatchObject({ median: 20, mean: 20, counted: 3, listed: 6, merged: ["r"] });
    expect(s.skipped).toEqual([
      { laNumber: "m", reason: "u" },
      { laNumber: "gone", reason: "none" },
    ]);
  });

  it("leaves out a neighbour that shares the LA's own joint return", () => {
    const s = summariseNeighbours(["mate", "a", "b"], figures, "OWN");
    expect(s).toMatchObject({ median: 15, mean: 15, counted: 2, merged: ["mate"] });
  });

  it("mean differs from median on skewed values (hand-computed)", () => {
    const f = new Map([fig("a", 1), fig("b", 2), fig("c", 9)].map((x) => [x.laNumber, x]));
    expect(summariseNeighbours(["a", "b", "c"], f, null)).toMatchObject({ median: 2, mean: 4 });
  });
});

describe("offScaleLimit", () => {
  it("flags a value far beyond the rest (Isles of Scilly at 100%)", () => {
    const values = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 100];
    // q1 = 7.75, q3 = 13.25 → limit 13.25 + 3 × 5.5 = 29.75
    expect(offScaleLimit(values)).toBeCloseTo(29.75);
  });
  it("returns null when nothing is extreme", () => {
    expect(offScaleLimit([5, 6, 7, 8, 9, 10, 11, 12])).toBeNull();
  });
});

describe("roundTo float noise", () => {
  it("rounds (8.9 + 10.8) / 2 = 9.85 up to 9.9", () => {
    expect(roundTo((8.9 + 10.8) / 2, 1)).toBe(9.9);
    expect(roundTo(1.005, 2)).toBe(1.01);
  });
});
