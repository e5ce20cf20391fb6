// What a period number means in each series (FORMATS.md §1): workforce = 30 September snapshot,
// children in need family = year ending 31 March, ONS = mid-year.
import type { SeriesKey } from "./types";

export function periodLabel(series: SeriesKey, period: number): string {
  switch (series) {
    case "CSWW":
      return `30 Sep ${period}`;
    case "POPULATION":
      return `mid-${period}`;
    default:
      return `year to 31 Mar ${period}`;
  }
}

/** Short label for chart axes and table rows: "2024" for a snapshot, "2023-24" for a year to 31 March. */
export function periodShort(series: SeriesKey, period: number): string {
  if (series === "CSWW" || series === "POPULATION") return String(period);
  return `${period - 1}-${String(period % 100).padStart(2, "0")}`;
}

/** The date a period's figure refers to (its snapshot or year end), as a UTC timestamp. */
export function periodReferenceTime(series: SeriesKey, period: number): number {
  if (series === "CSWW") return Date.UTC(period, 8, 30);
  if (series === "POPULATION") return Date.UTC(period, 5, 30);
  return Date.UTC(period, 2, 31);
}

/**
 * Where a date falls on a chart whose x axis is the series' periods: period P sits at x = P, on its
 * reference date, and dates in between are placed proportionally — so an inspection on 20 Feb 2023
 * sits at 2022 + 143/365 on a workforce chart (30 Sep snapshots) and a little before 2023 on a
 * children-in-need chart (years to 31 March).
 */
export function datePosition(series: SeriesKey, isoDate: string): number {
  const t = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  let year = Number(isoDate.slice(0, 4));
  if (t < periodReferenceTime(series, year)) year -= 1;
  const from = periodReferenceTime(series, year);
  const to = periodReferenceTime(series, year + 1);
  return year + (t - from) / (to - from);
}
