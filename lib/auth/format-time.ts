// Times in the admin pages: UK time, to the second (audit events need precision).
// One formatter, made once: toLocaleString with options makes a new one on every call (~0.1 ms each, a
// row of the users and audit tables each).
const LONDON_DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function formatDateTime(d: Date | null): string {
  if (!d) return "–";
  return LONDON_DATE_TIME.format(d);
}
