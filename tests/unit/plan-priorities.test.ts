import { describe, expect, it } from "vitest";
import { movePriority, renumber } from "@/lib/plans/priorities";
import { isUuid, movePrioritySchema, planDetailsSchema, removePrioritySchema } from "@/lib/plans/schema";

const list = [
  { id: "c", order: 3 },
  { id: "a", order: 1 },
  { id: "b", order: 2 },
];

describe("movePriority", () => {
  it("swaps with the neighbour above or below, whatever order the rows came in", () => {
    expect(movePriority(list, "c", "up")).toEqual({ ok: true, ids: ["a", "c", "b"] });
    expect(movePriority(list, "a", "down")).toEqual({ ok: true, ids: ["b", "a", "c"] });
  });
  it("refuses to move past the ends or an unknown priority", () => {
    expect(movePriority(list, "a", "up")).toEqual({ ok: false, reason: "first" });
    expect(movePriority(list, "c", "down")).toEqual({ ok: false, reason: "last" });
    expect(movePriority(list, "z", "up")).toEqual({ ok: false, reason: "missing" });
  });
  it("works on gapped numbering (after a removal in older data)", () => {
    expect(
      movePriority(
        [
          { id: "a", order: 1 },
          { id: "c", order: 5 },
        ],
        "c",
        "up",
      ),
    ).toEqual({ ok: true, ids: ["c", "a"] });
  });
});

describe("renumber", () => {
  it("numbers 1..n in the given order, returning only the rows that change", () => {
    expect(renumber(list, ["a", "c", "b"])).toEqual([
      { id: "c", order: 2 },
      { id: "b", order: 3 },
    ]);
    expect(renumber(list, ["a", "b", "c"])).toEqual([]);
    expect(
      renumber(
        [
          { id: "a", order: 1 },
          { id: "c", order: 5 },
        ],
        ["a", "c"],
      ),
    ).toEqual([{ id: "c", order: 2 }]);
  });
});

describe("plan and priority schemas", () => {
  const id = "6f1c1f0e-8a8b-4c55-9c1e-0a5b2f3d4e5f";
  it("parses move=<id>:<up|down> and nothing else", () => {
    expect(movePrioritySchema.parse({ version: "3", move: `${id.toUpperCase()}:down` })).toEqual({
      version: 3,
      move: { priorityId: id, direction: "down" },
    });
    for (const move of [`${id}:left`, "x:up", `${id}`, `${id}:up:up`, ""])
      expect(movePrioritySchema.safeParse({ version: "3", move }).success, move).toBe(false);
  });
  it("checks the plan period and needs a version", () => {
    const schema = planDetailsSchema();
    expect(schema.safeParse({ title: "T", periodStart: "2026-04-01", periodEnd: "2027-03-31", version: "2" }).success).toBe(true);
    // a form posts every field as text, so a bad version ("0") is reported with the period problem
    const bad = schema.safeParse({ title: "T", periodStart: "2026-04-01", periodEnd: "2026-04-01", version: "0" });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path[0]).sort()).toEqual(["periodEnd", "version"]);
    expect(schema.safeParse({ title: "T", periodStart: "2026-04-01", periodEnd: "2027-03-31" }).success).toBe(false);
  });
  it("lets removal move actions only to one of the plan's other priorities", () => {
    const schema = removePrioritySchema(["p2"]);
    expect(schema.parse({ version: "1", moveTo: "p2" }).moveTo).toBe("p2");
    expect(schema.parse({ version: "1", moveTo: "" }).moveTo).toBeNull();
    expect(schema.safeParse({ version: "1", moveTo: "p1" }).success).toBe(false);
  });
  it("recognises ids in URLs", () => {
    expect(isUuid(id)).toBe(true);
    expect(isUuid(`${id}x`)).toBe(false);
    expect(isUuid("../../etc")).toBe(false);
  });
});
