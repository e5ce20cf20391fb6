// Server-side reads for the risk pages and the LA risk panel. Flags and scores are computed on
// request by the pure engine in lib/risk/ and cached in process, keyed by the version of the figures
// (lib/core/data-version.ts, one primary-key lookup per request; ./engine.ts): new data means a new key
// and the next request recomputes. The date is part of the key for the current view, because
// "published before today" moves with the calendar.
import "server-only";
import { db } from "@/lib/core/db";
import { boundedCache, loadingCache } from "@/lib/core/cache";
import type { DataVersion } from "@/lib/core/data-version";
import type { LaAssessment } from "@/lib/risk/assess";
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
import { knownPeriods } from "@/lib/risk/series";
import { lastReleaseDay, scoreMoves, type ScoreMoves } from "@/lib/risk/changes";
import type { IsoDate } from "@/lib/risk/types";
import { currentRiskEngine, type RiskEngine } from "./engine";

export type CurrentRisk = {
  /** the version of the figures it was computed from */
  version: DataVersion;
  /** the newest data release then: what triage forms carry and record (decision 0011) */
  releaseId: number;
  asAt: IsoDate;
  /** newest periods used: workforce (30 September) and children in need (year to 31 March) */
  periods: { workforce: number; childrenInNeed: number };
  rows: NationalRow[];
  byLa: Map<string, { assessment: LaAssessment; row: NationalRow }>;
  regions: { code: string; name: string }[];
};

type Backtest = BacktestResult & { computedAt: string; releaseId: number };

// Everything below is per version of the figures, so a new version is a new key: the current view per
// version and date (two, so a change of date does not evict the view still being served), the
// backtest per version, and the filtered national views (a few dozen queries at most).
const currents = loadingCache<CurrentRisk, { engine: RiskEngine; asAt: IsoDate }>({
  max: 2,
  load: async (_key, { engine, asAt }) => computeCurrent(engine, asAt),
});
const backtests = loadingCache<Backtest, RiskEngine>({
  max: 1,
  load: async (_version, engine) => ({
    ...runBacktest(engine.index.dataset),
    computedAt: now().toISOString(),
    releaseId: engine.releaseId,
  }),
});
const views = boundedCache<string, NationalRiskView>({ max: 64 });

/** An LA's score on the first day each year's workforce figures were public, from the first year with figures. */
function trendOf(engine: RiskEngine): (laNumber: string) => TrendPoint[] {
  const { index, assessor } = engine;
  const first = Math.min(...Object.values(index.dataset.values).flatMap((v) => (v.caseload_fte ?? []).map((o) => o.period)));
  const last = index.newestInData.CSWW;
  return (laNumber) => {
    const points: TrendPoint[] = [];
    const la = index.authorities.get(laNumber);
    for (let period = first; period <= last; period++) {
      // the first day the workforce figures for `period` were public
      const asAt = `${period + 1}-03-01`;
      const past = assessor.assess(laNumber, asAt);
      if (!past || !la || (la.existsFrom !== null && la.existsFrom > asAt)) continue;
      points.push({ period, score: past.score });
    }
    return points;
  };
}

function computeCurrent(engine: RiskEngine, asAt: IsoDate): CurrentRisk {
  const assessments = engine.assessor.assessAll(asAt);
  // each row's trend is worked out when first read (toNationalRows): an LA page needs its own LA's only
  const rows = toNationalRows(assessments, trendOf(engine));
  const byLa = new Map<string, { assessment: LaAssessment; row: NationalRow }>();
  const rowByLa = new Map(rows.map((r) => [r.laNumber, r]));
  for (const a of assessments) byLa.set(a.laNumber, { assessment: a, row: rowByLa.get(a.laNumber)! });
  const regions = [...new Map(assessments.map((a) => [a.regionCode, a.regionName])).entries()]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const periods = knownPeriods(engine.index, asAt);
  // re-referrals and repeat plans come from the children-in-need collection (year to 31 March)
  return {
    version: engine.version,
    releaseId: engine.releaseId,
    asAt,
    periods: { workforce: periods.CSWW, childrenInNeed: Math.max(periods.REFERRALS, periods.CPP_SUBSEQUENT) },
    rows,
    byLa,
    regions,
  };
}

/** Flags and scores of every current LA today (in England), cached until new data is imported (or the date changes). */
export async function getCurrentRisk(at: Date = now()): Promise<CurrentRisk> {
  const engine = await currentRiskEngine(db);
  const asAt = today(at);
  return currents.get(`${engine.version}|${asAt}`, { engine, asAt });
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

/**
 * The national page (and its CSV): current LAs filtered and sorted as asked, with chart data for
 * exactly those rows. Views are kept per data version and query (a few dozen at most).
 */
export async function listNationalRisk(filters: NationalFilters): Promise<NationalRiskView> {
  const current = await getCurrentRisk();
  const key = `${current.version}|${current.asAt}|${riskQuery(filters)}`;
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
  views.set(key, view);
  return view;
}

export type AuthorityRisk =
  | {
      kind: "current";
      asAt: IsoDate;
      periods: CurrentRisk["periods"];
      assessment: LaAssessment;
      row: NationalRow;
      of: number;
      /** what moved the score since the last release of the figures (absent when there is none) */
      moved?: ScoreMoves | null;
    }
  | { kind: "former"; laNumber: string; name: string; existsTo: IsoDate };

/** One LA's flags, score, factors, rank and trend — for the LA page's risk panel. Null for an unknown LA number. */
export async function getAuthorityRisk(laNumber: string): Promise<AuthorityRisk | null> {
  const current = await getCurrentRisk();
  const hit = current.byLa.get(laNumber);
  const engine = await currentRiskEngine(db);
  if (hit) {
    const since = lastReleaseDay(engine.index, current.asAt);
    const before = since ? engine.assessor.assess(laNumber, since) : null;
    return {
      kind: "current",
      asAt: current.asAt,
      periods: current.periods,
      assessment: hit.assessment,
      row: hit.row,
      of: current.rows.length,
      moved: since && before ? scoreMoves(since, before, hit.assessment) : null,
    };
  }
  const la = engine.index.authorities.get(laNumber);
  if (la?.existsTo) return { kind: "former", laNumber, name: la.name, existsTo: la.existsTo };
  return null;
}

/** The backtest over the data in the database, computed in process once per version of the figures. */
export async function getBacktest(): Promise<Backtest> {
  const engine = await currentRiskEngine(db);
  return backtests.get(engine.version, engine);
}
