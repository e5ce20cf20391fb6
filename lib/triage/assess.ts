// The flags and score triage records with each change (the snapshot a later import is compared with),
// read through the risk engine over any client. One engine is kept per client and data release, so a
// run of saves costs one dataset load; the importer builds its own over its open transaction.
import { loadRiskDataset, newestReleaseId, type RiskDatasetReader } from "@/lib/risk/dataset";
import { createAssessor, type Assessor } from "@/lib/risk/assess";
import { today } from "@/lib/core/clock";
import { buildIndex } from "@/lib/risk/series";
import { snapshotOf, type TriageSnapshot } from "./snapshot";

export async function buildAssessor(client: RiskDatasetReader): Promise<Assessor> {
  return createAssessor(buildIndex(await loadRiskDataset(client)));
}

const engines = new WeakMap<object, { releaseId: number; assessor: Promise<Assessor> }>();

/** The engine for the client's newest data release (cached per client until a new release appears). */
export async function currentAssessor(client: RiskDatasetReader): Promise<{ releaseId: number; assessor: Assessor }> {
  const releaseId = await newestReleaseId(client);
  const hit = engines.get(client);
  if (hit?.releaseId === releaseId) return { releaseId, assessor: await hit.assessor };
  const entry = { releaseId, assessor: buildAssessor(client) };
  engines.set(client, entry);
  entry.assessor.catch(() => {
    if (engines.get(client) === entry) engines.delete(client);
  });
  return { releaseId, assessor: await entry.assessor };
}

/** Snapshots of the given LAs as assessed today from the newest data, with that data's release id. */
export async function currentSnapshots(
  client: RiskDatasetReader,
  laNumbers: readonly string[],
  now: Date,
): Promise<{ releaseId: number; snapshots: Map<string, TriageSnapshot> }> {
  const { releaseId, assessor } = await currentAssessor(client);
  const asAt = today(now);
  const snapshots = new Map<string, TriageSnapshot>();
  for (const laNumber of laNumbers) {
    const assessment = assessor.assess(laNumber, asAt);
    if (assessment) snapshots.set(laNumber, snapshotOf(assessment, releaseId));
  }
  return { releaseId, snapshots };
}
