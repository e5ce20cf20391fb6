// Revised figures said beside the figure (lib/dashboard/revisions.ts).
import { describe, expect, it } from "vitest";
import { revisionKey, revisionNotes } from "@/lib/dashboard/revisions";

const releases = new Map([
  [1, { id: 1, editionRank: 2024, fileName: "csww_indicators_2017_to_2024.csv" }],
  [2, { id: 2, editionRank: 2025, fileName: "csww_indicators_2017_to_2025.csv" }],
  [3, { id: 3, editionRank: 2025, fileName: "b1_children_in_need_2013_to_2025.csv" }],
]);

describe("revisionNotes", () => {
  it("names the revising release, the figure before and after, with the unit", () => {
    expect(
      revisionNotes("England", [{ previousRaw: "13.8", raw: "13.9", previousReleaseId: 1, releaseId: 2 }], "CSWW", "PERCENT", releases),
    ).toEqual(["England: revised in the 2025 release (csww_indicators_2017_to_2025.csv) from 13.8% to 13.9%"]);
  });

  it("keeps a marker as its letter, gives no % to a count, and labels a year to 31 March as such", () => {
    expect(
      revisionNotes("Birmingham", [{ previousRaw: "1520", raw: "c", previousReleaseId: 1, releaseId: 3 }], "CIN", "COUNT", releases),
    ).toEqual(["Birmingham: revised in the 2024-25 release (b1_children_in_need_2013_to_2025.csv) from 1520 to c"]);
  });

  it("lists every revision, oldest first, and says so when the release is not known", () => {
    const notes = revisionNotes(
      "England",
      [
        { previousRaw: "1", raw: "2", previousReleaseId: 1, releaseId: 2 },
        { previousRaw: "2", raw: "3", previousReleaseId: 2, releaseId: 99 },
      ],
      "CSWW",
      "RATE",
      releases,
    );
    expect(notes).toEqual([
      "England: revised in the 2025 release (csww_indicators_2017_to_2025.csv) from 1 to 2",
      "England: revised in a later release from 2 to 3",
    ]);
    expect(revisionNotes("England", [], "CSWW", "PERCENT", releases)).toEqual([]);
  });

  it("keys revisions by indicator, place and period", () => {
    expect(revisionKey("turnover_rate_fte", "E92000001", 2024)).toBe("turnover_rate_fte|E92000001|2024");
  });
});
