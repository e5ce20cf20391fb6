import { describe, expect, it } from "vitest";
import { planActionSchema } from "@/lib/plans/action-schema";
import { OTHER_OWNER } from "@/lib/plans/owner";

const owners = [{ id: "u1", name: "Alex Manager", role: "team_manager" as const }];
const schema = planActionSchema({ today: "2026-11-26", indicatorIds: ["agency_rate_fte"], mode: "create", owners });
const valid = {
  title: "Reduce reliance on agency social workers",
  description: "Convert agency posts to permanent",
  theme: "WORKFORCE_STABILITY",
  ownerUserId: OTHER_OWNER,
  ownerOther: "Head of workforce",
  startDate: "2026-12-01",
  dueDate: "2027-09-30",
  status: "NOT_STARTED",
  successMeasure: "Agency rate below 20% at 30 September 2027",
  indicatorId: "agency_rate_fte",
  target: "20",
  targetDate: "2027-09-30",
  evidenceLinks: "https://example.org/board-paper-1\nhttps://example.org/board-paper-2",
};

const errors = (input: Record<string, unknown>) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("planActionSchema", () => {
  it("accepts a complete action and types it, with the owner as text", () => {
    const r = schema.parse(valid);
    expect(r.target).toBe(20);
    expect(r.evidenceLinks).toHaveLength(2);
    expect(r.owner).toBe("Head of workforce");
    expect(r).not.toHaveProperty("ownerUserId");
    expect(schema.parse({ ...valid, ownerUserId: "u1", ownerOther: "" }).owner).toBe("Alex Manager");
  });
  it("requires title, dates, status and success measure", () => {
    const e = errors({});
    expect(Object.keys(e)).toEqual(expect.arrayContaining(["title", "startDate", "dueDate", "status", "successMeasure", "theme"]));
  });
  it("requires an owner, reported beside the other problems", () => {
    expect(errors({ ...valid, ownerUserId: "", ownerOther: "" }).ownerUserId).toBe("Choose who owns this action");
    const e = errors({ ...valid, title: "", ownerUserId: "nobody", ownerOther: "" });
    expect(e).toMatchObject({ title: "Enter a title", ownerUserId: "Choose an owner from the list" });
    // even beside a field that stops zod's other object rules (no theme chosen)
    expect(errors({ ...valid, theme: "", ownerUserId: "u1", ownerOther: "Someone else" })).toMatchObject({
      theme: "Choose a theme",
      ownerOther: expect.stringContaining("clear this box"),
    });
    expect(errors({ ownerUserId: ["a", "b"] }).ownerUserId).toBeDefined();
  });
  it("rejects over-long text", () => {
    expect(errors({ ...valid, title: "x".repeat(201) }).title).toBe("Title must be 200 characters or fewer");
  });
  it("rejects a due date in the past when creating, and impossible dates", () => {
    expect(errors({ ...valid, startDate: "2026-01-01", dueDate: "2026-02-01" }).dueDate).toBe(
      "The due date must be today or in the future",
    );
    expect(errors({ ...valid, dueDate: "2027-02-30" }).dueDate).toContain("real date");
  });
  it("allows a past due date when editing an existing action", () => {
    const edit = planActionSchema({ today: "2026-11-26", indicatorIds: ["agency_rate_fte"], mode: "edit" });
    expect(edit.safeParse({ ...valid, startDate: "2026-01-01", dueDate: "2026-02-01", targetDate: "2026-02-01" }).success).toBe(true);
  });
  it("rejects an unknown indicator and a target without an indicator", () => {
    expect(errors({ ...valid, indicatorId: "happiness_index" }).indicatorId).toBe("Choose an indicator from the list");
    expect(errors({ ...valid, indicatorId: "" }).indicatorId).toContain("Choose the indicator the target is for");
    expect(errors({ ...valid, target: "" }).target).toBe("Enter a target for the linked indicator");
  });
  it("keeps HTML as text (rendering escapes it) but rejects script links", () => {
    expect(schema.parse({ ...valid, title: "<script>alert(1)</script>" }).title).toBe("<script>alert(1)</script>");
    expect(errors({ ...valid, evidenceLinks: "javascript:alert(1)" }).evidenceLinks).toContain("web address");
  });
});
