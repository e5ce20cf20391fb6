// The composite risk score: a transparent points score over the flags and the caseload
// (config.ts SCORE_POINTS; why: docs/decisions/0007-risk-score.md). Every point is a factor with a reason.
import { RISK_INDICATORS, SCORE_POINTS, type RiskIndicatorId } from "./config";
import { formatRaw, periodPhrase } from "./format";
import type { FlagKind, FlagResult, RiskFlag } from "./rules";

export type ScoreFactor = {
  indicatorId: RiskIndicatorId;
  /** what scored: "Caseload", "Agency rate: at or above a set level" */
  label: string;
  points: number;
  reason: string;
};

type RiskScore = { score: number; factors: ScoreFactor[] };

type PointsTable = Partial<Record<RiskIndicatorId, Partial<Record<FlagKind, { amber: number; red: number }>>>>;
const FLAG_POINTS: PointsTable = SCORE_POINTS.flags;

export function flagPoints(flag: Pick<RiskFlag, "indicatorId" | "kind" | "severity">): number {
  return FLAG_POINTS[flag.indicatorId]?.[flag.kind]?.[flag.severity] ?? 0;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function caseloadPoints(caseload: number | null): number {
  if (caseload === null) return 0;
  const { above, perCase, max } = SCORE_POINTS.caseload;
  return round1(Math.min(max, Math.max(0, (caseload - above) * perCase)));
}

const KIND_WORDS: Record<FlagKind, string> = {
  threshold: "at or above a set level",
  neighbours: "worse than comparators",
  "worse-and-worsening": "worse and worsening",
  deterioration: "sharp deterioration",
  rising: "rising two years running",
};

/** The score for one LA from its flags and readings. Missing figures add no points. */
export function scoreAssessment(result: Pick<FlagResult, "flags" | "readings">): RiskScore {
  const factors: ScoreFactor[] = [];
  const caseload = result.readings.find((r) => r.indicatorId === "caseload_fte")?.current ?? null;
  const cp = caseloadPoints(caseload?.value ?? null);
  if (caseload && cp > 0) {
    const { above, perCase, max } = SCORE_POINTS.caseload;
    factors.push({
      indicatorId: "caseload_fte",
      label: RISK_INDICATORS.caseload_fte.shortLabel,
      points: cp,
      reason: `${formatRaw("caseload_fte", caseload.raw)} per social worker ${periodPhrase("caseload_fte", caseload.period)}: ${perCase} point for each case above ${above}, up to ${max}.`,
    });
  }
  for (const flag of result.flags) {
    const points = flagPoints(flag);
    if (points <= 0) continue;
    factors.push({
      indicatorId: flag.indicatorId,
      label: `${RISK_INDICATORS[flag.indicatorId].shortLabel}: ${KIND_WORDS[flag.kind]}`,
      points,
      reason: flag.reason,
    });
  }
  factors.sort((a, b) => b.points - a.points);
  return { score: round1(factors.reduce((s, f) => s + f.points, 0)), factors };
}
