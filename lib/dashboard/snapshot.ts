// The published data the dashboard reads, held in memory once per data release (lib/dashboard/server.ts
// loads it; decision 0006). Plain data only: dates are ISO yyyy-mm-dd strings.
import type { ClosenessBandId, NeighbourModelRef } from "@/lib/catalogue/neighbour-models";
import type { RevisionInfo } from "./revisions";
import type { Figure, IndicatorMeta, JudgementId, LaFigure } from "./types";

export type AuthorityInfo = {
  laNumber: string;
  name: string;
  onsCode: string;
  regionCode: string;
  regionName: string;
  subRegionName: string | null;
  laType: string | null;
  existsFrom: string | null;
  existsTo: string | null;
  codes: { onsCode: string; validFrom: string | null; validTo: string | null }[];
};

export type JointReturnInfo = { id: string; series: string; label: string; fromPeriod: number; toPeriod: number; members: string[] };
export type BoundaryChangeInfo = {
  id: string;
  kind: "MERGER" | "SPLIT" | "RECODE";
  effective: string;
  description: string;
  links: { from: string; to: string }[];
};
export type NeighbourLink = { rank: number; laNumber: string; closeness: string; band: ClosenessBandId; inheritedFrom: string | null };

export type InspectionInfo = {
  type: "ILACS_STANDARD" | "ILACS_SHORT" | "ILACS_FOCUSED_VISIT" | "MONITORING_VISIT";
  inspectionDate: string | null;
  publicationDate: string | null;
  overall: JudgementId | null;
  leadership: JudgementId | null;
  helpAndProtection: JudgementId | null;
  childrenInCare: JudgementId | null;
  careLeavers: JudgementId | null;
  visitTheme: string | null;
};

export type PositionInfo = Omit<InspectionInfo, "type" | "visitTheme">;
type ReleaseInfo = { id: number; series: string; fileName: string; edition: string; editionRank: number; importedAt: string };

type IndicatorValues = {
  national: Map<number, Figure>;
  regional: Map<string, Map<number, Figure>>;
  /** period → LA number → figure */
  local: Map<number, Map<string, LaFigure>>;
  /** every period with any figure, ascending */
  periods: number[];
};

export type Snapshot = {
  /** the version of the figures it was loaded at (lib/core/data-version.ts) */
  version: string;
  indicators: IndicatorMeta[];
  values: Map<string, IndicatorValues>;
  /** each LA's latest ONS child population (the small-numbers rule's base, decision 0026) */
  smallNumbersBase: Map<string, number | null>;
  authorities: Map<string, AuthorityInfo>;
  /** every ONS code an LA has carried → LA number */
  onsToLa: Map<string, string>;
  jointReturns: JointReturnInfo[];
  boundaryChanges: BoundaryChangeInfo[];
  /** DfE's statistical-neighbour groupings held, oldest first (decision 0021) */
  neighbourModels: NeighbourModelRef[];
  /** grouping id → LA number → its neighbours, nearest first */
  neighbours: Map<string, Map<string, NeighbourLink[]>>;
  inspections: Map<string, InspectionInfo[]>;
  positions: { asAt: string | null; byLa: Map<string, PositionInfo> };
  releases: ReleaseInfo[];
  /** figures a newer release revised, by revisionKey(indicator, place, period), oldest revision first */
  revisions: Map<string, RevisionInfo[]>;
};

export function emptyIndicatorValues(): IndicatorValues {
  return { national: new Map(), regional: new Map(), local: new Map(), periods: [] };
}

/** Resolves "909" or any ONS code an LA has carried ("E10000006") to its LA number. */
export function resolveCode(snapshot: Snapshot, code: string): string | null {
  const c = code.trim().toUpperCase();
  if (/^\d{3}$/.test(c)) return snapshot.authorities.has(c) ? c : null;
  if (/^E\d{8}$/.test(c)) return snapshot.onsToLa.get(c) ?? null;
  return null;
}
