// "Closing the loop": does the published evidence agree with the manager's status for an action
// linked to an indicator? Pure: figures in, an evidence RAG and a one-sentence reason out.
//
// Direction comes from the target relative to the baseline (target below baseline ⇒ falling is the
// right way), so it works for any indicator; the indicator's polarity only breaks a tie when the
// target equals the baseline.
import { unitSuffix } from "@/lib/core/values";

export type EvidenceRag = "TARGET_MET" | "RIGHT_WAY" | "NOT_YET" | "WRONG_WAY";
export type Polarity = "HIGHER_IS_WORSE" | "HIGHER_IS_BETTER" | "NEUTRAL";

export type Figure = { period: number; value: number | null; marker: string | null; raw: string };

type EvidenceInput = {
  polarity: Polarity;
  target: number;
  /** the last figure published before the action started (null if none) */
  baseline: Figure | null;
  /** figures published since, oldest first */
  since: readonly Figure[];
  /** the indicator's unit: a percentage's figures and target are written with "%" */
  unit?: string;
};

export type Evidence = { rag: EvidenceRag; reason: string; latest: Figure | null };

export const EVIDENCE_LABELS: Record<EvidenceRag, string> = {
  TARGET_MET: "Target met",
  RIGHT_WAY: "Moving the right way",
  NOT_YET: "Not yet",
  WRONG_WAY: "Moving the wrong way",
};

function wantsLower(input: EvidenceInput, baseline: number): boolean {
  if (input.target !== baseline) return input.target < baseline;
  return input.polarity !== "HIGHER_IS_BETTER";
}

export function assessEvidence(input: EvidenceInput): Evidence {
  /** a figure or the target as written in the reason: "11.9%" for a percentage */
  const n = (figure: string | number) => `${figure}${unitSuffix(input.unit ?? "")}`;
  const latest = input.since.at(-1) ?? null;
  if (!latest) return { rag: "NOT_YET", reason: "No figure has been published since the action started.", latest: null };
  if (latest.value === null) {
    return {
      rag: "NOT_YET",
      reason: `The latest figure (${latest.period}) is not published as a number (marker "${latest.marker ?? "?"}").`,
      latest,
    };
  }
  const baseline = input.baseline?.value ?? null;
  const lower = baseline === null ? input.polarity !== "HIGHER_IS_BETTER" : wantsLower(input, baseline);
  const met = lower ? latest.value <= input.target : latest.value >= input.target;
  if (met) return { rag: "TARGET_MET", reason: `${latest.period}: ${n(latest.raw)} meets the target of ${n(input.target)}.`, latest };
  if (baseline === null) {
    return {
      rag: "NOT_YET",
      reason: `${latest.period}: ${n(latest.raw)}, target ${n(input.target)}; there is no baseline figure to compare with.`,
      latest,
    };
  }
  if (latest.value === baseline)
    return {
      rag: "NOT_YET",
      reason: `${latest.period}: ${n(latest.raw)}, unchanged from the baseline; target ${n(input.target)}.`,
      latest,
    };
  const improving = lower ? latest.value < baseline : latest.value > baseline;
  return improving
    ? {
        rag: "RIGHT_WAY",
        reason: `${latest.period}: ${n(latest.raw)}, from ${n(input.baseline!.raw)} at the start, towards the target of ${n(input.target)}.`,
        latest,
      }
    : {
        rag: "WRONG_WAY",
        reason: `${latest.period}: ${n(latest.raw)}, from ${n(input.baseline!.raw)} at the start, away from the target of ${n(input.target)}.`,
        latest,
      };
}

export type ManagerStatus = "NOT_STARTED" | "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "COMPLETE";

/** The manager says all is well but the figures move the wrong way, or the reverse. */
export function isEvidenceMismatch(status: ManagerStatus, rag: EvidenceRag): boolean {
  if ((status === "ON_TRACK" || status === "COMPLETE") && rag === "WRONG_WAY") return true;
  if (status === "OFF_TRACK" && rag === "TARGET_MET") return true;
  return false;
}
