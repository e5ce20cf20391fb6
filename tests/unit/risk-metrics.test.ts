import { describe, expect, it } from "vitest";
import { fitLogistic, logisticScore } from "@/lib/risk/logistic";
import { bootstrapAuc, precisionRecall, rocAuc, seededRandom, topShareCutoff } from "@/lib/risk/metrics";

describe("ROC AUC", () => {
  it("is 1 for a perfect ranking, 0 for a reversed one and 0.5 when everything ties", () => {
    expect(rocAuc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(rocAuc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    expect(rocAuc([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
  });

  it("counts ties between a positive and a negative as half (Mann–Whitney)", () => {
    // pairs (pos, neg): (2 vs 1) win, (2 vs 2) tie, (3 vs 1) win, (3 vs 2) win → 3.5 / 4
    expect(rocAuc([1, 2, 2, 3], [false, false, true, true])).toBe(0.875);
  });

  it("is NaN without both classes", () => {
    expect(rocAuc([1, 2], [true, true])).toBeNaN();
  });
});

describe("bootstrap interval", () => {
  const scores = Array.from({ length: 60 }, (_, i) => (i % 7) + (i % 3 === 0 ? 3 : 0));
  const labels = scores.map((_, i) => i % 3 === 0);
  const clusters = scores.map((_, i) => `la${Math.floor(i / 2)}`);

  it("is repeatable with the same seed and brackets the point estimate", () => {
    const a = bootstrapAuc(scores, labels, clusters, { resamples: 300, seed: 7 });
    const b = bootstrapAuc(scores, labels, clusters, { resamples: 300, seed: 7 });
    expect(a).toEqual(b);
    const auc = rocAuc(scores, labels);
    expect(a.low).toBeLessThanOrEqual(auc);
    expect(a.high).toBeGreaterThanOrEqual(auc);
    expect(a.high - a.low).toBeGreaterThan(0);
  });

  it("seeded generator gives uniform numbers in [0, 1)", () => {
    const r = seededRandom(1);
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeGreaterThan(0.45);
  });
});

describe("precision, recall and top shares", () => {
  it("counts hits among the flagged and among the adverse", () => {
    expect(precisionRecall([true, true, false, false], [true, false, true, false])).toEqual({
      flagged: 2,
      hits: 1,
      adverse: 2,
      precision: 0.5,
      recall: 0.5,
    });
  });

  it("puts everything tied at the cut-off inside the top share", () => {
    const cut = topShareCutoff([9, 8, 8, 8, 1, 1, 1, 1, 1, 1], 0.2);
    expect(cut).toBe(8);
  });
});

describe("logistic regression (the fitted comparator)", () => {
  it("learns the sign of an informative feature and copes with a missing value", () => {
    const xs = Array.from({ length: 80 }, (_, i) => [i % 10, i % 4 === 0 ? null : (i * 37) % 11]);
    const ys = xs.map((x) => (x[0] ?? 0) >= 7);
    const model = fitLogistic(xs, ys, 1);
    expect(model.weights[1]).toBeGreaterThan(0);
    expect(logisticScore(model, [9, null])).toBeGreaterThan(logisticScore(model, [1, null]));
  });
});
