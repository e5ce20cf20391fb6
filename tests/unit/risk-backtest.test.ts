import { describe, expect, it } from "vitest";
import { aucLine, runBacktest } from "@/lib/risk/backtest";
import { authority, dataset, inspection, num } from "./risk-fixtures";

const years = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

// 20 LAs; the five with high caseloads are later judged Inadequate, plus one surprise.
function world() {
  const las = Array.from({ length: 20 }, (_, i) => authority(String(200 + i)));
  const values = Object.fromEntries(
    las.map((la, i) => [la.laNumber, { caseload_fte: years.map((y) => num(y, i < 5 ? 22 + i : 15 + (i % 3))) }]),
  );
  const inspections = las.map((la, i) =>
    inspection(la.laNumber, `2022-0${(i % 8) + 1}-15`, i < 5 || i === 19 ? "INADEQUATE" : "GOOD", {
      publicationDate: `2022-0${(i % 8) + 1}-28`,
    }),
  );
  return dataset({ authorities: las, values, inspections, years });
}

describe("backtest", () => {
  const result = runBacktest(world(), { resamples: 200 });
  const overall = result.outcomes.overall;

  it("scores every graded inspection and reports every method for both outcomes", () => {
    expect(result.inspections).toBe(20);
    expect(overall.adverse).toBe(6);
    expect(overall.methods.map((m) => m.id)).toEqual([
      "composite",
      "agency_rate_fte",
      "turnover_rate_fte",
      "vacancy_rate_fte",
      "caseload_fte",
      "re_referrals_percent",
      "cpp_subsequent_percent",
      "agency20",
    ]);
    expect(result.outcomes.leadershipOrHelp.adverse).toBe(6);
  });

  it("computes the composite AUC, its interval and top-share precision and recall", () => {
    const c = overall.methods[0]!;
    // the 5 high-caseload Inadequate LAs (6 points each) outrank all 14 Good ones (5 at 1 point, 9 at 0);
    // the surprise scores 0: it beats none and ties with 9 → (5 × 14 + 0.5 × 9) / (6 × 14)
    expect(c.auc).toBeCloseTo((5 * 14 + 0.5 * 9) / (6 * 14), 10);
    expect(c.ci.low).toBeLessThanOrEqual(c.auc);
    expect(c.ci.high).toBeGreaterThanOrEqual(c.auc);
    const top20 = c.top.find((t) => t.share === 0.2)!;
    // top 20% of 20 LAs = 4, but all five tied at the cut-off are in
    expect(top20).toMatchObject({ flagged: 5, hits: 5, adverse: 6 });
  });

  it("the plain agency rule is a yes/no flag with precision and recall", () => {
    expect(overall.methods.find((m) => m.id === "agency20")!.rule).toMatchObject({ flagged: 0, hits: 0 });
  });

  it("reports how long the flag had been up before each flagged Inadequate inspection", () => {
    const lead = overall.leadTimes[0]!;
    expect(lead.flagged).toBe(5);
    expect(lead.months.every((m) => m > 0)).toBe(true);
    // flagged since the first workforce figures (2017, public from March 2018): the true lead is at least that
    expect(lead.censored).toBe(5);
    expect(Math.min(...lead.months)).toBeGreaterThanOrEqual(46);
  });

  it("ends with one line in the agreed form", () => {
    expect(aucLine(result)).toMatch(/^composite out-of-sample ROC AUC: 0\.\d\d \(95% CI 0\.\d\d–(0\.\d\d|1\.00)\)$/);
  });
});
