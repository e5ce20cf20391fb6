// Date-only values (plan periods, due dates) are stored as DATE and handled as yyyy-mm-dd strings;
// times shown to people are in Europe/London. "Today" comes from the clock (lib/core/clock.ts).
export function toDateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function fromDateOnly(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

// Formatters are built once: constructing an Intl.DateTimeFormat costs far more than using one.
const LONDON_LONG_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });
const LONDON_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hour12: false });
const UTC_LONG_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** "26 November 2026 at 16:05" in London time. */
export function formatLondonDateTime(date: Date): string {
  return `${LONDON_LONG_DATE.format(date)} at ${LONDON_TIME.format(date)}`;
}

/** "31 March 2027" */
export function formatDateOnly(value: string): string {
  return UTC_LONG_DATE.format(fromDateOnly(value));
}
