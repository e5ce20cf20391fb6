// The board pack's reads on real PostgreSQL with the published figures: the dashboard snapshot as at a
// date (Birmingham's agency rate before and after the 2025 workforce release, equal to the stored
// published value; its Ofsted history), and the plan with each action's notes, evidence links and its
// real last-updated day (the demo plan seeded at a fixed time).
import { describe, expect, it } from "vitest";
import { cardsByArea, snapshotAsAt } from "@/lib/board-pack/as-at";
import { loadBoardPackPlan } from "@/lib/board-pack/plan";
import { buildDashboard } from "@/lib/dashboard/build";
import { seedDemoPlan } from "@/lib/plans/demo-plan";
import { storedValue, useTestDatabase } from "./helpers";
import { currentSnapshot } from "./snapshot-fixture";

const view = { indicator: "agency_rate_fte", comparator: "median", year: 2024 } as const;

describe("the board pack's reads", () => {
  const t = useTestDatabase("loaded");

  describe("the board pack as at a date", () => {
    it("shows the figures published before the date: 2024's agency rate until the 2025 release, then 2025's", async () => {
      const snapshot = await currentSnapshot(t);
      const card = (asAt: string) =>
        buildDashboard(snapshotAsAt(snapshot, asAt), "330", view).cards.find((c) => c.meta.id === "agency_rate_fte")!;
      // workforce at 30 September 2025 is published by the end of February 2026
      const before = card("2026-02-28");
      const after = card("2026-03-01");
      expect(before.period).toBe(2024);
      expect(after.period).toBe(2025);
      expect(before.latest?.raw).toBe((await storedValue(t, "agency_rate_fte", "330", 2024))?.raw);
      expect(after.latest?.raw).toBe((await storedValue(t, "agency_rate_fte", "330", 2025))?.raw);
      expect(after.previous?.raw).toBe(before.latest?.raw);
      const areas = cardsByArea(buildDashboard(snapshotAsAt(snapshot, "2026-03-01"), "330", view).cards);
      expect(areas.map((a) => a.id)).toContain("leadership_and_workforce");
      expect(areas.find((a) => a.id === "leadership_and_workforce")!.cards.map((c) => c.meta.id)).toContain("agency_rate_fte");
    });

    it("keeps only the inspections whose outcome was public before the date", async () => {
      const snapshot = await currentSnapshot(t);
      const all = buildDashboard(snapshot, "330", view).ofsted.graded;
      expect(all.length).toBeGreaterThan(1);
      const newest = all[0]!;
      const publishedOn = newest.publicationDate!;
      const earlier = buildDashboard(snapshotAsAt(snapshot, publishedOn), "330", view).ofsted.graded;
      expect(earlier).toHaveLength(all.length - 1);
      expect(earlier[0]).toEqual(all[1]);
    });
  });

  describe("the board pack's plan", () => {
    it("gives each action its notes newest first, its evidence links and the day it was really last updated", async () => {
      const seededAt = new Date("2026-03-15T10:00:00Z");
      expect(await seedDemoPlan(t.prisma, "393", seededAt)).toBe(true);
      const plan = (await loadBoardPackPlan(t.prisma, "393", "2026-03-15"))!;
      const actions = plan.priorities.flatMap((p) => p.actions);
      expect(actions).toHaveLength(6);
      const audit = actions.find((a) => a.title === "Monthly supervision audit with feedback to practitioners")!;
      expect(audit.notes.map((n) => n.narrative)).toEqual([
        "Three consecutive months above 95%. Closing.",
        "Audit tool agreed with team managers.",
      ]);
      // its latest note was 5 days before seeding: that is when it was last updated, not the seeding day
      expect(audit.lastUpdated).toBe("2026-03-10");
      const noNotes = actions.find((a) => a.notes.length === 0)!;
      expect(noNotes.lastUpdated).not.toBe("2026-03-15");
      expect(noNotes.lastUpdated).toBe(noNotes.startDate);

      // an edit after the latest note moves it on; a note after that moves it again
      await t.prisma.planAction.update({
        where: { id: audit.id },
        data: { evidenceLinks: ["https://example.org/audit"], updatedAt: new Date("2026-04-01T22:30:00Z") },
      });
      const edited = (await loadBoardPackPlan(t.prisma, "393", "2026-04-02"))!.priorities
        .flatMap((p) => p.actions)
        .find((a) => a.id === audit.id)!;
      expect(edited.lastUpdated).toBe("2026-04-01"); // 23:30 BST is still 1 April in England
      expect(edited.evidenceLinks).toEqual(["https://example.org/audit"]);
    });
  });
});
