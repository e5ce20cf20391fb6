// The lead indicators the dashboard shows, in card order: the catalogue's `headline` indicators, in
// catalogue order (workforce, then demand and practice).
import { idsWithRole, indicatorById, indicatorSummary, type IndicatorId, type IndicatorIdWithRole } from "@/lib/catalogue";
import type { IndicatorMeta } from "./types";

export const DASHBOARD_INDICATORS = idsWithRole("headline");

type DashboardIndicatorId = IndicatorIdWithRole<"headline">;

export const COMPARATORS = ["median", "mean"] as const;
export type ComparatorKind = (typeof COMPARATORS)[number];

export type DashboardView = { indicator: DashboardIndicatorId; comparator: ComparatorKind; year: number };

/** The catalogue's record of an indicator as the dashboard carries it (serialisable). */
export function indicatorMeta(id: IndicatorId): IndicatorMeta {
  const d = indicatorById(id);
  return { id: d.id, ...indicatorSummary(d) };
}
