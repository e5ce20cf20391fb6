// Failed sign-in counters in PostgreSQL (table sign_in_failure), shared by every app instance.
//
// Concurrency without locks: an attempt first *reserves* a row per key (counted like a failure),
// then reads the other rows in the window. Two racing attempts each see the other's reservation,
// so a burst can only be refused more, never allowed past the limit. A successful attempt deletes
// its reservations (and the account's earlier failures); a refused one deletes its reservations so
// being refused does not extend the lock; a failed one keeps them as its failures.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/core/db/client";
import type { ThrottleScope } from "@/lib/generated/prisma/enums";
import { ACCOUNT_RULE, assessThrottle, IP_RULE, oldestRelevant, type ThrottleRule, type ThrottleState } from "./throttle";

type ThrottleKey = { scope: ThrottleScope; key: string };

export function throttleKey(scope: ThrottleScope, value: string): ThrottleKey {
  return { scope, key: createHash("sha256").update(`${scope}:${value}`).digest("hex") };
}

const RULES: Record<ThrottleScope, ThrottleRule> = { ACCOUNT: ACCOUNT_RULE, IP: IP_RULE };

type Reservation = {
  ids: bigint[];
  /** The worst state over the keys; locked if any key is. */
  state: ThrottleState;
  lockedScope: ThrottleScope | null;
};

export async function reserveAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<Reservation> {
  await db.signInFailure.deleteMany({ where: { at: { lt: oldestRelevant(now, Object.values(RULES)) } } });
  const created = await db.signInFailure.createManyAndReturn({
    data: keys.map((k) => ({ scope: k.scope, key: k.key, at: now })),
    select: { id: true },
  });
  const ids = created.map((r) => r.id);
  let worst: Reservation = { ids, state: { locked: false, failures: 0 }, lockedScope: null };
  for (const k of keys) {
    const rule = RULES[k.scope];
    const rows = await db.signInFailure.findMany({
      where: { scope: k.scope, key: k.key, at: { gt: new Date(now.getTime() - rule.windowMs), lte: now }, id: { notIn: ids } },
      select: { at: true },
    });
    const state = assessThrottle(
      rows.map((r) => r.at),
      now,
      rule,
    );
    if (state.locked && (!worst.state.locked || state.retryAt > worst.state.retryAt)) worst = { ids, state, lockedScope: k.scope };
  }
  return worst;
}

/** The attempt was refused or succeeded: its reservations do not count. */
export async function releaseReservation(db: Db, reservation: Reservation): Promise<void> {
  await db.signInFailure.deleteMany({ where: { id: { in: reservation.ids } } });
}

/** A successful sign-in clears the account's failures (not the IP's: one right password must not unlock spraying). */
export async function clearFailures(db: Db, key: ThrottleKey): Promise<void> {
  await db.signInFailure.deleteMany({ where: { scope: key.scope, key: key.key } });
}
