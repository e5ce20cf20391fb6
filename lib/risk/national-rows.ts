// The parts of the national view that run in the browser too (the risk table, the scatter chart, the
// analysts' inbox): row and filter shapes, the query string, sorting, and the JSON hand-over. Kept
// apart from lib/risk/national.ts so the browser does not load the risk engine's configuration, or
// the indicator catalogue it derives from (decision 0016); national.ts re-exports all of it.
import { queryString } from "@/lib/core/url-query";
import type { RiskIndicatorId } from "./config";
import type { ShownFigure } from "./assess";
import type { FlagKind, Severity } from "./rules";
import type { IsoDate, Judgement } from "./types";

/** The score as it stood once each year's workforce figures were out (`period` = the 30 September snapshot year). */
export type TrendPoint = { period: number; score: number };

export const RISK_SORT_KEYS = [
  "score",
  "name",
  "region",
  "judgement",
  "red",
  "amber",
  "agency",
  "caseload",
  "turnover",
  "vacancy",
] as const;
export type RiskSortKey = (typeof RISK_SORT_KEYS)[number];

export type NationalRow = {
  /** 1 + the number of LAs scoring more */
  rank: number;
  /** another LA has the same score (the rank is "joint") */
  joint: boolean;
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

/** The query-string fields of the national view, in a fixed order. */
export const RISK_QUERY_FIELDS = [
  "region",
  "judgement",
  "indicator",
  "kind",
  "severity",
  "sort",
  "order",
] as const satisfies readonly (keyof NationalFilters)[];

/** "?region=…&sort=…" for a set of filters (empty values left out); "" when there are none. */
export function riskQuery(filters: NationalFilters, overrides: NationalFilters = {}): string {
  const merged = { ...filters, ...overrides };
  return queryString(merged, RISK_QUERY_FIELDS);
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

export const JUDGEMENT_ORDER: Record<Judgement, number> = { OUTSTANDING: 1, GOOD: 2, REQUIRES_IMPROVEMENT: 3, INADEQUATE: 4 };
const FIGURE_KEY = {
  agency: "agency_rate_fte",
  caseload: "caseload_fte",
  turnover: "turnover_rate_fte",
  vacancy: "vacancy_rate_fte",
} as const;

/** The direction a column sorts in first (the "worse" end on top). */
export function defaultOrder(sort: RiskSortKey): "asc" | "desc" {
  return sort === "name" || sort === "region" ? "asc" : "desc";
}

/** Sorted rows. Rows without a figure (or a marker) sort last either way; ties fall back to rank, then name. */
export function sortRows(
  rows: readonly NationalRow[],
  sort: NationalFilters["sort"] = "score",
  order: NationalFilters["order"] = defaultOrder(sort),
): NationalRow[] {
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

/** "1st", "2nd", "53rd" */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${s}`;
}

/** "joint 53rd of 153", "the highest of 153" */
export function rankText(rank: number, joint: boolean, of: number): string {
  if (rank === 1 && !joint) return `the highest of ${of}`;
  return `${joint ? "joint " : ""}${ordinal(rank)} of ${of}`;
}
