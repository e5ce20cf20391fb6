// Reads for the LA dashboard. Published figures change only when the importer runs, so the whole
// set the dashboard needs (the headline indicators for every geography and year, LAs, neighbours,
// Ofsted) is loaded once per version of the figures into memory and shared by every LA page; each
// request costs one primary-key lookup for that version (decisions 0006 and 0022).
import "server-only";
import { JUDGEMENT_COLUMNS_SELECT, judgementsOf } from "@/lib/catalogue/judgements";
import { cache } from "react";
import { db } from "@/lib/core/db";
import type { Db } from "@/lib/core/db/client";
import { availableYears, buildDashboard, type Dashboard } from "@/lib/dashboard/build";
import { boundedCache, loadingCache, type BoundedCache } from "@/lib/core/cache";
import { readDataVersion, type DataVersion } from "@/lib/core/data-version";
import { DASHBOARD_INDICATORS, indicatorMeta, type DashboardView } from "@/lib/dashboard/indicators";
import { emptyIndicatorValues, resolveCode, type Snapshot } from "@/lib/dashboard/snapshot";
import type { LaFigure } from "@/lib/dashboard/types";
import { revisionKey, type RevisionInfo } from "./revisions";
import { SMALL_NUMBERS_BASE } from "@/lib/dashboard/areas";
/** Each LA's latest figure of an indicator (the small-numbers rule's base), null where it is a marker. */
function latestByLa(iv: Snapshot["values"] extends Map<string, infer V> ? V | undefined : never): Map<string, number | null> {
  const out = new Map<string, number | null>();
  if (!iv) return out;
  for (const period of [...iv.local.keys()].sort((a, b) => a - b)) for (const [la, f] of iv.local.get(period)!) out.set(la, f.value);
  return out;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** Everything the dashboard shows, read in one go, labelled with the figures' version read before it (exported for the integration tests). */
export async function loadSnapshot(client: Db, version: DataVersion): Promise<Snapshot> {
  const db = client;
  // the headline indicators, and the child population the small-numbers rule reads (decision 0026)
  const ids: string[] = [...DASHBOARD_INDICATORS, SMALL_NUMBERS_BASE];
  const [indicators, values, las, joints, changes, neighbours, inspections, latestPosition, releases, models] = await Promise.all([
    // which of them have been imported; what they are is the catalogue's
    db.indicator.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    db.indicatorValue.findMany({
      where: { indicatorId: { in: ids } },
      select: {
        indicatorId: true,
        geoLevel: true,
        geoCode: true,
        period: true,
        value: true,
        marker: true,
        raw: true,
        jointReturnId: true,
        calculated: true,
      },
    }),
    db.localAuthority.findMany({
      select: {
        laNumber: true,
        name: true,
        onsCode: true,
        laType: true,
        existsFrom: true,
        existsTo: true,
        region: { select: { code: true, name: true } },
        subRegion: { select: { name: true } },
        codes: { select: { onsCode: true, validFrom: true, validTo: true }, orderBy: { onsCode: "asc" } },
      },
    }),
    db.jointReturn.findMany({
      select: { id: true, series: true, label: true, fromPeriod: true, toPeriod: true, members: { select: { laNumber: true } } },
    }),
    db.boundaryChange.findMany({
      select: { id: true, kind: true, effective: true, description: true, links: { select: { fromLaNumber: true, toLaNumber: true } } },
      orderBy: { effective: "asc" },
    }),
    db.statisticalNeighbour.findMany({
      select: { model: true, laNumber: true, rank: true, neighbourLaNumber: true, closeness: true, band: true, inheritedFrom: true },
      orderBy: [{ model: "asc" }, { laNumber: "asc" }, { rank: "asc" }],
    }),
    db.inspection.findMany({
      select: { laNumber: true, type: true, inspectionDate: true, publicationDate: true, ...JUDGEMENT_COLUMNS_SELECT, visitTheme: true },
    }),
    db.ofstedPosition.findFirst({ orderBy: { asAt: "desc" }, select: { asAt: true } }),
    db.dataRelease.findMany({
      select: { id: true, series: true, fileName: true, edition: true, editionRank: true, importedAt: true },
      orderBy: { id: "asc" },
    }),
    db.neighbourModel.findMany({ select: { id: true, label: true, publishedOn: true }, orderBy: { publishedOn: "asc" } }),
  ]);
  const revisions = new Map<string, RevisionInfo[]>();
  for (const r of await db.indicatorValueRevision.findMany({
    where: { indicatorId: { in: ids } },
    select: { indicatorId: true, geoCode: true, period: true, previousRaw: true, raw: true, previousReleaseId: true, releaseId: true },
    orderBy: { id: "asc" },
  })) {
    const key = revisionKey(r.indicatorId, r.geoCode, r.period);
    revisions.set(key, [...(revisions.get(key) ?? []), r]);
  }
  const positions = latestPosition
    ? await db.ofstedPosition.findMany({
        where: { asAt: latestPosition.asAt },
        select: { laNumber: true, inspectionDate: true, publicationDate: true, ...JUDGEMENT_COLUMNS_SELECT },
      })
    : [];

  const byIndicator = new Map(ids.map((id) => [id as string, emptyIndicatorValues()]));
  for (const v of values) {
    const iv = byIndicator.get(v.indicatorId);
    if (!iv) continue;
    const figure = { value: v.value, marker: v.marker, raw: v.raw, ...(v.calculated ? { calculated: true } : {}) };
    if (v.geoLevel === "NATIONAL") iv.national.set(v.period, figure);
    else if (v.geoLevel === "REGIONAL") {
      const m = iv.regional.get(v.geoCode) ?? new Map();
      m.set(v.period, figure);
      iv.regional.set(v.geoCode, m);
    } else {
      const m = iv.local.get(v.period) ?? new Map<string, LaFigure>();
      m.set(v.geoCode, { ...figure, laNumber: v.geoCode, jointReturnId: v.jointReturnId });
      iv.local.set(v.period, m);
    }
  }
  for (const iv of byIndicator.values()) iv.periods = [...new Set([...iv.national.keys(), ...iv.local.keys()])].sort((a, b) => a - b);

  const group = <T extends { laNumber: string }, U>(rows: T[], map: (r: T) => U) => {
    const out = new Map<string, U[]>();
    for (const r of rows) out.set(r.laNumber, [...(out.get(r.laNumber) ?? []), map(r)]);
    return out;
  };

  return {
    version,
    indicators: DASHBOARD_INDICATORS.filter((id) => indicators.some((i) => i.id === id)).map(indicatorMeta),
    values: new Map([...byIndicator].filter(([id]) => id !== SMALL_NUMBERS_BASE && indicators.some((i) => i.id === id))),
    smallNumbersBase: latestByLa(byIndicator.get(SMALL_NUMBERS_BASE)),
    authorities: new Map(
      las.map((l) => [
        l.laNumber,
        {
          laNumber: l.laNumber,
          name: l.name,
          onsCode: l.onsCode,
          regionCode: l.region.code,
          regionName: l.region.name,
          subRegionName: l.subRegion?.name ?? null,
          laType: l.laType,
          existsFrom: iso(l.existsFrom),
          existsTo: iso(l.existsTo),
          codes: l.codes.map((c) => ({ onsCode: c.onsCode, validFrom: iso(c.validFrom), validTo: iso(c.validTo) })),
        },
      ]),
    ),
    onsToLa: new Map(las.flatMap((l) => [[l.onsCode, l.laNumber] as const, ...l.codes.map((c) => [c.onsCode, l.laNumber] as const)])),
    jointReturns: joints.map((j) => ({
      id: j.id,
      series: j.series,
      label: j.label,
      fromPeriod: j.fromPeriod,
      toPeriod: j.toPeriod,
      members: j.members.map((m) => m.laNumber).sort(),
    })),
    boundaryChanges: changes.map((c) => ({
      id: c.id,
      kind: c.kind,
      effective: iso(c.effective)!,
      description: c.description,
      links: c.links.map((l) => ({ from: l.fromLaNumber, to: l.toLaNumber })),
    })),
    neighbourModels: models.map((m) => ({ id: m.id, label: m.label, publishedOn: iso(m.publishedOn)! })),
    neighbours: new Map(
      models.map((m) => [
        m.id,
        group(
          neighbours.filter((n) => n.model === m.id),
          (n) => ({ rank: n.rank, laNumber: n.neighbourLaNumber, closeness: n.closeness, band: n.band, inheritedFrom: n.inheritedFrom }),
        ),
      ]),
    ),
    inspections: group(inspections, (i) => ({
      type: i.type,
      inspectionDate: iso(i.inspectionDate),
      publicationDate: iso(i.publicationDate),
      ...judgementsOf(i),
      visitTheme: i.visitTheme,
    })),
    positions: {
      asAt: iso(latestPosition?.asAt ?? null),
      byLa: new Map(
        positions.map((p) => [
          p.laNumber,
          {
            inspectionDate: iso(p.inspectionDate),
            publicationDate: iso(p.publicationDate),
            ...judgementsOf(p),
          },
        ]),
      ),
    },
    releases: releases.map((r) => ({
      id: r.id,
      series: r.series,
      fileName: r.fileName,
      edition: r.edition,
      editionRank: r.editionRank,
      importedAt: r.importedAt.toISOString(),
    })),
    revisions,
  };
}

// One snapshot per process for the current version of the figures, with the dashboards built from
// it (by LA and view, at most 600): both go when the version changes. Concurrent requests share one load.
const byVersion = loadingCache<{ snapshot: Snapshot; built: BoundedCache<string, Dashboard> }>({
  max: 1,
  load: async (version) => ({ snapshot: await loadSnapshot(db, version), built: boundedCache<string, Dashboard>({ max: 600 }) }),
});

/** The snapshot of the current figures and the dashboards built from it (one version read per request). */
const current = cache(async () => byVersion.get(await readDataVersion(db, "figures")));

/** The dashboard's data for the current version of the figures (deduplicated within a request). */
export async function getDashboardSnapshot(): Promise<Snapshot> {
  return (await current()).snapshot;
}

/** "909" or any ONS code the LA has carried → its DfE LA number, or null. */
export async function resolveDashboardCode(code: string): Promise<string | null> {
  return resolveCode(await getDashboardSnapshot(), code);
}

export async function getAuthorityDashboard(laNumber: string, view: DashboardView): Promise<Dashboard | null> {
  const { snapshot, built } = await current();
  if (!snapshot.authorities.has(laNumber)) return null;
  const key = `${laNumber}|${view.indicator}|${view.comparator}|${view.year}|${view.grouping ?? ""}`;
  const hit = built.get(key);
  if (hit) return hit;
  const dashboard = buildDashboard(snapshot, laNumber, view);
  built.set(key, dashboard);
  return dashboard;
}

export async function getDashboardYears(): Promise<(indicator: DashboardView["indicator"]) => number[]> {
  const snapshot = await getDashboardSnapshot();
  return (indicator) => availableYears(snapshot, indicator);
}

/** The statistical-neighbour groupings held, oldest first (for the view's choice). */
export async function getNeighbourModels(): Promise<Snapshot["neighbourModels"]> {
  return (await getDashboardSnapshot()).neighbourModels;
}

export type AuthorityDashboard = Dashboard;
