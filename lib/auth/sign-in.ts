// Password sign-in and sign-out: the failed-attempt limits, better-auth's credential check and
// session creation, and the audit trail. Returns the Set-Cookie headers for the caller to apply
// (the server action copies them into next/headers cookies; tests read them).
import { isAPIError } from "better-auth/api";
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import { clientIp, type AuthContext } from "./context";
import type { Actor } from "./permissions";
import { requestUser } from "./session";
import { clearFailures, releaseReservation, reserveAttempt, throttleKey } from "./throttle-store";

type SignInResult =
  | { ok: true; user: Actor; setCookies: string[] }
  /** Wrong email or password, or an account that cannot sign in: deliberately indistinguishable. */
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAt: Date };

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function setCookieHeaders(headers: Headers): string[] {
  return headers.getSetCookie();
}

export async function signInWithPassword(ctx: AuthContext, input: { email: string; password: string }): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const ip = clientIp(ctx.headers);
  const now = ctx.now();
  const accountKey = throttleKey("ACCOUNT", email);
  const ipKey = throttleKey("IP", ip ?? "unknown");

  /** A refused or failed attempt, recorded against the account when one has this email. */
  const auditUnsuccessful = async (action: string, outcome: "REFUSED" | "FAILURE", detail: Record<string, unknown>) => {
    const known = await ctx.db.user.findUnique({ where: { email }, select: { id: true } });
    await recordAudit(ctx.db, {
      action,
      outcome,
      actor: null,
      actorEmail: email,
      entityType: known ? "user" : undefined,
      entityId: known?.id,
      detail,
      ip,
      at: now,
    });
  };

  const reservation = await reserveAttempt(ctx.db, [accountKey, ipKey], now);
  if (reservation.state.locked) {
    await releaseReservation(ctx.db, reservation);
    await auditUnsuccessful(AUDIT_ACTIONS.signInRefused, "REFUSED", {
      reason: "too_many_failures",
      limit: reservation.lockedScope,
      failures: reservation.state.failures,
      retryAt: reservation.state.retryAt,
    });
    return { ok: false, reason: "locked", retryAt: reservation.state.retryAt };
  }

  let failure: string | null = null;
  let setCookies: string[] = [];
  let userId = "";
  try {
    const { headers, response } = await ctx.auth.api.signInEmail({
      body: { email, password: input.password, rememberMe: true },
      headers: ctx.headers,
      returnHeaders: true,
    });
    setCookies = setCookieHeaders(headers);
    userId = response.user.id;
  } catch (error) {
    if (!isAPIError(error)) {
      await releaseReservation(ctx.db, reservation);
      throw error;
    }
    // INVALID_EMAIL_OR_PASSWORD, or FAILED_TO_CREATE_SESSION when the session hook refused a
    // disabled (or production demo) account. Both are one answer to the person signing in.
    failure = error.body?.code === "FAILED_TO_CREATE_SESSION" ? "account_unusable" : "invalid_credentials";
  }

  if (failure) {
    await auditUnsuccessful(AUDIT_ACTIONS.signInFailed, "FAILURE", { reason: failure });
    return { ok: false, reason: "invalid" };
  }

  await releaseReservation(ctx.db, reservation);
  await clearFailures(ctx.db, accountKey);
  const user = await ctx.db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, role: true, laNumber: true },
  });
  await recordAudit(ctx.db, {
    action: AUDIT_ACTIONS.signIn,
    outcome: "SUCCESS",
    actor: user,
    entityType: "user",
    entityId: user.id,
    laNumber: user.laNumber,
    ip,
    at: now,
  });
  return { ok: true, user: { id: user.id, role: user.role, laNumber: user.laNumber }, setCookies };
}

/** Deletes the session row (if any) and returns the cookie-clearing headers. */
export async function signOut(ctx: AuthContext): Promise<{ setCookies: string[] }> {
  const user = await requestUser(ctx);
  const { headers } = await ctx.auth.api.signOut({ headers: ctx.headers, returnHeaders: true });
  if (user) {
    await recordAudit(ctx.db, {
      action: AUDIT_ACTIONS.signOut,
      outcome: "SUCCESS",
      actor: { id: user.id, email: user.email, role: user.role },
      entityType: "user",
      entityId: user.id,
      laNumber: user.laNumber,
      ip: clientIp(ctx.headers),
      at: ctx.now(),
    });
  }
  return { setCookies: setCookieHeaders(headers) };
}
