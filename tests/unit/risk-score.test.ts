import { describe, expect, it } from "vitest";
import { SCORE_POINTS } from "@/lib/risk/config";
import { evaluateFlags } from "@/lib/risk/rules";
import { caseloadPoints, flagPoints, scoreAssessment } from "@/lib/risk/score";
import { buildIndex, knownPeriods } from "@/lib/risk/series";
import { dataset, num } from "./risk-fixtures";

const years = [2021, 2022, 2023, 2024];
const AS_AT = "2025-03-01";

describe("caseload points", () => {
  it("one point per case above the configured level, capped, none for a missing figure", () => {
    const { above, max } = SCORE_POINTS.caseload;
    expect(caseloadPoints(null)).toBe(0);
    expect(caseloadPoints(above)).toBe(0);
    expect(caseloadPoints(above - 3)).toBe(0);
    expect(caseloadPoints(above + 2.5)).toBe(2.5);
    expect(caseloadPoints(above + 50)).toBe(max);
  });
});

describe("flag points", () => {
  it("workforce level and comparator flags score; re-referral and repeat-plan flags do not", () => {
    expect(flagPoints({ indicatorId: "agency_rate_fte", kind: "threshold", severity: "red" })).toBe(2);
    expect(flagPoints({ indicatorId: "agency_rate_fte", kind: "threshold", severity: "amber" })).toBe(1);
    expect(flagPoints({ indicatorId: "vacancy_rate_fte", kind: "neighbours", severity: "amber" })).toBe(1);
    expect(flagPoints({ indicatorId: "re_referrals_percent", kind: "threshold", severity: "red" })).toBe(0);
    expect(flagPoints({ indicatorId: "cpp_subsequent_percent", kind: "rising", severity: "amber" })).toBe(0);
    expect(flagPoints({ indicatorId: "agency_rate_fte", kind: "deterioration", severity: "red" })).toBe(0);
  });
});

describe("the composite score", () => {
  it("adds caseload points and flag points, and lists every factor with its reason, largest first", () => {
    const index = buildIndex(
      dataset({
        years,
        values: {
          "100": {
            caseload_fte: years.map((y) => num(y, 19.5)),
            agency_rate_fte: years.map((y) => num(y, 41)),
            re_referrals_percent: years.map((y) => num(y, 40)),
          },
        },
      }),
    );
    const result = evaluateFlags(index, "100", knownPeriods(index, AS_AT), AS_AT);
    const { score, factors } = scoreAssessment(result);
    // caseload 19.5 → 3.5; agency 41% → red level (2) + red vs region median 12 (2); re-referrals score nothing
    expect(score).toBe(7.5);
    expect(factors.map((f) => [f.label, f.points])).toEqual([
      ["Caseload", 3.5],
      ["Agency rate: at or above a set level", 2],
      ["Agency rate: worse than comparators", 2],
    ]);
    expect(factors[0]!.reason).toBe("19.5 cases per social worker at 30 September 2024: 1 point for each case above 16, up to 6.");
  });

  it("an ordinary authority scores 0 with no factors", () => {
    const index = buildIndex(dataset({ years }));
    expect(scoreAssessment(evaluateFlags(index, "100", knownPeriods(index, AS_AT), AS_AT))).toEqual({ score: 0, factors: [] });
  });
});
