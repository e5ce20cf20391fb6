// The point-in-time rule: which periods of each series, which Ofsted judgements and which
// statistical-neighbour grouping were public at a date. Every read the engine makes goes through here.
import { addDays, endOfMonth } from "./dates";
import { OFSTED_PUBLICATION_FALLBACK_DAYS, PUBLICATION_LAGS } from "./config";
import type { SeriesId } from "@/lib/catalogue";
import type { GradedInspection, IsoDate } from "./types";

/** The date by which a series' figures for `period` were published. */
export function publishedOn(series: SeriesId, period: number): IsoDate {
  const lag = PUBLICATION_LAGS[series];
  return endOfMonth(period + lag.yearOffset, lag.month);
}

/** True when the figure for `period` was published strictly before `asAt`. */
function isPublishedBefore(series: SeriesId, period: number, asAt: IsoDate): boolean {
  return publishedOn(series, period) < asAt;
}

/** The newest period of a series published strictly before `asAt`. */
export function latestPublishedPeriod(series: SeriesId, asAt: IsoDate): number {
  const lag = PUBLICATION_LAGS[series];
  const year = Number(asAt.slice(0, 4));
  // the candidate period whose publication falls in asAt's year, then step back until published
  let period = year - lag.yearOffset;
  while (!isPublishedBefore(series, period, asAt)) period -= 1;
  return period;
}

/** When an Ofsted judgement became public. */
export function judgementKnownFrom(i: Pick<GradedInspection, "inspectionDate" | "publicationDate">): IsoDate {
  return i.publicationDate ?? addDays(i.inspectionDate, OFSTED_PUBLICATION_FALLBACK_DAYS);
}

/** Graded inspections whose outcome was public strictly before `asAt`, oldest first. */
export function knownInspections<T extends Pick<GradedInspection, "inspectionDate" | "publicationDate">>(
  inspections: readonly T[],
  asAt: IsoDate,
): T[] {
  return inspections
    .filter((i) => judgementKnownFrom(i) < asAt)
    .sort((a, b) => (a.inspectionDate < b.inspectionDate ? -1 : a.inspectionDate > b.inspectionDate ? 1 : 0));
}
