// "Changed since last review": the pure rule that decides whether a reviewed LA returns to the inbox
// after a new data release, and the reason it gives (lib/triage/reopen.ts, config in lib/triage/config.ts).
import { describe, expect, it } from "vitest";
import { createAssessor } from "@/lib/risk/assess";
import { buildIndex } from "@/lib/risk/series";
import { REOPEN_RULES } from "@/lib/triage/config";
import { changesSinceReview, describeChanges, indicatorWords } from "@/lib/triage/reopen";
import { readSnapshot, snapshotOf, type SnapshotFlag, type TriageSnapshot } from "@/lib/triage/snapshot";
import { authority, dataset, num } from "./risk-fixtures";

const flag = (over: Partial<SnapshotFlag> = {}): SnapshotFlag => ({
  indicatorId: "agency_rate_fte",
  kind: "threshold",
  severity: "amber",
  raw: "24.1",
  period: 2024,
  ...over,
});
const snap = (score: number, flags: SnapshotFlag[], releaseId = 8): TriageSnapshot => ({ releaseId, asAt: "2026-11-26", score, flags });

describe("changesSinceReview", () => {
  it("reopens for a new flag, citing the figure: 'agency rate 2025: 41.7%, new red flag'", () => {
    const reviewed = snap(3, [flag({ indicatorId: "caseload_fte", kind: "neighbours", raw: "19.9" })]);
    const now = snap(
      3,
      [
        flag({ kind: "threshold", severity: "red", raw: "41.7", period: 2025 }),
        flag({ indicatorId: "caseload_fte", kind: "neighbours", raw: "19.9" }),
      ],
      9,
    );
    const changes = changesSinceReview(reviewed, now);
    expect(changes).toEqual([{ kind: "new-flag", flag: now.flags[0] }]);
    expect(describeChanges(changes)).toBe("agency rate 2025: 41.7%, new red flag");
  });

  it("reopens when a flag's severity goes up from amber to red", () => {
    const reviewed = snap(4, [flag({ kind: "neighbours", severity: "amber", raw: "31.0" })]);
    const now = snap(4.5, [flag({ kind: "neighbours", severity: "red", raw: "38.2", period: 2025 })]);
    const changes = changesSinceReview(reviewed, now);
    expect(changes.map((c) => c.kind)).toEqual(["severity-up"]);
    expect(describeChanges(changes)).toBe("agency rate 2025: 38.2%, amber flag now red");
  });

  it(`reopens when the score rises by the margin (${REOPEN_RULES.scoreRise} point) or more, not less`, () => {
    expect(REOPEN_RULES.scoreRise).toBe(1);
    const f = [flag()];
    expect(changesSinceReview(snap(5, f), snap(6, f))).toEqual([{ kind: "score-up", from: 5, to: 6 }]);
    expect(describeChanges(changesSinceReview(snap(5, f), snap(7.5, f)))).toBe("score up 2.5 points (5 → 7.5)");
    expect(describeChanges(changesSinceReview(snap(5, f), snap(6, f)))).toBe("score up 1 point (5 → 6)");
    expect(changesSinceReview(snap(5, f), snap(5.9, f))).toEqual([]);
    // compared as shown, to one decimal place
    expect(changesSinceReview(snap(5.04, f), snap(6.0, f))).toEqual([{ kind: "score-up", from: 5, to: 6 }]);
  });

  it("stays closed when nothing changed, or when things only got better", () => {
    const f = [flag({ severity: "red", raw: "41.0" }), flag({ indicatorId: "turnover_rate_fte", kind: "deterioration" })];
    expect(changesSinceReview(snap(6, f), snap(6, f))).toEqual([]);
    // the same flags with a newer figure and period are the same flags
    expect(
      changesSinceReview(
        snap(6, f),
        snap(
          6,
          f.map((x) => ({ ...x, raw: "40.2", period: 2025 })),
        ),
      ),
    ).toEqual([]);
    // red → amber, a flag gone, the score down
    expect(changesSinceReview(snap(6, f), snap(2, [flag({ severity: "amber", raw: "30.0" })]))).toEqual([]);
  });

  it("lists every change, grouped by indicator, then the score", () => {
    const reviewed = snap(2, [flag({ kind: "neighbours", severity: "amber" })]);
    const now = snap(7, [
      flag({ kind: "threshold", severity: "red", raw: "42.0", period: 2025 }),
      flag({ kind: "neighbours", severity: "red", raw: "42.0", period: 2025 }),
      flag({ kind: "deterioration", severity: "red", raw: "42.0", period: 2025 }),
      flag({ indicatorId: "cpp_subsequent_percent", kind: "rising", severity: "amber", raw: "27.3", period: 2025 }),
    ]);
    expect(describeChanges(changesSinceReview(reviewed, now))).toBe(
      "agency rate 2025: 42.0%, 2 new red flags, amber flag now red; repeat CP plans 2025: 27.3%, new amber flag; score up 5 points (2 → 7)",
    );
  });

  it("follows the rules it is given", () => {
    const reviewed = snap(2, []);
    const now = snap(3.5, [flag()]);
    expect(changesSinceReview(reviewed, now, { newFlag: false, severityUp: true, scoreRise: 2 })).toEqual([]);
    expect(changesSinceReview(reviewed, now, { newFlag: false, severityUp: true, scoreRise: 1.5 }).map((c) => c.kind)).toEqual([
      "score-up",
    ]);
  });
});

describe("words and snapshots", () => {
  it("names indicators as they read in a sentence", () => {
    expect(indicatorWords("agency_rate_fte")).toBe("agency rate");
    expect(indicatorWords("caseload_fte")).toBe("caseload");
    expect(indicatorWords("cpp_subsequent_percent")).toBe("repeat CP plans");
  });

  it("takes a snapshot of an engine assessment and reads it back; a malformed one is null, not trusted", () => {
    const index = buildIndex(
      dataset({
        authorities: [authority("100"), authority("101"), authority("102"), authority("103"), authority("104"), authority("105")],
        values: { "100": { agency_rate_fte: [num(2023, 12), num(2024, 44.4)], caseload_fte: [num(2024, 19.5)] } },
      }),
    );
    const a = createAssessor(index).assess("100", "2026-11-26")!;
    const s = snapshotOf(a, 12);
    expect(s).toMatchObject({ releaseId: 12, asAt: "2026-11-26", score: a.score });
    expect(s.flags).toContainEqual({ indicatorId: "agency_rate_fte", kind: "threshold", severity: "red", raw: "44.4", period: 2024 });
    expect(readSnapshot(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(
      readSnapshot({ ...s, flags: [{ indicatorId: "agency_rate_fte", kind: "made-up", severity: "red", raw: "1", period: 2024 }] }),
    ).toBeNull();
    expect(readSnapshot(null)).toBeNull();
  });
});
