// The flags and score triage records with each change (the snapshot a later import is compared with),
// read through the risk engine over any client. A save uses the shared engine for the client's current
// figures (lib/risk/engine.ts); the importer builds its own over its open transaction.
import { loadRiskDataset, type RiskDatasetReader } from "@/lib/risk/dataset";
import { createAssessor, type Assessor } from "@/lib/risk/assess";
import { currentRiskEngine, type RiskEngineClient } from "@/lib/risk/engine";
import type { DataVersion } from "@/lib/core/data-version";
import { today } from "@/lib/core/clock";
import { buildIndex } from "@/lib/risk/series";
import { snapshotOf, type TriageSnapshot } from "./snapshot";

export async function buildAssessor(client: RiskDatasetReader): Promise<Assessor> {
  return createAssessor(buildIndex(await loadRiskDataset(client)));
}

/**
 * Snapshots of the given LAs as assessed today from the current figures, with the data release they
 * came from (recorded, and compared with the release the page showed) and the figures' version (checked
 * again inside the save's transaction).
 */
export async function currentSnapshots(
  client: RiskEngineClient,
  laNumbers: readonly string[],
  now: Date,
): Promise<{ releaseId: number; version: DataVersion; snapshots: Map<string, TriageSnapshot> }> {
  const { releaseId, version, assessor } = await currentRiskEngine(client);
  const asAt = today(now);
  const snapshots = new Map<string, TriageSnapshot>();
  for (const laNumber of laNumbers) {
    const assessment = assessor.assess(laNumber, asAt);
    if (assessment) snapshots.set(laNumber, snapshotOf(assessment, releaseId));
  }
  return { releaseId, version, snapshots };
}
