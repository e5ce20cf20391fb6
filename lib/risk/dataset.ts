// The one query path for the risk engine's input. Takes a Prisma client so the app (through the
// server-only lib/risk/server.ts) and the command-line scripts (backtest, benchmarks) read the same
// rows the same way. Returns the plain RiskDataset of lib/risk/types.ts; nothing is computed here.
import type { Db } from "@/lib/core/db/client";
import { parseCell } from "@/lib/core/markers";
import { isSeriesId } from "@/lib/catalogue";
import { RISK_BASE_IDS, RISK_INDICATOR_IDS, type RiskIndicatorId } from "@/lib/risk/config";
import { publishedOn } from "@/lib/risk/publication";
import type { EarlierVersion, GradedInspection, MarkerCode, Observation, OfstedVisit, RiskDataset } from "@/lib/risk/types";
import { judgementsOf } from "@/lib/catalogue/judgements";

const iso = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** What the loader reads: the app's client, a script's, or an open transaction's (the importer's triage check). */
export type RiskDatasetReader = Pick<
  Db,
  "localAuthority" | "indicatorValue" | "indicatorValueRevision" | "statisticalNeighbour" | "neighbourModel" | "inspection" | "dataRelease"
>;

/**
 * The id of the newest data_release: which release an assessment came from, as triage records it
 * (decision 0011). Not a version: whether the figures changed is lib/core/data-version.ts's answer.
 */
export async function newestReleaseId(client: Pick<Db, "dataRelease">): Promise<number> {
  const r = await client.dataRelease.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return r?.id ?? 0;
}

/** "2021-04" (the grouping's edition) → the first day of that month. */
function editionDate(editionRank: number): string {
  const s = String(editionRank);
  return s.length >= 6 ? `${s.slice(0, 4)}-${s.slice(4, 6)}-01` : `${s.slice(0, 4)}-01-01`;
}

export async function loadRiskDataset(client: RiskDatasetReader): Promise<RiskDataset<RiskIndicatorId>> {
  // The engine reads one grouping: the first published of those held (April 2021), which its
  // thresholds and backtest were set on. Dashboards compare each period with the grouping in force when
  // it was published (decision 0021); moving the engine to that rule needs its backtest rerun.
  const firstGrouping = await client.neighbourModel.findFirst({ orderBy: { publishedOn: "asc" }, select: { id: true } });
  const read = [...RISK_INDICATOR_IDS, ...RISK_BASE_IDS];
  const [authorities, values, neighbours, inspections, revisions, allReleases] = await Promise.all([
    client.localAuthority.findMany({
      orderBy: { laNumber: "asc" },
      select: { laNumber: true, name: true, regionCode: true, region: { select: { name: true } }, existsFrom: true, existsTo: true },
    }),
    client.indicatorValue.findMany({
      where: { indicatorId: { in: read }, geoLevel: { in: ["LOCAL_AUTHORITY", "NATIONAL"] } },
      orderBy: { period: "asc" },
      select: { indicatorId: true, geoCode: true, geoLevel: true, period: true, value: true, marker: true, raw: true, jointReturnId: true },
    }),
    client.statisticalNeighbour.findMany({
      where: { model: firstGrouping?.id ?? "" },
      orderBy: [{ laNumber: "asc" }, { rank: "asc" }],
      select: { laNumber: true, neighbourLaNumber: true, releaseId: true },
    }),
    client.inspection.findMany({
      where: { inspectionDate: { not: null } },
      orderBy: [{ laNumber: "asc" }, { inspectionDate: "asc" }],
      select: {
        laNumber: true,
        type: true,
        inspectionDate: true,
        publicationDate: true,
        overall: true,
        leadership: true,
        helpAndProtection: true,
        childrenInCare: true,
        careLeavers: true,
      },
    }),
    client.indicatorValueRevision.findMany({
      where: { indicatorId: { in: read } },
      orderBy: { id: "asc" },
      select: { indicatorId: true, geoCode: true, period: true, previousRaw: true, releaseId: true },
    }),
    client.dataRelease.findMany({ select: { id: true, series: true, editionRank: true } }),
  ]);

  // Every earlier version of a revised figure, with the day the release that replaced it was published
  // (the publication rule of its series for the release's newest period).
  const releaseById = new Map(allReleases.map((r) => [r.id, r]));
  const earlier = new Map<string, EarlierVersion[]>();
  for (const r of revisions) {
    const release = releaseById.get(r.releaseId);
    if (!release || !isSeriesId(release.series)) continue;
    const cell = parseCell(r.previousRaw);
    if ("error" in cell) continue;
    const key = `${r.indicatorId}|${r.geoCode}|${r.period}`;
    const list = earlier.get(key) ?? [];
    list.push({
      value: cell.value,
      marker: cell.marker as MarkerCode | null,
      raw: cell.raw,
      revisedOn: publishedOn(release.series, release.editionRank),
    });
    earlier.set(key, list);
  }
  for (const list of earlier.values()) list.sort((a, b) => (a.revisedOn < b.revisedOn ? -1 : a.revisedOn > b.revisedOn ? 1 : 0));

  const byLa: RiskDataset<RiskIndicatorId>["values"] = {};
  const england: RiskDataset<RiskIndicatorId>["england"] = {};
  const bases: NonNullable<RiskDataset["bases"]> = {};
  const riskIds = new Set<string>(RISK_INDICATOR_IDS);
  for (const v of values) {
    const id = v.indicatorId as RiskIndicatorId;
    const obs: Observation = {
      period: v.period,
      value: v.value,
      marker: v.marker as MarkerCode | null,
      raw: v.raw,
      jointReturnId: v.jointReturnId,
    };
    const versions = earlier.get(`${v.indicatorId}|${v.geoCode}|${v.period}`);
    if (versions) obs.earlier = versions;
    if (!riskIds.has(v.indicatorId)) {
      if (v.geoLevel !== "NATIONAL") ((bases[v.geoCode] ??= {})[v.indicatorId] ??= []).push(obs);
      continue;
    }
    if (v.geoLevel === "NATIONAL") {
      (england[id] ??= []).push(obs);
    } else {
      const rec = (byLa[v.geoCode] ??= {});
      (rec[id] ??= []).push(obs);
    }
  }

  let sn: RiskDataset["neighbours"] = null;
  if (neighbours.length > 0) {
    const releaseIds = [...new Set(neighbours.map((n) => n.releaseId))];
    const releases = await client.dataRelease.findMany({ where: { id: { in: releaseIds } }, select: { editionRank: true } });
    const edition = Math.max(...releases.map((r) => r.editionRank));
    const lists: Record<string, string[]> = {};
    for (const n of neighbours) (lists[n.laNumber] ??= []).push(n.neighbourLaNumber);
    sn = { publishedOn: editionDate(edition), lists };
  }

  const graded: GradedInspection[] = inspections.flatMap((i) =>
    i.inspectionDate && (i.type === "ILACS_STANDARD" || i.type === "ILACS_SHORT")
      ? [
          {
            laNumber: i.laNumber,
            type: i.type,
            inspectionDate: iso(i.inspectionDate)!,
            publicationDate: iso(i.publicationDate),
            ...judgementsOf(i),
          },
        ]
      : [],
  );
  const visits: OfstedVisit[] = inspections.flatMap((i) =>
    i.inspectionDate && (i.type === "MONITORING_VISIT" || i.type === "ILACS_FOCUSED_VISIT")
      ? [{ laNumber: i.laNumber, type: i.type, inspectionDate: iso(i.inspectionDate)!, publicationDate: iso(i.publicationDate) }]
      : [],
  );

  return {
    authorities: authorities.map((a) => ({
      laNumber: a.laNumber,
      name: a.name,
      regionCode: a.regionCode,
      regionName: a.region.name,
      existsFrom: iso(a.existsFrom),
      existsTo: iso(a.existsTo),
    })),
    values: byLa,
    england,
    neighbours: sn,
    inspections: graded,
    visits,
    bases,
  };
}
