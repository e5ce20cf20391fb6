import { describe, expect, it } from "vitest";
import { INPUT_POINTS } from "@/lib/risk/config";
import { createAssessor } from "@/lib/risk/assess";
import { evaluateFlags } from "@/lib/risk/rules";
import { historyFlags, pointsByArea, scoreAssessment } from "@/lib/risk/score";
import { buildIndex, knownPeriods } from "@/lib/risk/series";
import { dataset, inspection, num } from "./risk-fixtures";

const years = [2021, 2022, 2023, 2024];
const AS_AT = "2025-03-01";

describe("the score (decision 0024)", () => {
  it("adds the points of every flag that scores, lists each with its area and reason, and nothing for context flags", () => {
    const index = buildIndex(
      dataset({
        years,
        values: {
          "100": {
            agency_rate_fte: years.map((y) => num(y, 41)),
            re_referrals_percent: years.map((y) => num(y, 40)),
          },
        },
      }),
    );
    const result = evaluateFlags(index, "100", knownPeriods(index, AS_AT), AS_AT);
    const { score, factors } = scoreAssessment(result);
    // agency 41%: red set level (2); re-referrals the highest in England: red position (2); the comparator flags add nothing
    expect(score).toBe(4);
    expect(factors.map((f) => [f.label, f.area, f.points])).toEqual([
      ["Agency rate: at or above a set level", "leadership_and_workforce", 2],
      ["Re-referrals: among the worst in England", "help_and_protection", 2],
    ]);
    const context = result.flags.filter((f) => f.points === 0);
    expect(context.length).toBeGreaterThan(0);
    expect(result.flags.reduce((s, f) => s + f.points, 0)).toBe(score);
    expect(pointsByArea(factors)).toEqual({ leadership_and_workforce: 2, help_and_protection: 2 });
  });

  it("an ordinary authority scores 0 with no factors", () => {
    const index = buildIndex(dataset({ years }));
    expect(scoreAssessment(evaluateFlags(index, "100", knownPeriods(index, AS_AT), AS_AT))).toEqual({ score: 0, factors: [] });
  });

  it("inspection history: the previous worst sub-judgement (RI amber, inadequate red) and a monitoring visit in the last 12 months", () => {
    const ds = dataset({
      years,
      inspections: [
        inspection("100", "2023-05-01", "GOOD", { publicationDate: "2023-06-20", careLeavers: "INADEQUATE" }),
        inspection("101", "2023-05-01", "GOOD", { publicationDate: "2023-06-20", leadership: "REQUIRES_IMPROVEMENT" }),
        inspection("102", "2023-05-01", "GOOD", { publicationDate: "2023-06-20" }),
      ],
    });
    ds.visits = [
      { laNumber: "100", type: "MONITORING_VISIT", inspectionDate: "2024-06-01", publicationDate: "2024-07-01" },
      { laNumber: "102", type: "MONITORING_VISIT", inspectionDate: "2023-11-01", publicationDate: "2023-12-01" },
      { laNumber: "102", type: "ILACS_FOCUSED_VISIT", inspectionDate: "2024-11-01", publicationDate: "2024-12-01" },
    ];
    const index = buildIndex(ds);
    const h100 = historyFlags(index, "100", AS_AT);
    expect(h100.map((h) => [h.kind, h.severity, h.points])).toEqual([
      ["previous-judgement", "red", INPUT_POINTS.red],
      ["monitoring-visit", "amber", 1],
    ]);
    expect(h100[0]!.reason).toBe("At its previous graded inspection (1 May 2023) the authority was judged inadequate for care leavers.");
    expect(historyFlags(index, "101", AS_AT).map((h) => h.severity)).toEqual(["amber"]);
    // a monitoring visit published more than 12 months before scores nothing; a focused visit never does
    expect(historyFlags(index, "102", AS_AT)).toEqual([]);
    // not known before it was published
    expect(historyFlags(index, "100", "2023-06-20")).toEqual([]);
    const a = createAssessor(index).assess("100", AS_AT)!;
    expect(a.score).toBe(3);
    expect(a.factors.every((f) => f.area === "inspection_history")).toBe(true);
  });
});
