// Change since the previous period, read through the measure's polarity: for agency rate, up is worse.
import { roundTo } from "./comparators";
import type { Figure, JudgementId, Polarity } from "./types";

export type Change = {
  direction: "up" | "down" | "same";
  /** latest − previous, rounded to the measure's decimals (computed by us) */
  delta: number;
  assessment: "better" | "worse" | "no change" | "neutral";
};

export function changeBetween(latest: Figure | null, previous: Figure | null, polarity: Polarity, decimals: number): Change | null {
  if (!latest || !previous || latest.value === null || previous.value === null) return null;
  const delta = roundTo(latest.value - previous.value, decimals);
  if (delta === 0) return { direction: "same", delta: 0, assessment: "no change" };
  const direction = delta > 0 ? "up" : "down";
  if (polarity === "NEUTRAL") return { direction, delta, assessment: "neutral" };
  const worse = (direction === "up") === (polarity === "HIGHER_IS_WORSE");
  return { direction, delta, assessment: worse ? "worse" : "better" };
}

const JUDGEMENT_ORDER: Record<JudgementId, number> = { INADEQUATE: 1, REQUIRES_IMPROVEMENT: 2, GOOD: 3, OUTSTANDING: 4 };

/** Direction of travel between two Ofsted overall judgements. */
export function directionOfTravel(previous: JudgementId | null, latest: JudgementId | null): "improved" | "declined" | "same" | null {
  if (!previous || !latest) return null;
  const d = JUDGEMENT_ORDER[latest] - JUDGEMENT_ORDER[previous];
  return d > 0 ? "improved" : d < 0 ? "declined" : "same";
}
