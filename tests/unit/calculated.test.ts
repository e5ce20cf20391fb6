// Percentages this service calculates from published counts (lib/import/calculated.ts, `percentOf`):
// a marker is carried, never turned into a number; no denominator, no figure.
import { describe, expect, it } from "vitest";
import { percentFigure } from "@/lib/import/calculated";

const n = (value: number) => ({ value, marker: null });
const m = (marker: "c" | "u" | "x" | "z" | "low" | "k") => ({ value: null, marker });

describe("percentFigure", () => {
  it("is 100 × the numerators' sum over the denominator, to 1 dp (England 2025 conferences within 15 working days)", () => {
    // c4 2025 England: Duration_0-10_days 6240, Duration_11-15_days 52430, ICPC 72100
    expect(percentFigure([n(6240), n(52430)], n(72100))).toEqual({ value: 81.4, marker: null, raw: "81.4" });
    expect(percentFigure([n(1)], n(3))).toEqual({ value: 33.3, marker: null, raw: "33.3" });
    expect(percentFigure([n(2)], n(2))).toEqual({ value: 100, marker: null, raw: "100.0" });
  });

  it("carries a suppressed or withdrawn count's marker: the denominator's first, then the numerators' in order", () => {
    expect(percentFigure([n(5), m("c")], n(40))).toEqual({ value: null, marker: "c", raw: "c" });
    expect(percentFigure([m("c")], m("u"))).toEqual({ value: null, marker: "u", raw: "u" });
    expect(percentFigure([n(0)], m("x"))).toEqual({ value: null, marker: "x", raw: "x" });
  });

  it("is z (not applicable) over a denominator of 0, and nothing when a count is not stored", () => {
    expect(percentFigure([n(0)], n(0))).toEqual({ value: null, marker: "z", raw: "z" });
    expect(percentFigure([n(1)], undefined)).toBeNull();
    expect(percentFigure([undefined, n(1)], n(5))).toBeNull();
  });
});
