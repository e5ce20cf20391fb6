// The national view's rows, filters, sort, chart data and CSV — pure functions over assessments,
// so the page, the CSV download and the tests all see exactly the same thing.
import { csvField } from "@/lib/format/csv";
import { judgementLabel } from "@/lib/catalogue/judgements";
import { RISK_INDICATORS, type RiskIndicatorId } from "./config";
import { periodLabel } from "./format";
import type { LaAssessment, ShownFigure } from "./assess";
import { FLAG_KIND_LABELS, type FlagKind, type Severity } from "./rules";
import type { IsoDate, Judgement } from "./types";

/** The score as it stood once each year's workforce figures were out (`period` = the 30 September snapshot year). */
export type TrendPoint = { period: number; score: number };

export const RISK_SORT_KEYS = ["score", "name", "region", "judgement", "red", "amber", "agency", "caseload", "turnover", "vacancy"] as const;
export type RiskSortKey = (typeof RISK_SORT_KEYS)[number];

export type NationalRow = {
  rank: number;
  laNumber: string;
  name: string;
  regionCode: string;
  regionName: string;
  judgement: Judgement | null;
  inspectionDate: IsoDate | null;
  score: number;
  red: number;
  amber: number;
  flags: { indicatorId: RiskIndicatorId; kind: FlagKind; severity: Severity }[];
  /** the reddest flag's sentence, for the CSV and screen readers */
  topReason: string | null;
  figures: Record<"agency_rate_fte" | "caseload_fte" | "turnover_rate_fte" | "vacancy_rate_fte", ShownFigure | null>;
  jointReturnId: string | null;
  trend: TrendPoint[];
};

export type NationalFilters = {
  region?: string;
  judgement?: Judgement | "NONE";
  indicator?: RiskIndicatorId;
  kind?: FlagKind;
  severity?: Severity;
  sort?: RiskSortKey;
  order?: "asc" | "desc";
};

/** Ranks (1 = highest score; equal scores share a rank) and flattens assessments into rows. */
export function toNationalRows(assessments: readonly LaAssessment[], trends: ReadonlyMap<string, TrendPoint[]>): NationalRow[] {
  const sorted = [...assessments].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  let rank = 0;
  let last = Number.NaN;
  return sorted.map((a, i) => {
    if (a.score !== last) {
      rank = i + 1;
      last = a.score;
    }
    return {
      rank,
      laNumber: a.laNumber,
      name: a.name,
      regionCode: a.regionCode,
      regionName: a.regionName,
      judgement: a.lastInspection?.overall ?? null,
      inspectionDate: a.lastInspection?.inspectionDate ?? null,
      score: a.score,
      red: a.flags.filter((f) => f.severity === "red").length,
      amber: a.flags.filter((f) => f.severity === "amber").length,
      flags: a.flags.map((f) => ({ indicatorId: f.indicatorId, kind: f.kind, severity: f.severity })),
      topReason: a.flags[0]?.reason ?? null,
      figures: {
        agency_rate_fte: a.figures.agency_rate_fte,
        caseload_fte: a.figures.caseload_fte,
        turnover_rate_fte: a.figures.turnover_rate_fte,
        vacancy_rate_fte: a.figures.vacancy_rate_fte,
      },
      jointReturnId: a.jointReturnId,
      trend: trends.get(a.laNumber) ?? [],
    };
  });
}

/** The query-string fields of the national view, in a fixed order. */
export const RISK_QUERY_FIELDS = ["region", "judgement", "indicator", "kind", "severity", "sort", "order"] as const satisfies readonly (keyof NationalFilters)[];

/** "?region=…&sort=…" for a set of filters (empty values left out); "" when there are none. */
export function riskQuery(filters: NationalFilters, overrides: NationalFilters = {}): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const field of RISK_QUERY_FIELDS) {
    const v = merged[field];
    if (v) params.set(field, v);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** What the table needs of a row, and no more (it is sent to the browser with the page). */
export type TableRow = {
  rank: number;
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

/**
 * Large arrays go from server to client components as one JSON string: React's RSC payload costs
 * time per value (serialised, then parsed again for the server render), a string costs one.
 * Only ever decodes what `encodeForClient` produced on the server.
 */
export function encodeForClient<T>(value: T): Encoded<T> {
  return JSON.stringify(value) as Encoded<T>;
}

export function decodeFromServer<T>(encoded: Encoded<T>): T {
  return JSON.parse(encoded) as T;
}

/** A JSON string known to hold a T. */
export type Encoded<T> = string & { readonly __encoded: T };

export function hasFlagFilter(f: NationalFilters): boolean {
  return Boolean(f.indicator || f.kind || f.severity);
}

/** Rows matching every filter. The flag filters combine: at least one flag of that indicator AND kind AND severity. */
export function filterRows(rows: readonly NationalRow[], f: NationalFilters): NationalRow[] {
  return rows.filter((r) => {
    if (f.region && r.regionCode !== f.region) return false;
    if (f.judgement && (f.judgement === "NONE" ? r.judgement !== null : r.judgement !== f.judgement)) return false;
    if (hasFlagFilter(f)) {
      return r.flags.some((x) => (!f.indicator || x.indicatorId === f.indicator) && (!f.kind || x.kind === f.kind) && (!f.severity || x.severity === f.severity));
    }
    return true;
  });
}

const JUDGEMENT_ORDER: Record<Judgement, number> = { OUTSTANDING: 1, GOOD: 2, REQUIRES_IMPROVEMENT: 3, INADEQUATE: 4 };
const FIGURE_KEY = { agency: "agency_rate_fte", caseload: "caseload_fte", turnover: "turnover_rate_fte", vacancy: "vacancy_rate_fte" } as const;

/** The direction a column sorts in first (the "worse" end on top). */
export function defaultOrder(sort: RiskSortKey): "asc" | "desc" {
  return sort === "name" || sort === "region" ? "asc" : "desc";
}

/** Sorted rows. Rows without a figure (or a marker) sort last either way; ties fall back to rank, then name. */
export function sortRows(rows: readonly NationalRow[], sort: NationalFilters["sort"] = "score", order: NationalFilters["order"] = defaultOrder(sort)): NationalRow[] {
  const dir = order === "asc" ? 1 : -1;
  const key = (r: NationalRow): number | string | null => {
    switch (sort) {
      case "score":
        return r.score;
      case "name":
        return r.name;
      case "region":
        return r.regionName;
      case "judgement":
        return r.judgement ? JUDGEMENT_ORDER[r.judgement] : null;
      case "red":
        return r.red;
      case "amber":
        return r.amber;
      default:
        return r.figures[FIGURE_KEY[sort]]?.value ?? null;
    }
  };
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null && kb !== null) return 1;
    if (kb === null && ka !== null) return -1;
    if (ka !== null && kb !== null && ka !== kb) {
      return (typeof ka === "string" && typeof kb === "string" ? ka.localeCompare(kb) : (ka as number) - (kb as number)) * dir;
    }
    return a.rank - b.rank || a.name.localeCompare(b.name);
  });
}

// ——— chart data (small serialisable arrays) ———

export type ScatterPoint = { label: string; agency: number; caseload: number; judgement: Judgement | "NONE"; laNumbers: string[] };

const worse = (a: Judgement | null, b: Judgement | null): Judgement | null => (!a ? b : !b ? a : JUDGEMENT_ORDER[a] >= JUDGEMENT_ORDER[b] ? a : b);

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
  const bins: ScoreBin[] = Array.from({ length: top + 1 }, (_, i) => ({ label: i === top ? `${i} or more` : `${i} to under ${i + 1}`, from: i, to: i === top ? null : i + 1, count: 0 }));
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
    const region = out.get(r.regionCode) ?? { regionCode: r.regionCode, regionName: r.regionName, red: 0, amber: 0, authorities: 0, keys: new Set<string>() };
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
export type ExtraCsvColumns<R> = { head: readonly string[]; cells: (row: R) => (string | number | null)[] };

/** The rows shown, in the order shown, as CSV (RFC 4180, CRLF line ends). */
export function toCsv(rows: readonly NationalRow[], asAt: IsoDate): string;
export function toCsv<R extends { row: NationalRow }>(rows: readonly R[], asAt: IsoDate, extra: ExtraCsvColumns<R>): string;
export function toCsv<R extends { row: NationalRow }>(rows: readonly (NationalRow | R)[], asAt: IsoDate, extra?: ExtraCsvColumns<R>): string {
  const head = [
    "rank",
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
  const lines = [head.join(",")];
  for (const item of rows) {
    const r = extra ? (item as R).row : (item as NationalRow);
    const kinds = [...new Set(r.flags.map((f) => `${RISK_INDICATORS[f.indicatorId].shortLabel}: ${FLAG_KIND_LABELS[f.kind]} (${f.severity})`))].join("; ");
    lines.push(
      [
        r.rank,
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
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
