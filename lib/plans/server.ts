// Server-only reads for the improvement plan pages and the DCS summary (the app's client; the
// queries themselves are in lib/plans/queries.ts so integration tests run them on their own database).
import "server-only";
import { db } from "@/lib/core/db";
import { resolveDashboardCode } from "@/lib/dashboard/server";
import { today } from "@/lib/core/clock";
import type { ActionFilters } from "@/lib/plans/loop";
import {
  getActionDetail,
  getPlanDetails,
  getPlanView,
  getPrioritiesView,
  getPriorityDetail,
  listOwnerCandidates,
  listPlanIndicators,
  listPlans,
  loadPlanSummary,
  type PlanSummary,
} from "@/lib/plans/queries";

export type { PlanSummary } from "@/lib/plans/queries";

/** For the LA page and the risk page: actions by status, overdue, at risk, recent updates, evidence mismatches. */
export async function getPlanSummary(laNumber: string, planId?: string): Promise<PlanSummary | null> {
  return loadPlanSummary(db, laNumber, today(), planId);
}

export async function getPlanPage(laNumber: string, filters: ActionFilters, planId?: string) {
  return getPlanView(db, laNumber, filters, today(), planId);
}

export async function getPlanList(laNumber: string) {
  return listPlans(db, laNumber);
}

export async function getPlanAction(laNumber: string, actionId: string) {
  return getActionDetail(db, laNumber, actionId, today());
}

export async function getPlanIndicators() {
  return listPlanIndicators(db);
}

export async function getPlanOwnerCandidates(laNumber: string) {
  return listOwnerCandidates(db, laNumber);
}

export async function getPlanPriorities(laNumber: string) {
  return getPrioritiesView(db, laNumber);
}

export async function getPlanPriority(laNumber: string, priorityId: string) {
  return getPriorityDetail(db, laNumber, priorityId);
}

export async function getPlanEditDetails(laNumber: string) {
  return getPlanDetails(db, laNumber);
}

/**
 * The LA a plan URL names: its DfE number (393) or any form the dashboard accepts (an ONS code the
 * LA has carried, any case, e.g. E08000023). Only LAs that exist today have plans.
 */
export async function resolvePlanAuthority(code: string): Promise<{ laNumber: string; name: string } | null> {
  const laNumber = /^\d{3}$/.test(code) ? code : await resolveDashboardCode(code);
  if (!laNumber) return null;
  return db.localAuthority.findFirst({ where: { laNumber, existsTo: null }, select: { laNumber: true, name: true } });
}
