// The risk engine over the current figures: the dataset loaded through ./dataset.ts, indexed and
// wrapped in a memoising assessor. One per database client and version of the figures
// (lib/core/data-version.ts): the risk pages (./server.ts) and triage saves (lib/triage) share the
// app's, and each integration test's client gets its own. Checking costs one primary-key lookup; a
// new version loads a new engine and the old one is dropped.
import { loadingCache, type LoadingCache } from "@/lib/core/cache";
import { readDataVersion, type DataVersion, type RawQueryClient } from "@/lib/core/data-version";
import { createAssessor, type Assessor } from "./assess";
import { loadRiskDataset, newestReleaseId, type RiskDatasetReader } from "./dataset";
import { buildIndex, type RiskIndex } from "./series";

export type RiskEngine = {
  /** the version of the figures read before the dataset was loaded */
  version: DataVersion;
  /** the newest data release when it was loaded: what triage records the analyst saw (decision 0011) */
  releaseId: number;
  index: RiskIndex;
  assessor: Assessor;
};

export type RiskEngineClient = RiskDatasetReader & RawQueryClient;

async function loadEngine(client: RiskDatasetReader, version: DataVersion): Promise<RiskEngine> {
  const [releaseId, dataset] = await Promise.all([newestReleaseId(client), loadRiskDataset(client)]);
  const index = buildIndex(dataset);
  return { version, releaseId, index, assessor: createAssessor(index) };
}

// Keyed by the client object: one cache per database, dropped with its client.
const engines = new WeakMap<object, LoadingCache<RiskEngine>>();

/** The engine for the client's current figures (loaded once per version; concurrent callers share the load). */
export async function currentRiskEngine(client: RiskEngineClient): Promise<RiskEngine> {
  let cache = engines.get(client);
  if (!cache) engines.set(client, (cache = loadingCache<RiskEngine>({ max: 1, load: (version) => loadEngine(client, version) })));
  return cache.get(await readDataVersion(client, "figures"));
}
