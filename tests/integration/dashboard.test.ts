// The dashboard's derived numbers (ranks, quartiles, neighbour medians/means) over the real imported
// data, against values worked out by hand from the raw CSV (csww_indicators_2017_to_2024.csv, 2024
// and 2022 LA rows; neighbour lists from New_Statistical_Neighbour_Groupings_April_2021.csv):
//
// • turnover_rate_fte 2024: 150 numeric LA rows (joint rows once). Birmingham 12.9; 62 rows are lower
//   and 3 rows equal 12.9 → joint 63rd of 150, quartile floor(4·62/150)+1 = 2 (second-best 25%).
// • Birmingham's neighbours 821,333,336,892,352,335,308,831,320,380 turnover 2024:
//   10.2, 10, 9.6, 17.6, 11.9, 8.1, 12.7, 4.6, 9.3, 11.9 → median (10 + 10.2)/2 = 10.1, mean 10.59 → 10.6.
// • agency_rate_fte 2024: Birmingham is "u" (not ranked); 147 numeric rows; neighbours 24.5, 15.2, 14.2,
//   15.5, 8.7, 11.2, 15.4, 0.4, 28.6, 31.8 → median 15.3, mean 16.55 → 16.6.
// • Richmond (318) agency 2024: neighbour 314 Kingston shares Richmond's own joint return, so it is left
//   out: 6.1, 11.8, 12.7, 13.9, 16.9, 22.4, 27.6, 27.6, 31.3 → median 16.9 of 9.
// • North Northamptonshire (940) turnover 2024: 941 is its own joint return (left out), 909 Cumbria has
//   no 2024 figure (skipped) → 5.2, 6.7, 8.2, 8.9, 10.8, 11.1, 12.9, 15.7 → median 9.85 → 9.9 of 8.
//   In 2022 Cumbria still existed (7.5) → 7.5, 10.3, 12.7, 13.7, 14, 14.2, 14.5, 15.9, 16.4 → median 14.
// • Birmingham Ofsted: Requires improvement (inspected 3 Dec 2018) → Good (20 Feb 2023): improved.
// • Isles of Scilly agency 2024 = 100 (next highest 44.3): off the comparison chart's scale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDashboard } from "@/lib/dashboard/build";
import type { Snapshot } from "@/lib/dashboard/snapshot";
import { loadSnapshot, releaseStamp } from "@/lib/dashboard/server";
import { createTestDatabase, type TestDatabase } from "./helpers";

describe("dashboard figures from the imported data", () => {
  let t: TestDatabase;
  let s: Snapshot;
  beforeAll(async () => {
    t = await createTestDatabase("loaded");
    s = await loadSnapshot(t.prisma, await releaseStamp(t.prisma));
  });
  afterAll(async () => t.drop());

  const card = (la: string, id: string, view = { indicator: "agency_rate_fte", comparator: "median", year: 2024 } as const) =>
    buildDashboard(s, la, view).cards.find((c) => c.meta.id === id)!;

  it("Birmingham turnover 2024: published figure, joint 63rd of 150, second quartile", () => {
    const c = card("330", "turnover_rate_fte");
    expect(c.latest?.raw).toBe("12.9");
    expect(c.england?.raw).toBe("13.8");
    expect(c.region?.raw).toBe("11.9");
    expect(c.rank).toEqual({ rank: 63, of: 150, tied: true, quartile: 2 });
    expect(c.quartile?.label).toBe("Second-best 25%");
  });

  it("Birmingham neighbours' turnover median 10.1 and mean 10.6 (computed)", () => {
    const d = buildDashboard(s, "330", { indicator: "turnover_rate_fte", comparator: "mean", year: 2024 });
    expect(d.cards.find((c) => c.meta.id === "turnover_rate_fte")?.neighbours).toMatchObject({ median: 10.1, counted: 10, listed: 10 });
    const p2024 = d.trend.points.find((p) => p.period === 2024)!;
    expect(p2024.comparator).toBe(10.6);
    expect(p2024.laText).toBe("12.9");
    const median = buildDashboard(s, "330", { indicator: "turnover_rate_fte", comparator: "median", year: 2024 });
    expect(median.trend.table.rows.find((r) => r[0] === "2024")).toEqual(["2024", "12.9", "13.8", "11.9", "10.1", "10 of 10", ""]);
  });

  it("Birmingham agency 2024 is 'u': shown as the marker, not ranked; neighbours median 15.3, mean 16.6", () => {
    const c = card("330", "agency_rate_fte");
    expect(c.latest).toMatchObject({ marker: "u", raw: "u", value: null });
    expect(c.rank).toBeNull();
    expect(c.neighbours).toMatchObject({ median: 15.3, counted: 10 });
    const d = buildDashboard(s, "330", { indicator: "agency_rate_fte", comparator: "mean", year: 2024 });
    expect(d.trend.points.find((p) => p.period === 2024)).toMatchObject({ la: null, comparator: 16.6 });
    expect(d.comparison.ranked).toBe(147);
    expect(d.comparison.table.rows.find((r) => r[2] === "330")).toEqual([
      "",
      "Birmingham",
      "330",
      "u",
      "this authority; not ranked: Low reliability: a data quality issue for this authority and year",
    ]);
  });

  it("Richmond: Kingston (own joint return) is left out of its neighbours' median", () => {
    expect(card("318", "agency_rate_fte").neighbours).toMatchObject({ median: 16.9, counted: 9, listed: 10, merged: ["314"] });
  });

  it("North Northamptonshire: Cumbria skipped after abolition, counted while it existed", () => {
    expect(card("940", "turnover_rate_fte").neighbours).toMatchObject({
      counted: 8,
      merged: ["941"],
      skipped: [{ laNumber: "909", reason: "none" }],
    });
    const headline = buildDashboard(s, "940", { indicator: "turnover_rate_fte", comparator: "median", year: 2024 }).headlineTable;
    expect(headline.rows.find((r) => r[0] === "Social worker turnover rate (FTE)")?.slice(7, 9)).toEqual(["9.9", "8 of 10"]);
    const d = buildDashboard(s, "940", { indicator: "turnover_rate_fte", comparator: "median", year: 2022 });
    expect(d.trend.points.find((p) => p.period === 2022)?.comparator).toBe(14);
    const cumbria = d.neighbours.rows.find((r) => r.laNumber === "909")!;
    expect(cumbria).toMatchObject({ name: "Cumbria", abolished: "2023-03-31", lastFigures: "workforce 2022, children in need 2022-23" });
    expect(cumbria.latest.every((v) => v.figure === null)).toBe(true);
  });

  it("the joint return is one unit in the all-LA comparison, ranked once", () => {
    const d = buildDashboard(s, "314", { indicator: "agency_rate_fte", comparator: "median", year: 2024 });
    const joint = d.comparison.units.filter((u) => u.laNumbers.includes("314") || u.laNumbers.includes("318"));
    expect(joint).toHaveLength(1);
    expect(joint[0]).toMatchObject({ name: "Kingston upon Thames / Richmond upon Thames", role: "subject" });
    expect(d.comparison.table.rows.find((r) => r[2] === "314 / 318")?.[3]).toBe("19");
  });

  it("Isles of Scilly's 100% agency rate stays in the data but is off the chart's scale", () => {
    const d = buildDashboard(s, "330", { indicator: "agency_rate_fte", comparator: "median", year: 2024 });
    const scilly = d.comparison.units.find((u) => u.laNumbers.includes("420"))!;
    expect(scilly.figure.raw).toBe("100");
    expect(scilly.offScale).toBe(true);
    expect(d.comparison.units.filter((u) => u.offScale).map((u) => u.name)).toEqual(["Isles of Scilly"]);
  });

  it("Cumberland inherits Cumbria's neighbours, says so, and has no figures before it existed", () => {
    const d = buildDashboard(s, "942", { indicator: "agency_rate_fte", comparator: "median", year: 2024 });
    expect(d.neighbours.inheritedFrom).toEqual({ laNumber: "909", name: "Cumbria" });
    expect(d.neighbours.rows).toHaveLength(10);
    expect(d.trend.points.filter((p) => p.la !== null).map((p) => p.period)).toEqual([2023, 2024]);
    expect(
      d.trend.annotations.some((a) => a.kind === "boundary" && a.text.startsWith("Cumberland was created on 1 April 2023 from Cumbria")),
    ).toBe(true);
  });

  it("Ofsted: Birmingham's previous judgement and direction of travel", () => {
    const d = buildDashboard(s, "330", { indicator: "agency_rate_fte", comparator: "median", year: 2024 });
    expect(d.ofsted.graded.map((g) => [g.inspectionDate, g.overall])).toEqual([
      ["2023-02-20", "GOOD"],
      ["2018-12-03", "REQUIRES_IMPROVEMENT"],
    ]);
    expect(d.ofsted.travel).toBe("improved");
    expect(d.trend.inspections.map((m) => m.date)).toContain("2023-02-20");
  });
});
