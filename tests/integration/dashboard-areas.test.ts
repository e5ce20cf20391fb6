// The dashboard by Ofsted area on the imported data (decision 0026): every headline indicator in exactly
// one area, each area's twin the rows of its cards, Ofsted per area from the inspection data, the
// small-numbers authorities from the ONS child population, and the home list's columns at their own periods.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDashboard } from "@/lib/dashboard/build";
import { DASHBOARD_INDICATORS } from "@/lib/dashboard/indicators";
import type { Snapshot } from "@/lib/dashboard/snapshot";
import { smallNumberAuthorities } from "@/lib/dashboard/areas";
import type { TestDatabase } from "./helpers";
import { loadedSnapshot } from "./snapshot-fixture";

describe("the dashboard by Ofsted area, on the imported data", () => {
  let t: TestDatabase;
  let s: Snapshot;
  beforeAll(async () => ({ t, s } = await loadedSnapshot()));
  afterAll(async () => t.drop());

  const view = { indicator: "agency_rate_fte", comparator: "median", year: 2024 } as const;

  it("puts every headline card in exactly one area, and each area's table twin holds its cards' rows", () => {
    const d = buildDashboard(s, "330", view);
    const ids = d.areas.flatMap((a) => a.cards.map((c) => c.meta.id));
    expect(ids.sort()).toEqual([...DASHBOARD_INDICATORS].sort());
    for (const a of d.areas) {
      expect(a.table.head).toEqual(d.headlineTable.head);
      expect(a.table.rows).toEqual(d.headlineTable.rows.filter((r) => a.cards.some((c) => c.meta.label === r[0])));
    }
    expect(d.areas.find((a) => a.id === "children_in_care")!.cards.map((c) => c.meta.id)).toContain("cla_at31_rate");
  });

  it("gives each area its Ofsted judgement at Birmingham's two graded inspections, and the latest per area", () => {
    const d = buildDashboard(s, "330", view);
    const hp = d.areas.find((a) => a.id === "help_and_protection")!;
    expect(hp.judgements).toHaveLength(d.ofsted.graded.length);
    expect(hp.judgements.map((j) => j.judgement)).toEqual(d.ofsted.graded.map((g) => g.helpAndProtection));
    expect(d.areas.find((a) => a.id === "outcomes")!.judgements).toEqual([]);
    expect(d.latestJudgements.map((j) => j.area)).toEqual([
      "help_and_protection",
      "children_in_care",
      "care_leavers",
      "leadership_and_workforce",
    ]);
    expect(d.latestJudgements.find((j) => j.area === "help_and_protection")!.judgement).toBe(d.ofsted.position?.helpAndProtection);
  });

  it("finds exactly the Isles of Scilly and the City of London below 5,000 children", () => {
    expect([...smallNumberAuthorities(s.smallNumbersBase)].sort()).toEqual(["201", "420"]);
    expect(buildDashboard(s, "420", view).smallNumbers).toEqual({ population: 319, threshold: 5000 });
    expect(buildDashboard(s, "330", view).smallNumbers).toBeNull();
  });

  it("moving the wrong way: only cards that got worse, at most three", () => {
    const d = buildDashboard(s, "330", view);
    expect(d.movers.length).toBeLessThanOrEqual(3);
    for (const c of d.movers) expect(c.change?.assessment).toBe("worse");
  });
});
