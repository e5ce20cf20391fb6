import { describe, expect, it } from "vitest";
import type { Figure } from "@/lib/plans/evidence";
import { csvDocument } from "@/lib/core/csv";
import { evidenceForAction, filterAndSortActions, isOverdue, splitFigures, type FilterableAction } from "@/lib/plans/loop";
import { parsePlanFilters } from "@/lib/plans/filters";
import { planActionSchema, progressUpdateFormSchema } from "@/lib/plans/action-schema";
import { planSchema } from "@/lib/plans/schema";

const f = (period: number, raw: string): Figure => ({
  period,
  value: /^-?\d/.test(raw) ? Number(raw) : null,
  marker: /^-?\d/.test(raw) ? null : raw,
  raw,
});
// South Tyneside agency rate (FTE), as published
const AGENCY_393 = [f(2020, "5.6"), f(2021, "2.2"), f(2022, "5.2"), f(2023, "12.8"), f(2024, "11.9")];

describe("splitFigures", () => {
  it("takes the last figure before the start year as the baseline and the rest as since", () => {
    const { baseline, since } = splitFigures([...AGENCY_393].reverse(), "2023-04-01");
    expect(baseline?.period).toBe(2022);
    expect(since.map((x) => x.period)).toEqual([2023, 2024]);
  });
  it("has no baseline when nothing was published before", () => {
    expect(splitFigures(AGENCY_393, "2010-01-01").baseline).toBeNull();
  });
});

describe("evidenceForAction", () => {
  it("flags 'on track' while the figure moves away from the target as a mismatch", () => {
    const e = evidenceForAction({ status: "ON_TRACK", startDate: "2023-04-01", target: 5 }, "HIGHER_IS_WORSE", AGENCY_393);
    expect(e.rag).toBe("WRONG_WAY");
    expect(e.mismatch).toBe(true);
  });
  it("sees a met target and no mismatch for 'at risk'", () => {
    const e = evidenceForAction({ status: "AT_RISK", startDate: "2024-04-01", target: 12 }, "HIGHER_IS_WORSE", AGENCY_393);
    expect(e.rag).toBe("TARGET_MET");
    expect(e.mismatch).toBe(false);
  });
  it("updates itself when a newer release adds a figure", () => {
    const before = evidenceForAction({ status: "ON_TRACK", startDate: "2023-04-01", target: 5 }, "HIGHER_IS_WORSE", AGENCY_393);
    const after = evidenceForAction({ status: "ON_TRACK", startDate: "2023-04-01", target: 5 }, "HIGHER_IS_WORSE", [
      ...AGENCY_393,
      f(2025, "4.1"),
    ]);
    expect([before.rag, after.rag]).toEqual(["WRONG_WAY", "TARGET_MET"]);
  });
  it("treats a suppressed latest figure as not yet", () => {
    expect(
      evidenceForAction({ status: "ON_TRACK", startDate: "2023-04-01", target: 5 }, "HIGHER_IS_WORSE", [...AGENCY_393, f(2025, "c")]).rag,
    ).toBe("NOT_YET");
  });
});

const A = (over: Partial<FilterableAction>): FilterableAction => ({
  title: "T",
  owner: "Head of workforce",
  theme: "CASELOADS",
  status: "ON_TRACK",
  dueDate: "2027-01-01",
  updatedAt: "2026-11-01T00:00:00Z",
  ...over,
});

describe("overdue, filters and sort", () => {
  it("is overdue only when past due and not complete", () => {
    expect(isOverdue({ dueDate: "2026-11-25", status: "ON_TRACK" }, "2026-11-26")).toBe(true);
    expect(isOverdue({ dueDate: "2026-11-26", status: "ON_TRACK" }, "2026-11-26")).toBe(false);
    expect(isOverdue({ dueDate: "2020-01-01", status: "COMPLETE" }, "2026-11-26")).toBe(false);
  });
  it("filters by status, theme, owner (case-insensitive substring) and overdue, then sorts", () => {
    const list = [
      A({ title: "b", dueDate: "2026-01-01", status: "OFF_TRACK" }),
      A({ title: "a", dueDate: "2027-01-01", owner: "PSW" }),
      A({ title: "c", dueDate: "2025-01-01", status: "AT_RISK", theme: "FRONT_DOOR" }),
    ];
    const today = "2026-11-26";
    expect(filterAndSortActions(list, { sort: "due" }, today).map((x) => x.title)).toEqual(["c", "b", "a"]);
    expect(filterAndSortActions(list, { sort: "title" }, today).map((x) => x.title)).toEqual(["a", "b", "c"]);
    expect(filterAndSortActions(list, { sort: "status" }, today).map((x) => x.title)).toEqual(["b", "c", "a"]);
    expect(filterAndSortActions(list, { sort: "due", overdue: true }, today).map((x) => x.title)).toEqual(["c", "b"]);
    expect(filterAndSortActions(list, { sort: "due", owner: "psw" }, today).map((x) => x.title)).toEqual(["a"]);
    expect(filterAndSortActions(list, { sort: "due", theme: "FRONT_DOOR", status: "AT_RISK" }, today).map((x) => x.title)).toEqual(["c"]);
  });
  it("reads filters from the URL, dropping unknown values", () => {
    expect(parsePlanFilters({ status: "AT_RISK", theme: "NOPE", owner: "  psw ", overdue: "1", sort: "title" })).toEqual({
      status: "AT_RISK",
      theme: undefined,
      owner: "psw",
      overdue: true,
      sort: "title",
    });
    expect(parsePlanFilters({ status: ["OFF_TRACK", "x"], sort: "<script>" })).toMatchObject({ status: "OFF_TRACK", sort: "due" });
  });
});

describe("CSV", () => {
  it("writes the board report through the shared writer", () => {
    expect(
      csvDocument([
        ["a", "b"],
        ["=1+1", null],
      ]),
    ).toBe("a,b\r\n'=1+1,\r\n");
  });
});

describe("plan form schemas", () => {
  /** A valid action form without priority or indicator. */
  const base = {
    title: "t",
    theme: "CASELOADS",
    ownerOther: "o",
    startDate: "2026-01-01",
    dueDate: "2026-02-01",
    status: "ON_TRACK",
    successMeasure: "s",
  };
  it("requires the action's priority to be one of the plan's", () => {
    const schema = planActionSchema({ today: "2026-11-26", indicatorIds: [], mode: "edit", priorityIds: ["p1"] });
    expect(schema.safeParse({ ...base, priorityId: "p1" }).success).toBe(true);
    const bad = schema.safeParse({ ...base, priorityId: "p2" });
    expect(bad.success ? null : bad.error.issues[0]?.path).toEqual(["priorityId"]);
  });
  it("rejects an impossible target date and a plan that ends before it starts", () => {
    const schema = planActionSchema({ today: "2026-11-26", indicatorIds: ["x"], mode: "edit" });
    const r = schema.safeParse({
      ...base,
      indicatorId: "x",
      target: "3",
      targetDate: "2027-02-30",
    });
    expect(r.success).toBe(false);
    expect(planSchema().safeParse({ title: "p", periodStart: "2027-01-01", periodEnd: "2026-01-01" }).success).toBe(false);
  });
  it("needs a version with a progress update", () => {
    expect(progressUpdateFormSchema.safeParse({ narrative: "n", status: "ON_TRACK" }).success).toBe(false);
    expect(progressUpdateFormSchema.safeParse({ narrative: "n", status: "ON_TRACK", version: "3" }).success).toBe(true);
  });
});
