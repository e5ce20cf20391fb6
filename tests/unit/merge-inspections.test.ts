import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NO_JUDGEMENTS } from "@/lib/catalogue/judgements";
import { InspectionType, Judgement } from "@/lib/generated/prisma/enums";
import { eventClass, mergeInspections, type StoredInspection } from "@/lib/import/merge-inspections";
import { parseOfstedWorkbook } from "@/lib/import/parse-ofsted";
import type { OfstedEvent } from "@/lib/import/types";
import { directoryResolver } from "@/tests/fixtures/la-directory";

const { ILACS_STANDARD, ILACS_SHORT, ILACS_FOCUSED_VISIT, MONITORING_VISIT } = InspectionType;
const { GOOD, OUTSTANDING, REQUIRES_IMPROVEMENT: RI } = Judgement;

function ev(over: Partial<OfstedEvent>): OfstedEvent {
  return {
    laNumber: "302",
    type: ILACS_STANDARD,
    inspectionDate: null,
    publicationDate: null,
    ...NO_JUDGEMENTS,
    visitTheme: null,
    source: "test",
    ...over,
  };
}
const stored = (id: number, over: Partial<OfstedEvent>): StoredInspection => ({ ...ev(over), id });

describe("mergeInspections", () => {
  it("matches on equal inspection dates", () => {
    const a = stored(1, { inspectionDate: "2023-07-10", overall: GOOD });
    const { updates, inserts } = mergeInspections(
      [a],
      [ev({ inspectionDate: "2023-07-10", publicationDate: "2023-09-04", overall: GOOD, source: "new" })],
    );
    expect(inserts).toEqual([]);
    expect(updates).toEqual([{ ...a, publicationDate: "2023-09-04", source: "new" }]);
  });

  it("matches on equal publication dates even when the inspection date was revised", () => {
    const a = stored(1, { inspectionDate: "2023-07-10", publicationDate: "2023-08-25" });
    const { updates, inserts } = mergeInspections([a], [ev({ inspectionDate: "2023-07-11", publicationDate: "2023-08-25" })]);
    expect(inserts).toEqual([]);
    expect(updates.map((u) => [u.id, u.inspectionDate, u.publicationDate])).toEqual([[1, "2023-07-11", "2023-08-25"]]);
  });

  it("does not match on a date only one side has, or on different dates", () => {
    const a = stored(1, { inspectionDate: "2023-07-10" });
    const { updates, inserts } = mergeInspections([a], [ev({ publicationDate: "2023-07-10" }), ev({ inspectionDate: "2023-07-11" })]);
    expect(updates).toEqual([]);
    expect(inserts.length).toBe(2);
  });

  it("keeps LAs and classes apart; standard/short/null type are one graded class", () => {
    expect([ILACS_STANDARD, ILACS_SHORT, null].map(eventClass)).toEqual(["graded", "graded", "graded"]);
    const date = { inspectionDate: "2024-05-14" };
    const existing = [
      stored(1, { ...date, type: ILACS_SHORT }),
      stored(2, { ...date, type: ILACS_FOCUSED_VISIT, visitTheme: "Front door" }),
      stored(3, { ...date, type: MONITORING_VISIT }),
    ];
    const { updates, inserts } = mergeInspections(existing, [
      ev({ ...date, type: ILACS_STANDARD, overall: GOOD }), // graded: relabels the short inspection
      ev({ ...date, type: MONITORING_VISIT, visitTheme: "Care leavers" }),
      ev({ ...date, laNumber: "303", type: ILACS_FOCUSED_VISIT }), // other LA
    ]);
    expect(updates.map((u) => [u.id, u.type, u.overall, u.visitTheme])).toEqual([
      [1, ILACS_STANDARD, GOOD, null],
      [3, MONITORING_VISIT, null, "Care leavers"],
    ]);
    expect(inserts.map((e) => [e.laNumber, e.type])).toEqual([["303", ILACS_FOCUSED_VISIT]]);
  });

  it("fills nulls, lets incoming non-null values overwrite, and keeps values incoming leaves blank", () => {
    const a = stored(7, { inspectionDate: "2023-11-06", overall: RI, childrenInCare: GOOD, careLeavers: GOOD });
    const { updates } = mergeInspections(
      [a],
      [ev({ inspectionDate: "2023-11-06", publicationDate: "2024-01-12", overall: RI, careLeavers: RI, source: "2025" })],
    );
    expect(updates).toEqual([{ ...a, publicationDate: "2024-01-12", careLeavers: RI, source: "2025" }]);
  });

  it("reports only stored rows whose data changed", () => {
    const a = stored(1, { inspectionDate: "2022-03-07", publicationDate: "2022-05-04", overall: RI });
    const b = stored(2, { inspectionDate: "2025-02-24", publicationDate: "2025-04-15", overall: OUTSTANDING });
    const { updates, inserts } = mergeInspections(
      [b, a],
      [ev({ inspectionDate: "2022-03-07", overall: RI, source: "again" }), ev({ publicationDate: "2025-04-15" })],
    );
    expect(updates).toEqual([]);
    expect(inserts).toEqual([]);
  });

  it("merges duplicates inside one batch (in-year row + history row of the same inspection)", () => {
    const { updates, inserts } = mergeInspections(
      [],
      [
        ev({
          inspectionDate: "2024-06-10",
          publicationDate: "2024-07-23",
          type: ILACS_SHORT,
          overall: GOOD,
          source: "In-year_inspections row 5",
        }),
        ev({ type: ILACS_FOCUSED_VISIT, inspectionDate: "2024-06-10", visitTheme: "Front door", source: "In-year_inspections row 6" }),
        ev({
          publicationDate: "2024-07-23",
          type: ILACS_SHORT,
          overall: GOOD,
          careLeavers: GOOD,
          source: "ILACS_inspection_history row 9",
        }),
      ],
    );
    expect(updates).toEqual([]);
    expect(inserts.map((e) => [e.type, e.inspectionDate, e.publicationDate, e.careLeavers, e.source])).toEqual([
      [ILACS_SHORT, "2024-06-10", "2024-07-23", GOOD, "ILACS_inspection_history row 9"],
      [ILACS_FOCUSED_VISIT, "2024-06-10", null, null, "In-year_inspections row 6"],
    ]);
  });

  it("prefers the candidate matching on both dates, then stored rows by id", () => {
    const existing = [
      stored(5, { inspectionDate: "2020-01-13" }),
      stored(4, { inspectionDate: "2020-01-13", publicationDate: "2020-02-24" }),
      stored(3, { publicationDate: "2020-02-24" }),
    ];
    const both = mergeInspections(existing, [ev({ inspectionDate: "2020-01-13", publicationDate: "2020-02-24", overall: GOOD })]);
    expect(both.updates.map((u) => u.id)).toEqual([4]);
    const one = mergeInspections(existing, [ev({ inspectionDate: "2020-01-13", overall: GOOD })]);
    expect(one.updates.map((u) => u.id)).toEqual([4]);
    const deterministic = mergeInspections([...existing].reverse(), [ev({ inspectionDate: "2020-01-13", overall: GOOD })]);
    expect(deterministic).toEqual(one);
  });
});

describe("mergeInspections on the real releases (2024, then 2025)", () => {
  const dir = path.resolve(import.meta.dirname, "../../prisma/data/published");
  const resolve = directoryResolver();
  const wb2024 = parseOfstedWorkbook("2024.ods", readFileSync(path.join(dir, "LA_Inspection_Outcomes_as_at_March_2024.ods")), resolve);
  const wb2025 = parseOfstedWorkbook("2025.ods", readFileSync(path.join(dir, "LA_Inspection_Outcomes_as_at_31_March_2025.ods")), resolve);
  const graded = (events: readonly OfstedEvent[]) => events.filter((e) => eventClass(e.type) === "graded");
  const history2025 = wb2025.events.filter((e) => e.source.startsWith("ILACS_inspection_history"));

  // Import 2024 into an empty database, then 2025 on top.
  const first = mergeInspections([], wb2024.events);
  const db: StoredInspection[] = first.inserts.map((e, i) => ({ ...e, id: i + 1 }));
  const second = mergeInspections(db, wb2025.events);
  const updated = new Map(second.updates.map((u) => [u.id, u]));
  const final: OfstedEvent[] = [...db.map((r) => updated.get(r.id) ?? r), ...second.inserts];

  it("the 2024 release alone: 219 graded inspections (wide sheet) + 65 visits; in-year graded rows merge in", () => {
    expect(first.updates).toEqual([]);
    expect(graded(first.inserts).length).toBe(219);
    expect(first.inserts.length - 219).toBe(65);
  });

  it("yields exactly the 271 graded inspections of the 2025 history", () => {
    expect(graded(final).length).toBe(271);
    // …and they are the 2025 history rows exactly (the newer release's values win everywhere)
    const key = (e: OfstedEvent) =>
      [
        e.laNumber,
        e.type,
        e.inspectionDate,
        e.publicationDate,
        e.overall,
        e.leadership,
        e.helpAndProtection,
        e.childrenInCare,
        e.careLeavers,
      ].join("|");
    expect(graded(final).map(key).sort()).toEqual(history2025.map(key).sort());
    // 2025 adds the 52 graded inspections of 2024-25 and none of 2024's graded inspections is left unmatched
    expect(graded(second.inserts).length).toBe(271 - 219);
  });

  it("applies the 2025 corrections (Isles of Scilly date, Nottingham publication date, Staffordshire care leavers, Merton type)", () => {
    const find = (la: string, inspectionDate: string) =>
      final.find((e) => e.laNumber === la && e.inspectionDate === inspectionDate && eventClass(e.type) === "graded");
    expect(find("420", "2023-07-11")?.publicationDate).toBe("2023-08-25");
    expect(find("420", "2023-07-10")).toBeUndefined();
    expect(find("892", "2022-07-11")?.publicationDate).toBe("2022-09-05");
    expect(find("860", "2023-11-06")?.careLeavers).toBe(RI);
    expect(final.find((e) => e.laNumber === "315" && e.publicationDate === "2022-05-09")?.type).toBe(ILACS_SHORT);
  });

  it("keeps the visits of both years apart (65 + 60, no overlap)", () => {
    expect(final.length - 271).toBe(65 + 60);
  });

  it("is the same in one batch as in two imports", () => {
    const once = mergeInspections([], [...wb2024.events, ...wb2025.events]);
    expect(graded(once.inserts).length).toBe(271);
    expect(once.inserts.length).toBe(final.length);
  });
});
