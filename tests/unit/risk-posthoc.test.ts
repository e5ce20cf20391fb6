// The POST-HOC variant of decision 0030 (lib/risk/posthoc.ts): its inputs, its score, that nothing
// dated or published on or after the day counts, and that the backtest reports it beside — never
// instead of — the pre-registered result.
import { describe, expect, it } from "vitest";
import { aucLine, posthocAucLine, runBacktest } from "@/lib/risk/backtest";
import { createAssessor } from "@/lib/risk/assess";
import { POSTHOC_RULES, posthocHistory, posthocHistoryOf, posthocScore } from "@/lib/risk/posthoc";
import { buildIndex } from "@/lib/risk/series";
import type { OfstedVisit } from "@/lib/risk/types";
import { authority, dataset, inspection, mark, num } from "./risk-fixtures";

const visit = (type: OfstedVisit["type"], inspectionDate: string, publicationDate: string | null) => ({
  type,
  inspectionDate,
  publicationDate,
});

describe("post-hoc inputs (decision 0030)", () => {
  const previous = inspection("100", "2022-03-10", "GOOD", {
    publicationDate: "2022-04-20",
    helpAndProtection: "INADEQUATE",
    leadership: "REQUIRES_IMPROVEMENT",
    childrenInCare: "GOOD",
  });

  it("scores the previous inspection area by area: RI 1 point, inadequate 2, good and outstanding 0", () => {
    const h = posthocHistoryOf([previous], [], "2024-01-15");
    expect(h.areaPoints).toBe(3);
    expect(h.monthsSinceInspection).toBe(22);
    expect(h.stalePoints).toBe(0);
    expect(h.points).toBe(3);
  });

  it("adds a point when the last graded inspection is 36 months old or more, or there is none on record", () => {
    expect(posthocHistoryOf([previous], [], "2025-03-10").stalePoints).toBe(POSTHOC_RULES.staleInspectionPoints);
    expect(posthocHistoryOf([previous], [], "2025-03-09").stalePoints).toBe(0);
    const none = posthocHistoryOf([], [], "2024-01-15");
    expect(none).toMatchObject({ monthsSinceInspection: null, stalePoints: 1, points: 1 });
  });

  it("counts each monitoring and focused visit published in the 12 months before", () => {
    const visits = [
      visit("MONITORING_VISIT", "2023-05-01", "2023-06-01"),
      visit("MONITORING_VISIT", "2023-09-01", "2023-10-01"),
      visit("ILACS_FOCUSED_VISIT", "2023-07-01", "2023-08-01"),
      // published more than 12 months before: out
      visit("ILACS_FOCUSED_VISIT", "2022-11-01", "2022-12-01"),
    ];
    const h = posthocHistoryOf([previous], visits, "2024-01-15");
    expect([h.monitoringVisits, h.focusedVisits]).toEqual([2, 1]);
    expect(h.points).toBe(3 + 2 + 1);
  });

  it("no leakage: a judgement or visit dated or published on or after the day does not count", () => {
    const day = "2024-01-15";
    // a later inspection, published on the day: not known (the earlier one is the previous inspection)
    const later = inspection("100", "2023-12-01", "INADEQUATE", { publicationDate: day });
    expect(posthocHistoryOf([previous, later], [], day).areaPoints).toBe(3);
    expect(posthocHistoryOf([previous, later], [], "2024-01-16").areaPoints).toBe(6); // three areas inadequate (care leavers not judged)
    // an inspection ON the day, even with a (wrong) publication date before it: never counts
    const onTheDay = inspection("100", day, "INADEQUATE", { publicationDate: "2024-01-01" });
    expect(posthocHistoryOf([onTheDay], [], day)).toMatchObject({ areaPoints: 0, monthsSinceInspection: null });
    // visits: on the day, after it, published on the day, or without a publication date within 90 days → none counts
    const visits = [
      visit("MONITORING_VISIT", day, "2024-01-01"),
      visit("MONITORING_VISIT", "2024-02-01", "2024-01-10"),
      visit("ILACS_FOCUSED_VISIT", "2023-11-01", day),
      visit("ILACS_FOCUSED_VISIT", "2023-11-01", null),
    ];
    expect(posthocHistoryOf([previous], visits, day)).toMatchObject({ monitoringVisits: 0, focusedVisits: 0 });
    // the day after the publication it counts
    expect(posthocHistoryOf([previous], visits.slice(2, 3), "2024-01-16").focusedVisits).toBe(1);
  });

  it("replaces the pre-registered inspection-history points and keeps the indicator points", () => {
    expect(posthocScore({ score: 7, history: [{ points: 2 }, { points: 1 }] }, { points: 5 })).toBe(9);
    expect(posthocScore({ score: 4, history: [] }, { points: 0 })).toBe(4);
  });

  it("reads the engine's index the same way", () => {
    const ds = dataset({ inspections: [previous] });
    ds.visits = [{ laNumber: "100", ...visit("MONITORING_VISIT", "2023-09-01", "2023-10-01") }];
    const index = buildIndex(ds);
    expect(posthocHistory(index, "100", "2024-01-15")).toEqual(
      posthocHistoryOf([previous], [visit("MONITORING_VISIT", "2023-09-01", "2023-10-01")], "2024-01-15"),
    );
    // the live score is still the pre-registered one: the assessor knows nothing of the variant
    const a = createAssessor(index).assess("100", "2024-01-15")!;
    expect(a.history.reduce((s, h) => s + h.points, 0)).toBe(3); // inadequate (2) + a monitoring visit (1)
  });
});

describe("the backtest reports the variant beside the pre-registered result", () => {
  const years = [2019, 2020, 2021, 2022, 2023, 2024];
  const las = Array.from({ length: 12 }, (_, i) => authority(String(300 + i)));
  const none = years.map((y) => mark(y, "x"));
  const values = Object.fromEntries(
    las.map((la, i) => [
      la.laNumber,
      { caseload_fte: years.map((y) => num(y, 15 + (i % 4))), turnover_rate_fte: none, vacancy_rate_fte: none },
    ]),
  );
  // every LA inspected in 2020 (the first half RI in two areas), then again in 2022 or 2024
  const inspections = las.flatMap((la, i) => {
    const weak = i < 6;
    const first = inspection(la.laNumber, "2020-03-15", "GOOD", {
      publicationDate: "2020-04-28",
      helpAndProtection: weak ? "REQUIRES_IMPROVEMENT" : "GOOD",
      leadership: weak ? "REQUIRES_IMPROVEMENT" : "GOOD",
    });
    const year = i % 2 === 0 ? 2022 : 2024;
    const second = inspection(la.laNumber, `${year}-0${(i % 8) + 1}-15`, "GOOD", {
      publicationDate: `${year}-0${(i % 8) + 1}-28`,
      helpAndProtection: weak && i % 3 !== 2 ? "INADEQUATE" : "GOOD",
    });
    return [first, second];
  });
  const result = runBacktest(dataset({ authorities: las, values, inspections, years }), { resamples: 50 });

  it("gives the variant and each new input alone, on the same held-out inspections, with interval, top shares and Brier", () => {
    const held = result.posthoc.heldOut.inadequateAny;
    expect(held.map((m) => m.id)).toEqual(["posthoc", "posthocAreas", "posthocMonths", "posthocMonitoring", "posthocFocused"]);
    expect(held[0]!.n).toBe(result.heldOut.inspections);
    expect(held[0]!.adverse).toBe(result.heldOut.outcomes.inadequateAny.adverse);
    expect(held[0]!.ci.low).toBeLessThanOrEqual(held[0]!.auc);
    expect(held[0]!.top.map((t) => t.share)).toEqual([0.1, 0.2]);
    expect(Number.isFinite(result.posthoc.calibration.brier)).toBe(true);
    // previous RI in two areas: 2 points, plus the indicator points; the pre-registered history gives 1 (amber)
    const weak = result.cases.find((c) => c.laNumber === "300" && c.inspectionDate.startsWith("2022"))!;
    expect(weak.posthoc.areaPoints).toBe(2);
    expect(weak.posthoc.score - weak.score).toBe(1);
  });

  it("leaves the pre-registered headline as it was and labels the variant's line post-hoc", () => {
    expect(result.heldOut.outcomes.inadequateAny.methods[0]!.id).toBe("composite");
    expect(aucLine(result)).toMatch(/^held-out ROC AUC \(Inadequate in any sub-judgement, inspections from 2023\): /);
    expect(posthocAucLine(result)).toMatch(/^POST-HOC variant \(decision 0030, designed after the held-out result was seen\)/);
  });
});
