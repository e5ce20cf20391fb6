// The national view's rows, filters, sort, chart data and CSV — pure functions over assessments,
// so the page, the CSV download and the tests all see exactly the same thing.
import { csvDocument } from "@/lib/core/csv";
import { judgementLabel } from "@/lib/catalogue/judgements";
import { RISK_INDICATORS } from "./config";
import { periodLabel } from "./format";
import type { LaAssessment, ShownFigure } from "./assess";
import { FLAG_KIND_LABELS } from "./rules";
import type { IsoDate, Judgement } from "./types";
import { JUDGEMENT_ORDER, type NationalFilters, type NationalRow, type TrendPoint } from "./national-rows";

export {
  RISK_SORT_KEYS,
  RISK_QUERY_FIELDS,
  riskQuery,
  encodeForClient,
  decodeFromServer,
  defaultOrder,
  sortRows,
  ordinal,
  rankText,
  type Encoded,
  type NationalFilters,
  type NationalRow,
  type RiskSortKey,
  type TrendPoint,
} from "./national-rows";

/** Each LA's score trend: a map of them, or a function that works one out when it is first read. */
export type Trends = ReadonlyMap<string, TrendPoint[]> | ((laNumber: string) => TrendPoint[]);

/**
 * Ranks (1 + the number of LAs scoring more: equal scores share a rank, "joint 53rd of 153") and
 * flattens assessments into rows. A row's `trend` is looked up (or, given a function, worked out) the
 * first time it is read, and kept: an LA's page reads one LA's trend (a handful of past assessments), and only the
 * national views read all 153 (over a thousand), so the first LA page after an import or a start does
 * not wait for them.
 */
export function toNationalRows(assessments: readonly LaAssessment[], trends: Trends): NationalRow[] {
  const trendOf = typeof trends === "function" ? trends : (laNumber: string) => trends.get(laNumber) ?? [];
  const sorted = [...assessments].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const tied = new Map<number, number>();
  for (const a of sorted) tied.set(a.score, (tied.get(a.score) ?? 0) + 1);
  let rank = 0;
  let last = Number.NaN;
  return sorted.map((a, i) => {
    if (a.score !== last) {
      rank = i + 1;
      last = a.score;
    }
    const all = [...a.flags.map((f) => f.severity), ...a.history.map((h) => h.severity)];
    const row: NationalRow = {
      rank,
      joint: (tied.get(a.score) ?? 1) > 1,
      laNumber: a.laNumber,
      name: a.name,
      regionCode: a.regionCode,
      regionName: a.regionName,
      judgement: a.lastInspection?.overall ?? null,
      inspectionDate: a.lastInspection?.inspectionDate ?? null,
      score: a.score,
      red: all.filter((s) => s === "red").length,
      amber: all.filter((s) => s === "amber").length,
      flags: a.flags.map((f) => ({ indicatorId: f.indicatorId, kind: f.kind, severity: f.severity })),
      topReason: a.factors[0]?.reason ?? a.flags[0]?.reason ?? null,
      figures: {
        agency_rate_fte: a.figures.agency_rate_fte,
        caseload_fte: a.figures.caseload_fte,
        turnover_rate_fte: a.figures.turnover_rate_fte,
        vacancy_rate_fte: a.figures.vacancy_rate_fte,
      },
      jointReturnId: a.jointReturnId,
      trend: [], // replaced below by the accessor
    };
    // an accessor that replaces itself with the trend on first read: a plain enumerable property from then on
    return Object.defineProperty(row, "trend", {
      enumerable: true,
      configurable: true,
      get() {
        const trend = trendOf(row.laNumber);
        Object.defineProperty(row, "trend", { value: trend, enumerable: true, writable: false, configurable: false });
        return trend;
      },
    });
  });
}

/** What the table needs of a row, and no more (it is sent to the browser with the page). */
export type TableRow = {
  rank: number;
  /** shares its rank with another LA */
  joint: boolean;
  laNumber: string;
  name: string;
  regionName: string;
  judgement: Judgement | null;
  score: number;
  red: number;
  amber: number;
  /** newest agency rate and caseload: the published text, or the marker letter */
  agency: { raw: string; marker: ShownFigure["marker"] } | null;
  caseload: { raw: string; marker: ShownFigure["marker"] } | null;
  /** workforce year of the first trend point, then one score per year */
  trendFrom: number;
  trend: number[];
};

export function toTableRows(rows: readonly NationalRow[]): TableRow[] {
  const slim = (f: ShownFigure | null) => (f ? { raw: f.raw, marker: f.marker } : null);
  return rows.map((r) => ({
    rank: r.rank,
    joint: r.joint,
    laNumber: r.laNumber,
    name: r.name,
    regionName: r.regionName,
    judgement: r.judgement,
    score: r.score,
    red: r.red,
    amber: r.amber,
    agency: slim(r.figures.agency_rate_fte),
    caseload: slim(r.figures.caseload_fte),
    trendFrom: r.trend[0]?.period ?? 0,
    trend: r.trend.map((t) => t.score),
  }));
}

function hasFlagFilter(f: NationalFilters): boolean {
  return Boolean(f.indicator || f.kind || f.severity);
}

/** Rows matching every filter. The flag filters combine: at least one flag of that indicator AND kind AND severity. */
export function filterRows(rows: readonly NationalRow[], f: NationalFilters): NationalRow[] {
  return rows.filter((r) => {
    if (f.region && r.regionCode !== f.region) return false;
    if (f.judgement && (f.judgement === "NONE" ? r.judgement !== null : r.judgement !== f.judgement)) return false;
    if (hasFlagFilter(f)) {
      return r.flags.some(
        (x) =>
          (!f.indicator || x.indicatorId === f.indicator) && (!f.kind || x.kind === f.kind) && (!f.severity || x.severity === f.severity),
      );
    }
    return true;
  });
}

// ——— chart data (small serialisable arrays) ———

export type ScatterPoint = { label: string; agency: number; caseload: number; judgement: Judgement | "NONE"; laNumbers: string[] };

const worse = (a: Judgement | null, b: Judgement | null): Judgement | null =>
  !a ? b : !b ? a : JUDGEMENT_ORDER[a] >= JUDGEMENT_ORDER[b] ? a : b;

/**
 * Agency rate against caseload, one point per workforce return: a joint return (two LAs, one figure)
 * is one point, named for both and coloured by the worse of their two judgements. Markers are left out.
 */
export function scatterPoints(rows: readonly NationalRow[]): ScatterPoint[] {
  const byUnit = new Map<string, { rows: NationalRow[] }>();
  for (const r of rows) {
    const a = r.figures.agency_rate_fte?.value;
    const c = r.figures.caseload_fte?.value;
    if (a === null || a === undefined || c === null || c === undefined) continue;
    const key = r.jointReturnId ?? r.laNumber;
    const unit = byUnit.get(key) ?? { rows: [] };
    unit.rows.push(r);
    byUnit.set(key, unit);
  }
  return [...byUnit.values()].map(({ rows: members }) => {
    const first = members[0]!;
    const judgement = members.reduce<Judgement | null>((j, m) => worse(j, m.judgement), null);
    return {
      label: members.length > 1 ? `${members.map((m) => m.name).join(" and ")} (joint return)` : first.name,
      agency: first.figures.agency_rate_fte!.value!,
      caseload: first.figures.caseload_fte!.value!,
      judgement: judgement ?? "NONE",
      laNumbers: members.map((m) => m.laNumber),
    };
  });
}

export type ScoreBin = { label: string; from: number; to: number | null; count: number };

/** Scores in whole-point bins (the last open-ended), one per workforce return (joint returns once). */
export function scoreDistribution(rows: readonly NationalRow[], top = 12): ScoreBin[] {
  const bins: ScoreBin[] = Array.from({ length: top + 1 }, (_, i) => ({
    label: i === top ? `${i} or more` : `${i} to under ${i + 1}`,
    from: i,
    to: i === top ? null : i + 1,
    count: 0,
  }));
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.jointReturnId) {
      if (seen.has(r.jointReturnId)) continue;
      seen.add(r.jointReturnId);
    }
    bins[Math.min(top, Math.floor(r.score))]!.count += 1;
  }
  return bins;
}

export type RegionFlags = { regionCode: string; regionName: string; red: number; amber: number; authorities: number };

/**
 * Flags per region by severity. A workforce flag shared by a joint return's two LAs counts once.
 */
export function flagsByRegion(rows: readonly NationalRow[]): RegionFlags[] {
  const out = new Map<string, RegionFlags & { keys: Set<string> }>();
  for (const r of rows) {
    const region = out.get(r.regionCode) ?? {
      regionCode: r.regionCode,
      regionName: r.regionName,
      red: 0,
      amber: 0,
      authorities: 0,
      keys: new Set<string>(),
    };
    region.authorities += 1;
    for (const f of r.flags) {
      const unit = r.jointReturnId && RISK_INDICATORS[f.indicatorId].series === "CSWW" ? r.jointReturnId : r.laNumber;
      const key = `${unit}|${f.indicatorId}|${f.kind}|${f.severity}`;
      if (region.keys.has(key)) continue;
      region.keys.add(key);
      region[f.severity] += 1;
    }
    out.set(r.regionCode, region);
  }
  return [...out.values()].map(({ keys: _keys, ...rest }) => rest).sort((a, b) => a.regionName.localeCompare(b.regionName));
}

// ——— CSV ———

/** A published figure for a CSV cell: the published text, or its marker letter — never a number for a marker. */
function figureCell(f: ShownFigure | null): string {
  if (!f) return "";
  return f.marker ?? f.raw;
}

/** Columns a caller appends after the national ones (the analysts' inbox adds its triage columns). */
type ExtraCsvColumns<R> = { head: readonly string[]; cells: (row: R) => (string | number | null)[] };

/** The rows shown, in the order shown, as CSV (lib/core/csv.ts: RFC 4180, CRLF line ends, formulas neutralised). */
export function nationalCsv(rows: readonly NationalRow[], asAt: IsoDate): string;
export function nationalCsv<R extends { row: NationalRow }>(rows: readonly R[], asAt: IsoDate, extra: ExtraCsvColumns<R>): string;
export function nationalCsv<R extends { row: NationalRow }>(
  rows: readonly (NationalRow | R)[],
  asAt: IsoDate,
  extra?: ExtraCsvColumns<R>,
): string {
  const head = [
    "rank",
    "joint_rank",
    "la_number",
    "local_authority",
    "region",
    "ofsted_overall_effectiveness",
    "ofsted_inspection_date",
    "risk_score",
    "red_flags",
    "amber_flags",
    "flag_kinds",
    "agency_rate_fte_percent",
    "agency_period",
    "caseload_fte",
    "caseload_period",
    "turnover_rate_fte_percent",
    "vacancy_rate_fte_percent",
    "main_reason",
    "assessed_as_at",
    ...(extra?.head ?? []),
  ];
  const lines = rows.map((item) => {
    const r = extra ? (item as R).row : (item as NationalRow);
    const kinds = [
      ...new Set(r.flags.map((f) => `${RISK_INDICATORS[f.indicatorId].shortLabel}: ${FLAG_KIND_LABELS[f.kind]} (${f.severity})`)),
    ].join("; ");
    return [
      r.rank,
      r.joint ? "joint" : "",
      r.laNumber,
      r.name,
      r.regionName,
      judgementLabel(r.judgement),
      r.inspectionDate,
      r.score,
      r.red,
      r.amber,
      kinds,
      figureCell(r.figures.agency_rate_fte),
      r.figures.agency_rate_fte ? periodLabel("agency_rate_fte", r.figures.agency_rate_fte.period) : "",
      figureCell(r.figures.caseload_fte),
      r.figures.caseload_fte ? periodLabel("caseload_fte", r.figures.caseload_fte.period) : "",
      figureCell(r.figures.turnover_rate_fte),
      figureCell(r.figures.vacancy_rate_fte),
      r.topReason,
      asAt,
      ...(extra ? extra.cells(item as R) : []),
    ];
  });
  return csvDocument([head, ...lines]);
}
