// Every threshold, margin, lag and point the risk engine uses, in one typed and documented place.
// Change a number here and the flags, the score, the national page, the LA panel and the backtest
// all follow. The design is decision 0024 (pre-registered before its held-out test); 0007 is its history.
import {
  idsWithRole,
  indicatorById,
  periodMeaningText,
  SERIES,
  seriesWithRole,
  type IndicatorId,
  type IndicatorIdWithRole,
  type SeriesId,
  type SmallNumbersBase,
} from "@/lib/catalogue";
import type { Judgement, RiskSeriesId } from "./types";

// ————————————————————————————————————————————————————————————————————————————————————————————————
// The indicators the engine reads
// ————————————————————————————————————————————————————————————————————————————————————————————————

/**
 * The lead indicators the Public Accounts Committee (2016) said DfE held but did not act on: the
 * catalogue's indicators with the `risk` role (lib/catalogue/indicators.ts), in catalogue order.
 */
export const RISK_INDICATOR_IDS = idsWithRole("risk");

export type RiskIndicatorId = IndicatorIdWithRole<"risk">;

/** The series those indicators belong to. */
export const RISK_SERIES_IDS: readonly RiskSeriesId[] = seriesWithRole("risk");

type RiskIndicatorMeta = {
  series: RiskSeriesId;
  /** in running text: "agency social worker rate" */
  label: string;
  /** column heading: "Agency rate" */
  shortLabel: string;
  /** "%" after the figure, or a word ("cases") */
  unit: "percent" | "cases";
};

/** The engine's view of each catalogue record (the catalogue test checks every `risk` indicator has a phrase and one of these units). */
export const RISK_INDICATORS = Object.fromEntries(
  RISK_INDICATOR_IDS.map((id) => {
    const d = indicatorById(id);
    if (!d.phrase || (d.unit !== "PERCENT" && d.unit !== "CASES_PER_FTE"))
      throw new Error(`risk indicator ${id} needs a phrase and a percent or caseload unit in the catalogue`);
    const meta: RiskIndicatorMeta = {
      series: d.series as RiskSeriesId,
      label: d.phrase,
      shortLabel: d.shortLabel,
      unit: d.unit === "PERCENT" ? "percent" : "cases",
    };
    return [id, meta];
  }),
) as Record<RiskIndicatorId, RiskIndicatorMeta>;

// ————————————————————————————————————————————————————————————————————————————————————————————————
// When each figure became public (the point-in-time rule)
// ————————————————————————————————————————————————————————————————————————————————————————————————

type PublicationLag = {
  /** published by the end of this month (1–12) … */
  month: number;
  /** … of the year `period + yearOffset` */
  yearOffset: number;
  /** what the period means, for people */
  describe: string;
};

/**
 * A figure is "known at date D" only if its series' release for that period was published strictly
 * before D. DfE's actual release days vary by a few days; the end of the month is on or after them,
 * so the rule never lets a figure in early. The months are each series' `publication` in the
 * catalogue (lib/catalogue/series.ts):
 * - Workforce (CSWW) at 30 September of year Y: published around the end of February of Y+1.
 * - Children in need, referrals and child protection (year to 31 March Y): around the end of October of Y.
 */
export const PUBLICATION_LAGS = Object.fromEntries(
  SERIES.map((s) => [s.id, { month: s.publication.month, yearOffset: s.publication.yearOffset, describe: periodMeaningText(s.id) }]),
) as Record<SeriesId, PublicationLag>;

/** An Ofsted judgement is known from its publication date; when that is missing, this many days after the inspection. */
export const OFSTED_PUBLICATION_FALLBACK_DAYS = 90;

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Inputs that score (decision 0024, fixed before the held-out test) and context flags that do not
// ————————————————————————————————————————————————————————————————————————————————————————————————

/** Which way is worse, from the catalogue's published polarity (never from the outcomes). */
export type Direction = "higher" | "lower";
export function worseDirection(id: RiskIndicatorId): Direction {
  const p = indicatorById(id).polarity;
  if (p === "NEUTRAL") throw new Error(`risk indicator ${id} has no direction in the catalogue`);
  return p === "HIGHER_IS_WORSE" ? "higher" : "lower";
}

/** The Ofsted judgement area an input speaks to (the catalogue's area; inspection history is its own). */
export type RiskArea = "leadership_and_workforce" | "help_and_protection" | "children_in_care" | "care_leavers" | "inspection_history";
export const RISK_AREA_LABELS: Record<RiskArea, string> = {
  leadership_and_workforce: "Leadership and workforce",
  help_and_protection: "Help and protection",
  children_in_care: "Children in care",
  care_leavers: "Care leavers",
  inspection_history: "Inspection history",
};
export const RISK_AREAS = Object.keys(RISK_AREA_LABELS) as RiskArea[];

export function areaOf(id: RiskIndicatorId): RiskArea {
  const a = indicatorById(id).area;
  if (a === "leadership_and_workforce" || a === "help_and_protection" || a === "children_in_care" || a === "care_leavers") return a;
  throw new Error(`risk indicator ${id} is in area ${a}, which no Ofsted judgement covers`);
}

/**
 * How an input reaches amber (1 point) or red (2 points):
 * - `set-level`: at or beyond a fixed level (agency: the Public Accounts Committee's 20% and 40%);
 * - `position`: among the worst `amberShare` (or `redShare`) of LAs in England in the same period of
 *   that indicator, ties in (the cross-section: no outcome data).
 */
type LevelRule =
  | { kind: "set-level"; amber: number; red: number; amberMeaning: string; redMeaning: string }
  | { kind: "position"; amberShare: number; redShare: number };

const WORST = { kind: "position", amberShare: 0.2, redShare: 0.05 } as const satisfies LevelRule;

/**
 * A rate is not scored where its denominator is small (decision 0024): the count it is a share of, an
 * indicator of the catalogue for the same period and LA — the indicator's `base` in the catalogue
 * (lib/catalogue/small-numbers.ts, decision 0030). A marker there (`c`: suppressed to protect small
 * numbers; `low`) counts as small.
 */
export function baseOf(id: RiskIndicatorId): (SmallNumbersBase & { indicator: IndicatorId }) | null {
  return (indicatorById(id).base as (SmallNumbersBase & { indicator: IndicatorId }) | undefined) ?? null;
}

type MarginRule = { amber: number; red: number };
/** Context rules (shown to help a reader, never scored): comparisons with neighbours and over time, in the indicator's own units. */
type ContextRules = {
  /** worse than the comparator (statistical-neighbour) median by at least this many units */
  neighbours: MarginRule;
  /** "worse and worsening": above the comparator median by ≥ `aboveBy` AND up by ≥ `risenBy` on the year before */
  worseAndWorsening: { aboveBy: number; risenBy: number };
  /** deterioration: up by at least `oneYear` on the previous period (amber), or `twoYears` (amber) / `redTwoYears` (red) on two periods before */
  deterioration: { oneYear: number; twoYears: number; redTwoYears: number };
  /** rising two years running (each step up) by at least `minTotal` in all; null = rule not used */
  rising: { minTotal: number } | null;
};

/**
 * One indicator's context rules, in the order of ContextRules: neighbours [amber, red]; worse and
 * worsening [above by, risen by]; deterioration [one year, two years, red two years]; and, where the
 * rising rule is used, its least total rise.
 */
function contextRules(
  [amber, red]: [amber: number, red: number],
  [aboveBy, risenBy]: [aboveBy: number, risenBy: number],
  [oneYear, twoYears, redTwoYears]: [oneYear: number, twoYears: number, redTwoYears: number],
  risingMinTotal?: number,
): ContextRules {
  return {
    neighbours: { amber, red },
    worseAndWorsening: { aboveBy, risenBy },
    deterioration: { oneYear, twoYears, redTwoYears },
    rising: risingMinTotal === undefined ? null : { minTotal: risingMinTotal },
  };
}

type InputRule = {
  level: LevelRule;
  context: ContextRules | null;
  /**
   * A flow over the 12 months to a snapshot date (turnover: leavers in the year), which a new
   * authority's first snapshot covers only in part. Figures of a year-ending series are flows anyway;
   * other snapshot figures (agency, vacancy, caseload on 30 September) are stocks on the day.
   */
  flow?: true;
};

/** Every `risk` indicator of the catalogue: how it scores, and its context rules (if any); its small-count base is in the catalogue (baseOf). */
export const INDICATOR_RULES: Record<RiskIndicatorId, InputRule> = {
  agency_rate_fte: {
    level: {
      kind: "set-level",
      amber: 20,
      red: 40,
      amberMeaning: "a major problem, in the Public Accounts Committee's words (2016)",
      redMeaning: "the level at which the Public Accounts Committee (2016) said something is seriously wrong",
    },
    context: contextRules([10, 20], [8, 4], [8, 10, 18]),
  },
  turnover_rate_fte: {
    level: WORST,
    flow: true,
    context: contextRules([7, 12], [5, 4], [9, 11, 16]),
  },
  vacancy_rate_fte: {
    level: WORST,
    context: contextRules([10, 18], [8, 5], [10, 12, 20]),
  },
  caseload_fte: {
    level: WORST,
    context: contextRules([3, 5], [2, 1.5], [3, 4, 6]),
  },
  re_referrals_percent: {
    level: WORST,
    context: contextRules([5, 9], [3, 3], [6, 8, 11], 4),
  },
  cpp_subsequent_percent: {
    level: WORST,
    context: contextRules([6, 10], [4, 3], [7, 9, 13], 5),
  },
  cpp_2_years_or_more_percent: { level: WORST, context: null },
  icpc_within_15_days_percent: { level: WORST, context: null },
  cla_3plus_placements_percent: { level: WORST, context: null },
  cla_same_carer_2y_percent: { level: WORST, context: null },
  cla_new_placements_outside_20_miles_percent: { level: WORST, context: null },
  cla_3plus_social_workers_percent: { level: WORST, context: null },
  care_leavers_eet_19_21_percent: { level: WORST, context: null },
  care_leavers_suitable_19_21_percent: { level: WORST, context: null },
};

/** The count indicators the small-count rule reads (loaded beside the risk indicators). */
export const RISK_BASE_IDS: readonly IndicatorId[] = [...new Set(RISK_INDICATOR_IDS.flatMap((id) => baseOf(id)?.indicator ?? []))];

/** Points for an input at amber and at red (decision 0024: no weights fitted to outcomes). */
export const INPUT_POINTS = { amber: 1, red: 2 } as const;

/**
 * Inspection history (decision 0024): the worst sub-judgement at the LA's previous graded inspection
 * (requires improvement: amber, inadequate: red), and a monitoring visit published in the 12 months
 * before (1 point: it means the LA was judged inadequate and is being monitored).
 */
export const HISTORY_RULES = { monitoringVisitMonths: 12, monitoringVisitPoints: 1 } as const;

export const COMPARATOR = {
  /** a median needs at least this many comparators with a figure (joint returns counted once) */
  minimumComparators: 5,
  /**
   * Before the statistical-neighbour grouping was published (April 2021 for the grouping held here)
   * the engine does not use it — that would be look-ahead — and compares with the median of the
   * other LAs in the same region instead.
   */
  fallback: "region" as const,
};

/**
 * A figure published as a marker (c, low, u, x, z) is not a number: it can neither raise nor clear a
 * flag. When the newest period is a marker the rules look back at most this many periods for the
 * last published number, and say so in the reason.
 */
export const MAX_PERIODS_BACK_OVER_MARKER = 1;

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Outcomes and the backtest (decision 0024)
// ————————————————————————————————————————————————————————————————————————————————————————————————

/**
 * The outcomes: the primary, Inadequate in any sub-judgement Ofsted still gives (help and protection,
 * children in care — with care leavers before 2023 — care leavers from 2023, leadership); the secondary,
 * requires improvement or worse in any of them; and the old overall grade, for history only.
 */
export type RiskOutcome = "inadequateAny" | "requiresImprovementAny" | "overall";
export const OUTCOMES: Record<RiskOutcome, { label: string; describe: string }> = {
  inadequateAny: {
    label: "Inadequate in any sub-judgement",
    describe: "judged Inadequate for help and protection, children in care, care leavers or the impact of leaders",
  },
  requiresImprovementAny: {
    label: "Requires improvement or worse in any sub-judgement",
    describe: "judged requires improvement or inadequate for any of those areas",
  },
  overall: {
    label: "Inadequate overall (history only)",
    describe: "judged Inadequate for overall effectiveness (no longer given from April 2026)",
  },
};

type SubJudgements = {
  overall: Judgement | null;
  leadership: Judgement | null;
  helpAndProtection: Judgement | null;
  childrenInCare: Judgement | null;
  careLeavers: Judgement | null;
};

/** The sub-judgements of an inspection (never the overall grade). */
export function subJudgements(i: SubJudgements): Judgement[] {
  return [i.leadership, i.helpAndProtection, i.childrenInCare, i.careLeavers].filter((j): j is Judgement => j !== null);
}

export function isAdverse(outcome: RiskOutcome, i: SubJudgements): boolean {
  if (outcome === "overall") return i.overall === "INADEQUATE";
  const subs = subJudgements(i);
  if (outcome === "inadequateAny") return subs.includes("INADEQUATE");
  return subs.includes("INADEQUATE") || subs.includes("REQUIRES_IMPROVEMENT");
}

/** Share of authorities the national page and the backtest treat as "flagged" by the score. */
export const TOP_SHARES = [0.1, 0.2] as const;

/** Backtest settings: bootstrap resamples (by authority) and the fixed seed that makes them repeatable. */
export const BACKTEST = {
  bootstrapResamples: 2000,
  seed: 20160401,
  /** development period: inspections dated on or before this day and published by it (decision 0024) */
  developmentEnd: "2022-12-31",
  /** held-out test: inspections dated on or after this day, scored once */
  heldOutFrom: "2023-01-01",
};

/** What the backtest aims for (issue 17), shown beside what it got. */
export const BACKTEST_TARGETS = { auc: 0.75, recallTop20: 0.5, precisionTop20: 0.35 };
