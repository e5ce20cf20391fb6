// The dashboard's derived numbers (ranks, quartiles, neighbour medians/means) over the real imported
// data, against values worked out by hand from the raw CSV (csww_indicators_2017_to_2025.csv, 2025,
// 2024 and 2022 LA rows; neighbour lists from New_Statistical_Neighbour_Groupings_April_2021.csv and
// sn_model_2025_wide.csv). Cards show the latest year (2025 since the 2025 release is default data,
// decision 0020); trend points and the comparison chart show the year asked for. Each period is
// compared with the grouping in force when it was published (decision 0021): 2025 workforce figures
// with May 2025, 2021–2024 with April 2021; `grouping: "2021-04"` asks for April 2021 throughout.
//
// • turnover_rate_fte 2025: 148 numeric LA rows (joint rows once; Kensington and Chelsea and
//   Westminster x, Isles of Scilly z). Birmingham 8.5; 27 rows are lower and one other equals 8.5 →
//   joint 28th of 148, quartile floor(4·27/148)+1 = 1 (best 25%). England 11.8, West Midlands 11.5.
// • Birmingham's neighbours 821,333,336,892,352,335,308,831,320,380 turnover 2025:
//   7.9, 8.1, 8.7, 10.8, 11, 11.1, 12.5, 13.2, 13.4, 20 (sorted) → median (11 + 11.1)/2 = 11.05.
//   The May 2025 list 892,352,380,391,353,889,373,806,852,355 in 2025: 7.4, 8.6, 8.7, 10.3, 10.7, 12.5,
//   13.2, 14, 14.2, 16.9 (sorted) → median (10.7 + 12.5)/2 = 11.6.
//   In 2024: 10.2, 10, 9.6, 17.6, 11.9, 8.1, 12.7, 4.6, 9.3, 11.9 → median (10 + 10.2)/2 = 10.1, mean
//   10.59 → 10.6. England 2024 is 13.9 (13.8 in the 2024 edition, revised by the 2025 one).
// • agency_rate_fte 2024: Birmingham is "u" (not ranked); 147 numeric rows; neighbours 24.5, 15.2, 14.2,
//   15.5, 8.7, 11.2, 15.4, 0.4, 28.6, 31.8 → median 15.3, mean 16.55 → 16.6. In 2025 Birmingham is 12.4:
//   72 of 148 rows lower, none equal → 73rd of 148; neighbours 0, 5.9, 7.7, 7.9, 9.9, 9.9, 10.4, 15.4,
//   22.2, 28.9 → median 9.9; the May 2025 list: 0.4, 5.8, 5.9, 6.3, 8, 8.1, 10.4, 15.2, 22.2, 25.6 → median
//   (8 + 8.1)/2 = 8.05. Kensington and Chelsea (207) is x in 2025: shown as the marker, not ranked.
// • Richmond (318) agency 2025: neighbour 314 Kingston shares Richmond's own joint return, so it is left
//   out: 7.4, 11.4, 13.1, 13.4, 14.5, 20.3, 20.6, 23.2, 25.6 → median 14.5 of 9. Kingston is in its May 2025
//   list too (868,314,936,872,305,358,825,919,800,869): 7.4, 9.8, 11.4, 13.1, 14.5, 20.6, 23.2, 25.6, 29 →
//   median 14.5 of 9 again.
// • North Northamptonshire (940) turnover 2025: 941 is its own joint return (left out), 909 Cumbria has
//   no 2025 figure (skipped) → 5.7, 8.4, 9.5, 9.8, 11.3, 12.3, 15.4, 15.5 → median 10.55 → 10.6 of 8.
//   In 2022 Cumbria still existed (7.5) → 7.5, 10.3, 12.7, 13.7, 14, 14.2, 14.5, 15.9, 16.4 → median 14.
//   Its May 2025 list (866,941,935,925,933,883,891,813,887,384) has no Cumbria; 941 left out → 5.7, 9.5,
//   9.8, 11, 11.9, 12.6, 13.1, 14.9, 17.5 → median 11.9 of 9.
// • Birmingham Ofsted: Requires improvement (inspected 3 Dec 2018) → Good (20 Feb 2023): improved.
// • Isles of Scilly agency 2024 = 100 (next highest 44.3): off the comparison chart's scale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDashboard } from "@/lib/dashboard/build";
import type { Snapshot } from "@/lib/dashboard/snapshot";
import type { TestDatabase } from "./helpers";
import { loadedSnapshot } from "./snapshot-fixture";

describe("dashboard figures from the imported data", () => {
  let t: TestDatabase;
  let s: Snapshot;
  beforeAll(async () => ({ t, s } = await loadedSnapshot()));
  afterAll(async () => t.drop());

  const card = (la: string, id: string, grouping?: string) =>
    buildDashboard(s, la, { indicator: "agency_rate_fte", comparator: "median", year: 2024, ...(grouping ? { grouping } : {}) }).cards.find(
      (c) => c.meta.id === id,
    )!;

  it("Birmingham turnover 2025: published figure, joint 28th of 148, best quartile", () => {
    const c = card("330", "turnover_rate_fte");
    expect(c.latest?.raw).toBe("8.5");
    expect(c.england?.raw).toBe("11.8");
    expect(c.region?.raw).toBe("11.5");
    expect(c.rank).toEqual({ rank: 28, of: 148, tied: true, quartile: 1 });
    expect(c.quartile?.label).toBe("Best 25% of authorities");
  });

  it("Birmingham neighbours' turnover median 11.6 in 2025 (11.05 with April 2021's list); 10.1 and mean 10.6 in 2024 (computed)", () => {
    const d = buildDashboard(s, "330", { indicator: "turnover_rate_fte", comparator: "mean", year: 2024 });
    expect(d.cards.find((c) => c.meta.id === "turnover_rate_fte")?.neighbours).toMatchObject({ median: 11.6, counted: 10, listed: 10 });
    expect(card("330", "turnover_rate_fte", "2021-04").neighbours).toMatchObject({ median: 11.05, counted: 10, listed: 10 });
    const p2024 = d.trend.points.find((p) => p.period === 2024)!;
    expect(p2024.comparator).toBe(10.6);
    expect(p2024.laText).toBe("12.9");
    const median = buildDashboard(s, "330", { indicator: "turnover_rate_fte", comparator: "median", year: 2024 });
    // England's 2024 figure was 13.8 in the 2024 edition: the row says the 2025 release revised it (issue 17)
    expect(median.trend.table.rows.find((r) => r[0] === "2024")).toEqual([
      "2024",
      "12.9",
      "13.9",
      "11.9",
      "10.1",
      "10 of 10",
      "England: revised in the 2025 release (csww_indicators_2017_to_2025.csv) from 13.8% to 13.9%",
    ]);
    // a figure no release revised says nothing
    expect(median.trend.table.rows.find((r) => r[0] === "2023")!.at(-1)).not.toMatch(/revised/);
  });

  it("Birmingham agency 2024 is 'u': shown as the marker, not ranked; neighbours median 15.3, mean 16.6", () => {
    // the card shows 2025, when Birmingham published 12.4; Kensington and Chelsea's latest is the marker x
    const c = card("330", "agency_rate_fte");
    expect(c.latest).toMatchObject({ marker: null, raw: "12.4", value: 12.4 });
    expect(c.rank).toEqual({ rank: 73, of: 148, tied: false, quartile: 2 });
    expect(c.neighbours).toMatchObject({ median: 8.05, counted: 10 }); // May 2025 grouping
    expect(card("330", "agency_rate_fte", "2021-04").neighbours).toMatchObject({ median: 9.9, counted: 10 });
    const kc = card("207", "agency_rate_fte");
    expect(kc.latest).toMatchObject({ marker: "x", raw: "x", value: null });
    expect(kc.rank).toBeNull();
    const d = buildDashboard(s, "330", { indicator: "agency_rate_fte", comparator: "mean", year: 2024 });
    expect(d.trend.points.find((p) => p.period === 2024)).toMatchObject({ la: null, comparator: 16.6 });
    const median = buildDashboard(s, "330", { indicator: "agency_rate_fte", comparator: "median", year: 2024 });
    expect(median.trend.points.find((p) => p.period === 2024)).toMatchObject({ la: null, comparator: 15.3 });
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
    expect(card("318", "agency_rate_fte").neighbours).toMatchObject({ median: 14.5, counted: 9, listed: 10, merged: ["314"] });
    expect(card("318", "agency_rate_fte", "2021-04").neighbours).toMatchObject({ median: 14.5, counted: 9, listed: 10, merged: ["314"] });
  });

  it("North Northamptonshire: Cumbria skipped after abolition, counted while it existed", () => {
    // April 2021's list, which has Cumbria, asked for; 2025's own grouping no longer lists it
    expect(card("940", "turnover_rate_fte", "2021-04").neighbours).toMatchObject({
      counted: 8,
      merged: ["941"],
      skipped: [{ laNumber: "909", reason: "none" }],
    });
    expect(card("940", "turnover_rate_fte").neighbours).toMatchObject({ median: 11.9, counted: 9, merged: ["941"], skipped: [] });
    const row = (grouping?: string) =>
      buildDashboard(s, "940", {
        indicator: "turnover_rate_fte",
        comparator: "median",
        year: 2024,
        ...(grouping ? { grouping } : {}),
      }).headlineTable.rows.find((r) => r[0] === "Social worker turnover rate (FTE)")!;
    expect(row("2021-04").slice(7, 9)).toEqual(["10.6", "8 of 10"]);
    expect(row().slice(7, 9)).toEqual(["11.9", "9 of 10"]);
    const d = buildDashboard(s, "940", { indicator: "turnover_rate_fte", comparator: "median", year: 2022 });
    expect(d.trend.points.find((p) => p.period === 2022)?.comparator).toBe(14);
    const cumbria = d.neighbours.rows.find((r) => r.laNumber === "909")!;
    // (its rows in the children looked after files for 2024 and 2025 are all z: not figures, not stored)
    expect(cumbria).toMatchObject({
      name: "Cumbria",
      abolished: "2023-03-31",
      lastFigures: "workforce 2022, children in need 2022-23, children looked after 2022-23, care leavers 2022-23, outcomes 2022/23",
    });
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
    expect(d.trend.points.filter((p) => p.la !== null).map((p) => p.period)).toEqual([2023, 2024, 2025]);
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
