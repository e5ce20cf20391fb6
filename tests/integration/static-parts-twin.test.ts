// The board pack's sections and the plan page's action tables are written as markup outside React
// (staticMarkup, placed as static islands: decision 0035). Each must be what react-dom/server renders
// from the same elements: checked on real figures for authorities with markers, small numbers, joint
// returns and long Ofsted histories, at two dates, with their risk flags, and on the demo plan.
import { createElement as h, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AreaIndicators } from "@/components/board-pack/area-indicators";
import { OfstedHistory } from "@/components/board-pack/ofsted-history";
import { PlanSection } from "@/components/board-pack/plan-section";
import { RiskFlags } from "@/components/board-pack/risk-flags";
import { staticMarkup } from "@/components/govuk/static-markup";
import { ActionTable } from "@/components/plans/action-table";
import { cardsByArea, snapshotAsAt } from "@/lib/board-pack/as-at";
import { loadBoardPackPlan } from "@/lib/board-pack/plan";
import { buildDashboard } from "@/lib/dashboard/build";
import { seedDemoPlan } from "@/lib/plans/demo-plan";
import { parsePlanFilters } from "@/lib/plans/filters";
import { getPlanView } from "@/lib/plans/queries";
import { currentRiskEngine } from "@/lib/risk/engine";
import { useTestDatabase } from "./helpers";
import { currentSnapshot } from "./snapshot-fixture";

/** Birmingham, South Tyneside, Kensington and Chelsea (markers), Richmond (joint workforce return), Isles of Scilly (small numbers). */
const AUTHORITIES = ["330", "393", "207", "318", "420"];
const DATES = ["2024-06-01", "2026-03-01"];

describe("the board pack's sections and the plan page's action tables", () => {
  const t = useTestDatabase("loaded");

  it("are written as react-dom/server writes them", async () => {
    const snapshot = await currentSnapshot(t);
    const engine = await currentRiskEngine(t.prisma);
    expect(await seedDemoPlan(t.prisma, "393", new Date("2026-03-15T10:00:00Z"))).toBe(true);
    let compared = 0;
    const same = (node: ReactNode) => {
      expect(staticMarkup(node)).toBe(renderToStaticMarkup(node));
      compared++;
    };
    const seen = { flags: 0, markers: 0 };
    for (const laNumber of AUTHORITIES) {
      for (const asAt of DATES) {
        const d = buildDashboard(snapshotAsAt(snapshot, asAt), laNumber, {
          indicator: "agency_rate_fte",
          comparator: "median",
          year: 2024,
        });
        for (const area of cardsByArea(d.cards)) {
          same(h(AreaIndicators, { area, laName: d.la.name, regionName: d.la.regionName }));
          if (area.cards.some((c) => c.latest?.marker)) seen.markers++;
        }
        same(h(OfstedHistory, { ofsted: d.ofsted, laName: d.la.name }));
        const assessment = engine.assessor.assess(laNumber, asAt);
        if (assessment) {
          same(h(RiskFlags, { assessment }));
          seen.flags += assessment.flags.length;
        }
      }
    }
    const plan = await loadBoardPackPlan(t.prisma, "393", "2026-03-15");
    expect(plan).not.toBeNull();
    same(h(PlanSection, { plan }));
    same(h(PlanSection, { plan: null }));
    const view = (await getPlanView(t.prisma, "393", parsePlanFilters({}), "2026-03-15"))!;
    for (const p of view.priorities) {
      same(
        h(ActionTable, {
          variant: "plan",
          actions: p.actions,
          actionHref: (id) => `/la/393/plan/actions/${id}`,
          ariaLabel: "Actions",
        }),
      );
    }
    // every kind was reached: flags with reasons, markers in place of figures, the plan's priorities
    expect(seen.flags).toBeGreaterThan(0);
    expect(seen.markers).toBeGreaterThan(0);
    expect(view.priorities.length).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(AUTHORITIES.length * DATES.length * 3);
  });
});
