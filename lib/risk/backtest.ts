// The point-in-time backtest of decision 0024. For every graded ILACS inspection, the LA is assessed
// on the day of the inspection from figures published strictly before that day (publication.ts), each
// in the version first published (series.ts asKnownOn), and the score is compared with the
// sub-judgements. Development period: inspections dated up to 31 December 2022 and published by then
// (used to check the pipeline and fit the two-parameter calibration map); held-out test: inspections
// dated from 1 January 2023, scored once. Pure: give it a dataset, get the figures back.
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
  subJudgements,
  worseDirection,
  type RiskIndicatorId,
  type RiskOutcome,
} from "./config";
import { fitLogistic, logisticScore } from "./logistic";
import { bootstrapAuc, precisionRecall, rocAuc, topShareCutoff, type Confusion, type Interval } from "./metrics";
import { posthocHistory, posthocScore } from "./posthoc";
import { judgementKnownFrom, publishedOn } from "./publication";
import { buildIndex, existedOn, type RiskIndex } from "./series";
import type { GradedInspection, IsoDate, RiskDataset } from "./types";
import { judgementsOf } from "@/lib/catalogue/judgements";

type MethodId =
  | "composite"
  | RiskIndicatorId
  | "history"
  | "agency20"
  | "posthoc"
  | "posthocAreas"
  | "posthocMonths"
  | "posthocMonitoring"
  | "posthocFocused";

type TopShareResult = Confusion & { share: number };

export type MethodResult = {
  id: MethodId;
  label: string;
  n: number;
  adverse: number;
  auc: number;
  ci: Interval;
  /** flagged = in the national top share of LAs on the day of the inspection (ties at the cut-off in) */
  top: TopShareResult[];
  /** yes/no rules: flagged when the rule fires */
  rule: Confusion | null;
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
};

export type CalibrationRow = { from: number; to: number; n: number; events: number; meanPredicted: number; observed: number };

export type Calibration = {
  /** log-odds of the primary outcome = intercept + slope × score, fitted on the development period only */
  intercept: number;
  slope: number;
  /** on the held-out inspections */
  brier: number;
  /** Brier of always predicting the development period's rate, for reference */
  brierBaseline: number;
  developmentRate: number;
  /** by tenth of predicted risk (0–10%, 10–20%, …), non-empty tenths only */
  table: CalibrationRow[];
};

type Split = "development" | "heldOut" | "neither";

export type BacktestCase = {
  laNumber: string;
  name: string;
  inspectionDate: IsoDate;
  knownFrom: IsoDate;
  split: Split;
  type: GradedInspection["type"];
  overall: GradedInspection["overall"];
  leadership: GradedInspection["leadership"];
  helpAndProtection: GradedInspection["helpAndProtection"];
  childrenInCare: GradedInspection["childrenInCare"];
  careLeavers: GradedInspection["careLeavers"];
  score: number;
  /** calibrated chance of the primary outcome (development-period map) */
  predicted: number;
  top10: boolean;
  top20: boolean;
  values: Record<RiskIndicatorId, number | null>;
  historyPoints: number;
  /** newest workforce period known on the day (−Infinity → none) */
  workforcePeriod: number;
  /** the POST-HOC variant of decision 0030 (designed after the held-out result was seen) */
  posthoc: {
    score: number;
    predicted: number;
    top10: boolean;
    top20: boolean;
    areaPoints: number;
    monthsSinceInspection: number | null;
    monitoringVisits: number;
    focusedVisits: number;
  };
};

export type SetResult = { inspections: number; outcomes: Record<RiskOutcome, OutcomeResult> };

export type BacktestResult = {
  /** every graded inspection with a sub-judgement */
  inspections: number;
  firstInspection: IsoDate;
  lastInspection: IsoDate;
  development: SetResult;
  heldOut: SetResult & { leadTime: LeadTime };
  /** dated in the development period but published after it: in neither set */
  neither: number;
  calibration: Calibration;
  /**
   * The POST-HOC variant (decision 0030): designed after the held-out result above had been seen, so
   * reported beside it and never instead of it. Same inspections, same metrics.
   */
  posthoc: {
    development: Record<RiskOutcome, MethodResult[]>;
    heldOut: Record<RiskOutcome, MethodResult[]>;
    calibration: Omit<Calibration, "table" | "developmentRate">;
  };
  cases: BacktestCase[];
};

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
  for (const list of index.inspections.values()) for (const i of list) dates.add(addDays(judgementKnownFrom(i), 1));
  for (const list of index.visits.values()) for (const v of list) dates.add(addDays(v.knownFrom, 1));
  for (const d of index.revisionDates) dates.add(addDays(d, 1));
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
  adverse: readonly BacktestCase[],
  stateOn: (laNumber: string, asAt: IsoDate) => FlagState,
  dates: readonly IsoDate[],
  index: RiskIndex,
): LeadTime {
  const months: number[] = [];
  let censored = 0;
  for (const c of adverse) {
    const d = c.inspectionDate;
    if (stateOn(c.laNumber, d) !== "up") continue;
    const la = index.authorities.get(c.laNumber)!;
    let since = d;
    let sinceTheStart = true;
    for (const x of dates.filter((x) => x < d).reverse()) {
      const state = existedOn(la, x) ? stateOn(c.laNumber, x) : "unknown";
      if (state !== "up") {
        sinceTheStart = state === "unknown";
        break;
      }
      since = x;
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

/** A single indicator as a "higher is worse" number (lower-is-better figures negated). */
const worseUp = (id: RiskIndicatorId, v: number | null) => (v === null ? null : worseDirection(id) === "higher" ? v : -v);

type BacktestOptions = { resamples?: number; seed?: number };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function runBacktest(dataset: RiskDataset, options: BacktestOptions = {}): BacktestResult {
  const index = buildIndex(dataset);
  const assessor = createAssessor(index);
  const ranker = makeRanker(assessor);
  const resamples = options.resamples ?? BACKTEST.bootstrapResamples;
  const seed = options.seed ?? BACKTEST.seed;
  const inspections = [...dataset.inspections]
    .filter((i) => subJudgements(i).length > 0)
    .sort((a, b) =>
      a.inspectionDate < b.inspectionDate ? -1 : a.inspectionDate > b.inspectionDate ? 1 : a.laNumber.localeCompare(b.laNumber),
    );
  const score = (c: AssessmentCore) => c.score;
  const splitOf = (i: GradedInspection): Split =>
    i.inspectionDate >= BACKTEST.heldOutFrom ? "heldOut" : judgementKnownFrom(i) <= BACKTEST.developmentEnd ? "development" : "neither";

  const cores = inspections.map((i) => {
    const a = assessor.assess(i.laNumber, i.inspectionDate);
    if (!a) throw new Error(`Inspection of unknown LA ${i.laNumber}`);
    return a;
  });

  // The post-hoc variant (decision 0030): the same cores, inspection history per posthoc.ts.
  const posthocValue = (asAt: IsoDate) => (c: AssessmentCore) => posthocScore(c, posthocHistory(index, c.laNumber, asAt));
  const cases: BacktestCase[] = inspections.map((i, k) => {
    const a = cores[k]!;
    const cutoffs = ranker(i.inspectionDate, "score", score);
    const ph = posthocHistory(index, i.laNumber, i.inspectionDate);
    const phScore = posthocScore(a, ph);
    const phCutoffs = ranker(i.inspectionDate, "posthoc", posthocValue(i.inspectionDate));
    return {
      laNumber: i.laNumber,
      name: index.authorities.get(i.laNumber)!.name,
      inspectionDate: i.inspectionDate,
      knownFrom: judgementKnownFrom(i),
      split: splitOf(i),
      type: i.type,
      ...judgementsOf(i),
      score: a.score,
      predicted: Number.NaN,
      top10: inTop(a.score, cutoffs[0]!, true),
      top20: inTop(a.score, cutoffs[1]!, true),
      values: a.values,
      historyPoints: a.history.reduce((s, h) => s + h.points, 0),
      workforcePeriod: Math.max(
        ...RISK_INDICATOR_IDS.filter((id) => RISK_INDICATORS[id].series === "CSWW").map(
          (id) => a.figures[id]?.period ?? Number.NEGATIVE_INFINITY,
        ),
      ),
      posthoc: {
        score: phScore,
        predicted: Number.NaN,
        top10: inTop(phScore, phCutoffs[0]!, true),
        top20: inTop(phScore, phCutoffs[1]!, true),
        areaPoints: ph.areaPoints,
        monthsSinceInspection: ph.monthsSinceInspection,
        monitoringVisits: ph.monitoringVisits,
        focusedVisits: ph.focusedVisits,
      },
    };
  });

  // The calibration map: log-odds of the primary outcome on the score, fitted on the development period only.
  const dev = cases.filter((c) => c.split === "development");
  const devLabels = dev.map((c) => isAdverse("inadequateAny", c));
  /** log-odds = intercept + slope × the score `scoreOf` reads, and the probability it gives a case */
  const calibrate = (scoreOf: (c: BacktestCase) => number) => {
    const model = fitLogistic(
      dev.map((c) => [scoreOf(c)]),
      devLabels,
      0,
    );
    const slope = model.weights[1]! / model.scale[0]!;
    return {
      slope,
      intercept: model.weights[0]! - slope * model.centre[0]!,
      predict: (c: BacktestCase) => sigmoid(logisticScore(model, [scoreOf(c)])),
    };
  };
  const { slope, intercept, predict } = calibrate((c) => c.score);
  for (const c of cases) c.predicted = predict(c);
  // the post-hoc variant's own map, on the same development inspections
  const phMap = calibrate((c) => c.posthoc.score);
  for (const c of cases) c.posthoc.predicted = phMap.predict(c);

  const evaluator =
    (set: readonly BacktestCase[], y: readonly boolean[]) =>
    (id: MethodId, label: string, values: (number | null)[], top: boolean[][], rule: boolean[] | null): MethodResult => {
      const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
      const fill = present.length ? present[present.length >> 1]! : 0;
      const s = values.map((v) => v ?? fill);
      return {
        id,
        label,
        n: set.length,
        adverse: y.filter(Boolean).length,
        auc: rocAuc(s, y),
        ci: bootstrapAuc(
          s,
          y,
          set.map((c) => c.laNumber),
          { resamples, seed },
        ),
        top: TOP_SHARES.map((share, t) => ({ share, ...precisionRecall(top[t]!, y) })),
        rule: rule ? precisionRecall(rule, y) : null,
      };
    };

  const evaluateSet = (set: BacktestCase[]): SetResult => {
    const idx = set.map((c) => cases.indexOf(c));
    const outcomes = {} as Record<RiskOutcome, OutcomeResult>;
    for (const outcome of Object.keys(OUTCOMES) as RiskOutcome[]) {
      const y = set.map((c) => isAdverse(outcome, c));
      const evaluate = evaluator(set, y);
      const methods: MethodResult[] = [
        evaluate(
          "composite",
          "Score (decision 0024)",
          set.map((c) => c.score),
          [set.map((c) => c.top10), set.map((c) => c.top20)],
          null,
        ),
      ];
      for (const id of RISK_INDICATOR_IDS) {
        const value = (c: AssessmentCore) => worseUp(id, c.values[id]);
        const top = TOP_SHARES.map((_, t) =>
          idx.map((k) => inTop(worseUp(id, cores[k]!.values[id]), ranker(inspections[k]!.inspectionDate, id, value)[t]!)),
        );
        methods.push(
          evaluate(
            id,
            `${RISK_INDICATORS[id].shortLabel} alone`,
            set.map((c) => worseUp(id, c.values[id])),
            top,
            null,
          ),
        );
      }
      const historyValue = (c: AssessmentCore) => c.history.reduce((s, h) => s + h.points, 0);
      methods.push(
        evaluate(
          "history",
          "Inspection history points alone",
          set.map((c) => c.historyPoints),
          TOP_SHARES.map((_, t) =>
            idx.map((k) => inTop(cases[k]!.historyPoints, ranker(inspections[k]!.inspectionDate, "history", historyValue)[t]!, true)),
          ),
          null,
        ),
      );
      const agencyRule = set.map((c) => c.values.agency_rate_fte !== null && c.values.agency_rate_fte >= 20);
      methods.push(
        evaluate(
          "agency20",
          "Agency rate 20% or more (yes/no)",
          agencyRule.map((x) => (x ? 1 : 0)),
          TOP_SHARES.map(() => agencyRule),
          agencyRule,
        ),
      );
      outcomes[outcome] = { outcome, label: OUTCOMES[outcome].label, inspections: set.length, adverse: y.filter(Boolean).length, methods };
    }
    return { inspections: set.length, outcomes };
  };

  const held = cases.filter((c) => c.split === "heldOut");
  const heldY = held.map((c) => isAdverse("inadequateAny", c));
  const developmentRate = devLabels.filter(Boolean).length / Math.max(1, dev.length);
  /** mean squared error of a predicted probability on the held-out inspections */
  const brierOf = (p: (c: BacktestCase) => number) =>
    held.reduce((s, c, k) => s + (p(c) - (heldY[k] ? 1 : 0)) ** 2, 0) / Math.max(1, held.length);
  const brier = brierOf((c) => c.predicted);
  const brierBaseline = brierOf(() => developmentRate);
  const table: CalibrationRow[] = [];
  for (let t = 0; t < 10; t++) {
    const from = t / 10;
    const to = (t + 1) / 10;
    const inBin = held.flatMap((c, k) => (c.predicted >= from && (c.predicted < to || (t === 9 && c.predicted <= 1)) ? [k] : []));
    if (inBin.length === 0) continue;
    const events = inBin.filter((k) => heldY[k]).length;
    table.push({
      from,
      to,
      n: inBin.length,
      events,
      meanPredicted: inBin.reduce((s, k) => s + held[k]!.predicted, 0) / inBin.length,
      observed: events / inBin.length,
    });
  }

  // The post-hoc variant and its new inputs alone, on the same sets (single inputs: no top-share ranking
  // of all LAs is computed for them, so their "top" columns use the cut-offs among the inspections scored).
  const evaluatePosthoc = (set: BacktestCase[]): Record<RiskOutcome, MethodResult[]> => {
    const out = {} as Record<RiskOutcome, MethodResult[]>;
    for (const outcome of Object.keys(OUTCOMES) as RiskOutcome[]) {
      const y = set.map((c) => isAdverse(outcome, c));
      const evaluate = evaluator(set, y);
      const inSetTop = (values: number[]) =>
        TOP_SHARES.map((share) => {
          const cutoff = topShareCutoff(values, share);
          return values.map((v) => inTop(v, cutoff, true));
        });
      const single = (id: MethodId, label: string, values: number[]) => evaluate(id, label, values, inSetTop(values), null);
      out[outcome] = [
        evaluate(
          "posthoc",
          "POST-HOC variant score (decision 0030)",
          set.map((c) => c.posthoc.score),
          [set.map((c) => c.posthoc.top10), set.map((c) => c.posthoc.top20)],
          null,
        ),
        single(
          "posthocAreas",
          "Previous judgements, points per area, alone",
          set.map((c) => c.posthoc.areaPoints),
        ),
        single(
          "posthocMonths",
          "Months since last graded inspection alone",
          set.map((c) => c.posthoc.monthsSinceInspection ?? 120),
        ),
        single(
          "posthocMonitoring",
          "Monitoring visits in 12 months alone",
          set.map((c) => c.posthoc.monitoringVisits),
        ),
        single(
          "posthocFocused",
          "Focused visits in 12 months alone",
          set.map((c) => c.posthoc.focusedVisits),
        ),
      ];
    }
    return out;
  };
  const phBrier = brierOf((c) => c.posthoc.predicted);

  const dates = changeDates(index);
  const scoreTop20 = (laNumber: string, asAt: IsoDate): FlagState => {
    const a = assessor.assess(laNumber, asAt);
    if (!a || RISK_INDICATOR_IDS.every((id) => a.values[id] === null)) return "unknown";
    return inTop(a.score, ranker(asAt, "score", score)[1]!, true) ? "up" : "down";
  };
  const heldOut = {
    ...evaluateSet(held),
    leadTime: leadTime(
      "Score in the top 20% of LAs in England",
      held.filter((_c, k) => heldY[k]),
      scoreTop20,
      dates,
      index,
    ),
  };

  return {
    inspections: inspections.length,
    firstInspection: inspections[0]?.inspectionDate ?? "",
    lastInspection: inspections.at(-1)?.inspectionDate ?? "",
    development: evaluateSet(dev),
    heldOut,
    neither: cases.filter((c) => c.split === "neither").length,
    calibration: { intercept, slope, brier, brierBaseline, developmentRate, table },
    posthoc: {
      development: evaluatePosthoc(dev),
      heldOut: evaluatePosthoc(held),
      calibration: { intercept: phMap.intercept, slope: phMap.slope, brier: phBrier, brierBaseline },
    },
    cases,
  };
}

const f2 = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(2));

/** The command's last line (decision 0024), e.g. "held-out ROC AUC (Inadequate in any sub-judgement, inspections from 2023): 0.71 (95% CI 0.55–0.84)". */
export function aucLine(result: BacktestResult): string {
  const c = result.heldOut.outcomes.inadequateAny.methods.find((m) => m.id === "composite")!;
  return `held-out ROC AUC (Inadequate in any sub-judgement, inspections from 2023): ${f2(c.auc)} (95% CI ${f2(c.ci.low)}–${f2(c.ci.high)})`;
}

/** The post-hoc variant's line, printed before the headline and never instead of it (decision 0030). */
export function posthocAucLine(result: BacktestResult): string {
  const c = result.posthoc.heldOut.inadequateAny.find((m) => m.id === "posthoc")!;
  return `POST-HOC variant (decision 0030, designed after the held-out result was seen), held-out ROC AUC (Inadequate in any sub-judgement, inspections from 2023): ${f2(c.auc)} (95% CI ${f2(c.ci.low)}–${f2(c.ci.high)})`;
}
