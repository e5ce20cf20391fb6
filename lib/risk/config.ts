// Every threshold, margin, lag and weight the risk engine uses, in one typed and documented place.
// Change a number here and the flags, the score, the national page, the LA panel and the backtest
// all follow. Why the composite score looks as it does: docs/decisions/0007-risk-score.md.
import {
  idsWithRole,
  indicatorById,
  periodMeaningText,
  SERIES,
  seriesWithRole,
  type IndicatorIdWithRole,
  type SeriesId,
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
// Flag rules
// ————————————————————————————————————————————————————————————————————————————————————————————————

type ThresholdRule = {
  amber: number;
  red: number;
  /** what reaching each level means, completing "at or above 20%: …" */
  amberMeaning: string;
  redMeaning: string;
};
type MarginRule = { amber: number; red: number };
type IndicatorRuleConfig = {
  /** absolute level: value ≥ amber → amber, ≥ red → red */
  threshold: ThresholdRule;
  /** worse than the comparator (statistical-neighbour) median by at least this many units */
  neighbours: MarginRule;
  /** "worse and worsening": above the comparator median by ≥ `aboveBy` AND up by ≥ `risenBy` on the year before */
  worseAndWorsening: { aboveBy: number; risenBy: number };
  /** deterioration: up by at least `oneYear` on the previous period (amber), or `twoYears` (amber) / `redTwoYears` (red) on two periods before */
  deterioration: { oneYear: number; twoYears: number; redTwoYears: number };
  /** rising two years running (each step up) by at least `minTotal` in all; null = rule not used */
  rising: { minTotal: number } | null;
};

/** A level no public body has set: about the 90th (amber) and 97th (red) percentile of English LAs in 2017–2024, rounded. */
const byPercentile = (amber: number, red: number): ThresholdRule => ({
  amber,
  red,
  amberMeaning: "among the highest tenth of authorities in England in 2017 to 2024",
  redMeaning: "among the highest 3% of authorities in England in 2017 to 2024",
});

/**
 * Levels: the agency levels are the Public Accounts Committee's (2016). No public body has set a
 * level for the others, so they sit at about the 90th (amber) and 97th (red) percentile of English
 * LAs over 2017–2024, rounded — "among the highest tenth in England".
 * Margins and changes are in the indicator's own units (percentage points, or cases per social worker).
 */
export const INDICATOR_RULES: Record<RiskIndicatorId, IndicatorRuleConfig> = {
  agency_rate_fte: {
    threshold: {
      amber: 20,
      red: 40,
      amberMeaning: "a major problem, in the Public Accounts Committee's words (2016)",
      redMeaning: "the level at which the Public Accounts Committee (2016) said something is seriously wrong",
    },
    neighbours: { amber: 10, red: 20 },
    worseAndWorsening: { aboveBy: 8, risenBy: 4 },
    deterioration: { oneYear: 8, twoYears: 10, redTwoYears: 18 },
    rising: null,
  },
  turnover_rate_fte: {
    threshold: byPercentile(23, 30),
    neighbours: { amber: 7, red: 12 },
    worseAndWorsening: { aboveBy: 5, risenBy: 4 },
    deterioration: { oneYear: 9, twoYears: 11, redTwoYears: 16 },
    rising: null,
  },
  vacancy_rate_fte: {
    threshold: byPercentile(32, 40),
    neighbours: { amber: 10, red: 18 },
    worseAndWorsening: { aboveBy: 8, risenBy: 5 },
    deterioration: { oneYear: 10, twoYears: 12, redTwoYears: 20 },
    rising: null,
  },
  caseload_fte: {
    threshold: byPercentile(20, 23),
    neighbours: { amber: 3, red: 5 },
    worseAndWorsening: { aboveBy: 2, risenBy: 1.5 },
    deterioration: { oneYear: 3, twoYears: 4, redTwoYears: 6 },
    rising: null,
  },
  re_referrals_percent: {
    threshold: byPercentile(27, 31),
    neighbours: { amber: 5, red: 9 },
    worseAndWorsening: { aboveBy: 3, risenBy: 3 },
    deterioration: { oneYear: 6, twoYears: 8, redTwoYears: 11 },
    rising: { minTotal: 4 },
  },
  cpp_subsequent_percent: {
    threshold: byPercentile(30, 34),
    neighbours: { amber: 6, red: 10 },
    worseAndWorsening: { aboveBy: 4, risenBy: 3 },
    deterioration: { oneYear: 7, twoYears: 9, redTwoYears: 13 },
    rising: { minTotal: 5 },
  },
};

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
// Composite score (docs/decisions/0007-risk-score.md)
// ————————————————————————————————————————————————————————————————————————————————————————————————

/** The outcome the score is built and tested against. */
export type RiskOutcome = "overall" | "leadershipOrHelp";
export const OUTCOMES: Record<RiskOutcome, { label: string; describe: string }> = {
  overall: { label: "Inadequate overall", describe: "judged Inadequate for overall effectiveness" },
  leadershipOrHelp: {
    label: "Inadequate for leadership or for help and protection",
    describe: "judged Inadequate for the impact of leaders, or for children who need help and protection",
  },
};

export function isAdverse(
  outcome: RiskOutcome,
  i: { overall: Judgement | null; leadership: Judgement | null; helpAndProtection: Judgement | null },
): boolean {
  if (outcome === "overall") return i.overall === "INADEQUATE";
  return i.leadership === "INADEQUATE" || i.helpAndProtection === "INADEQUATE";
}

/**
 * The composite score is a transparent points score (decision 0007): no weight is fitted to the
 * inspection outcomes. Points come from
 * - caseload, the strongest single lead indicator in the backtest: `perCase` points for every case per
 *   social worker above `above`, up to `max`;
 * - flags on the workforce indicators, by indicator, kind and severity (anything not listed scores 0).
 * Re-referrals and repeat child protection plans are flagged for context but score nothing: in the
 * point-in-time backtest neither ranked Inadequate authorities better than chance.
 */
export const SCORE_POINTS = {
  caseload: { above: 16, perCase: 1, max: 6 },
  flags: {
    agency_rate_fte: { threshold: { amber: 1, red: 2 }, neighbours: { amber: 1, red: 2 } },
    turnover_rate_fte: { threshold: { amber: 1, red: 2 }, neighbours: { amber: 1, red: 2 } },
    vacancy_rate_fte: { threshold: { amber: 1, red: 2 }, neighbours: { amber: 1, red: 2 } },
  },
} as const satisfies {
  caseload: { above: number; perCase: number; max: number };
  flags: Partial<
    Record<
      RiskIndicatorId,
      Partial<Record<"threshold" | "neighbours" | "worse-and-worsening" | "deterioration" | "rising", { amber: number; red: number }>>
    >
  >;
};

/** Share of authorities the national page and the backtest treat as "flagged" by the score. */
export const TOP_SHARES = [0.1, 0.2] as const;

/** Backtest settings: bootstrap resamples (by authority) and the fixed seed that makes them repeatable. */
export const BACKTEST = {
  bootstrapResamples: 2000,
  seed: 20160401,
  /** the fitted comparator (time-forward logistic regression) needs this many Inadequate outcomes published before a test date */
  minimumTrainingEvents: 8,
  logisticPenalty: 10,
};

/** What the backtest aims for (issue 5), shown beside what it got. */
export const BACKTEST_TARGETS = { auc: 0.75, recallTop20: 0.5 };
