// Small date helpers on ISO "YYYY-MM-DD" strings (UTC calendar dates, no time zones involved).
import type { IsoDate } from "./types";

function toIsoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Last day of a month (month 1–12). */
export function endOfMonth(year: number, month: number): IsoDate {
  const days = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(days, 2)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

/** Whole months from `from` to `to` (negative when `to` is earlier), counting a partial month as 0. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (months > 0 && td < fd) months -= 1;
  if (months < 0 && td > fd) months += 1;
  return months;
}

/**
 * The same day `months` months before `date`, as a string to compare dates with: a day such as
 * 2023-02-29 need not exist to order correctly against real ones.
 */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) - months;
  return `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1, 2)}${date.slice(7)}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "28 February 2025" */
export function formatIsoDate(date: IsoDate): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
