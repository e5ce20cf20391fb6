// The audit log's filters as a Prisma where clause (pure, unit-tested). Dates are whole days in
// UK time: "to" includes the whole of that day.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilters } from "@/lib/auth/audit-filters";

/** Midnight at the start of a yyyy-mm-dd day in Europe/London, as an instant. */
export function londonMidnight(day: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  // The offset of London from UTC at that moment (0 in winter, +1 hour in summer).
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" }).formatToParts(utc);
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  return new Date(utc.getTime() - hour * 3_600_000);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function auditWhere(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filters.from) at.gte = londonMidnight(filters.from);
  if (filters.to) at.lt = londonMidnight(nextDay(filters.to));
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(filters.actor ? { actorEmail: { contains: filters.actor.toLowerCase(), mode: "insensitive" as const } } : {}),
    ...(filters.la ? { laNumber: filters.la } : {}),
    ...(filters.from || filters.to ? { at } : {}),
  };
}
