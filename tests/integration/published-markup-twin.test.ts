// The published parts of the LA dashboard are written as markup outside React (staticMarkup, decision
// 0034). Each must be byte for byte what react-dom/server renders from the same elements: checked for
// every part of every authority's dashboard in the published data, in three views (two indicators, a
// comparator, each period's neighbour grouping and one grouping for all), so every branch the data
// reaches — abolished and new authorities, joint returns, small numbers, no inspection, markers — is
// written as React would.
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedMarkup } from "@/components/dashboard/published-markup";
import { publishedParts } from "@/components/dashboard/published-parts";
import { buildDashboard, type Dashboard } from "@/lib/dashboard/build";
import type { DashboardView } from "@/lib/dashboard/indicators";
import type { Snapshot } from "@/lib/dashboard/snapshot";
import type { TestDatabase } from "./helpers";
import { loadedSnapshot } from "./snapshot-fixture";

let t: TestDatabase;
let s: Snapshot;
beforeAll(async () => ({ t, s } = await loadedSnapshot()));
afterAll(() => t.drop());

function views(): DashboardView[] {
  const latestModel = s.neighbourModels
    .map((m) => m.id)
    .sort()
    .at(-1);
  return [
    { indicator: "agency_rate_fte", comparator: "median", year: 2024 },
    { indicator: "agency_rate_fte", comparator: "median", year: 2025, ...(latestModel ? { grouping: latestModel } : {}) },
    { indicator: "cla_at31_rate", comparator: "mean", year: 2025 },
  ];
}

describe("the published parts of the LA dashboard", () => {
  it("are written as react-dom/server writes them, for every part of every authority in three views", () => {
    const seen = { dashboards: 0, parts: 0, abolished: 0, created: 0, joint: 0, small: 0, noInspection: 0 };
    for (const laNumber of [...s.authorities.keys()].sort()) {
      for (const view of views()) {
        const d = buildDashboard(s, laNumber, view);
        seen.dashboards++;
        if (d.la.existsTo) seen.abolished++;
        if (d.predecessors.length) seen.created++;
        if (d.jointReturns.length) seen.joint++;
        if (d.smallNumbers) seen.small++;
        if (!d.ofsted.position?.overall) seen.noInspection++;
        for (const [part, render] of Object.entries(publishedParts(d))) {
          const html = publishedMarkup(d, part, render);
          expect(html, `${laNumber} ${part} ${JSON.stringify(view)}`).toBe(renderToStaticMarkup(render()));
          seen.parts++;
        }
      }
    }
    // every branch the published data reaches was compared
    expect(seen.dashboards).toBe(3 * s.authorities.size);
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
  });

  it("are written once per dashboard, and anew for another dashboard", () => {
    const view = views()[0]!;
    let calls = 0;
    const counted = (d: Dashboard) => () => {
      calls++;
      return publishedParts(d).about!();
    };
    const a = buildDashboard(s, "330", view);
    const first = publishedMarkup(a, "about", counted(a));
    expect(publishedMarkup(a, "about", counted(a))).toBe(first);
    expect(calls).toBe(1);
    // the same LA and view built again (as after an import moves the figures' version): a new dashboard, written again
    const again = buildDashboard(s, "330", view);
    expect(publishedMarkup(again, "about", counted(again))).toBe(first);
    expect(calls).toBe(2);
  });
});
