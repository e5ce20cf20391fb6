// Anonymous refusals of server actions, bounded (issue 14). Anyone can POST to an action whose record
// exists; each refusal used to write its own audit_event row (50 rows/s from one client). Now, per
// client address, action, permission and LA, the first refusal in each minute is written as before and
// the rest of that minute are counted in audit_refusal_tally; once the minute is over the count is
// moved — in one transaction, so it is never lost nor written twice — into a single
// `access.refused_repeated` audit row with the count and the first and last time. The move happens
// on the next anonymous refusal from anyone, and whenever an admin reads the audit log.
// At most two audit rows per address, action, LA and minute. The clock is the caller's (ctx.now()).
import { createHash } from "node:crypto";
import type { Db } from "@/lib/core/db/client";
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import type { Permission, Resource } from "./permissions";

const REFUSAL_WINDOW_MS = 60_000;

function refusalWindow(now: Date): Date {
  return new Date(Math.floor(now.getTime() / REFUSAL_WINDOW_MS) * REFUSAL_WINDOW_MS);
}

type AnonymousRefusal = {
  permission: Permission;
  resource: Resource;
  laNumber: string | null;
  action: string;
  ip: string | null;
  at: Date;
};

/** Records one anonymous refusal: a full audit row if it is the first this minute, else a count. */
export async function recordAnonymousRefusal(db: Db, refusal: AnonymousRefusal): Promise<void> {
  await flushRefusalTallies(db, refusal.at);
  const window = refusalWindow(refusal.at);
  const key = createHash("sha256")
    .update(`${refusal.ip ?? "unknown"}\n${refusal.action}\n${refusal.permission}\n${refusal.laNumber ?? ""}`)
    .digest("hex");
  // Inserted (xmax = 0) → first in this window; otherwise the existing row's count went up by one.
  const [row] = await db.$queryRaw<{ first: boolean }[]>`
    INSERT INTO audit_refusal_tally ("key", "windowStart", "ip", "action", "permission", "entityType", "laNumber", "count", "firstAt", "lastAt")
    VALUES (${key}, ${window}, ${refusal.ip}, ${refusal.action}, ${refusal.permission}, ${refusal.resource.kind}, ${refusal.laNumber}, 0, ${refusal.at}, ${refusal.at})
    ON CONFLICT ("key", "windowStart") DO UPDATE
      SET "count" = audit_refusal_tally."count" + 1,
          -- first and last time of the *counted* refusals (the first one has its own audit row)
          "firstAt" = CASE WHEN audit_refusal_tally."count" = 0 THEN EXCLUDED."firstAt" ELSE LEAST(audit_refusal_tally."firstAt", EXCLUDED."firstAt") END,
          "lastAt" = GREATEST(audit_refusal_tally."lastAt", EXCLUDED."lastAt")
    RETURNING (xmax = 0) AS first`;
  if (!row?.first) return;
  await recordAudit(db, {
    action: AUDIT_ACTIONS.accessRefused,
    outcome: "REFUSED",
    actor: null,
    entityType: refusal.resource.kind,
    laNumber: refusal.laNumber,
    detail: {
      permission: refusal.permission,
      reason: "signed_out",
      action: refusal.action,
      repeatsCountedFor: `${REFUSAL_WINDOW_MS / 1000}s`,
    },
    ip: refusal.ip,
    at: refusal.at,
  });
}

/** Moves the counts of finished windows (before `now`'s) into `access.refused_repeated` audit rows. */
export async function flushRefusalTallies(db: Db, now: Date): Promise<number> {
  const current = refusalWindow(now);
  return db.$transaction(async (tx) => {
    const done = await tx.$queryRaw<
      {
        ip: string | null;
        action: string;
        permission: string;
        entityType: string | null;
        laNumber: string | null;
        count: number;
        firstAt: Date;
        lastAt: Date;
        windowStart: Date;
      }[]
    >`DELETE FROM audit_refusal_tally WHERE "windowStart" < ${current}
      RETURNING "ip", "action", "permission", "entityType", "laNumber", "count", "firstAt", "lastAt", "windowStart"`;
    const repeated = done.filter((r) => r.count > 0);
    for (const r of repeated) {
      await recordAudit(tx, {
        action: AUDIT_ACTIONS.accessRefusedRepeated,
        outcome: "REFUSED",
        actor: null,
        entityType: r.entityType ?? undefined,
        laNumber: r.laNumber,
        detail: {
          permission: r.permission,
          reason: "signed_out",
          action: r.action,
          count: r.count,
          firstAt: r.firstAt,
          lastAt: r.lastAt,
          window: r.windowStart,
        },
        ip: r.ip,
        at: r.lastAt,
      });
    }
    return repeated.length;
  });
}
