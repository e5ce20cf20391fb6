// Server-only reads for the improvement plan pages and the DCS summary (the app's client; the
// queries themselves are in lib/plans/queries.ts so integration tests run them on their own database).
import "server-only";
import { db } from "@/lib/db";
import { todayInLondon } from "@/lib/plans/dates";
import type { ActionFilters } from "@/lib/plans/loop";
import { getActionDetail, getPlanView, listPlanIndicators, loadPlanReport, loadPlanSummary, type PlanSummary } from "@/lib/plans/queries";

export type { PlanSummary } from "@/lib/plans/queries";

/** For the LA page and the risk page: actions by status, overdue, at risk, recent updates, evidence mismatches. */
export async function getPlanSummary(laNumber: string): Promise<PlanSummary | null> {
  return loadPlanSummary(db, laNumber, todayInLondon(new Date()));
}

export async function getPlanPage(laNumber: string, filters: ActionFilters) {
  return getPlanView(db, laNumber, filters, todayInLondon(new Date()));
}

export async function getPlanAction(laNumber: string, actionId: string) {
  return getActionDetail(db, laNumber, actionId, todayInLondon(new Date()));
}

export async function getPlanReport(laNumber: string) {
  return loadPlanReport(db, laNumber, todayInLondon(new Date()));
}

export async function getPlanIndicators() {
  return listPlanIndicators(db);
}

export async function getPlanAuthority(laNumber: string) {
  if (!/^\d{3}$/.test(laNumber)) return null;
  return db.localAuthority.findFirst({ where: { laNumber, existsTo: null }, select: { laNumber: true, name: true } });
}
