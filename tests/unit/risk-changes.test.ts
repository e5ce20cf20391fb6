import { describe, expect, it } from "vitest";
import { createAssessor } from "@/lib/risk/assess";
import { lastReleaseDay, scoreMoves } from "@/lib/risk/changes";
import { buildIndex } from "@/lib/risk/series";
import { dataset, num } from "./risk-fixtures";

const years = [2021, 2022, 2023, 2024];

describe("what moved a score since the last release", () => {
  // LA 100's agency rate: 12% until 2023, 45% at 30 September 2024 (published end of February 2025)
  const ds = dataset({ years, values: { "100": { agency_rate_fte: [num(2021, 12), num(2022, 12), num(2023, 12), num(2024, 45)] } } });
  const index = buildIndex(ds);
  const assessor = createAssessor(index);

  it("finds the day the newest release the engine reads was published", () => {
    expect(lastReleaseDay(index, "2025-03-01")).toBe("2025-02-28");
    // children in need for the year to 31 March 2024 came out at the end of October 2024
    expect(lastReleaseDay(index, "2025-01-15")).toBe("2024-10-31");
  });

  it("lists each factor that changed, with its points before and after", () => {
    const since = lastReleaseDay(index, "2025-03-01")!;
    const moved = scoreMoves(since, assessor.assess("100", since)!, assessor.assess("100", "2025-03-01")!);
    expect(moved.before).toBe(0);
    expect(moved.now).toBe(2);
    expect(moved.moves.map((m) => [m.label, m.before, m.now])).toEqual([["Agency rate: at or above a set level", 0, 2]]);
    // nothing moved for an ordinary LA
    expect(scoreMoves(since, assessor.assess("101", since)!, assessor.assess("101", "2025-03-01")!).moves).toEqual([]);
  });

  it("a factor that went away is listed at 0", () => {
    const moved = scoreMoves(
      "2025-02-28",
      {
        score: 2,
        factors: [{ indicatorId: "agency_rate_fte", area: "leadership_and_workforce", label: "Agency rate: x", points: 2, reason: "r" }],
      },
      { score: 0, factors: [] },
    );
    expect(moved.moves).toEqual([{ label: "Agency rate: x", area: "leadership_and_workforce", before: 2, now: 0, reason: null }]);
  });
});
