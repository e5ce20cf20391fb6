// The dashboard's period labels. What a period means in each series is the catalogue's (its
// `period`): workforce = 30 September snapshot, children in need family = year ending 31 March,
// ONS = mid-year; the words come from lib/catalogue/periods.ts.
import { periodLabel as cataloguePeriodLabel, periodReferenceTime } from "@/lib/catalogue/periods";
import type { SeriesId } from "@/lib/catalogue/series";

export { periodReferenceTime };

/** Card and table label: "30 Sep 2024", "year to 31 Mar 2024", "mid-2024". */
export function periodLabel(series: SeriesId, period: number): string {
  return cataloguePeriodLabel(series, period, "short");
}

/** Short label for chart axes and table rows: "2024" for a snapshot, "2023-24" for a year to 31 March. */
export function periodShort(series: SeriesId, period: number): string {
  return cataloguePeriodLabel(series, period, "axis");
}

/**
 * Where a date falls on a chart whose x axis is the series' periods: period P sits at x = P, on its
 * reference date, and dates in between are placed proportionally — so an inspection on 20 Feb 2023
 * sits at 2022 + 143/365 on a workforce chart (30 Sep snapshots) and a little before 2023 on a
 * children-in-need chart (years to 31 March).
 */
export function datePosition(series: SeriesId, isoDate: string): number {
  const t = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  let year = Number(isoDate.slice(0, 4));
  if (t < periodReferenceTime(series, year)) year -= 1;
  const from = periodReferenceTime(series, year);
  const to = periodReferenceTime(series, year + 1);
  return year + (t - from) / (to - from);
}
