// Server-side reads for the risk pages and the LA risk panel. Flags and scores are computed on
// request by the pure engine in lib/risk/ and cached in process. The cache key is the newest
// data_release id (one cheap indexed query per request): the importer adds a release row for every
// file it imports, so new data means a new key and the next request recomputes. The date is part of
// the key for the current view, because "published before today" moves with the calendar.
import "server-only";
import { db } from "@/lib/core/db";
import { createAssessor, type Assessor, type LaAssessment } from "@/lib/risk/assess";
import { runBacktest, type BacktestResult } from "@/lib/risk/backtest";
import { now, today } from "@/lib/core/clock";
import {
  filterRows,
  flagsByRegion,
  riskQuery,
  scatterPoints,
  scoreDistribution,
  sortRows,
  toNationalRows,
  toTableRows,
  encodeForClient,
  type Encoded,
  type NationalFilters,
  type NationalRow,
  type ScatterPoint,
  type TableRow,
  type TrendPoint,
} from "@/lib/risk/national";
import { buildIndex, knownPeriods, type RiskIndex } from "@/lib/risk/series";
import type { IsoDate } from "@/lib/risk/types";
import { loadRiskDataset, newestReleaseId } from "./dataset";

type Engine = { releaseId: number; index: RiskIndex; assessor: Assessor };

export type CurrentRisk = {
  releaseId: number;
  asAt: IsoDate;
  /** newest periods used: workforce (30 September) and children in need (year to 31 March) */
  periods: { workforce: number; childrenInNeed: number };
  rows: NationalRow[];
  byLa: Map<string, { assessment: LaAssessment; row: NationalRow }>;
  regions: { code: string; name: string }[];
};

type Cache = {
  engine?: { releaseId: number; value: Promise<Engine> };
  current?: { key: string; value: Promise<CurrentRisk> };
  backtest?: { releaseId: number; value: Promise<BacktestResult & { computedAt: string; releaseId: number }> };
};

// Kept on globalThis so development hot reloads do not drop it; one per server process.
const store = globalThis as unknown as { __cscRiskCache?: Cache };
const cache: Cache = (store.__cscRiskCache ??= {});

/** Memoises a promise; a failed computation is forgotten so the next request tries again. */
function remember<T>(slot: { value: Promise<T> }, clear: () => void): Promise<T> {
  slot.value.catch(clear);
  return slot.value;
}

async function engineFor(releaseId: number): Promise<Engine> {
  if (cache.engine?.releaseId === releaseId) return cache.engine.value;
  const slot = {
    releaseId,
    value: loadRiskDataset(db).then((dataset) => {
      const index = buildIndex(dataset);
      return { releaseId, index, assessor: createAssessor(index) };
    }),
  };
  cache.engine = slot;
  return remember(slot, () => {
    if (cache.engine === slot) cache.engine = undefined;
  });
}

function trendsFor(engine: Engine, assessments: readonly LaAssessment[]): Map<string, TrendPoint[]> {
  const { index, assessor } = engine;
  const first = Math.min(...Object.values(index.dataset.values).flatMap((v) => (v.caseload_fte ?? []).map((o) => o.period)));
  const last = index.newestInData.CSWW;
  const trends = new Map<string, TrendPoint[]>();
  for (const a of assessments) {
    const points: TrendPoint[] = [];
    for (let period = first; period <= last; period++) {
      // the first day the workforce figures for `period` were public
      const asAt = `${period + 1}-03-01`;
      const past = assessor.assess(a.laNumber, asAt);
      const la = index.authorities.get(a.laNumber);
      if (!past || !la || (la.existsFrom !== null && la.existsFrom > asAt)) continue;
      points.push({ period, score: past.score });
    }
    trends.set(a.laNumber, points);
  }
  return trends;
}

async function computeCurrent(releaseId: number, asAt: IsoDate): Promise<CurrentRisk> {
  const engine = await engineFor(releaseId);
  const assessments = engine.assessor.assessAll(asAt);
  const rows = toNationalRows(assessments, trendsFor(engine, assessments));
  const byLa = new Map<string, { assessment: LaAssessment; row: NationalRow }>();
  const rowByLa = new Map(rows.map((r) => [r.laNumber, r]));
  for (const a of assessments) byLa.set(a.laNumber, { assessment: a, row: rowByLa.get(a.laNumber)! });
  const regions = [...new Map(assessments.map((a) => [a.regionCode, a.regionName])).entries()]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const periods = knownPeriods(engine.index, asAt);
  // re-referrals and repeat plans come from the children-in-need collection (year to 31 March)
  return {
    releaseId,
    asAt,
    periods: { workforce: periods.CSWW, childrenInNeed: Math.max(periods.REFERRALS, periods.CPP_SUBSEQUENT) },
    rows,
    byLa,
    regions,
  };
}

/** Flags and scores of every current LA today (in England), cached until new data is imported (or the date changes). */
export async function getCurrentRisk(at: Date = now()): Promise<CurrentRisk> {
  const releaseId = await newestReleaseId(db);
  const asAt = today(at);
  const key = `${releaseId}|${asAt}`;
  if (cache.current?.key === key) return cache.current.value;
  const slot = { key, value: computeCurrent(releaseId, asAt) };
  cache.current = slot;
  return remember(slot, () => {
    if (cache.current === slot) cache.current = undefined;
  });
}

export type NationalRiskView = {
  /** identifies the data version and date: rendered markup may be reused under the same key */
  cacheKey: string;
  asAt: IsoDate;
  periods: CurrentRisk["periods"];
  total: number;
  rows: NationalRow[];
  /** the same rows, slimmed for the table and encoded for the client component (sent to the browser) */
  tableRows: Encoded<TableRow[]>;
  /** highest score in any row's trend, so the sparklines share one scale */
  maxTrendScore: number;
  regions: CurrentRisk["regions"];
  charts: {
    scatter: Encoded<ScatterPoint[]>;
    scatterCount: number;
    inadequatePoints: number;
    distribution: ReturnType<typeof scoreDistribution>;
    byRegion: ReturnType<typeof flagsByRegion>;
  };
};

const views = new Map<string, NationalRiskView>();

/**
 * The national page (and its CSV): current LAs filtered and sorted as asked, with chart data for
 * exactly those rows. Views are kept per data version and query (a few dozen at most).
 */
export async function listNationalRisk(filters: NationalFilters): Promise<NationalRiskView> {
  const current = await getCurrentRisk();
  const dataKey = `${current.releaseId}|${current.asAt}`;
  const key = `${dataKey}|${riskQuery(filters)}`;
  const hit = views.get(key);
  if (hit) return hit;
  const rows = sortRows(filterRows(current.rows, filters), filters.sort, filters.order);
  const scatter = scatterPoints(rows);
  const view: NationalRiskView = {
    cacheKey: key,
    asAt: current.asAt,
    periods: current.periods,
    total: current.rows.length,
    rows,
    tableRows: encodeForClient(toTableRows(rows)),
    maxTrendScore: Math.max(1, ...rows.flatMap((r) => r.trend.map((t) => t.score))),
    regions: current.regions,
    charts: {
      scatter: encodeForClient(scatter),
      scatterCount: scatter.length,
      inadequatePoints: scatter.filter((p) => p.judgement === "INADEQUATE").length,
      distribution: scoreDistribution(rows),
      byRegion: flagsByRegion(rows),
    },
  };
  for (const k of views.keys()) if (!k.startsWith(`${dataKey}|`)) views.delete(k);
  if (views.size >= 64) views.delete(views.keys().next().value!);
  views.set(key, view);
  return view;
}

export type AuthorityRisk =
  | { kind: "current"; asAt: IsoDate; periods: CurrentRisk["periods"]; assessment: LaAssessment; row: NationalRow; of: number }
  | { kind: "former"; laNumber: string; name: string; existsTo: IsoDate };

/** One LA's flags, score, factors, rank and trend — for the LA page's risk panel. Null for an unknown LA number. */
export async function getAuthorityRisk(laNumber: string): Promise<AuthorityRisk | null> {
  const current = await getCurrentRisk();
  const hit = current.byLa.get(laNumber);
  if (hit)
    return {
      kind: "current",
      asAt: current.asAt,
      periods: current.periods,
      assessment: hit.assessment,
      row: hit.row,
      of: current.rows.length,
    };
  const engine = await engineFor(current.releaseId);
  const la = engine.index.authorities.get(laNumber);
  if (la?.existsTo) return { kind: "former", laNumber, name: la.name, existsTo: la.existsTo };
  return null;
}

/** The backtest over the data in the database, computed in process once per data version. */
export async function getBacktest(): Promise<BacktestResult & { computedAt: string; releaseId: number }> {
  const releaseId = await newestReleaseId(db);
  if (cache.backtest?.releaseId === releaseId) return cache.backtest.value;
  const slot = {
    releaseId,
    value: engineFor(releaseId).then((engine) => ({ ...runBacktest(engine.index.dataset), computedAt: now().toISOString(), releaseId })),
  };
  cache.backtest = slot;
  return remember(slot, () => {
    if (cache.backtest === slot) cache.backtest = undefined;
  });
}
