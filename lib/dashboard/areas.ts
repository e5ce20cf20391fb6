// The LA dashboard by Ofsted area (issue 16 item 4) and its first screen (issue 18 item 1): pure, no
// I/O, unit-tested (tests/unit/dashboard-areas.test.ts). Decision 0026.
// - which ILACS judgement belongs to which dashboard area, and each area's judgements over time;
// - the indicators moving most in the wrong direction since the period before;
// - the small-numbers rule: an LA with so few children that its rates rest on a handful of cases.
import { AREAS, SMALL_POPULATION, type AreaId, type IndicatorId } from "@/lib/catalogue";
import type { Change } from "./change";
import type { InspectionInfo, PositionInfo } from "./snapshot";
import type { JudgementId } from "./types";

/** The areas the dashboard shows, in order (context is not one: it holds denominators, not services). */
export const DASHBOARD_AREAS = AREAS.filter((a) => a.id !== "context");
export type DashboardAreaId = Exclude<AreaId, "context">;

/** An area's slug in URLs, ids and CSV table names: "children_in_care" → "children-in-care". */
export const areaSlug = (id: string) => id.replace(/_/g, "-");

/** Ofsted's ILACS sub-judgement for each area; outcomes have none of their own. */
export const AREA_JUDGEMENT: Record<
  DashboardAreaId,
  keyof Pick<InspectionInfo, "helpAndProtection" | "childrenInCare" | "careLeavers" | "leadership"> | null
> = {
  help_and_protection: "helpAndProtection",
  children_in_care: "childrenInCare",
  care_leavers: "careLeavers",
  leadership_and_workforce: "leadership",
  outcomes: null,
};

/** Ofsted's name for the judgement of an area (the framework's wording). */
export const AREA_JUDGEMENT_LABEL: Record<DashboardAreaId, string | null> = {
  help_and_protection: "The experiences and progress of children who need help and protection",
  children_in_care: "The experiences and progress of children in care",
  care_leavers: "The experiences and progress of care leavers",
  leadership_and_workforce: "The impact of leaders on social work practice with children and families",
  outcomes: null,
};

/** Before 1 January 2023 Ofsted judged children in care and care leavers together. */
export const SUB_JUDGEMENT_CHANGE = "2023-01-01";

const isGraded = (i: { type: InspectionInfo["type"] }) => i.type === "ILACS_STANDARD" || i.type === "ILACS_SHORT";

export type AreaJudgement = {
  inspectionDate: string | null;
  publicationDate: string | null;
  type: InspectionInfo["type"];
  judgement: JudgementId | null;
  /** true when this is the joint "children in care and care leavers" judgement of an inspection before 2023 */
  withChildrenInCare: boolean;
};

/**
 * An area's judgement at one inspection. Care leavers inspected before 2023 carry the joint children
 * in care judgement (marked `withChildrenInCare`); outcomes have none.
 */
export function judgementForArea(
  i: Pick<InspectionInfo, "inspectionDate" | "helpAndProtection" | "childrenInCare" | "careLeavers" | "leadership">,
  area: DashboardAreaId,
): { judgement: JudgementId | null; withChildrenInCare: boolean } | null {
  const column = AREA_JUDGEMENT[area];
  if (!column) return null;
  if (area === "care_leavers" && i.inspectionDate && i.inspectionDate < SUB_JUDGEMENT_CHANGE)
    return { judgement: i.childrenInCare, withChildrenInCare: true };
  return { judgement: i[column], withChildrenInCare: false };
}

/** An area's judgements at every graded ILACS inspection, newest first (empty for outcomes). */
export function areaJudgementHistory(inspections: readonly InspectionInfo[], area: DashboardAreaId): AreaJudgement[] {
  if (!AREA_JUDGEMENT[area]) return [];
  return inspections
    .filter(isGraded)
    .sort((a, b) => (b.inspectionDate ?? b.publicationDate ?? "").localeCompare(a.inspectionDate ?? a.publicationDate ?? ""))
    .map((i) => ({
      inspectionDate: i.inspectionDate,
      publicationDate: i.publicationDate,
      type: i.type,
      ...judgementForArea(i, area)!,
    }));
}

/** The latest judgement of each of Ofsted's four areas, from the authority's current Ofsted position. */
export function latestAreaJudgements(position: PositionInfo | null) {
  return DASHBOARD_AREAS.flatMap((a) => {
    const label = AREA_JUDGEMENT_LABEL[a.id];
    if (!label || !position) return [];
    const j = judgementForArea(position, a.id)!;
    return [{ area: a.id, areaLabel: a.label, judgementLabel: label, ...j }];
  });
}

// ——— indicators moving most in the wrong direction ———

/** What the movers need of a card: its id, change since the period before and the previous figure. */
export type MoverInput = { id: string; change: Change | null; previousValue: number | null };

/**
 * The indicators that got worse since the period before (through their polarity; neutral measures
 * never count), largest relative change first: |latest − previous| / |previous|, so a 3-point rise on
 * a 10% rate outranks a 3-point rise on a 60% rate, and counts and rates compare. A previous figure of
 * 0 has no relative change and is left out; ties keep catalogue order. At most `limit`.
 */
export function worstMovers<T extends MoverInput>(cards: readonly T[], limit = 3): { card: T; relative: number }[] {
  return cards
    .flatMap((card, order) =>
      card.change?.assessment === "worse" && card.previousValue !== null && card.previousValue !== 0
        ? [{ card, order, relative: Math.abs(card.change.delta) / Math.abs(card.previousValue) }]
        : [],
    )
    .sort((a, b) => b.relative - a.relative || a.order - b.order)
    .slice(0, limit)
    .map(({ card, relative }) => ({ card, relative }));
}

// ——— small numbers ———

/**
 * The small-numbers rule (decision 0026), declared in the catalogue (lib/catalogue/small-numbers.ts,
 * decision 0030): an authority with fewer than this many children aged 0–17 (its latest ONS mid-year
 * estimate) has rates and percentages that rest on a handful of children, social workers or care leavers.
 */
export const SMALL_POPULATION_THRESHOLD: number = SMALL_POPULATION.minimum;

/** The indicator the rule reads: the ONS mid-year estimate of children aged 0–17. */
export const SMALL_NUMBERS_BASE = SMALL_POPULATION.indicator satisfies IndicatorId;

/** LA numbers whose latest child population is below the threshold. `populations`: LA number → latest figure. */
export function smallNumberAuthorities(
  populations: ReadonlyMap<string, number | null>,
  threshold = SMALL_POPULATION_THRESHOLD,
): Set<string> {
  return new Set([...populations].flatMap(([la, n]) => (n !== null && n < threshold ? [la] : [])));
}

/**
 * The value above which a comparison chart's bars are drawn off-scale. `regular` are the ranked
 * values of authorities that are not small; `small` those of small-number authorities. The
 * outlier rule (lib/dashboard/outliers.ts) is applied to the regular values only, and a small
 * authority beyond every regular value is off-scale too, so neither stretches the axis.
 */
export function comparisonLimit(
  regular: readonly number[],
  small: readonly number[],
  outlierLimit: (values: readonly number[]) => number | null,
): number | null {
  const outlier = outlierLimit(regular);
  if (outlier !== null) return Math.ceil(outlier * 1.05);
  if (regular.length === 0) return null;
  const top = Math.max(...regular);
  return small.some((v) => v > top) ? Math.ceil(top * 1.05) : null;
}
