// Point-in-time reading of the published series: an index built once per dataset, then cheap
// lookups of "what was known about this LA's indicator at this date".
import {
  COMPARATOR,
  MAX_PERIODS_BACK_OVER_MARKER,
  RISK_INDICATOR_IDS,
  RISK_INDICATORS,
  RISK_SERIES_IDS,
  type RiskIndicatorId,
} from "./config";
import { latestPublishedPeriod } from "./publication";
import type { AuthorityInfo, GradedInspection, IsoDate, Observation, RiskDataset, RiskSeriesId } from "./types";

export type RiskIndex = {
  dataset: RiskDataset;
  authorities: Map<string, AuthorityInfo>;
  /** laNumber → indicator → period → observation */
  values: Map<string, Map<RiskIndicatorId, Map<number, Observation>>>;
  /** regionCode → LA numbers (current and former) */
  regionMembers: Map<string, string[]>;
  /** laNumber → graded inspections, oldest first */
  inspections: Map<string, GradedInspection[]>;
  /** the newest period each series has in the data (a date after its publication sees no newer one) */
  newestInData: Record<RiskSeriesId, number>;
  /** the oldest period each series has in the data */
  oldestInData: Record<RiskSeriesId, number>;
};

export function buildIndex(dataset: RiskDataset): RiskIndex {
  const authorities = new Map(dataset.authorities.map((a) => [a.laNumber, a]));
  const values = new Map<string, Map<RiskIndicatorId, Map<number, Observation>>>();
  for (const [la, byIndicator] of Object.entries(dataset.values)) {
    const m = new Map<RiskIndicatorId, Map<number, Observation>>();
    for (const id of RISK_INDICATOR_IDS) {
      const list = byIndicator[id];
      if (list) m.set(id, new Map(list.map((o) => [o.period, o])));
    }
    values.set(la, m);
  }
  const newestInData = Object.fromEntries(RISK_SERIES_IDS.map((s) => [s, -Infinity])) as Record<RiskSeriesId, number>;
  const oldestInData = Object.fromEntries(RISK_SERIES_IDS.map((s) => [s, Infinity])) as Record<RiskSeriesId, number>;
  for (const byIndicator of values.values()) {
    for (const [id, byPeriod] of byIndicator) {
      const series = RISK_INDICATORS[id].series;
      for (const p of byPeriod.keys()) {
        if (p > newestInData[series]) newestInData[series] = p;
        if (p < oldestInData[series]) oldestInData[series] = p;
      }
    }
  }
  const regionMembers = new Map<string, string[]>();
  for (const a of dataset.authorities) regionMembers.set(a.regionCode, [...(regionMembers.get(a.regionCode) ?? []), a.laNumber]);
  const inspections = new Map<string, GradedInspection[]>();
  for (const i of [...dataset.inspections].sort((a, b) => (a.inspectionDate < b.inspectionDate ? -1 : 1))) {
    inspections.set(i.laNumber, [...(inspections.get(i.laNumber) ?? []), i]);
  }
  return { dataset, authorities, values, regionMembers, inspections, newestInData, oldestInData };
}

/** Newest period of each series published strictly before `asAt` (and present in the data). */
export type KnownPeriods = Record<RiskSeriesId, number>;

export function knownPeriods(index: RiskIndex, asAt: IsoDate): KnownPeriods {
  const at = (s: RiskSeriesId) => Math.min(latestPublishedPeriod(s, asAt), index.newestInData[s]);
  return Object.fromEntries(RISK_SERIES_IDS.map((s) => [s, at(s)])) as KnownPeriods;
}

function observationAt(index: RiskIndex, laNumber: string, indicator: RiskIndicatorId, period: number): Observation | undefined {
  return index.values.get(laNumber)?.get(indicator)?.get(period);
}

type NumericObservation = Observation & { value: number };
export const isNumeric = (o: Observation | undefined): o is NumericObservation => o !== undefined && o.value !== null && o.marker === null;

/** What was known about one LA's indicator at a date. */
export type Reading = {
  indicatorId: RiskIndicatorId;
  /** newest period of the series published before the date */
  newestPeriod: number;
  /** the figure the rules use: the newest number no older than MAX_PERIODS_BACK_OVER_MARKER periods, if any */
  current: NumericObservation | null;
  /** markers published for periods newer than `current` (or instead of it) — shown, never used as numbers */
  markers: Observation[];
  /** the same LA's figures one and two periods before `current` (numbers or markers), if published */
  previous: Observation | null;
  twoBefore: Observation | null;
};

/**
 * Reads an indicator point-in-time. Only periods ≤ the newest published period are looked at, so
 * nothing published on or after `asAt` can be used.
 */
export function readIndicator(index: RiskIndex, laNumber: string, indicatorId: RiskIndicatorId, periods: KnownPeriods): Reading {
  const newestPeriod = periods[RISK_INDICATORS[indicatorId].series];
  const series = index.values.get(laNumber)?.get(indicatorId);
  const markers: Observation[] = [];
  let current: NumericObservation | null = null;
  if (!Number.isFinite(newestPeriod)) return { indicatorId, newestPeriod, current, markers, previous: null, twoBefore: null };
  for (let p = newestPeriod; p >= newestPeriod - MAX_PERIODS_BACK_OVER_MARKER; p--) {
    const o = series?.get(p);
    if (!o) continue;
    if (isNumeric(o)) {
      current = o;
      break;
    }
    markers.push(o);
  }
  return {
    indicatorId,
    newestPeriod,
    current,
    markers,
    previous: current ? (series?.get(current.period - 1) ?? null) : null,
    twoBefore: current ? (series?.get(current.period - 2) ?? null) : null,
  };
}

export type Comparator = { kind: "neighbours" | "region"; label: string; median: number; count: number; period: number };

/**
 * Median of the comparator group's figures for the same period: the LA's statistical neighbours
 * when that grouping was public at `asAt`, otherwise the other LAs of its region. Markers are
 * skipped, a joint return counts once, and a figure the LA itself shares (its own joint return) is
 * not a comparator.
 */
export function comparatorMedian(
  index: RiskIndex,
  laNumber: string,
  indicatorId: RiskIndicatorId,
  period: number,
  own: Observation,
  asAt: IsoDate,
): Comparator | null {
  const sn = index.dataset.neighbours;
  const snList = sn && sn.publishedOn < asAt ? sn.lists[laNumber] : undefined;
  const authority = index.authorities.get(laNumber);
  const kind: Comparator["kind"] = snList ? "neighbours" : "region";
  const group = snList ?? (authority ? (index.regionMembers.get(authority.regionCode) ?? []) : []);
  if (!snList && COMPARATOR.fallback !== "region") return null;
  // joint returns seen so far (at most a couple): an array is cheaper than a Set here
  const seenJoint: string[] = own.jointReturnId ? [own.jointReturnId] : [];
  const figures: number[] = [];
  for (const other of group) {
    if (other === laNumber) continue;
    const o = observationAt(index, other, indicatorId, period);
    if (!isNumeric(o)) continue;
    if (o.jointReturnId) {
      if (seenJoint.includes(o.jointReturnId)) continue;
      seenJoint.push(o.jointReturnId);
    }
    figures.push(o.value);
  }
  if (figures.length < COMPARATOR.minimumComparators) return null;
  figures.sort(byNumber);
  return {
    kind,
    label: kind === "neighbours" ? "statistical neighbours" : `other authorities in ${authority?.regionName ?? "the region"}`,
    median: medianOfSorted(figures),
    count: figures.length,
    period,
  };
}

const byNumber = (a: number, b: number) => a - b;

function medianOfSorted(s: readonly number[]): number {
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** True when the LA existed on `asAt` (former LAs are assessed only while they existed). */
export function existedOn(a: AuthorityInfo, asAt: IsoDate): boolean {
  return (a.existsFrom === null || a.existsFrom <= asAt) && (a.existsTo === null || a.existsTo >= asAt);
}
