// Point-in-time reading of the published series: an index built once per dataset, then cheap
// lookups of "what was known about this LA's indicator at this date".
import { seriesById } from "@/lib/catalogue";
import {
  COMPARATOR,
  INDICATOR_RULES,
  MAX_PERIODS_BACK_OVER_MARKER,
  RISK_INDICATOR_IDS,
  RISK_INDICATORS,
  RISK_SERIES_IDS,
  worseDirection,
  type RiskIndicatorId,
} from "./config";
import { addDays, monthsBefore } from "./dates";
import { judgementKnownFrom, latestPublishedPeriod } from "./publication";
import type { AuthorityInfo, GradedInspection, IsoDate, Observation, OfstedVisit, RiskDataset, RiskSeriesId } from "./types";

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
  /** laNumber → count indicator → period → observation (the small-count rule's denominators) */
  bases: Map<string, Map<string, Map<number, Observation>>>;
  /** laNumber → monitoring and focused visits, by the day they became public, oldest first */
  visits: Map<string, (OfstedVisit & { knownFrom: IsoDate })[]>;
  /** the days revisions were published, sorted: the versions known at a date change only on these */
  revisionDates: IsoDate[];
  /** memo: the cut-offs of the position rule per indicator, then period and revision epoch (period × 1000 + epoch) */
  cutoffs: Map<RiskIndicatorId, Map<number, PositionCutoffs | null>>;
};

/** The version of a figure published strictly before `asAt`: the first published one until a revision was out. */
export function asKnownOn(o: Observation, asAt: IsoDate): Observation {
  const earlier = o.earlier;
  if (!earlier) return o;
  for (const v of earlier) {
    if (asAt <= v.revisedOn) return { period: o.period, value: v.value, marker: v.marker, raw: v.raw, jointReturnId: o.jointReturnId };
  }
  return o;
}

/** How many revisions were published strictly before `asAt` (part of the memo keys: equal counts, equal versions). */
export function revisionEpoch(index: RiskIndex, asAt: IsoDate): number {
  if (index.revisionDates.length === 0) return 0;
  let n = 0;
  for (const d of index.revisionDates) if (d < asAt) n += 1;
  return n;
}

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
  const bases = new Map<string, Map<string, Map<number, Observation>>>();
  for (const [la, byIndicator] of Object.entries(dataset.bases ?? {})) {
    bases.set(la, new Map(Object.entries(byIndicator).map(([id, list]) => [id, new Map(list.map((o) => [o.period, o]))])));
  }
  const visits = new Map<string, (OfstedVisit & { knownFrom: IsoDate })[]>();
  for (const v of dataset.visits ?? []) {
    const list = visits.get(v.laNumber) ?? [];
    list.push({ ...v, knownFrom: judgementKnownFrom(v) });
    visits.set(v.laNumber, list);
  }
  for (const list of visits.values()) list.sort((a, b) => (a.knownFrom < b.knownFrom ? -1 : a.knownFrom > b.knownFrom ? 1 : 0));
  const revised = new Set<IsoDate>();
  for (const byIndicator of values.values())
    for (const byPeriod of byIndicator.values())
      for (const o of byPeriod.values()) for (const e of o.earlier ?? []) revised.add(e.revisedOn);
  for (const byIndicator of bases.values())
    for (const byPeriod of byIndicator.values())
      for (const o of byPeriod.values()) for (const e of o.earlier ?? []) revised.add(e.revisedOn);
  return {
    dataset,
    authorities,
    values,
    regionMembers,
    inspections,
    newestInData,
    oldestInData,
    bases,
    visits,
    revisionDates: [...revised].sort(),
    cutoffs: new Map(),
  };
}

/** Newest period of each series published strictly before `asAt` (and present in the data). */
export type KnownPeriods = Record<RiskSeriesId, number>;

export function knownPeriods(index: RiskIndex, asAt: IsoDate): KnownPeriods {
  const at = (s: RiskSeriesId) => Math.min(latestPublishedPeriod(s, asAt), index.newestInData[s]);
  return Object.fromEntries(RISK_SERIES_IDS.map((s) => [s, at(s)])) as KnownPeriods;
}

function observationAt(
  index: RiskIndex,
  laNumber: string,
  indicator: RiskIndicatorId,
  period: number,
  asAt: IsoDate,
): Observation | undefined {
  const o = index.values.get(laNumber)?.get(indicator)?.get(period);
  return o && o.earlier ? asKnownOn(o, asAt) : o;
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
export function readIndicator(
  index: RiskIndex,
  laNumber: string,
  indicatorId: RiskIndicatorId,
  periods: KnownPeriods,
  asAt: IsoDate,
): Reading {
  const newestPeriod = periods[RISK_INDICATORS[indicatorId].series];
  const series = index.values.get(laNumber)?.get(indicatorId);
  const markers: Observation[] = [];
  let current: NumericObservation | null = null;
  if (!series || !Number.isFinite(newestPeriod)) return { indicatorId, newestPeriod, current, markers, previous: null, twoBefore: null };
  for (let p = newestPeriod; p >= newestPeriod - MAX_PERIODS_BACK_OVER_MARKER; p--) {
    const o = known(series.get(p), asAt);
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
    previous: current ? (known(series.get(current.period - 1), asAt) ?? null) : null,
    twoBefore: current ? (known(series.get(current.period - 2), asAt) ?? null) : null,
  };
}

/** A stored observation as known at `asAt` (no copy unless it was revised). */
function known(o: Observation | undefined, asAt: IsoDate): Observation | undefined {
  return o && o.earlier ? asKnownOn(o, asAt) : o;
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
  const figures = figuresOnce(index, group, indicatorId, period, asAt, {
    except: laNumber,
    counted: own.jointReturnId ? [own.jointReturnId] : [],
  });
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

/**
 * The figures of `las` for an indicator's period as known at `asAt`: numbers only (markers left out),
 * a joint return counted once. `counted`: joint returns already counted (at most a couple in England,
 * so an array is cheaper than a Set); `except`: an LA left out.
 */
function figuresOnce(
  index: RiskIndex,
  las: Iterable<string>,
  indicatorId: RiskIndicatorId,
  period: number,
  asAt: IsoDate,
  { except, counted = [] }: { except?: string; counted?: string[] } = {},
): number[] {
  const figures: number[] = [];
  for (const la of las) {
    if (la === except) continue;
    const o = observationAt(index, la, indicatorId, period, asAt);
    if (!isNumeric(o)) continue;
    if (o.jointReturnId) {
      if (counted.includes(o.jointReturnId)) continue;
      counted.push(o.jointReturnId);
    }
    figures.push(o.value);
  }
  return figures;
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

/** The cut-offs of the position rule: a figure at or beyond `amber` is among the worst share of LAs, at or beyond `red` the worst few. */
export type PositionCutoffs = { amber: number; red: number; count: number; direction: "higher" | "lower" };

/**
 * The position rule's cut-offs for an indicator's period, from every LA's figure for that period as
 * known at `asAt` (a joint return counted once; markers left out), worst first, ties in. Memoised per
 * revision epoch. Null when the indicator has no position rule or no figures.
 */
export function positionCutoffs(
  index: RiskIndex,
  indicatorId: RiskIndicatorId,
  period: number,
  asAt: IsoDate,
  epoch: number = revisionEpoch(index, asAt),
): PositionCutoffs | null {
  const level = INDICATOR_RULES[indicatorId].level;
  if (level.kind !== "position") return null;
  let memo = index.cutoffs.get(indicatorId);
  if (!memo) index.cutoffs.set(indicatorId, (memo = new Map()));
  const key = period * 1000 + epoch;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const direction = worseDirection(indicatorId);
  const figures = figuresOnce(index, index.values.keys(), indicatorId, period, asAt);
  let result: PositionCutoffs | null = null;
  if (figures.length > 0) {
    figures.sort(direction === "higher" ? (a, b) => b - a : byNumber);
    const at = (share: number) => figures[Math.max(1, Math.ceil(figures.length * share)) - 1]!;
    result = { amber: at(level.amberShare), red: at(level.redShare), count: figures.length, direction };
  }
  memo.set(key, result);
  return result;
}

/** At or beyond a cut-off in the worse direction. */
export function worseOrEqual(value: number, cutoff: number, direction: "higher" | "lower"): boolean {
  return direction === "higher" ? value >= cutoff : value <= cutoff;
}

/** The denominator of a rate for an LA and period, as known at `asAt` (null when none is held). */
export function baseAt(index: RiskIndex, laNumber: string, baseId: string, period: number, asAt: IsoDate): Observation | null {
  const o = index.bases.get(laNumber)?.get(baseId)?.get(period);
  return o ? asKnownOn(o, asAt) : null;
}

/**
 * True when a new authority's figure for `period` covers less than a full year: a flow over the 12
 * months to the series' reference date that began before the authority existed (e.g. Cumberland's
 * turnover at 30 September 2023, after it began on 1 April 2023). Such a figure is never compared with
 * a full year. A stock on the day (agency rate at 30 September) is not a part year.
 */
export function isPartYear(index: RiskIndex, laNumber: string, indicatorId: RiskIndicatorId, period: number): boolean {
  const from = index.authorities.get(laNumber)?.existsFrom;
  if (!from) return false;
  const meaning = seriesById(RISK_INDICATORS[indicatorId].series).period;
  if (meaning.kind !== "snapshot" && meaning.kind !== "year-ending") return false;
  if (meaning.kind === "snapshot" && !INDICATOR_RULES[indicatorId].flow) return false;
  const reference = `${String(period).padStart(4, "0")}-${String(meaning.month).padStart(2, "0")}-${String(meaning.day).padStart(2, "0")}`;
  const windowStart = addDays(`${String(period - 1).padStart(4, "0")}${reference.slice(4)}`, 1);
  return from > windowStart;
}

/** Monitoring visits of an LA published in the `months` months before `asAt` (strictly before it). */
export function recentVisits(index: RiskIndex, laNumber: string, asAt: IsoDate, months: number, type: OfstedVisit["type"]) {
  const since = monthsBefore(asAt, months);
  return (index.visits.get(laNumber) ?? []).filter((v) => v.type === type && v.knownFrom < asAt && v.knownFrom >= since);
}
