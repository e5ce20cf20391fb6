// The one clock. Everything in lib/, app/, components/ and scripts/ that asks what time it is or
// what day it is asks here, so "today" means the same in every feature and a test can fix the
// instant (pass its own `now`, e.g. AuthContext.now) instead of depending on the wall clock.
//
// "Today" is the calendar date in England (Europe/London: GMT in winter, BST in summer) whatever
// the server's time zone: a plan action due today is not overdue at 00:30 BST, and /risk is not
// computed for yesterday after midnight. Date-only values stored as DATE (plan periods, due dates,
// publication dates) are plain "yyyy-mm-dd" strings with no time zone: see lib/plans/dates.ts and
// lib/risk/dates.ts. Measuring elapsed time (performance.now(), Date.now() differences) needs no clock.

/** A calendar date, "yyyy-mm-dd". */
type CalendarDate = string;

/** Something that tells the time: `now` below in the app, a fixed instant in tests. */
export type Clock = () => Date;

/** The current instant. */
export const now: Clock = () => new Date();

// Built once: constructing an Intl.DateTimeFormat costs far more than using one.
const LONDON_DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date in England at the instant `at` (default: now), "yyyy-mm-dd". */
export function today(at: Date = now()): CalendarDate {
  const parts = Object.fromEntries(LONDON_DAY.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The year in England at the instant `at` (default: now). */
export function currentYear(at: Date = now()): number {
  return Number(today(at).slice(0, 4));
}
