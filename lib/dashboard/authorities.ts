// Reads for the LA list and the LA page. Server-only; returns plain serialisable shapes.
import "server-only";
import { db } from "@/lib/core/db";
import { idsWithRole } from "@/lib/catalogue";
import { parseAuthoritySearch, type AuthoritySearch } from "./search";
import type { Judgement, Marker } from "@/lib/generated/prisma/enums";

/** The columns of the all-LA list: the catalogue's `list` indicators, in catalogue order. */
export const LIST_INDICATORS = idsWithRole("list");
export type ListIndicatorId = (typeof LIST_INDICATORS)[number];

type PublishedValue = { value: number | null; marker: Marker | null; raw: string; jointReturnId: string | null; calculated?: boolean };

type ListFilters = { q?: string; region?: string; judgement?: Judgement | "NONE" };

async function latestPositionDate(): Promise<Date | null> {
  const latest = await db.ofstedPosition.findFirst({ orderBy: { asAt: "desc" }, select: { asAt: true } });
  return latest?.asAt ?? null;
}

/** The latest period with an England figure for each list indicator (its release's reference year), or null. */
async function latestPeriods(): Promise<Record<ListIndicatorId, number | null>> {
  const rows = await db.indicatorValue.groupBy({
    by: ["indicatorId"],
    where: { indicatorId: { in: [...LIST_INDICATORS] }, geoLevel: "NATIONAL" },
    _max: { period: true },
  });
  return Object.fromEntries(LIST_INDICATORS.map((id) => [id, rows.find((r) => r.indicatorId === id)?._max.period ?? null])) as Record<
    ListIndicatorId,
    number | null
  >;
}

/** The search as a where clause: la_name.normalized holds each name's comparison key (lib/catalogue/la-names.ts). */
function searchWhere(search: AuthoritySearch) {
  switch (search.kind) {
    case "none":
      return {};
    case "la-number":
      return { laNumber: search.laNumber };
    case "ons-code":
      return { codes: { some: { onsCode: search.onsCode } } };
    case "name":
      return { names: { some: { normalized: { contains: search.key } } } };
  }
}

export async function listRegions() {
  return db.region.findMany({ where: { parentCode: null }, orderBy: { name: "asc" }, select: { code: true, name: true } });
}

export async function listAuthorities(filters: ListFilters) {
  const [asAt, periods] = await Promise.all([latestPositionDate(), latestPeriods()]);
  // each column's own latest period: the workforce, children looked after and care leavers releases differ
  const wanted = LIST_INDICATORS.flatMap((id) => (periods[id] === null ? [] : [{ indicatorId: id, period: periods[id] }]));
  const search = parseAuthoritySearch(filters.q);
  const las = await db.localAuthority.findMany({
    where: {
      existsTo: null,
      ...(filters.region ? { regionCode: filters.region } : {}),
      ...searchWhere(search),
      ...(filters.judgement && asAt
        ? filters.judgement === "NONE"
          ? { positions: { some: { asAt, overall: null } } }
          : { positions: { some: { asAt, overall: filters.judgement } } }
        : {}),
    },
    orderBy: { name: "asc" },
    select: {
      laNumber: true,
      name: true,
      onsCode: true,
      region: { select: { name: true } },
      positions: asAt ? { where: { asAt }, select: { overall: true, inspectionDate: true } } : false,
    },
  });
  const values =
    wanted.length === 0
      ? []
      : await db.indicatorValue.findMany({
          where: { OR: wanted, geoLevel: "LOCAL_AUTHORITY", geoCode: { in: las.map((l) => l.laNumber) } },
          select: { geoCode: true, indicatorId: true, value: true, marker: true, raw: true, jointReturnId: true, calculated: true },
        });
  const byLa = new Map<string, Record<string, PublishedValue>>();
  for (const v of values) {
    const rec = byLa.get(v.geoCode) ?? {};
    rec[v.indicatorId] = {
      value: v.value,
      marker: v.marker,
      raw: v.raw,
      jointReturnId: v.jointReturnId,
      ...(v.calculated ? { calculated: true } : {}),
    };
    byLa.set(v.geoCode, rec);
  }
  return {
    asAt,
    periods,
    rows: las.map((la) => ({
      laNumber: la.laNumber,
      name: la.name,
      onsCode: la.onsCode,
      regionName: la.region.name,
      judgement: la.positions?.[0]?.overall ?? null,
      inspectionDate: la.positions?.[0]?.inspectionDate?.toISOString().slice(0, 10) ?? null,
      values: byLa.get(la.laNumber) ?? {},
    })),
  };
}

/** Accepts a DfE LA number ("909") or any ONS code the LA has carried ("E10000006"). */
export async function resolveAuthorityCode(code: string): Promise<string | null> {
  if (/^\d{3}$/.test(code)) {
    const la = await db.localAuthority.findUnique({ where: { laNumber: code }, select: { laNumber: true } });
    return la?.laNumber ?? null;
  }
  if (/^E\d{8}$/i.test(code)) {
    const hit = await db.laCode.findUnique({ where: { onsCode: code.toUpperCase() }, select: { laNumber: true } });
    return hit?.laNumber ?? null;
  }
  return null;
}
