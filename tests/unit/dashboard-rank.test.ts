import { describe, expect, it } from "vitest";
import { ordinal, quartileLabel, quartileOf, rankAuthorities, rankingUnits, ranksOf } from "@/lib/dashboard/rank";
import { fig } from "./dashboard-fixtures";

describe("rankingUnits", () => {
  it("counts a joint return once and leaves markers out", () => {
    const units = rankingUnits([fig("314", 20, "J"), fig("318", 20, "J"), fig("330", 10), fig("420", null, null, "z")]);
    expect(units.map((u) => [u.key, u.laNumbers])).toEqual([
      ["J", ["314", "318"]],
      ["330", ["330"]],
    ]);
  });
});

describe("rankAuthorities", () => {
  // values 5, 7, 7, 9 (+ joint pair at 3) — hand-ranked: 3→1, 5→2, 7→3 (tied), 7→3 (tied), 9→5
  const figures = [fig("a", 5), fig("b", 7), fig("c", 7), fig("d", 9), fig("j1", 3, "J"), fig("j2", 3, "J"), fig("m", null, null, "c")];

  it("ranks lowest first when higher is worse, ties share the best rank, joint return is one unit", () => {
    const r = rankAuthorities(figures, "HIGHER_IS_WORSE");
    expect(r.get("j1")).toEqual({ rank: 1, of: 5, tied: false, quartile: 1 });
    expect(r.get("j2")?.rank).toBe(1);
    expect(r.get("a")).toEqual({ rank: 2, of: 5, tied: false, quartile: 1 });
    expect(r.get("b")).toEqual({ rank: 3, of: 5, tied: true, quartile: 2 });
    expect(r.get("c")).toEqual({ rank: 3, of: 5, tied: true, quartile: 2 });
    expect(r.get("d")).toEqual({ rank: 5, of: 5, tied: false, quartile: 4 });
    expect(r.has("m")).toBe(false);
  });

  it("ranks highest first when higher is better", () => {
    const r = rankAuthorities(figures, "HIGHER_IS_BETTER");
    expect(r.get("d")?.rank).toBe(1);
    expect(r.get("b")?.rank).toBe(2);
    expect(r.get("c")?.rank).toBe(2);
    expect(r.get("a")?.rank).toBe(4);
    expect(r.get("j1")?.rank).toBe(5);
  });

  it("ranks a neutral measure lowest first", () => {
    expect(rankAuthorities(figures, "NEUTRAL").get("j1")?.rank).toBe(1);
  });
});

describe("quartiles", () => {
  it("splits 151 ranks into bands of 38, 38, 38, 37 (hand-computed: floor(4(r−1)/n)+1)", () => {
    const bands = [1, 2, 3, 4].map((q) => Array.from({ length: 151 }, (_, i) => i + 1).filter((r) => quartileOf(r, 151) === q).length);
    expect(bands).toEqual([38, 38, 38, 37]);
    expect(quartileOf(38, 151)).toBe(1);
    expect(quartileOf(39, 151)).toBe(2);
    expect(quartileOf(151, 151)).toBe(4);
    expect(quartileOf(1, 1)).toBe(1);
  });

  it("labels bands by polarity", () => {
    expect(quartileLabel(1, "HIGHER_IS_WORSE")).toEqual({ label: "Best 25% of authorities", assessment: "better" });
    expect(quartileLabel(4, "HIGHER_IS_BETTER")).toEqual({ label: "Worst 25% of authorities", assessment: "worse" });
    expect(quartileLabel(4, "NEUTRAL")).toEqual({ label: "Highest 25% of authorities", assessment: null });
  });

  it("writes ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "101st",
      "111th",
    ]);
  });
});

describe("ranksOf (ranks worked out once per snapshot's figures)", () => {
  const byLa = new Map([
    ["201", fig("201", 10)],
    ["202", fig("202", 30)],
    ["203", fig("203", 20)],
  ]);

  it("is rankAuthorities of the figures, for each polarity", () => {
    expect([...ranksOf(byLa, "HIGHER_IS_WORSE")]).toEqual([...rankAuthorities([...byLa.values()], "HIGHER_IS_WORSE")]);
    expect([...ranksOf(byLa, "HIGHER_IS_BETTER")]).toEqual([...rankAuthorities([...byLa.values()], "HIGHER_IS_BETTER")]);
    expect(ranksOf(byLa, "HIGHER_IS_BETTER").get("202")?.rank).toBe(1);
    expect(ranksOf(byLa, "HIGHER_IS_WORSE").get("202")?.rank).toBe(3);
  });

  it("works them out once for the same figures and again for other figures", () => {
    expect(ranksOf(byLa, "HIGHER_IS_WORSE")).toBe(ranksOf(byLa, "HIGHER_IS_WORSE"));
    const next = new Map([...byLa, ["204", fig("204", 5)]]);
    expect(ranksOf(next, "HIGHER_IS_WORSE")).not.toBe(ranksOf(byLa, "HIGHER_IS_WORSE"));
    expect(ranksOf(next, "HIGHER_IS_WORSE").get("204")?.rank).toBe(1);
  });
});
