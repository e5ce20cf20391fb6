// What an analyst saw when they triaged a local authority: its score and flags (with the figure and
// period behind each). Stored as JSON on triage_state and triage_event; read back through zod, so a
// malformed row is reported instead of trusted.
import { z } from "zod";
import { RISK_INDICATOR_IDS } from "@/lib/risk/config";
import { FLAG_KINDS } from "@/lib/risk/rules";
import type { LaAssessment } from "@/lib/risk/assess";
import { SNAPSHOT_DESIGN } from "./config";

const snapshotFlagSchema = z.object({
  indicatorId: z.enum(RISK_INDICATOR_IDS),
  kind: z.enum(FLAG_KINDS),
  severity: z.enum(["red", "amber"]),
  /** the published figure that raised the flag, and its period */
  raw: z.string(),
  period: z.number().int(),
});

const triageSnapshotSchema = z.object({
  /** the newest data_release id when the snapshot was taken */
  releaseId: z.number().int().min(0),
  /** the date the LA was assessed at (figures published before it) */
  asAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  score: z.number(),
  flags: z.array(snapshotFlagSchema),
  /** the risk design the flags and score were taken under (./config.ts SNAPSHOT_DESIGN); absent before decision 0030 */
  design: z.string().optional(),
});

export type SnapshotFlag = z.infer<typeof snapshotFlagSchema>;
export type TriageSnapshot = z.infer<typeof triageSnapshotSchema>;

/** The parts of an assessment triage keeps. */
export function snapshotOf(assessment: Pick<LaAssessment, "asAt" | "score" | "flags">, releaseId: number): TriageSnapshot {
  return {
    design: SNAPSHOT_DESIGN,
    releaseId,
    asAt: assessment.asAt,
    score: assessment.score,
    flags: assessment.flags.map((f) => ({ indicatorId: f.indicatorId, kind: f.kind, severity: f.severity, raw: f.raw, period: f.period })),
  };
}

/** A stored snapshot, or null when there is none or it is not one (never throws). */
export function readSnapshot(value: unknown): TriageSnapshot | null {
  const parsed = triageSnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
