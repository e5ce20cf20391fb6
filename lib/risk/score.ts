// The risk score (decision 0024): the sum of the points of the inputs at amber (1) or red (2) — each
// figure's level against England (agency staff against the Public Accounts Committee's levels) — and
// the LA's inspection history. No weight is fitted to outcomes. Every point is a factor with a reason,
// and every flag either adds its points or says why it does not (context).
import { HISTORY_RULES, INPUT_POINTS, RISK_AREA_LABELS, RISK_INDICATORS, type RiskArea, type RiskIndicatorId } from "./config";
import { formatIsoDate } from "./dates";
import { knownInspections } from "./publication";
import type { FlagResult, RiskFlag, Severity } from "./rules";
import { recentVisits, type RiskIndex } from "./series";
import type { GradedInspection, IsoDate, Judgement } from "./types";

export type ScoreFactor = {
  /** the indicator that scored, or null for inspection history */
  indicatorId: RiskIndicatorId | null;
  area: RiskArea;
  /** what scored: "Agency rate: at or above a set level" */
  label: string;
  points: number;
  reason: string;
};

/** An inspection-history input at amber or red: the previous graded inspection's worst sub-judgement, or a monitoring visit. */
export type HistoryFlag = {
  kind: "previous-judgement" | "monitoring-visit";
  area: "inspection_history";
  severity: Severity;
  points: number;
  reason: string;
};

type RiskScore = { score: number; factors: ScoreFactor[] };

export const KIND_WORDS = {
  threshold: "at or above a set level",
  position: "among the worst in England",
  neighbours: "worse than comparators",
  "worse-and-worsening": "worse and worsening",
  deterioration: "sharp deterioration",
  rising: "rising two years running",
} as const;

/** Points a flag adds (0 for context). */
export function flagPoints(flag: Pick<RiskFlag, "points">): number {
  return flag.points;
}

const JUDGEMENT_WORDS: Record<Judgement, string> = {
  OUTSTANDING: "outstanding",
  GOOD: "good",
  REQUIRES_IMPROVEMENT: "requires improvement",
  INADEQUATE: "inadequate",
};
const AREA_OF_JUDGEMENT = {
  helpAndProtection: "help and protection",
  childrenInCare: "children in care",
  careLeavers: "care leavers",
  leadership: "the impact of leaders",
} as const;

/** The worst sub-judgement of an inspection and the areas that got it. */
export function worstSubJudgement(
  i: Pick<GradedInspection, keyof typeof AREA_OF_JUDGEMENT>,
): { judgement: Judgement; areas: string[] } | null {
  const order: Judgement[] = ["INADEQUATE", "REQUIRES_IMPROVEMENT", "GOOD", "OUTSTANDING"];
  for (const j of order) {
    const areas = (Object.keys(AREA_OF_JUDGEMENT) as (keyof typeof AREA_OF_JUDGEMENT)[])
      .filter((k) => i[k] === j)
      .map((k) => AREA_OF_JUDGEMENT[k]);
    if (areas.length) return { judgement: j, areas };
  }
  return null;
}

/** Inspection-history inputs of an LA at a date: judgements and visits published strictly before it. */
export function historyFlags(index: RiskIndex, laNumber: string, asAt: IsoDate): HistoryFlag[] {
  const out: HistoryFlag[] = [];
  const last = knownInspections(index.inspections.get(laNumber) ?? [], asAt).at(-1);
  const worst = last ? worstSubJudgement(last) : null;
  if (last && worst && (worst.judgement === "INADEQUATE" || worst.judgement === "REQUIRES_IMPROVEMENT")) {
    const severity: Severity = worst.judgement === "INADEQUATE" ? "red" : "amber";
    out.push({
      kind: "previous-judgement",
      area: "inspection_history",
      severity,
      points: INPUT_POINTS[severity],
      reason: `At its previous graded inspection (${formatIsoDate(last.inspectionDate)}) the authority was judged ${JUDGEMENT_WORDS[worst.judgement]} for ${worst.areas.join(" and ")}.`,
    });
  }
  const visits = recentVisits(index, laNumber, asAt, HISTORY_RULES.monitoringVisitMonths, "MONITORING_VISIT");
  if (visits.length > 0) {
    const latest = visits.at(-1)!;
    out.push({
      kind: "monitoring-visit",
      area: "inspection_history",
      severity: "amber",
      points: HISTORY_RULES.monitoringVisitPoints,
      reason: `Ofsted made a monitoring visit (${formatIsoDate(latest.inspectionDate)}) published in the ${HISTORY_RULES.monitoringVisitMonths} months before: the authority was judged inadequate and is being monitored.`,
    });
  }
  return out;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The score for one LA from its flags (context flags add 0) and its inspection history. */
export function scoreAssessment(result: Pick<FlagResult, "flags">, history: readonly HistoryFlag[] = []): RiskScore {
  const factors: ScoreFactor[] = [];
  for (const flag of result.flags) {
    if (flag.points <= 0) continue;
    factors.push({
      indicatorId: flag.indicatorId,
      area: flag.area,
      label: `${RISK_INDICATORS[flag.indicatorId].shortLabel}: ${KIND_WORDS[flag.kind]}`,
      points: flag.points,
      reason: flag.reason,
    });
  }
  for (const h of history) {
    factors.push({
      indicatorId: null,
      area: h.area,
      label: `${RISK_AREA_LABELS.inspection_history}: ${h.kind === "previous-judgement" ? "previous judgement" : "monitoring visit"}`,
      points: h.points,
      reason: h.reason,
    });
  }
  factors.sort((a, b) => b.points - a.points);
  return { score: round1(factors.reduce((s, f) => s + f.points, 0)), factors };
}

/** Points by area (for "flags and scores say which area they speak to"). */
export function pointsByArea(factors: readonly ScoreFactor[]): Partial<Record<RiskArea, number>> {
  const out: Partial<Record<RiskArea, number>> = {};
  for (const f of factors) out[f.area] = (out[f.area] ?? 0) + f.points;
  return out;
}
