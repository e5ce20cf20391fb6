// Reads for the board pack (/la/[code]/plan/report): one LA's headline indicators by Ofsted area with
// comparators and trends, its Ofsted history, its risk flags (only when the caller may see them:
// decision 0017) and its plan, all as at one date. The figures come from the dashboard's snapshot
// (narrowed to what was published before the date, ./as-at.ts) and its builder; the flags from the risk
// engine's point-in-time assessment; the plan from lib/plans. Decision 0028.
import "server-only";
import { boundedCache } from "@/lib/core/cache";
import { db } from "@/lib/core/db";
import { today } from "@/lib/core/clock";
import { availableYears, buildDashboard, type Dashboard } from "@/lib/dashboard/build";
import { DASHBOARD_INDICATORS } from "@/lib/dashboard/indicators";
import { getDashboardSnapshot } from "@/lib/dashboard/server";
import { currentRiskEngine } from "@/lib/risk/engine";
import type { LaAssessment } from "@/lib/risk/assess";
import { cardsByArea, snapshotAsAt, type AreaCards } from "./as-at";
import { loadBoardPackPlan, type BoardPackPlan } from "./plan";

export type BoardPackFigures = { dashboard: Dashboard; areas: AreaCards[] };

// per version of the figures, LA and date: the narrowed snapshot's dashboard (a few dozen at most)
const figures = boundedCache<string, BoardPackFigures>({ max: 64 });

/** The dashboard's cards, Ofsted history and neighbours as they stood on `asAt` (published strictly before it). */
export async function getBoardPackFigures(laNumber: string, asAt: string): Promise<BoardPackFigures | null> {
  const snapshot = await getDashboardSnapshot();
  if (!snapshot.authorities.has(laNumber)) return null;
  const key = `${snapshot.version}|${laNumber}|${asAt}`;
  const hit = figures.get(key);
  if (hit) return hit;
  const narrowed = snapshotAsAt(snapshot, asAt);
  const indicator = DASHBOARD_INDICATORS[0];
  const dashboard = buildDashboard(narrowed, laNumber, {
    indicator,
    comparator: "median",
    year: availableYears(narrowed, indicator).at(-1) ?? 0,
  });
  const built = { dashboard, areas: cardsByArea(dashboard.cards) };
  figures.set(key, built);
  return built;
}

/** The LA's flags, score and reasons on `asAt` (the engine's point-in-time rule). Call only for people allowed to see risk. */
export async function getBoardPackRisk(laNumber: string, asAt: string): Promise<LaAssessment | null> {
  const engine = await currentRiskEngine(db);
  return engine.assessor.assess(laNumber, asAt);
}

/** The LA's current plan (or `planId`, one of its earlier plans) with notes, evidence links and real last-updated days. */
export async function getBoardPackPlan(laNumber: string, planId?: string): Promise<BoardPackPlan | null> {
  return loadBoardPackPlan(db, laNumber, today(), planId);
}
