// The POST-HOC variant of decision 0030: the inspection-history inputs of issue 17 item 3 that the
// pre-registered design (decision 0024) did not score — previous judgements per area, time since the
// last graded inspection, and focused and monitoring visits. It was designed AFTER the held-out result
// of 0024 had been seen, so it is never the headline: the backtest reports it beside the pre-registered
// score, on the same held-out inspections, and the live flags and score stay those of 0024 (the pages
// may show these facts as context only). Pure: an index and a date in, points and reasons out.
import { monthsBefore, monthsBetween } from "./dates";
import { judgementKnownFrom } from "./publication";
import type { RiskIndex } from "./series";
import type { GradedInspection, IsoDate, Judgement, OfstedVisit } from "./types";

/** Every number of the variant, fixed before it was run (decision 0030); none was tuned on the held-out inspections. */
export const POSTHOC_RULES = {
  /** points for each ILACS area at the previous graded inspection, by judgement (replaces 0024's "worst sub-judgement" input) */
  areaPoints: { REQUIRES_IMPROVEMENT: 1, INADEQUATE: 2 } as Partial<Record<Judgement, number>>,
  /** the last graded inspection is at least this old (or there is none on record): 1 point — the ILACS cycle is about three years */
  staleInspectionMonths: 36,
  staleInspectionPoints: 1,
  /** visits published in this many months before the day */
  visitMonths: 12,
  /** each monitoring visit (replaces 0024's one point for "a monitoring visit in the 12 months before") */
  monitoringVisitPoints: 1,
  /** each focused visit: an assumption stated in advance, reported alone too (decision 0030) */
  focusedVisitPoints: 1,
} as const;

/** The four areas of an ILACS inspection (before 2023 `childrenInCare` is the joint judgement with care leavers). */
const AREAS = ["helpAndProtection", "childrenInCare", "careLeavers", "leadership"] as const;

export type PosthocHistory = {
  /** points of the variant's inspection-history inputs (replacing 0024's inspection-history points) */
  points: number;
  /** points from the previous graded inspection's judgements, area by area */
  areaPoints: number;
  /** months from the last graded inspection on record to the day (null: none known) */
  monthsSinceInspection: number | null;
  stalePoints: number;
  monitoringVisits: number;
  focusedVisits: number;
};

/**
 * Known on the day = published strictly before it and carried out strictly before it. A judgement or
 * visit dated on or after the day never counts, even with a publication date before it (a data error).
 */
function knownBefore(i: Pick<GradedInspection, "inspectionDate" | "publicationDate">, asAt: IsoDate): boolean {
  return i.inspectionDate < asAt && judgementKnownFrom(i) < asAt;
}

/** The variant's inspection-history inputs of one LA on a day, from what was published strictly before it. */
export function posthocHistoryOf(
  inspections: readonly GradedInspection[],
  visits: readonly Pick<OfstedVisit, "type" | "inspectionDate" | "publicationDate">[],
  asAt: IsoDate,
): PosthocHistory {
  const known = inspections
    .filter((i) => knownBefore(i, asAt))
    .sort((a, b) => (a.inspectionDate < b.inspectionDate ? -1 : a.inspectionDate > b.inspectionDate ? 1 : 0));
  const last = known.at(-1);
  const areaPoints = last ? AREAS.reduce((s, a) => s + (last[a] ? (POSTHOC_RULES.areaPoints[last[a]] ?? 0) : 0), 0) : 0;
  const monthsSinceInspection = last ? monthsBetween(last.inspectionDate, asAt) : null;
  const stalePoints =
    monthsSinceInspection === null || monthsSinceInspection >= POSTHOC_RULES.staleInspectionMonths
      ? POSTHOC_RULES.staleInspectionPoints
      : 0;
  const since = monthsBefore(asAt, POSTHOC_RULES.visitMonths);
  const recent = visits.filter((v) => knownBefore(v, asAt) && judgementKnownFrom(v) >= since);
  const monitoringVisits = recent.filter((v) => v.type === "MONITORING_VISIT").length;
  const focusedVisits = recent.filter((v) => v.type === "ILACS_FOCUSED_VISIT").length;
  return {
    points:
      areaPoints + stalePoints + monitoringVisits * POSTHOC_RULES.monitoringVisitPoints + focusedVisits * POSTHOC_RULES.focusedVisitPoints,
    areaPoints,
    monthsSinceInspection,
    stalePoints,
    monitoringVisits,
    focusedVisits,
  };
}

/** The same, read from the engine's index. */
export function posthocHistory(index: RiskIndex, laNumber: string, asAt: IsoDate): PosthocHistory {
  return posthocHistoryOf(index.inspections.get(laNumber) ?? [], index.visits.get(laNumber) ?? [], asAt);
}

/**
 * The variant's score: the pre-registered score (decision 0024) with its inspection-history points
 * replaced by the variant's. Indicator inputs are unchanged.
 */
export function posthocScore(
  core: { score: number; history: readonly { points: number }[] },
  history: Pick<PosthocHistory, "points">,
): number {
  const preRegisteredHistory = core.history.reduce((s, h) => s + h.points, 0);
  return Math.round((core.score - preRegisteredHistory + history.points) * 10) / 10;
}
