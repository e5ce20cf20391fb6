// Failed sign-in limits, as a pure function over the times of recent failures. The store
// (lib/auth/throttle-store.ts) keeps those times in PostgreSQL so every app instance sees the same
// counts; the clock is a parameter so tests move time instead of sleeping.

export type ThrottleRule = {
  /** Failures allowed inside the window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
};

const MINUTE = 60_000;

/** 5 wrong passwords for one account in 15 minutes lock that account until the oldest leaves the window. */
export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE };

/**
 * Many people in one council share an outgoing IP address, so the per-IP limit is higher: it stops
 * one machine trying many accounts (password spraying) without locking out an office.
 */
export const IP_RULE: ThrottleRule = { maxFailures: 50, windowMs: 15 * MINUTE };

export type ThrottleState = { locked: false; failures: number } | { locked: true; failures: number; retryAt: Date };

/**
 * Sliding window: locked while `maxFailures` or more failures happened in (now − window, now].
 * The lock lifts when enough of them age out, i.e. at the (n − max + 1)-th newest failure + window.
 */
export function assessThrottle(failureTimes: readonly Date[], now: Date, rule: ThrottleRule): ThrottleState {
  const from = now.getTime() - rule.windowMs;
  const recent = failureTimes
    .map((d) => d.getTime())
    .filter((t) => t > from && t <= now.getTime())
    .sort((a, b) => a - b);
  if (recent.length < rule.maxFailures) return { locked: false, failures: recent.length };
  // Unlocks when the count drops to maxFailures − 1: after the failure at this index leaves the window.
  const releasing = recent[recent.length - rule.maxFailures] ?? now.getTime();
  return { locked: true, failures: recent.length, retryAt: new Date(releasing + rule.windowMs) };
}

/** The earliest moment failures older than every rule's window can be deleted. */
export function oldestRelevant(now: Date, rules: readonly ThrottleRule[]): Date {
  return new Date(now.getTime() - Math.max(...rules.map((r) => r.windowMs)));
}

/** "15 minutes", "1 minute": how long until the lock lifts, rounded up to whole minutes. */
export function waitText(now: Date, retryAt: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MINUTE));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
