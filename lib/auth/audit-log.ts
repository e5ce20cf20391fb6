// Reads of the audit log for /admin/audit. Server-only; plain serialisable shapes.
import "server-only";
import { db } from "@/lib/core/db";
import { auditWhere } from "@/lib/auth/audit-query";
import { flushRefusalTallies } from "@/lib/auth/refusal-tally";
import type { AuditFilters } from "@/lib/auth/audit-filters";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(filters: AuditFilters, now = new Date()) {
  // Counts of anonymous refusals from finished minutes become audit rows before anyone reads them.
  await flushRefusalTallies(db, now);
  const where = auditWhere(filters);
  const page = filters.page ?? 1;
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        at: true,
        action: true,
        outcome: true,
        actorEmail: true,
        actorRole: true,
        entityType: true,
        entityId: true,
        laNumber: true,
        before: true,
        after: true,
        detail: true,
        ip: true,
      },
    }),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: rows.map((r) => ({ ...r, id: r.id.toString() })),
  };
}

export async function listAuditActionNames(): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
