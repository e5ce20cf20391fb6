// The dashboard by Ofsted area and its first screen (lib/dashboard/areas.ts, decision 0026): which
// judgement belongs to which area, the indicators moving most the wrong way, the small-numbers rule and
// the comparison chart's scale; the all-LA list as text (lib/dashboard/list-table.ts).
import { describe, expect, it } from "vitest";
import {
  areaJudgementHistory,
  comparisonLimit,
  DASHBOARD_AREAS,
  latestAreaJudgements,
  SMALL_POPULATION_THRESHOLD,
  smallNumberAuthorities,
  worstMovers,
} from "@/lib/dashboard/areas";
import { changeBetween } from "@/lib/dashboard/change";
import { calculatedColumns, listColumnHeading, listTable } from "@/lib/dashboard/list-table";
import { CALCULATED_NOTE } from "@/lib/core/values";
import { offScaleLimit } from "@/lib/dashboard/outliers";
import type { InspectionInfo } from "@/lib/dashboard/snapshot";

const inspection = (over: Partial<InspectionInfo>): InspectionInfo => ({
  type: "ILACS_STANDARD",
  inspectionDate: "2024-03-01",
  publicationDate: "2024-04-15",
  overall: "GOOD",
  leadership: "GOOD",
  helpAndProtection: "REQUIRES_IMPROVEMENT",
  childrenInCare: "GOOD",
  careLeavers: "OUTSTANDING",
  visitTheme: null,
  ...over,
});

describe("Ofsted judgements by area", () => {
  it("lists the five areas in order, without context", () => {
    expect(DASHBOARD_AREAS.map((a) => a.id)).toEqual([
      "help_and_protection",
      "children_in_care",
      "care_leavers",
      "outcomes",
      "leadership_and_workforce",
    ]);
  });

  it("maps each ILACS sub-judgement to its area, newest first, graded inspections only", () => {
    const history = [
      inspection({ inspectionDate: "2019-05-01", publicationDate: "2019-06-01", helpAndProtection: "INADEQUATE" }),
      inspection({ type: "ILACS_FOCUSED_VISIT", inspectionDate: "2022-01-01", overall: null }),
      inspection({}),
    ];
    expect(areaJudgementHistory(history, "help_and_protection").map((j) => [j.inspectionDate, j.judgement])).toEqual([
      ["2024-03-01", "REQUIRES_IMPROVEMENT"],
      ["2019-05-01", "INADEQUATE"],
    ]);
    expect(areaJudgementHistory(history, "leadership_and_workforce").map((j) => j.judgement)).toEqual(["GOOD", "GOOD"]);
    expect(areaJudgementHistory(history, "outcomes")).toEqual([]);
  });

  it("gives care leavers inspected before 2023 the joint children in care judgement, marked so", () => {
    const before = inspection({ inspectionDate: "2022-11-30", childrenInCare: "INADEQUATE", careLeavers: null });
    const [j] = areaJudgementHistory([before], "care_leavers");
    expect(j).toMatchObject({ judgement: "INADEQUATE", withChildrenInCare: true });
    const [after] = areaJudgementHistory([inspection({ inspectionDate: "2023-01-01" })], "care_leavers");
    expect(after).toMatchObject({ judgement: "OUTSTANDING", withChildrenInCare: false });
  });

  it("the first screen's latest judgements: one per judged area, none without a position", () => {
    const latest = latestAreaJudgements(inspection({}));
    expect(latest.map((j) => [j.area, j.judgement])).toEqual([
      ["help_and_protection", "REQUIRES_IMPROVEMENT"],
      ["children_in_care", "GOOD"],
      ["care_leavers", "OUTSTANDING"],
      ["leadership_and_workforce", "GOOD"],
    ]);
    expect(latestAreaJudgements(null)).toEqual([]);
  });
});

describe("indicators moving most in the wrong direction", () => {
  const card = (id: string, previous: number | null, latest: number, polarity: "HIGHER_IS_WORSE" | "HIGHER_IS_BETTER" | "NEUTRAL") => ({
    id,
    previousValue: previous,
    change: changeBetween(
      { value: latest, marker: null, raw: String(latest) },
      previous === null ? null : { value: previous, marker: null, raw: String(previous) },
      polarity,
      1,
    ),
  });

  it("ranks by relative change for the worse, through polarity; better, neutral and unchanged never count", () => {
    const cards = [
      card("agency", 10, 13, "HIGHER_IS_WORSE"), // +30%
      card("eet", 60, 57, "HIGHER_IS_BETTER"), // −5%
      card("turnover", 20, 16, "HIGHER_IS_WORSE"), // better
      card("cla_rate", 60, 90, "NEUTRAL"), // neutral: never "worse"
      card("vacancy", 15, 15, "HIGHER_IS_WORSE"), // no change
      card("caseload", 16, 20, "HIGHER_IS_WORSE"), // +25%
    ];
    expect(worstMovers(cards).map((m) => m.card.id)).toEqual(["agency", "caseload", "eet"]);
    expect(worstMovers(cards, 1)[0]!.relative).toBeCloseTo(0.3);
  });

  it("leaves out a change from 0 or with no previous figure, and keeps catalogue order on ties", () => {
    const cards = [
      card("a", 0, 5, "HIGHER_IS_WORSE"),
      card("b", null, 5, "HIGHER_IS_WORSE"),
      card("c", 10, 11, "HIGHER_IS_WORSE"),
      card("d", 20, 22, "HIGHER_IS_WORSE"),
    ];
    expect(worstMovers(cards).map((m) => m.card.id)).toEqual(["c", "d"]);
    expect(worstMovers([])).toEqual([]);
  });
});

describe("small numbers", () => {
  it("marks authorities below the threshold of children aged 0 to 17, not those at it or with no figure", () => {
    expect(SMALL_POPULATION_THRESHOLD).toBe(5000);
    const populations = new Map<string, number | null>([
      ["420", 319], // Isles of Scilly, mid-2024
      ["201", 847], // City of London, mid-2024
      ["857", 8012], // Rutland
      ["999", 5000],
      ["998", null],
    ]);
    expect([...smallNumberAuthorities(populations)].sort()).toEqual(["201", "420"]);
  });

  it("keeps a small authority from stretching the comparison chart: its bar goes off-scale", () => {
    const regular = [10, 11, 12, 13, 14, 15, 16, 17, 18, 20];
    // without outliers among the others, the scale stops just above their highest figure when a small authority is beyond it
    expect(comparisonLimit(regular, [100], offScaleLimit)).toBe(21);
    // a small authority within the others' range changes nothing
    expect(comparisonLimit(regular, [12], offScaleLimit)).toBeNull();
    // the outlier rule is applied to the others only
    const withOutlier = [...regular, 200];
    const limit = comparisonLimit(withOutlier, [], offScaleLimit)!;
    expect(limit).toBeLessThan(200);
    expect(limit).toBe(Math.ceil(offScaleLimit(withOutlier)! * 1.05));
    expect(comparisonLimit([], [5], offScaleLimit)).toBeNull();
  });
});

describe("the all-LA list as text", () => {
  it("says once, in the heading, that a column is calculated when every figure in it is", () => {
    const row = (calculated: boolean) => ({ values: { cpp_at31_rate: { value: 50, marker: null, raw: "50", calculated } } });
    expect([...calculatedColumns([row(true), row(true)], ["cpp_at31_rate"])]).toEqual(["cpp_at31_rate"]);
    expect([...calculatedColumns([row(true), row(false)], ["cpp_at31_rate"])]).toEqual([]);
    expect(listColumnHeading("cpp_at31_rate", 2025, true)).toBe(`CP plan rate, year to 31 Mar 2025 (${CALCULATED_NOTE})`);
  });

  it("has one column per list indicator headed with its own period, markers as letters, blanks where none", () => {
    const table = listTable(
      {
        periods: { agency_rate_fte: 2025, cla_at31_rate: 2025 },
        rows: [
          {
            laNumber: "330",
            name: "Birmingham",
            onsCode: "E08000025",
            regionName: "West Midlands",
            judgement: "GOOD",
            inspectionDate: "2022-10-01",
            values: {
              agency_rate_fte: { value: null, marker: "u", raw: "u" },
              cla_at31_rate: { value: 80, marker: null, raw: "80", calculated: true },
            },
          },
          {
            laNumber: "420",
            name: "Isles of Scilly",
            onsCode: "E06000053",
            regionName: "South West",
            judgement: null,
            inspectionDate: null,
            values: { cla_at31_rate: { value: 12, marker: null, raw: "12" } },
          },
        ],
      },
      ["agency_rate_fte", "cla_at31_rate"],
    );
    expect(table.head).toEqual([
      "Local authority",
      "LA number",
      "ONS code",
      "Region",
      "Ofsted overall effectiveness",
      "Ofsted inspection date",
      "Agency rate, 30 Sep 2025",
      expect.stringMatching(/2025$/),
      "Notes",
    ]);
    expect(table.rows).toEqual([
      ["Birmingham", "330", "E08000025", "West Midlands", "Good", "2022-10-01", "u", "80", `Looked after rate: ${CALCULATED_NOTE}`],
      ["Isles of Scilly", "420", "E06000053", "South West", "", "", "", "12", ""],
    ]);
  });
});
