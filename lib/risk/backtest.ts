// The point-in-time backtest. For every graded ILACS inspection, the LA is assessed on the day of
// the inspection from figures published strictly before that day (publication.ts), and the score
// is compared with the judgement. Pure: give it a dataset, get the figures back.
import { addDays, monthsBetween } from "./dates";
import { createAssessor, distinctUnits, type AssessmentCore, type Assessor } from "./assess";
import {
  BACKTEST,
  OUTCOMES,
  RISK_INDICATOR_IDS,
  RISK_INDICATORS,
  RISK_SERIES_IDS,
  TOP_SHARES,
  isAdverse,
  type RiskIndicatorId,
  type RiskOutcome,
} from "./config";
import { fitLogistic, logisticScore, type LogisticModel } from "./logistic";
import { bootstrapAuc, precisionRecall, rocAuc, topShareCutoff, type Confusion, type Interval } from "./metrics";
import { judgementKnownFrom, publishedOn } from "./publication";
import { buildIndex, existedOn, type RiskIndex } from "./series";
import type { GradedInspection, IsoDate, RiskDataset } from "./types";

type MethodId = "composite" | RiskIndicatorId | "agency20" | "fitted";

type TopShareResult = Confusion & { share: number };

export type MethodResult = {
  id: MethodId;
  label: string;
  /** inspections scored by this method (the fitted comparator cannot score the earliest ones) */
  n: number;
  adverse: number;
  auc: number;
  ci: Interval;
  /** flagged = in the national top share of LAs on the day of the inspection (continuous methods) */
  top: TopShareResult[];
  /** yes/no rules: flagged when the rule fires */
  rule: Confusion | null;
  /** the composite's AUC on the same inspections, for the fitted comparator */
  compositeAucSameCases: number | null;
};

export type LeadTime = {
  label: string;
  adverse: number;
  /** adverse inspections flagged on the day of the inspection */
  flagged: number;
  /** months from when the flag first appeared (continuously up to the inspection) to the inspection */
  months: number[];
  median: number | null;
  /** flags up ever since the LA's first published figures (so the true lead time is at least this long) */
  censored: number;
};

export type OutcomeResult = {
  outcome: RiskOutcome;
  label: string;
  inspections: number;
  adverse: number;
  methods: MethodResult[];
  leadTimes: LeadTime[];
  /** composite AUC in two time periods, to show how stable it is */
  periods: { label: string; n: number; adverse: number; auc: number }[];
};

type BacktestCase = {
  laNumber: string;
  name: string;
  inspectionDate: IsoDate;
  type: GradedInspection["type"];
  overall: GradedInspection["overall"];
  leadership: GradedInspection["leadership"];
  helpAndProtection: GradedInspection["helpAndProtection"];
  score: number;
  /** in the national top 10% / 20% of LAs on the day */
  top10: boolean;
  top20: boolean;
  values: Record<RiskIndicatorId, number | null>;
  /** newest workforce period known on the day (−Infinity → none) */
  workforcePeriod: number;
};

export type BacktestResult = {
  inspections: number;
  formerAuthorityInspections: number;
  firstInspection: IsoDate;
  lastInspection: IsoDate;
  outcomes: Record<RiskOutcome, OutcomeResult>;
  cases: BacktestCase[];
};

const FITTED_FEATURES = (c: AssessmentCore): (number | null)[] => [
  c.values.caseload_fte,
  c.values.agency_rate_fte,
  c.values.turnover_rate_fte,
  c.values.vacancy_rate_fte,
  gap(c, "caseload_fte"),
  gap(c, "agency_rate_fte"),
  gap(c, "turnover_rate_fte"),
  gap(c, "vacancy_rate_fte"),
];

function gap(c: AssessmentCore, id: RiskIndicatorId): number | null {
  const v = c.values[id];
  const m = c.medians[id];
  return v === null || m === null ? null : v - m;
}

/** Dates on which the information the engine sees can change (the day after each publication). */
function changeDates(index: RiskIndex): IsoDate[] {
  const dates = new Set<IsoDate>();
  for (const s of RISK_SERIES_IDS) {
    const [oldest, newest] = [index.oldestInData[s], index.newestInData[s]];
    if (!Number.isFinite(newest) || !Number.isFinite(oldest)) continue;
    for (let p = oldest; p <= newest; p++) dates.add(addDays(publishedOn(s, p), 1));
  }
  const sn = index.dataset.neighbours;
  if (sn) dates.add(addDays(sn.publishedOn, 1));
  for (const la of index.dataset.authorities) {
    if (la.existsFrom) dates.add(la.existsFrom);
    if (la.existsTo) dates.add(addDays(la.existsTo, 1));
  }
  return [...dates].sort();
}

/** National cut-offs for the top shares of a measure on a date (joint returns counted once), memoised. */
type Ranker = (asAt: IsoDate, measure: string, value: (c: AssessmentCore) => number | null) => number[];

function makeRanker(assessor: Assessor): Ranker {
  const memo = new Map<string, number[]>();
  return (asAt, measure, value) => {
    const key = `${asAt}|${measure}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const units = distinctUnits(assessor.crossSection(asAt));
    const vals = units.map(value).filter((v): v is number => v !== null);
    const cutoffs = TOP_SHARES.map((share) => topShareCutoff(vals, share));
    memo.set(key, cutoffs);
    return cutoffs;
  };
}

/** In the top share: at or above the cut-off (a points score must also be above zero: 0 points is never "flagged"). */
const inTop = (v: number | null, cutoff: number, positive = false) => v !== null && v >= cutoff && (!positive || v > 0);

/** A flag's state on a date: up, down, or not computable (no figures yet for that LA). */
type FlagState = "up" | "down" | "unknown";

function leadTime(
  label: string,
  cases: { inspection: GradedInspection; adverse: boolean }[],
  stateOn: (laNumber: string, asAt: IsoDate) => FlagState,
  dates: readonly IsoDate[],
  index: RiskIndex,
): LeadTime {
  const adverse = cases.filter((c) => c.adverse);
  const months: number[] = [];
  let censored = 0;
  for (const { inspection } of adverse) {
    const d = inspection.inspectionDate;
    if (stateOn(inspection.laNumber, d) !== "up") continue;
    const la = index.authorities.get(inspection.laNumber)!;
    let since = d;
    let sinceTheStart = true;
    for (const c of dates.filter((x) => x < d).reverse()) {
      const state = existedOn(la, c) ? stateOn(inspection.laNumber, c) : "unknown";
      if (state !== "up") {
        sinceTheStart = state === "unknown";
        break;
      }
      since = c;
    }
    if (sinceTheStart) censored += 1;
    months.push(monthsBetween(since, d));
  }
  const sorted = [...months].sort((a, b) => a - b);
  const median = sorted.length
    ? sorted.length % 2
      ? sorted[sorted.length >> 1]!
      : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2
    : null;
  return { label, adverse: adverse.length, flagged: months.length, months: sorted, median, censored };
}

type BacktestOptions = { resamples?: number; seed?: number };

export function runBacktest(dataset: RiskDataset, options: BacktestOptions = {}): BacktestResult {
  const index = buildIndex(dataset);
  const assessor = createAssessor(index);
  const ranker = makeRanker(assessor);
  const resamples = options.resamples ?? BACKTEST.bootstrapResamples;
  const seed = options.seed ?? BACKTEST.seed;
  const inspections = [...dataset.inspections]
    .filter((i) => i.overall !== null)
    .sort((a, b) =>
      a.inspectionDate < b.inspectionDate ? -1 : a.inspectionDate > b.inspectionDate ? 1 : a.laNumber.localeCompare(b.laNumber),
    );

  const score = (c: AssessmentCore) => c.score;

  const cores = inspections.map((i) => {
    const a = assessor.assess(i.laNumber, i.inspectionDate);
    if (!a) throw new Error(`Inspection of unknown LA ${i.laNumber}`);
    return a;
  });

  const cases: BacktestCase[] = inspections.map((i, k) => {
    const a = cores[k]!;
    const cutoffs = ranker(i.inspectionDate, "score", score);
    const la = index.authorities.get(i.laNumber)!;
    return {
      laNumber: i.laNumber,
      name: la.name,
      inspectionDate: i.inspectionDate,
      type: i.type,
      overall: i.overall,
      leadership: i.leadership,
      helpAndProtection: i.helpAndProtection,
      score: a.score,
      top10: inTop(a.score, cutoffs[0]!, true),
      top20: inTop(a.score, cutoffs[1]!, true),
      values: a.values,
      workforcePeriod: Math.max(
        ...RISK_INDICATOR_IDS.filter((id) => RISK_INDICATORS[id].series === "CSWW").map(
          (id) => a.figures[id]?.period ?? Number.NEGATIVE_INFINITY,
        ),
      ),
    };
  });
  const clusters = inspections.map((i) => i.laNumber);

  // Fitted comparator: time-forward logistic regression, refitted on the inspections whose outcomes
  // were published before each test inspection (nested prefixes, so one model per prefix length).
  const byKnown = inspections
    .map((i, k) => ({ k, known: judgementKnownFrom(i) }))
    .sort((a, b) => (a.known < b.known ? -1 : a.known > b.known ? 1 : 0));
  const features = cores.map(FITTED_FEATURES);
  const fittedFor = (outcome: RiskOutcome) => {
    const labels = inspections.map((i) => isAdverse(outcome, i));
    const models = new Map<number, LogisticModel>();
    return inspections.map((i, k) => {
      const prefix = byKnown.filter((b) => b.known < i.inspectionDate).map((b) => b.k);
      if (prefix.filter((k) => labels[k]).length < BACKTEST.minimumTrainingEvents) return null;
      let model = models.get(prefix.length);
      if (!model) {
        model = fitLogistic(
          prefix.map((k) => features[k]!),
          prefix.map((k) => labels[k]!),
          BACKTEST.logisticPenalty,
        );
        models.set(prefix.length, model);
      }
      const m = model;
      const cutoffs = ranker(i.inspectionDate, `fitted:${outcome}:${prefix.length}`, (c) => logisticScore(m, FITTED_FEATURES(c)));
      const s = logisticScore(m, features[k]!);
      return { score: s, top: cutoffs.map((c) => inTop(s, c)) };
    });
  };

  const dates = changeDates(index);
  const outcomes = {} as Record<RiskOutcome, OutcomeResult>;
  for (const outcome of Object.keys(OUTCOMES) as RiskOutcome[]) {
    const labels = inspections.map((i) => isAdverse(outcome, i));
    const adverseCount = labels.filter(Boolean).length;
    const methods: MethodResult[] = [];
    const evaluate = (
      id: MethodId,
      label: string,
      values: (number | null)[],
      top: boolean[][],
      rule: boolean[] | null,
      subset?: number[],
    ): MethodResult => {
      const idx = subset ?? values.map((_, k) => k);
      const present = idx
        .map((k) => values[k])
        .filter((v): v is number => v !== null)
        .sort((a, b) => a - b);
      const fill = present.length ? present[present.length >> 1]! : 0;
      const s = idx.map((k) => values[k] ?? fill);
      const y = idx.map((k) => labels[k]!);
      return {
        id,
        label,
        n: idx.length,
        adverse: y.filter(Boolean).length,
        auc: rocAuc(s, y),
        ci: bootstrapAuc(
          s,
          y,
          idx.map((k) => clusters[k]!),
          { resamples, seed },
        ),
        top: TOP_SHARES.map((share, t) => ({
          share,
          ...precisionRecall(
            idx.map((k) => top[t]![k]!),
            y,
          ),
        })),
        rule: rule
          ? precisionRecall(
              idx.map((k) => rule[k]!),
              y,
            )
          : null,
        compositeAucSameCases: subset
          ? rocAuc(
              idx.map((k) => cases[k]!.score),
              y,
            )
          : null,
      };
    };
    methods.push(
      evaluate(
        "composite",
        "Composite points score",
        cases.map((c) => c.score),
        [cases.map((c) => c.top10), cases.map((c) => c.top20)],
        null,
      ),
    );
    for (const id of RISK_INDICATOR_IDS) {
      const value = (c: AssessmentCore) => c.values[id];
      const top = TOP_SHARES.map((_, t) => inspections.map((i, k) => inTop(cores[k]!.values[id], ranker(i.inspectionDate, id, value)[t]!)));
      methods.push(
        evaluate(
          id,
          `${RISK_INDICATORS[id].shortLabel} alone`,
          cores.map((c) => c.values[id]),
          top,
          null,
        ),
      );
    }
    const agency = cores.map((c) => c.values.agency_rate_fte);
    const agencyRule = agency.map((v) => v !== null && v >= 20);
    methods.push(
      evaluate(
        "agency20",
        "Agency rate 20% or more (yes/no)",
        agencyRule.map((x) => (x ? 1 : 0)),
        TOP_SHARES.map(() => agencyRule),
        agencyRule,
      ),
    );
    const fitted = fittedFor(outcome);
    const fittedSubset = fitted.flatMap((f, k) => (f ? [k] : []));
    if (fittedSubset.length > 0) {
      methods.push(
        evaluate(
          "fitted",
          "Fitted logistic regression, time-forward (comparator)",
          fitted.map((f) => f?.score ?? null),
          TOP_SHARES.map((_, t) => fitted.map((f) => f?.top[t] ?? false)),
          null,
          fittedSubset,
        ),
      );
    }

    const caseList = inspections.map((inspection, k) => ({ inspection, adverse: labels[k]! }));
    const workforce = ["caseload_fte", "agency_rate_fte", "turnover_rate_fte", "vacancy_rate_fte"] as const;
    const scoreFlag =
      (t: number) =>
      (laNumber: string, asAt: IsoDate): FlagState => {
        const a = assessor.assess(laNumber, asAt);
        if (!a || workforce.every((id) => a.values[id] === null)) return "unknown";
        return inTop(a.score, ranker(asAt, "score", score)[t]!, true) ? "up" : "down";
      };
    const agencyFlag = (laNumber: string, asAt: IsoDate): FlagState => {
      const v = assessor.assess(laNumber, asAt)?.values.agency_rate_fte ?? null;
      return v === null ? "unknown" : v >= 20 ? "up" : "down";
    };
    const leadTimes = [
      leadTime("Composite score in the top 20%", caseList, scoreFlag(1), dates, index),
      leadTime("Composite score in the top 10%", caseList, scoreFlag(0), dates, index),
      leadTime("Agency rate 20% or more", caseList, agencyFlag, dates, index),
    ];

    const split = "2021-01-01";
    const periods = [
      { label: "Inspections 2018 to 2020", pick: (d: IsoDate) => d < split },
      { label: "Inspections 2021 to 2025", pick: (d: IsoDate) => d >= split },
    ].map(({ label, pick }) => {
      const idx = inspections.flatMap((i, k) => (pick(i.inspectionDate) ? [k] : []));
      const y = idx.map((k) => labels[k]!);
      return {
        label,
        n: idx.length,
        adverse: y.filter(Boolean).length,
        auc: rocAuc(
          idx.map((k) => cases[k]!.score),
          y,
        ),
      };
    });

    outcomes[outcome] = {
      outcome,
      label: OUTCOMES[outcome].label,
      inspections: inspections.length,
      adverse: adverseCount,
      methods,
      leadTimes,
      periods,
    };
  }

  return {
    inspections: inspections.length,
    formerAuthorityInspections: inspections.filter((i) => index.authorities.get(i.laNumber)?.existsTo !== null).length,
    firstInspection: inspections[0]?.inspectionDate ?? "",
    lastInspection: inspections.at(-1)?.inspectionDate ?? "",
    outcomes,
    cases,
  };
}

/** The command's last line, e.g. "composite out-of-sample ROC AUC: 0.71 (95% CI 0.62–0.80)". */
export function aucLine(result: BacktestResult): string {
  const c = result.outcomes.overall.methods.find((m) => m.id === "composite")!;
  return `composite out-of-sample ROC AUC: ${c.auc.toFixed(2)} (95% CI ${c.ci.low.toFixed(2)}–${c.ci.high.toFixed(2)})`;
}
