// The board pack's pure parts: its date from the query, the snapshot narrowed to what was published
// before that date (and the dashboard built from it), cards by Ofsted area, an action's last-updated day.
import { describe, expect, it } from "vitest";
import { cardsByArea, snapshotAsAt } from "@/lib/board-pack/as-at";
import { readBoardPackDate } from "@/lib/board-pack/date";
import { lastUpdatedOn } from "@/lib/board-pack/plan";
import { buildDashboard } from "@/lib/dashboard/build";
import { indicatorMeta } from "@/lib/dashboard/indicators";
import { emptyIndicatorValues, type InspectionInfo, type Snapshot } from "@/lib/dashboard/snapshot";
import type { Figure, LaFigure } from "@/lib/dashboard/types";

/** the day the test says it is (passed in, never the real clock) */
const TODAY = "2026-06-15";

describe("the board pack's date", () => {
  it("is today when nothing is entered", () => {
    expect(readBoardPackDate({}, TODAY)).toMatchObject({ asAt: TODAY, chosen: false, error: null });
  });

  it("reads the GOV.UK date input's boxes, and a yyyy-mm-dd link", () => {
    expect(readBoardPackDate({ "date-day": "1", "date-month": "10", "date-year": "2025" }, TODAY)).toMatchObject({
      asAt: "2025-10-01",
      chosen: true,
      error: null,
    });
    expect(readBoardPackDate({ date: "2025-03-01" }, TODAY)).toMatchObject({ asAt: "2025-03-01", chosen: true, error: null });
  });

  it("reports a wrong, future or too early date and falls back to today", () => {
    expect(readBoardPackDate({ "date-day": "31", "date-month": "2", "date-year": "2025" }, TODAY)).toMatchObject({
      asAt: TODAY,
      chosen: false,
      error: "The date of the board pack must be a real date",
    });
    expect(readBoardPackDate({ "date-day": "1", "date-year": "2025" }, TODAY).error).toBe(
      "The date of the board pack must include a month",
    );
    expect(readBoardPackDate({ date: "2026-06-16" }, TODAY).error).toBe("The date of the board pack must be today or in the past");
    expect(readBoardPackDate({ date: "1999-01-01" }, TODAY).error).toBe("The date of the board pack must be 1 January 2010 or later");
    expect(readBoardPackDate({ date: "not a date" }, TODAY).asAt).toBe(TODAY);
  });
});

// One LA (330, West Midlands E12000005) and its neighbour 331, agency rate at 30 September 2022–2024.
function figure(value: number): Figure {
  return { value, marker: null, raw: value.toFixed(1) };
}
function laFigure(laNumber: string, value: number): LaFigure {
  return { ...figure(value), laNumber, jointReturnId: null };
}
function inspection(inspectionDate: string, publicationDate: string | null, overall: InspectionInfo["overall"]): InspectionInfo {
  return {
    type: "ILACS_STANDARD",
    inspectionDate,
    publicationDate,
    overall,
    leadership: overall,
    helpAndProtection: overall,
    childrenInCare: overall,
    careLeavers: null,
    visitTheme: null,
  };
}
function snapshot(): Snapshot {
  const agency = emptyIndicatorValues();
  const west = new Map<number, Figure>();
  for (const [period, la, neighbour, england] of [
    [2022, 10, 12, 15],
    [2023, 14, 11, 16],
    [2024, 18, 13, 17],
  ] as const) {
    agency.local.set(
      period,
      new Map([
        ["330", laFigure("330", la)],
        ["331", laFigure("331", neighbour)],
      ]),
    );
    agency.national.set(period, figure(england));
    west.set(period, figure(england + 1));
  }
  agency.regional.set("E12000005", west);
  agency.periods = [2022, 2023, 2024];
  const authority = (laNumber: string, name: string) => ({
    laNumber,
    name,
    onsCode: `E0800${laNumber}`,
    regionCode: "E12000005",
    regionName: "West Midlands",
    subRegionName: null,
    laType: null,
    existsFrom: null,
    existsTo: null,
    codes: [],
  });
  return {
    version: "1",
    indicators: [indicatorMeta("agency_rate_fte")],
    values: new Map([["agency_rate_fte", agency]]),
    authorities: new Map([
      ["330", authority("330", "Birmingham")],
      ["331", authority("331", "Coventry")],
    ]),
    onsToLa: new Map(),
    jointReturns: [],
    boundaryChanges: [],
    neighbourModels: [{ id: "2021-04", label: "April 2021", publishedOn: "2021-04-01" }],
    neighbours: new Map([
      ["2021-04", new Map([["330", [{ rank: 1, laNumber: "331", closeness: "Very close", band: "VERY_CLOSE", inheritedFrom: null }]]])],
    ]),
    inspections: new Map([
      ["330", [inspection("2022-06-10", "2022-08-01", "REQUIRES_IMPROVEMENT"), inspection("2025-01-20", "2025-03-10", "GOOD")]],
    ]),
    positions: { asAt: "2025-08-31", byLa: new Map() },
    releases: [],
    revisions: new Map(),
    smallNumbersBase: new Map([
      ["330", 280_000],
      ["331", 80_000],
    ]),
  } satisfies Snapshot;
}

describe("the snapshot as at a date", () => {
  it("keeps a workforce period only after the end of the February it is published in (the risk engine's rule)", () => {
    const before = snapshotAsAt(snapshot(), "2025-02-28").values.get("agency_rate_fte")!;
    expect([...before.local.keys()]).toEqual([2022, 2023]);
    expect(before.periods).toEqual([2022, 2023]);
    expect([...before.national.keys()]).toEqual([2022, 2023]);
    expect([...before.regional.get("E12000005")!.keys()]).toEqual([2022, 2023]);
    const after = snapshotAsAt(snapshot(), "2025-03-01").values.get("agency_rate_fte")!;
    expect(after.periods).toEqual([2022, 2023, 2024]);
  });

  it("keeps inspections published before the date, and the position list only if dated before it", () => {
    const s = snapshotAsAt(snapshot(), "2025-03-10");
    expect(s.inspections.get("330")!.map((i) => i.overall)).toEqual(["REQUIRES_IMPROVEMENT"]);
    expect(s.positions.asAt).toBeNull();
    const later = snapshotAsAt(snapshot(), "2025-09-01");
    expect(later.inspections.get("330")).toHaveLength(2);
    expect(later.positions.asAt).toBe("2025-08-31");
  });

  it("gives the dashboard's builder the figures of that date: latest card, comparators, trend and Ofsted", () => {
    const view = { indicator: "agency_rate_fte", comparator: "median", year: 2023 } as const;
    const d = buildDashboard(snapshotAsAt(snapshot(), "2025-01-15"), "330", view);
    const card = d.cards[0]!;
    expect(card.period).toBe(2023);
    expect(card.latest?.raw).toBe("14.0");
    expect(card.england?.raw).toBe("16.0");
    expect(card.region?.raw).toBe("17.0");
    expect(card.neighbours?.median).toBe(11);
    expect(card.change).toMatchObject({ direction: "up", delta: 4, assessment: "worse" });
    expect(card.spark.map((p) => p.value)).toEqual([10, 14]);
    expect(d.ofsted.graded.map((i) => i.overall)).toEqual(["REQUIRES_IMPROVEMENT"]);
    // today's pack has 2024 and the 2025 inspection
    const now = buildDashboard(snapshotAsAt(snapshot(), TODAY), "330", { ...view, year: 2024 });
    expect(now.cards[0]!.latest?.raw).toBe("18.0");
    expect(now.ofsted.graded.map((i) => i.overall)).toEqual(["GOOD", "REQUIRES_IMPROVEMENT"]);
  });

  it("groups cards by the catalogue's area, in the areas' order", () => {
    const d = buildDashboard(snapshot(), "330", { indicator: "agency_rate_fte", comparator: "median", year: 2024 });
    expect(cardsByArea(d.cards).map((a) => [a.id, a.cards.map((c) => c.meta.id)])).toEqual([
      ["leadership_and_workforce", ["agency_rate_fte"]],
    ]);
  });
});

describe("an action's last-updated day", () => {
  it("is the later of its last edit and its latest progress note, in England", () => {
    const notes = [
      { at: "2026-06-30T23:30:00.000Z", authorName: "A", narrative: "later" },
      { at: "2026-05-01T10:00:00.000Z", authorName: "B", narrative: "earlier" },
    ];
    // 23:30 UTC on 30 June is 00:30 BST on 1 July
    expect(lastUpdatedOn("2026-03-01T12:00:00.000Z", notes)).toBe("2026-07-01");
    expect(lastUpdatedOn("2026-08-02T12:00:00.000Z", notes)).toBe("2026-08-02");
    expect(lastUpdatedOn("2026-01-15T12:00:00.000Z", [])).toBe("2026-01-15");
  });
});
