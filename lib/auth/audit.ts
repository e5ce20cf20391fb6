// Writes the audit trail (table audit_event, append-only). Every sign-in, failed sign-in, refusal
// and data change goes through recordAudit; data changes pass their transaction client so the audit
// row commits or rolls back with the change it describes.
import type { Db } from "@/lib/core/db/client";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Action names used so far. Later features add theirs (e.g. "plan.action.update", "triage.update"). */
export const AUDIT_ACTIONS = {
  signIn: "auth.sign_in",
  signInFailed: "auth.sign_in_failed",
  signInRefused: "auth.sign_in_refused",
  signOut: "auth.sign_out",
  accessRefused: "access.refused",
  /** Anonymous refusals after the first in a minute, as one row with a count (lib/auth/refusal-tally.ts). */
  accessRefusedRepeated: "access.refused_repeated",
  userCreate: "user.create",
  userUpdate: "user.update",
  userDisable: "user.disable",
  userEnable: "user.enable",
} as const;

type AuditActor = { id: string; email: string; role: Role } | null;

export type AuditEntry = {
  action: string;
  outcome: AuditOutcome;
  actor: AuditActor;
  /** When there is no actor: the email typed into a failed sign-in. */
  actorEmail?: string;
  entityType?: string;
  entityId?: string;
  laNumber?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown>;
  ip?: string | null;
  at: Date;
};

/** A Prisma client or the client of an open transaction. */
export type AuditWriter = { auditEvent: Db["auditEvent"] };

/** Plain JSON (dates become ISO strings, undefined is dropped), or undefined for "nothing". */
function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export async function recordAudit(client: AuditWriter, entry: AuditEntry): Promise<void> {
  await client.auditEvent.create({
    data: {
      at: entry.at,
      action: entry.action,
      outcome: entry.outcome,
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? entry.actorEmail?.slice(0, 320) ?? null,
      actorRole: entry.actor?.role ?? null,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      laNumber: entry.laNumber ?? null,
      before: toAuditJson(entry.before),
      after: toAuditJson(entry.after),
      detail: toAuditJson(entry.detail),
      ip: entry.ip ?? null,
    },
  });
}
