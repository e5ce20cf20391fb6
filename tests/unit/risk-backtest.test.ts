import { describe, expect, it } from "vitest";
import { aucLine, runBacktest } from "@/lib/risk/backtest";
import { authority, dataset, inspection, mark, num } from "./risk-fixtures";

const years = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

// 20 LAs; the five with high caseloads are found Inadequate (in a sub-judgement), plus one surprise.
// Ten inspections in 2022 (development), ten in 2024 (held out), one dated 2022 but published in 2023 (neither).
function world() {
  const las = Array.from({ length: 20 }, (_, i) => authority(String(200 + i)));
  // only caseload is a number; the other inputs are published as "x", so they neither flag nor score
  const none = years.map((y) => mark(y, "x"));
  const values = Object.fromEntries(
    las.map((la, i) => [
      la.laNumber,
      {
        caseload_fte: years.map((y) => num(y, i < 5 ? 22 + i : 15 + (i % 3))),
        turnover_rate_fte: none,
        vacancy_rate_fte: none,
        re_referrals_percent: none,
        cpp_subsequent_percent: none,
      },
    ]),
  );
  const inspections = las.map((la, i) => {
    const bad = i < 5 || i === 19;
    const year = i % 2 === 0 ? 2022 : 2024;
    const month = (i % 8) + 1;
    return inspection(la.laNumber, `${year}-0${month}-15`, "GOOD", {
      publicationDate: `${year}-0${month}-28`,
      helpAndProtection: bad ? "INADEQUATE" : "GOOD",
      leadership: bad ? "REQUIRES_IMPROVEMENT" : "GOOD",
    });
  });
  inspections.push(inspection("219", "2022-12-01", "GOOD", { publicationDate: "2023-01-20" }));
  return dataset({ authorities: las, values, inspections, years });
}

describe("backtest (decision 0024)", () => {
  const result = runBacktest(world(), { resamples: 200 });
  const held = result.heldOut.outcomes.inadequateAny;

  it("splits inspections into development (dated and published by 2022), held out (from 2023) and neither", () => {
    expect(result.inspections).toBe(21);
    expect(result.development.inspections).toBe(10);
    expect(result.heldOut.inspections).toBe(10);
    expect(result.neither).toBe(1);
    expect(result.cases.filter((c) => c.split === "heldOut").every((c) => c.inspectionDate >= "2023-01-01")).toBe(true);
  });

  it("reports the score, every single input, inspection history and the agency rule, for all three outcomes", () => {
    expect(held.methods.map((m) => m.id)).toEqual([
      "composite",
      "agency_rate_fte",
      "turnover_rate_fte",
      "vacancy_rate_fte",
      "caseload_fte",
      "re_referrals_percent",
      "cpp_subsequent_percent",
      "cpp_2_years_or_more_percent",
      "icpc_within_15_days_percent",
      "cla_3plus_placements_percent",
      "cla_same_carer_2y_percent",
      "cla_new_placements_outside_20_miles_percent",
      "cla_3plus_social_workers_percent",
      "care_leavers_eet_19_21_percent",
      "care_leavers_suitable_19_21_percent",
      "history",
      "agency20",
    ]);
    // LAs 201, 203 (high caseload) and 219 (the surprise) are held out and Inadequate in a sub-judgement; none Inadequate overall
    expect(held.adverse).toBe(3);
    expect(result.heldOut.outcomes.requiresImprovementAny.adverse).toBe(3);
    expect(result.heldOut.outcomes.overall.adverse).toBe(0);
  });

  it("computes the held-out AUC with its interval, and top-share precision and recall", () => {
    const c = held.methods[0]!;
    expect(c.auc).toBeGreaterThan(0.5);
    expect(c.ci.low).toBeLessThanOrEqual(c.auc);
    expect(c.ci.high).toBeGreaterThanOrEqual(c.auc);
    const top20 = c.top.find((t) => t.share === 0.2)!;
    expect(top20.adverse).toBe(3);
    // 201 is in the top 20% on its day; by 203's day 201's own Inadequate finding (and 200's, 202's, 204's from
    // 2022) had been published and outscore 203's amber caseload, so 203 is not; the surprise 219 scores 0
    expect(top20.hits).toBe(1);
    expect(result.cases.filter((x) => x.top20 && x.split === "heldOut").map((x) => x.laNumber)).toEqual(["201"]);
  });

  it("fits the calibration map on the development period only, and reports Brier and a table by tenth", () => {
    expect(result.calibration.slope).toBeGreaterThan(0);
    expect(result.calibration.brier).toBeGreaterThanOrEqual(0);
    expect(result.calibration.table.reduce((s, r) => s + r.n, 0)).toBe(10);
    for (const c of result.cases) expect(c.predicted).toBeGreaterThan(0);
    // the map does not change when the held-out outcomes do
    const flipped = world();
    for (const i of flipped.inspections) if (i.inspectionDate >= "2023-01-01") i.helpAndProtection = "INADEQUATE";
    const again = runBacktest(flipped, { resamples: 10 });
    expect(again.calibration.slope).toBeCloseTo(result.calibration.slope, 10);
    expect(again.calibration.intercept).toBeCloseTo(result.calibration.intercept, 10);
  });

  it("reports how long the top-20% flag had been up before each flagged held-out Inadequate inspection", () => {
    const lead = result.heldOut.leadTime;
    expect(lead.adverse).toBe(3);
    expect(lead.flagged).toBe(1);
    expect(lead.months.every((m) => m > 0)).toBe(true);
  });

  it("ends with one line in the agreed form", () => {
    expect(aucLine(result)).toMatch(
      /^held-out ROC AUC \(Inadequate in any sub-judgement, inspections from 2023\): (0\.\d\d|1\.00) \(95% CI (0\.\d\d|1\.00)–(0\.\d\d|1\.00)\)$/,
    );
  });
});
