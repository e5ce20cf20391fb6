// Decision 0021 over the real imported data: both DfE statistical-neighbour groupings are stored side
// by side, and the LA page compares each period with the grouping in force when it was published — the
// May 2025 grouping for 2025 figures, April 2021 for 2021–2024 — unless the reader chooses one.
// The published files hold the 2025 editions beside the 2024 ones (decision 0020), so 2025 periods
// exist. Expected medians worked out by hand from the raw files (csww_indicators_2017_to_2025.csv,
// agency_rate_fte; neighbour lists from the two grouping files):
// • Birmingham (330) 2025, May 2025 list 892,352,380,391,353,889,373,806,852,355:
//   10.4, 5.9, 22.2, 5.8, 15.2, 8.1, 0.4, 25.6, 8, 6.3 → median (8 + 8.1)/2 = 8.05 of 10.
// • Birmingham 2024, April 2021 list 821,333,336,892,352,335,308,831,320,380:
//   24.5, 15.2, 14.2, 15.5, 8.7, 11.2, 15.4, 0.4, 28.6, 31.8 → median 15.3 (as tests/integration/dashboard.test.ts).
// • Birmingham 2024 with the May 2025 list chosen: 15.5, 8.7, 31.8, 7, 32.3, 8.8, 2.8, 32.2, 2.9, 11.6 → 10.2.
// • Cumberland (942) 2025, its own May 2025 list 943,925,884,888,813,384,860,929,371,370:
//   25.8, 5.8, 18.3, 3.6, 3.9, 15.2, 8.8, 1.4, 12.8, 13 → median 10.8.
// • Cumberland 2024: April 2021 predates it, so Cumbria's list (925,926,830,891,860,885,935,940,893,878):
//   13.4, 3.8, 10, 16.5, 7.6, 13, 3.7, 24.5, 18.6, 30 → median 13.2.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDashboard } from "@/lib/dashboard/build";
import type { Snapshot } from "@/lib/dashboard/snapshot";
import { loadRiskDataset } from "@/lib/risk/dataset";
import { useTestDatabase } from "./helpers";
import { currentSnapshot } from "./snapshot-fixture";

const published = path.resolve(import.meta.dirname, "../../prisma/data/published");

/** The lists as the two files have them, read here (not by the importer). */
function lists(): { april2021: Map<string, string[]>; may2025: Map<string, { la: string; label: string }[]> } {
  const a = parse(fs.readFileSync(path.join(published, "New_Statistical_Neighbour_Groupings_April_2021.csv"), "utf8"), {
    bom: true,
    relax_column_count: true,
  }) as string[][];
  const april2021 = new Map<string, string[]>();
  for (const r of a.slice(1)) {
    if (r[0]!.trim() === "") break;
    april2021.set(
      r[0]!,
      Array.from({ length: 10 }, (_, k) => r[5 + 2 * k]!),
    );
  }
  const b = parse(fs.readFileSync(path.join(published, "sn_model_2025_wide.csv"), "utf8"), { bom: true, columns: true }) as Record<
    string,
    string
  >[];
  const may2025 = new Map(
    b.map((r) => [r.old_la_code!, Array.from({ length: 10 }, (_, k) => ({ la: r[`SN_${k + 1}`]!, label: r[`SN_${k + 1}P`]! }))]),
  );
  return { april2021, may2025 };
}

describe("statistical neighbour groupings on the LA page", () => {
  const t = useTestDatabase("loaded");
  let s: Snapshot;
  const { april2021, may2025 } = lists();
  const view = (year: number, grouping?: string) =>
    ({ indicator: "agency_rate_fte", comparator: "median", year, ...(grouping ? { grouping } : {}) }) as const;
  const agencyCard = (la: string, year: number, grouping?: string) =>
    buildDashboard(s, la, view(year, grouping)).cards.find((c) => c.meta.id === "agency_rate_fte")!;

  beforeAll(async () => {
    s = await currentSnapshot(t);
  });

  it("stores both groupings side by side, each with its own lists and bands", async () => {
    expect(await t.prisma.neighbourModel.findMany({ select: { id: true, label: true }, orderBy: { id: "asc" } })).toEqual([
      { id: "2021-04", label: "April 2021" },
      { id: "2025-05", label: "May 2025" },
    ]);
    // April 2021: 152 lists + Cumberland's and Westmorland and Furness's inherited from Cumbria; May 2025: 153 lists, none inherited
    expect(await t.prisma.statisticalNeighbour.count({ where: { model: "2021-04" } })).toBe(1540);
    expect(await t.prisma.statisticalNeighbour.count({ where: { model: "2025-05" } })).toBe(1530);
    expect(await t.prisma.statisticalNeighbour.count({ where: { model: "2025-05", inheritedFrom: { not: null } } })).toBe(0);
    expect(s.neighbourModels.map((m) => m.id)).toEqual(["2021-04", "2025-05"]);
  });

  it("compares a 2025 figure with the May 2025 grouping", () => {
    const card = agencyCard("330", 2025);
    expect(card.period).toBe(2025);
    expect(card.neighbourGrouping).toMatchObject({ model: { id: "2025-05", label: "May 2025" }, chosen: false, beforeFirst: false });
    expect(card.neighbours).toMatchObject({ median: 8.05, counted: 10, listed: 10 });
    const d = buildDashboard(s, "330", view(2025));
    expect(d.neighbours.grouping?.model.id).toBe("2025-05");
    expect(d.neighbours.rows.map((r) => r.laNumber)).toEqual(may2025.get("330")!.map((n) => n.la));
    const headline = d.headlineTable.rows.find((r) => r[0] === "Agency social worker rate (FTE)")!;
    expect(headline.slice(7, 9)).toEqual(["8.1", "10 of 10"]);
    expect(headline[d.headlineTable.head.indexOf("Neighbour grouping")]).toBe("May 2025 grouping");
  });

  it("compares 2021–2024 figures with the April 2021 grouping", () => {
    const d = buildDashboard(s, "330", view(2024));
    expect(d.neighbours.grouping?.model.id).toBe("2021-04");
    expect(d.neighbours.rows.map((r) => r.laNumber)).toEqual(april2021.get("330"));
    const byPeriod = new Map(d.trend.points.map((p) => [p.period, p.comparator]));
    expect(byPeriod.get(2024)).toBe(15.3);
    expect(byPeriod.get(2025)).toBe(8.1); // 8.05 rounded half away from zero at the indicator's 1 dp
    expect(d.trend.groupings).toEqual([
      { label: "April 2021", periods: [2017, 2018, 2019, 2020], beforeFirst: true, chosen: false },
      { label: "April 2021", periods: [2021, 2022, 2023, 2024], beforeFirst: false, chosen: false },
      { label: "May 2025", periods: [2025], beforeFirst: false, chosen: false },
    ]);
    // the trend table keeps its columns; the notes say where the grouping changes or predates the figure
    const row = (period: string) => d.trend.table.rows.find((r) => r[0] === period)!;
    expect(row("2024")).toHaveLength(7);
    expect(row("2024")[6]).toBe("u: Low reliability: a data quality issue for this authority and year");
    expect(row("2025")[6]).toBe("statistical neighbours: May 2025 grouping from this period");
    expect(row("2019")[6]).toContain(
      "statistical neighbours: April 2021 grouping (published after this figure; the earliest grouping held)",
    );
    // children in need for the year to 31 March 2024 were published in October 2024: April 2021 too
    const cin = buildDashboard(s, "330", { indicator: "cin_at31_rate", comparator: "median", year: 2024 });
    expect(cin.neighbours.grouping?.model.id).toBe("2021-04");
    expect(cin.cards.find((c) => c.meta.id === "cin_at31_rate")?.neighbourGrouping?.model.id).toBe("2025-05"); // its latest period is 2025
  });

  it("uses the grouping the reader chooses for every period", () => {
    const may = buildDashboard(s, "330", view(2024, "2025-05"));
    expect(may.neighbours.grouping).toMatchObject({ model: { id: "2025-05" }, chosen: true });
    expect(may.trend.points.find((p) => p.period === 2024)?.comparator).toBe(10.2);
    expect(may.trend.groupings).toEqual([
      { label: "May 2025", periods: [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], beforeFirst: false, chosen: true },
    ]);
    const april = agencyCard("330", 2025, "2021-04");
    expect(april.neighbourGrouping).toMatchObject({ model: { id: "2021-04" }, chosen: true });
    expect(april.neighbours?.listed).toBe(10);
  });

  it("gives Cumberland its own 2025 list, with DfE's bands, and Cumbria's list for 2024", () => {
    const d2025 = buildDashboard(s, "942", view(2025));
    expect(d2025.neighbours.inheritedFrom).toBeNull();
    expect(d2025.neighbours.rows.map((r) => [r.laNumber, r.band])).toEqual(
      may2025.get("942")!.map((n) => [n.la, n.label.trim().toUpperCase().replace(" ", "_")]),
    );
    expect(agencyCard("942", 2025).neighbours?.median).toBe(10.8);
    const d2024 = buildDashboard(s, "942", view(2024));
    expect(d2024.neighbours.inheritedFrom).toEqual({ laNumber: "909", name: "Cumbria" });
    expect(d2024.neighbours.rows.map((r) => r.laNumber)).toEqual(april2021.get("909"));
    expect(d2024.trend.points.find((p) => p.period === 2024)?.comparator).toBe(13.2);
    expect(d2024.neighbours.models.map((m) => [m.id, m.hasList])).toEqual([
      ["2021-04", true],
      ["2025-05", true],
    ]);
    expect(buildDashboard(s, "909", view(2022)).neighbours.models.map((m) => [m.id, m.hasList])).toEqual([
      ["2021-04", true],
      ["2025-05", false],
    ]);
  });

  it("leaves the risk engine on the April 2021 grouping it was calibrated on", async () => {
    const dataset = await loadRiskDataset(t.prisma);
    expect(dataset.neighbours?.publishedOn).toBe("2021-04-01");
    expect(dataset.neighbours?.lists["330"]).toEqual(april2021.get("330"));
  });
});
