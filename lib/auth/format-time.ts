// Times in the admin pages: UK time, to the second (audit events need precision).
export function formatDateTime(d: Date | null): string {
  if (!d) return "–";
  return d.toLocaleString("en-GB", {
    timeZone: "Europe/London",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
}
